/**
 * The knowledge base in Chromium with JavaScript off and a real SMTP peer (issue 11):
 *
 *   a resident                      reads an adopted article on Lindewijk's site, sends it on to
 *                                   two addresses (first with a link in the note: refused), and
 *                                   the mail arrives with the fixed template; no cookie is set;
 *                                   the national video article plays its file with captions
 *   the secretary of Bergeloo       adopts a national article and adds a local paragraph
 *   the national editor             changes the article's text
 *   the secretary of Bergeloo       gets the notice with the difference by mail, and sees it in
 *                                   the workspace
 *
 * axe runs on every page; the Nu checker reads all of them at the end.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, startTestServer, type TestServer } from '../support/browser.ts';
import { startSmtpServer, type TestSmtp } from '../support/smtp.ts';
import { DEMO_PASSWORD, VisitedPages, clickAndWait, expectErrorSummary, waitForMinimumFillTime } from './journey.ts';

let smtp: TestSmtp;
let server: TestServer;
let browser: Browser;
const visited = new VisitedPages();

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

async function logInNoJs(email: string, workspace: string): Promise<Page> {
  const page = await newPage(browser, { javaScriptEnabled: false });
  await page.goto(`${server.url}/inloggen`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
  await clickAndWait(page, page.getByRole('button', { name: 'Inloggen' }), workspace);
  return page;
}

test('a resident reads an article and sends it on; the mail comes from the fixed template; no cookie', async () => {
  const page = await newPage(browser, { javaScriptEnabled: false });
  await page.goto(`${server.url}/lindewijk/kennisbank`);
  assert.equal(await h1(page).innerText(), 'Kennisbank');
  await visited.check(page, 'knowledge base');
  await page.getByLabel('Zoek in de kennisbank').fill('wijkteem');
  await clickAndWait(page, page.getByRole('button', { name: 'Zoeken' }), /\/lindewijk\/kennisbank\?q=wijkteem/);
  assert.match(await main(page).innerText(), /Waar vraagt u hulp\? Het Wmo-loket en het wijkteam/);
  await visited.check(page, 'search');
  await clickAndWait(page, page.getByRole('link', { name: 'Waar vraagt u hulp? Het Wmo-loket en het wijkteam' }), /^\/lindewijk\/kennisbank\/[0-9a-f-]+$/);
  assert.match(await main(page).innerText(), /Zo werkt het bij Adviesraad Sociaal Domein Lindewijk/);
  assert.match(await main(page).innerText(), /Sociaal Team Lindewijk/);
  await visited.check(page, 'article');

  await clickAndWait(page, page.getByRole('link', { name: 'Stuur dit artikel door' }), /\/doorsturen$/);
  const servedAt = Date.now();
  await visited.check(page, 'send on');
  await page.getByLabel('E-mailadressen').fill('buurvrouw@voorbeeld.example, zoon@voorbeeld.example');
  await page.getByLabel('Korte boodschap').fill('Kijk op www.voorbeeld.nl');
  await waitForMinimumFillTime(page, servedAt);
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Versturen' }).click()]);
  assert.deepEqual(await expectErrorSummary(page), ['Haal de link of het e-mailadres uit de boodschap. Links kunnen niet.']);
  // The page with the error carries a new form token: its clock starts again.
  const servedAgainAt = Date.now();
  await visited.check(page, 'send on: link in note');
  await page.getByLabel('Korte boodschap').fill('Dit is handig voor jou.');
  await waitForMinimumFillTime(page, servedAgainAt);
  await clickAndWait(page, page.getByRole('button', { name: 'Versturen' }), /\/doorsturen\?melding=verzonden$/);
  assert.match(await main(page).innerText(), /De e-mail is verstuurd/);
  await visited.check(page, 'sent');

  const mail = await smtp.waitFor((m) => m.to.includes('zoon@voorbeeld.example'));
  assert.equal(mail.subject, 'Iemand stuurt u een artikel: Waar vraagt u hulp? Het Wmo-loket en het wijkteam');
  assert.match(mail.body, /Lees het hier: http:\/\/127\.0\.0\.1:\d+\/lindewijk\/kennisbank\/[0-9a-f-]+/);
  assert.match(mail.body, /“Dit is handig voor jou\.”/);
  assert.ok(await smtp.waitFor((m) => m.to.includes('buurvrouw@voorbeeld.example')));
  assert.deepEqual(await page.context().cookies(), [], 'no cookie for a resident');

  // The national video: the browser's own player fetches the uploaded file from this site (the
  // content security policy allows media from 'self'), in ranges, and the captions as a track.
  await page.goto(`${server.url}/kennispunt/kennisbank`);
  const isVideo = (path: string) => (r: { url(): string }) => new URL(r.url()).pathname.endsWith(path);
  const [video, captions] = await Promise.all([
    page.waitForResponse(isVideo('/video')),
    page.waitForResponse(isVideo('/ondertiteling.vtt')),
    clickAndWait(page, page.getByRole('link', { name: 'Video: wat doet een adviesraad?' }), /^\/kennispunt\/kennisbank\/[0-9a-f-]+$/),
  ]);
  assert.equal(video.status(), 206, 'the player asks for a range');
  assert.equal(video.headers()['content-type'], 'video/webm');
  assert.match(await captions.text(), /^WEBVTT/);
  assert.match(await main(page).innerText(), /Uitgeschreven tekst/);
  await visited.check(page, 'video article');
  await page.context().close();
});

test('a secretary adopts a national article with a paragraph; the national editor changes it; the council gets the notice with the difference', async () => {
  const secretary = await logInNoJs('secretaris@wmoraad-bergeloo.example', '/bergeloo/werkruimte');
  await secretary.goto(`${server.url}/bergeloo/werkruimte/kennisbank`);
  await visited.check(secretary, 'workspace knowledge base');
  await clickAndWait(secretary, secretary.getByRole('button', { name: 'Overnemen Het keukentafelgesprek' }), /\/bergeloo\/werkruimte\/kennisbank\/overgenomen\/[0-9a-f-]+\?melding=overgenomen$/);
  assert.match(await main(secretary).innerText(), /Het artikel staat nu op uw site/);
  const adoption = new URL(secretary.url()).pathname;
  await secretary.getByLabel('Eigen stukje over uw gemeente (optioneel)').fill('In Bergeloo komt er een cliëntondersteuner mee als u dat vraagt.');
  await clickAndWait(secretary, secretary.getByRole('button', { name: 'Opslaan' }), `${adoption}?melding=opgeslagen`);
  await visited.check(secretary, 'adoption');
  const articlePath = `/bergeloo/kennisbank/${adoption.split('/').pop()}`;
  await secretary.goto(`${server.url}${articlePath}`);
  assert.match(await main(secretary).innerText(), /In Bergeloo komt er een cliëntondersteuner mee/);

  const editor = await logInNoJs('redactie@kennispunt-inspraak.example', '/kennispunt/werkruimte');
  await editor.goto(`${server.url}/kennispunt/werkruimte/kennisbank`);
  await clickAndWait(editor, editor.getByRole('link', { name: 'Het keukentafelgesprek' }), /\/kennispunt\/werkruimte\/kennisbank\/[0-9a-f-]+$/);
  const body = editor.getByLabel('Tekst', { exact: true });
  await body.fill(`${await body.inputValue()}\n\nHet gesprek duurt meestal een uur.`);
  await clickAndWait(editor, editor.getByRole('button', { name: 'Opslaan' }), /\?melding=opgeslagen$/);
  assert.match(await main(editor).innerText(), /Hoe makkelijk is de tekst\?/);
  await visited.check(editor, 'article saved with plain-language advice');

  const notice = await smtp.waitFor((m) => m.to.includes('secretaris@wmoraad-bergeloo.example') && /keukentafelgesprek/.test(m.body));
  assert.match(notice.body, /\+ Het gesprek duurt meestal een uur\./);
  await secretary.goto(`${server.url}${adoption}`);
  assert.match(await main(secretary).innerText(), /De landelijke tekst is veranderd \(versie 1 naar 2\)/);
  assert.match(await main(secretary).innerText(), /Nieuw: Het gesprek duurt meestal een uur\./);
  await visited.check(secretary, 'adoption with change');
});

test('every visited page is valid HTML', () => visited.expectValidHtml());
