/**
 * A resident without JavaScript reads a council's public site, applies for a vacancy,
 * writes to the council, reads the statements and switches to English and back.
 * axe runs on every page; the Nu checker reads all of them at the end.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Locator, Page, Response } from 'playwright-core';
import { launchBrowser, newPage, startTestServer, type TestServer, menuLink } from '../support/browser.ts';
import { VisitedPages, expectErrorSummary, pathOf, waitForMinimumFillTime } from './journey.ts';

let server: TestServer;
let browser: Browser;
let page: Page;
const visited = new VisitedPages();

/** Responses from the app that set a cookie, while the resident has not asked for one. */
const cookiesSet: string[] = [];
let responsesSeen = 0;
let watchingCookies = true;
const pendingHeaderReads: Promise<void>[] = [];

before(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  page = await newPage(browser, { javaScriptEnabled: false });
  page.on('response', (response: Response) => {
    if (!watchingCookies || !response.url().startsWith(server.url)) return;
    responsesSeen++;
    const what = `${response.request().method()} ${new URL(response.url()).pathname} (${response.status()})`;
    pendingHeaderReads.push(
      response.headerValue('set-cookie').then((value) => {
        if (value) cookiesSet.push(`${what}: ${value}`);
      }),
    );
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const mainNav = () => page.getByRole('navigation', { name: 'Hoofdmenu' });
const footer = () => page.getByRole('navigation', { name: 'Voettekst' });
const h1 = () => page.getByRole('heading', { level: 1 });

async function follow(link: Locator, expectedPath: string | RegExp) {
  await Promise.all([page.waitForURL((u) => (typeof expectedPath === 'string' ? u.pathname === expectedPath : expectedPath.test(u.pathname))), link.click()]);
}

test('from the list of councils to the council home and its pages', async () => {
  await page.goto(`${server.url}/`);
  assert.equal(await page.locator('html').getAttribute('lang'), 'nl');
  assert.equal(await h1().innerText(), 'Raden en organisaties op Raadwerk');
  await visited.check(page, 'home /');

  await follow(page.getByRole('link', { name: 'Adviesraad Sociaal Domein Lindewijk' }), '/lindewijk');
  assert.equal(await h1().innerText(), 'Adviesraad Sociaal Domein Lindewijk');
  await visited.check(page, 'council home');

  for (const [label, path, heading] of [
    ['Over ons', '/lindewijk/over-ons', 'Over ons'],
    ['Leden', '/lindewijk/leden', 'Leden'],
    ['Werkgroepen', '/lindewijk/werkgroepen', 'Werkgroepen'],
    ['Vacatures', '/lindewijk/vacatures', 'Vacatures'],
  ] as const) {
    await follow(await menuLink(page, 'Hoofdmenu', label), path);
    assert.equal(await h1().innerText(), heading);
    // The menu marks where the resident is (an item under "Meer" once that is opened).
    assert.equal(await (await menuLink(page, 'Hoofdmenu', label)).getAttribute('aria-current'), 'page');
    await visited.check(page, path);
  }
});

test('the resident applies for a vacancy: first with empty fields, then filled in', async () => {
  await follow(page.getByRole('link', { name: 'Lees meer over Lid met affiniteit met jeugdzorg' }), /^\/lindewijk\/vacatures\/[0-9a-f-]+$/);
  const vacancyPath = pathOf(page);
  assert.equal(await h1().innerText(), 'Lid met affiniteit met jeugdzorg');
  await visited.check(page, 'vacancy');

  await follow(page.getByRole('link', { name: 'Reageer op deze vacature' }), `${vacancyPath}/reageren`);
  assert.equal(await h1().innerText(), 'Reageren op: Lid met affiniteit met jeugdzorg');
  assert.doesNotMatch(await page.title(), /^Fout/);
  await visited.check(page, 'apply form');

  await Promise.all([page.waitForURL(`${server.url}${vacancyPath}/reageren`), page.getByRole('button', { name: 'Reactie versturen' }).click()]);
  const servedAt = Date.now();
  const errors = await expectErrorSummary(page);
  assert.equal(errors.length, 3, `errors for name, e-mail and motivation; the phone is optional: ${errors.join(' | ')}`);
  assert.equal(await page.locator('#veld-phone').getAttribute('aria-invalid'), null);
  await visited.check(page, 'apply form with errors');

  // Following a link in the summary lands on its field.
  await page.locator('.rw-error-summary a[href="#veld-email"]').click();
  assert.equal(new URL(page.url()).hash, '#veld-email');

  await page.getByLabel('Uw naam').fill('Fatima el Amrani');
  await page.getByLabel('Uw e-mailadres').fill('fatima@example.org');
  await page.getByLabel('Uw telefoonnummer (optioneel)').fill('06 12345678');
  await page.getByLabel('Waarom wilt u meedoen?').fill('Ik ben moeder van twee kinderen met jeugdhulp en wil graag meedenken.');
  await waitForMinimumFillTime(page, servedAt);
  await Promise.all([page.waitForURL(`${server.url}${vacancyPath}/verzonden`), page.getByRole('button', { name: 'Reactie versturen' }).click()]);
  assert.equal(await h1().innerText(), 'Bedankt voor uw reactie');
  assert.doesNotMatch(await page.title(), /^Fout/);
  assert.match(await page.getByRole('status').innerText(), /Lid met affiniteit met jeugdzorg/);
  await visited.check(page, 'applied');
});

test('the resident writes to the council: an error first, then sent', async () => {
  await follow(mainNav().getByRole('link', { name: 'Contact', exact: true }), '/lindewijk/contact');
  assert.equal(await h1().innerText(), 'Contact');
  await visited.check(page, 'contact form');

  await page.getByLabel('Uw naam').fill('Kees de Boer');
  await page.getByLabel('Uw e-mailadres').fill('kees-at-example.org');
  await page.getByLabel('Onderwerp').fill('Vervoer naar de dagbesteding');
  await page.getByLabel('Uw bericht').fill('De taxi komt vaak te laat. Weet de raad hiervan?');
  await Promise.all([page.waitForURL(`${server.url}/lindewijk/contact`), page.getByRole('button', { name: 'Versturen' }).click()]);
  const servedAt = Date.now();
  const errors = await expectErrorSummary(page);
  assert.equal(errors.length, 1, `only the e-mail address is wrong: ${errors.join(' | ')}`);
  assert.equal(await page.locator('.rw-error-summary a').getAttribute('href'), '#veld-email');
  // What the resident typed is still there.
  assert.equal(await page.getByLabel('Uw naam').inputValue(), 'Kees de Boer');
  assert.equal(await page.getByLabel('Uw bericht').inputValue(), 'De taxi komt vaak te laat. Weet de raad hiervan?');
  await visited.check(page, 'contact form with an error');

  await page.getByLabel('Uw e-mailadres').fill('kees@example.org');
  await waitForMinimumFillTime(page, servedAt);
  await Promise.all([page.waitForURL(`${server.url}/lindewijk/contact/verzonden`), page.getByRole('button', { name: 'Versturen' }).click()]);
  assert.equal(await h1().innerText(), 'Uw bericht is verstuurd');
  await visited.check(page, 'contact sent');
});

test('the accessibility and privacy statements are linked from every page', async () => {
  await follow(footer().getByRole('link', { name: 'Toegankelijkheid' }), '/lindewijk/toegankelijkheid');
  assert.equal(await h1().innerText(), 'Toegankelijkheidsverklaring');
  await visited.check(page, 'accessibility statement');

  await follow(footer().getByRole('link', { name: 'Privacy' }), '/lindewijk/privacy');
  assert.equal(await h1().innerText(), 'Privacyverklaring');
  await visited.check(page, 'privacy statement');
});

test('no page set a cookie before the resident chose a language', async () => {
  await Promise.all(pendingHeaderReads);
  watchingCookies = false;
  assert.ok(responsesSeen >= 20, `the watcher saw the responses (${responsesSeen})`);
  assert.deepEqual(cookiesSet, []);
  assert.deepEqual(await page.context().cookies(), []);
});

test('the resident switches to English and back to Dutch', async () => {
  await page.goto(`${server.url}/lindewijk`);
  await visited.check(page, 'council home before the switch');
  await follow(page.getByRole('link', { name: 'English' }), '/lindewijk');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  // Asked for, so now there is one: the functional language cookie.
  assert.deepEqual(
    (await page.context().cookies()).map((c) => `${c.name}=${c.value}`),
    ['rw_taal=en'],
  );
  assert.ok(await page.getByRole('heading', { level: 2, name: 'What we do' }).isVisible());
  assert.ok(await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'About us' }).isVisible());
  await visited.check(page, 'council home in English');

  // The choice holds on the next page.
  await follow(await menuLink(page, 'Main menu', 'Vacancies'), '/lindewijk/vacatures');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.equal(await h1().innerText(), 'Vacancies');
  await visited.check(page, 'vacancies in English');

  await follow(page.getByRole('link', { name: 'Nederlands' }), '/lindewijk/vacatures');
  assert.equal(await page.locator('html').getAttribute('lang'), 'nl');
  assert.equal(await h1().innerText(), 'Vacatures');
  assert.ok(await mainNav().isVisible());
  await visited.check(page, 'vacancies in Dutch again');
});

test('every page the resident saw is valid HTML (Nu checker)', async () => {
  await visited.expectValidHtml();
});
