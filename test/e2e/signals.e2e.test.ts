/**
 * Signals from residents, in Chromium with a real SMTP peer:
 *
 *   a resident without JavaScript   reports a signal with contact details, after a page with
 *                                   errors, a change from the check page and a too-fast send;
 *                                   reads the acknowledgement mail
 *   a resident with JavaScript      reports one anonymously, by keyboard
 *   the secretary (Karim Bakker)    makes a key for an organisation, which submits through the
 *                                   API; triages the signals into one theme and sees that theme
 *                                   cross the threshold on the themes page
 *
 * No cookie is set for the residents. axe runs on every page; the Nu checker reads all of them.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page, Response } from 'playwright-core';
import { launchBrowser, newPage, startTestServer, type TestServer, menuLink } from '../support/browser.ts';
import { startSmtpServer, type TestSmtp } from '../support/smtp.ts';
import { VisitedPages, clickAndWait, expectErrorSummary, logIn, pathOf } from './journey.ts';
import { MIN_FILL_MS } from '../../src/modules/signals/signals.intake.ts';

let smtp: TestSmtp;
let server: TestServer;
let browser: Browser;
const visited = new VisitedPages();

const RESIDENT_EMAIL = 'joke.smit@voorbeeld.example';
const STORY_1 = 'Sinds de zomer komt de hulp bij het huishouden maar één keer per twee weken. Niemand heeft met ons overlegd.';
const STORY_2 = 'De hulp bij het huishouden wordt steeds afgezegd op de dag zelf. Bellen naar de aanbieder helpt niet.';
const DESCRIPTION_REQUIRED = 'Beschrijf wat er aan de hand is.';
/** References of the signals made in this file, in order. */
const references: string[] = [];

before(async () => {
  smtp = await startSmtpServer();
  [server, browser] = await Promise.all([startTestServer({ env: { SMTP_URL: smtp.url } }), launchBrowser()]);
});

after(async () => {
  await browser?.close();
  await server?.close();
  await smtp?.close();
});

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const main = (page: Page) => page.locator('main');
const next = (page: Page) => page.getByRole('button', { name: 'Volgende' });

/** A form post that answers on the same address (the question pages): wait for the new page. */
async function submit(page: Page, act: () => Promise<unknown>): Promise<void> {
  await Promise.all([page.waitForEvent('load'), act()]);
}

/** Watches a resident's responses for Set-Cookie: there must be none. */
function watchCookies(page: Page): string[] {
  const set: string[] = [];
  page.on('response', (response: Response) => {
    if (!response.url().startsWith(server.url)) return;
    void response.headerValue('set-cookie').then((v) => {
      if (v) set.push(`${response.request().method()} ${new URL(response.url()).pathname}: ${v}`);
    });
  });
  return set;
}

async function expectStep(page: Page, n: number, question: string, name: string): Promise<void> {
  assert.equal(await page.title(), `Stap ${n} van 6: ${question} - Adviesraad Sociaal Domein Lindewijk`);
  assert.equal(await h1(page).innerText(), question);
  await visited.check(page, name);
}

test('a resident without JavaScript reports a signal with contact details and reads the acknowledgement', async () => {
  const page = await newPage(browser, { javaScriptEnabled: false });
  const cookies = watchCookies(page);
  await page.goto(`${server.url}/lindewijk`);
  await clickAndWait(page, page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Signaal melden' }), '/lindewijk/signaal');
  assert.equal(await h1(page).innerText(), 'Een signaal melden');
  assert.match(await main(page).innerText(), /lost geen persoonlijke problemen op/);
  assert.match(await main(page).innerText(), /wijkteam/);
  await visited.check(page, 'nojs: start');
  const startedAt = Date.now();

  await submit(page, () => page.getByRole('button', { name: 'Start' }).click());
  await expectStep(page, 1, 'Wat is er gebeurd?', 'nojs: step 1');
  // The warning is read with the field.
  const story = page.getByLabel('Wat is er gebeurd?');
  assert.match(String(await story.getAttribute('aria-describedby')), /veld-description-let-op/);
  assert.match(await page.locator('#veld-description-let-op').innerText(), /geen medische gegevens/);

  // Nothing filled in: the same page with an error summary.
  await submit(page, () => next(page).click());
  assert.deepEqual(await expectErrorSummary(page), [DESCRIPTION_REQUIRED]);
  await visited.check(page, 'nojs: step 1 with an error');
  await page.getByLabel('Wat is er gebeurd?').fill(STORY_1);
  await submit(page, () => next(page).click());

  await expectStep(page, 2, 'Over welk onderwerp gaat het?', 'nojs: step 2');
  await page.getByLabel('Vervoer').check();
  // Switching language mid-way keeps the answers, without JavaScript too (issue 9, part 6).
  await submit(page, () => page.getByRole('button', { name: 'In English (your answers stay)' }).click());
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.getByRole('radio', { checked: true }).count(), 1);
  await submit(page, () => page.getByRole('button', { name: 'In het Nederlands (uw antwoorden blijven staan)' }).click());
  assert.equal(await page.getByLabel('Vervoer').isChecked(), true);
  await submit(page, () => next(page).click());
  await expectStep(page, 3, 'Sinds wanneer speelt het probleem?', 'nojs: step 3');
  // Back one page: the answer given there is still chosen.
  await submit(page, () => page.getByRole('button', { name: 'Vorige' }).click());
  assert.equal(await page.getByLabel('Vervoer').isChecked(), true);
  await submit(page, () => next(page).click());
  await page.getByLabel('Minder dan een half jaar').check();
  await submit(page, () => next(page).click());

  await expectStep(page, 4, 'Voor hoeveel mensen is dit een probleem?', 'nojs: step 4');
  await page.getByLabel('Aantal mensen').fill('veel');
  await submit(page, () => next(page).click());
  await expectErrorSummary(page);
  await visited.check(page, 'nojs: step 4 with an error');
  await page.getByLabel('Aantal mensen').fill('40');
  await submit(page, () => next(page).click());

  await expectStep(page, 5, 'Wilt u anoniem blijven?', 'nojs: step 5');
  await page.getByLabel('Nee, ik laat mijn gegevens achter').check();
  await page.getByLabel('Naam').fill('Joke Smit');
  await page.getByLabel('E-mailadres').fill(RESIDENT_EMAIL);
  await submit(page, () => next(page).click());

  await expectStep(page, 6, 'Mogen wij uw gegevens gebruiken?', 'nojs: step 6');
  assert.match(await main(page).innerText(), /versleuteld/);
  assert.match(await main(page).innerText(), /na 3 maanden/);
  await page.getByLabel('Ik geef toestemming').check();
  await submit(page, () => next(page).click());

  assert.equal(await h1(page).innerText(), 'Controleer uw antwoorden');
  const answers = await main(page).locator('dl').innerText();
  assert.match(answers, /Vervoer/);
  assert.match(answers, /Joke Smit/);
  await visited.check(page, 'nojs: check your answers');
  // Change the subject: back on its page, then straight back here.
  await submit(page, () => page.getByRole('button', { name: 'Wijzig Over welk onderwerp gaat het?' }).click());
  await expectStep(page, 2, 'Over welk onderwerp gaat het?', 'nojs: change the subject');
  await page.getByLabel('Hulp bij het huishouden').check();
  await submit(page, () => next(page).click());
  assert.equal(await h1(page).innerText(), 'Controleer uw antwoorden');
  assert.match(await main(page).locator('dl').innerText(), /Hulp bij het huishouden/);

  // Sent within seconds of the start page: refused with a clear message, nothing lost.
  if (Date.now() - startedAt < MIN_FILL_MS - 500) {
    await submit(page, () => page.getByRole('button', { name: 'Verstuur melding' }).click());
    assert.deepEqual(await expectErrorSummary(page), ['U verstuurde het formulier sneller dan wij verwachtten. Controleer uw antwoorden en klik dan nog een keer op "Verstuur melding".']);
    await visited.check(page, 'nojs: sent too fast');
  }
  const left = startedAt + MIN_FILL_MS + 250 - Date.now();
  if (left > 0) await page.waitForTimeout(left);
  await clickAndWait(page, page.getByRole('button', { name: 'Verstuur melding' }), /^\/lindewijk\/signaal\/verstuurd\?/);
  assert.equal(await h1(page).innerText(), 'Uw melding is verstuurd');
  const reference = (await page.locator('.rw-reference').innerText()).trim();
  assert.match(reference, /^S-\d{4}-\d{4}$/);
  references.push(reference);
  assert.match(await main(page).innerText(), /Wat gebeurt er nu\?/);
  await visited.check(page, 'nojs: sent');

  const mail = await smtp.waitFor((m) => m.to.includes(RESIDENT_EMAIL));
  assert.ok(`${mail.subject}\n${mail.body}`.includes(reference), 'the acknowledgement names the reference');
  assert.ok(!mail.body.includes('één keer per twee weken'), 'the mail does not repeat what the resident wrote');
  // Only the language switch the resident chose sets cookies (the language, and the kept answers for a moment).
  assert.deepEqual(
    cookies.filter((c) => !c.startsWith('POST /taal:') && !c.includes('rw_concept=;')),
    [],
    'no other cookie for a resident',
  );
  assert.deepEqual(
    (await page.context().cookies()).map((c) => c.name),
    ['rw_taal'],
    'only the language the resident chose stays; the kept answers were read and are gone',
  );
  await page.context().close();
});

test('a resident with JavaScript reports a signal anonymously, by keyboard', async () => {
  const page = await newPage(browser);
  const cookies = watchCookies(page);
  await page.goto(`${server.url}/lindewijk/signaal`);
  await visited.check(page, 'js: start');
  const startedAt = Date.now();
  await page.getByRole('button', { name: 'Start' }).focus();
  await submit(page, () => page.keyboard.press('Enter'));
  await expectStep(page, 1, 'Wat is er gebeurd?', 'js: step 1');

  // An empty page: the script moves focus to the error summary, so it is read first.
  await next(page).focus();
  await submit(page, () => page.keyboard.press('Enter'));
  await expectErrorSummary(page);
  assert.equal(await page.evaluate('document.activeElement && document.activeElement.id'), 'foutmeldingen');
  await visited.check(page, 'js: step 1 with an error');

  await page.getByLabel('Wat is er gebeurd?').focus();
  await page.keyboard.type(STORY_2);
  // Tab from the text goes straight to the button: the spam trap is out of the tab order.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate('document.activeElement && document.activeElement.textContent'), 'Volgende');
  await submit(page, () => page.keyboard.press('Enter'));

  await expectStep(page, 2, 'Over welk onderwerp gaat het?', 'js: step 2');
  await page.getByLabel('Hulp bij het huishouden').focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await submit(page, () => page.keyboard.press('Enter'));
  await expectStep(page, 3, 'Sinds wanneer speelt het probleem?', 'js: step 3');
  await page.getByLabel('Minder dan een maand').focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await submit(page, () => page.keyboard.press('Enter'));

  // Enter in a text field sends the page forward (the back link is a form of its own).
  await expectStep(page, 4, 'Voor hoeveel mensen is dit een probleem?', 'js: step 4');
  await page.getByLabel('Aantal mensen').focus();
  await page.keyboard.type('3');
  await submit(page, () => page.keyboard.press('Enter'));

  await expectStep(page, 5, 'Wilt u anoniem blijven?', 'js: step 5');
  await page.getByLabel('Ja, ik blijf anoniem').focus();
  await page.keyboard.press('Space');
  await next(page).focus();
  await submit(page, () => page.keyboard.press('Enter'));

  // Anonymous: no consent page.
  assert.equal(await h1(page).innerText(), 'Controleer uw antwoorden');
  assert.match(await main(page).locator('dl').innerText(), /Ik blijf anoniem/);
  await visited.check(page, 'js: check your answers');
  const left = startedAt + MIN_FILL_MS + 250 - Date.now();
  if (left > 0) await page.waitForTimeout(left);
  await page.getByRole('button', { name: 'Verstuur melding' }).focus();
  await Promise.all([page.waitForURL(/\/lindewijk\/signaal\/verstuurd\?/), page.keyboard.press('Enter')]);
  const reference = (await page.locator('.rw-reference').innerText()).trim();
  references.push(reference);
  await visited.check(page, 'js: sent');
  assert.deepEqual(cookies, []);
  assert.equal(pathOf(page).startsWith('/lindewijk/signaal/verstuurd'), true);
  await page.context().close();
});

const THEME = 'Hulp in het huishouden valt uit';
let secretary: Page;

test('the secretary makes a key for an organisation, which passes on signals through the API', async () => {
  secretary = await logIn(browser, server.url, 'secretaris@adviesraad-lindewijk.example', 'Karim Bakker');
  await clickAndWait(secretary, await menuLink(secretary, 'Menu werkruimte', 'API-sleutels'), '/lindewijk/werkruimte/api-sleutels');
  await visited.check(secretary, 'secretary: API keys');
  await secretary.getByLabel('Naam', { exact: true }).fill('Mantelzorgsteunpunt Lindewijk');
  await secretary.getByLabel('Voor een organisatie: alleen signalen insturen').check();
  await submit(secretary, () => secretary.getByRole('button', { name: 'Sleutel maken' }).click());
  const token = await secretary.locator('#nieuwe-sleutel').inputValue();
  assert.match(token, /^rw_/);
  assert.match(await main(secretary).locator('table').innerText(), /Mantelzorgsteunpunt Lindewijk\s+Alleen signalen/);
  await visited.check(secretary, 'secretary: new organisation key');

  for (const story of [
    'Mantelzorgers vertellen dat de huishoudelijke hulp zonder bericht wegblijft.',
    'Op ons spreekuur hoorden wij van drie gezinnen dat de hulp in huis is gehalveerd.',
    'Een mantelzorger moet zelf het huishouden van haar moeder doen sinds de nieuwe indicatie.',
  ]) {
    const res = await fetch(`${server.url}/api/v1/raden/lindewijk/signalen`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ description: story, area: 'household_help', since: 'month' }),
    });
    assert.equal(res.status, 201, await res.clone().text());
    references.push(((await res.json()) as { reference: string }).reference);
  }
  // The key is for signals only.
  const other = await fetch(`${server.url}/api/v1/raden/lindewijk/adviesaanvragen`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: '{}',
  });
  assert.equal(other.status, 403);
});

/** Opens a signal from the list and puts it in the theme (a new one the first time). */
async function putInTheme(reference: string, first: boolean): Promise<void> {
  await secretary.goto(`${server.url}/lindewijk/werkruimte/signalen`);
  await clickAndWait(secretary, main(secretary).getByRole('link', { name: reference, exact: true }), /^\/lindewijk\/werkruimte\/signalen\/[0-9a-f-]+$/);
  if (first) await visited.check(secretary, 'secretary: a signal to triage');
  if (first) {
    await secretary.getByLabel('Thema', { exact: true }).selectOption({ label: 'Nieuw thema…' });
    await secretary.getByLabel('Naam van het nieuwe thema').fill(THEME);
  } else {
    await secretary.getByLabel('Thema', { exact: true }).selectOption({ label: THEME });
  }
  await submit(secretary, () => secretary.getByRole('button', { name: 'Thema opslaan' }).click());
  assert.match(await main(secretary).innerText(), new RegExp(THEME));
}

/** The theme's row on the themes page: its count and whether it is flagged. */
async function themeRow(): Promise<string> {
  await secretary.goto(`${server.url}/lindewijk/werkruimte/signalen/themas`);
  return (await main(secretary).getByRole('row').filter({ hasText: THEME }).first().innerText()).replace(/\s+/g, ' ');
}

test('the secretary triages the signals into one theme, and sees it cross the threshold once a third source reports it', async () => {
  assert.equal(references.length, 5, 'two from the form, three through the API');
  for (const [i, reference] of references.entries()) await putInTheme(reference, i === 0);
  // Five signals, but from two sources (the website and the API): not yet a larger group.
  assert.match(await themeRow(), new RegExp(`${THEME} 5 Nee`));
  await visited.check(secretary, 'secretary: themes, under the threshold');

  // A phone call makes a third source.
  await secretary.goto(`${server.url}/lindewijk/werkruimte/signalen/nieuw`);
  await secretary.getByRole('radio', { name: 'Telefoon' }).check();
  await secretary.getByLabel('Wat is er aan de hand?').fill('Telefonisch gemeld: de hulp bij het huishouden is al drie weken niet geweest.');
  await secretary.getByRole('radio', { name: 'Hulp bij het huishouden' }).check();
  await secretary.getByRole('radio', { name: 'Minder dan een maand' }).check();
  await clickAndWait(secretary, secretary.getByRole('button', { name: 'Signaal opslaan' }), /^\/lindewijk\/werkruimte\/signalen\/[0-9a-f-]+\?/);
  const phoned = /S-\d{4}-\d{4}/.exec(await main(secretary).innerText())![0];
  await putInTheme(phoned, false);

  const row = await themeRow();
  assert.match(row, new RegExp(`${THEME} 6 Mogelijk grotere groep geraakt`));
  assert.match(await main(secretary).innerText(), /Dit thema gaat over de drempel van de raad/);
  await visited.check(secretary, 'secretary: themes, over the threshold');
});

test('every visited page is valid HTML (Nu checker)', async () => {
  await visited.expectValidHtml();
});
