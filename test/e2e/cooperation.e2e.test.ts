/**
 * Cooperation between two councils (issue 16), in Chromium:
 *
 *   Karim Bakker (secretary, Lindewijk)   drafts an agreement with De Horizon (first with an end
 *                                         before the start: the error summary), and proposes it
 *   Maria Groen (chair, De Horizon)       accepts it for her own council
 *   Anna de Vries (chair, Lindewijk)      accepts it for hers: the agreement runs
 *   Karim Bakker                          makes a folder with a document, shares it with the
 *                                         agreement and plans a joint meeting
 *   Johan Brouwer (secretary, De Horizon) reads the shared document and accepts the meeting
 *
 * Both public calendar feeds are read with ical.js: the joint meeting is one event with the same
 * UID in both. Then Karim ends the agreement, and on Johan's next request the document is gone.
 * axe runs on every page visited; the Nu checker reads all of them at the end.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startTestServer, type TestServer, menuLink } from '../support/browser.ts';
import { VisitedPages, clickAndWait, expectErrorSummary, logIn } from './journey.ts';
import { makePdf } from '../../src/core/files/samples.ts';
import { parseIcs } from '../../src/modules/meetings/meetings.calendar.test-helpers.ts';

let server: TestServer;
let browser: Browser;
const visited = new VisitedPages();

const TITLE = 'Ervaringen ophalen in de wijk';
const FOLDER = 'Ervaringsronde wijkteams';
const DOC = 'Gespreksleidraad ervaringsronde';
const MEETING = 'Gezamenlijke bijeenkomst cliëntondersteuning';
let agreementId = '';
let documentPath = '';

before(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const main = (page: Page) => page.locator('main');
const day = (n: number) => new Date(Date.now() + n * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
const agreementPath = (slug: string) => `/${slug}/werkruimte/samenwerking/${agreementId}`;

test('the Lindewijk secretary drafts an agreement with De Horizon and proposes it', async () => {
  const page = await logIn(browser, server.url, 'secretaris@adviesraad-lindewijk.example', 'Karim Bakker');
  await clickAndWait(page, await menuLink(page, 'Menu werkruimte', 'Samenwerking'), '/lindewijk/werkruimte/samenwerking');
  await visited.check(page, 'secretary A: cooperation list');
  await clickAndWait(page, main(page).getByRole('link', { name: 'Nieuwe samenwerking' }), '/lindewijk/werkruimte/samenwerking/nieuw');
  await visited.check(page, 'secretary A: new agreement');
  await page.getByLabel('Naam van de samenwerking').fill(TITLE);
  await page.getByLabel('Doel').fill('Samen gesprekken voeren met cliënten van de wijkteams.');
  await page.getByLabel('Cliëntenraad Zorggroep De Horizon').check();
  await page.getByLabel('Begindatum').fill(day(0));
  await page.getByLabel(/^Einddatum/).fill(day(-10));
  await clickAndWait(page, page.getByRole('button', { name: 'Concept opslaan' }), '/lindewijk/werkruimte/samenwerking/nieuw');
  assert.deepEqual(await expectErrorSummary(page), ['De einddatum moet na de begindatum liggen.']);
  await visited.check(page, 'secretary A: new agreement with an error');
  await page.getByLabel(/^Einddatum/).fill('');
  // A checkbox group is not shown again after an error: choose the partner again.
  await page.getByLabel('Cliëntenraad Zorggroep De Horizon').check();
  await clickAndWait(page, page.getByRole('button', { name: 'Concept opslaan' }), /^\/lindewijk\/werkruimte\/samenwerking\/[0-9a-f-]{36}\?melding=opgeslagen$/);
  agreementId = new URL(page.url()).pathname.split('/').pop()!;
  await visited.check(page, 'secretary A: draft');
  await clickAndWait(page, page.getByRole('button', { name: 'Voorstellen aan de andere partijen' }), `${agreementPath('lindewijk')}?melding=stap`);
  assert.match(await main(page).innerText(), /Voorgesteld/);
  await page.context().close();
});

test('each chair accepts for their own council; then the agreement runs', async () => {
  const b = await logIn(browser, server.url, 'voorzitter@dehorizon.example', 'Maria Groen', '/de-horizon/werkruimte');
  await b.goto(`${server.url}/de-horizon/werkruimte/samenwerking`);
  await clickAndWait(b, main(b).getByRole('link', { name: TITLE }), agreementPath('de-horizon'));
  await visited.check(b, 'chair B: proposed agreement');
  await clickAndWait(b, b.getByRole('button', { name: 'Aanvaarden voor Cliëntenraad Zorggroep De Horizon' }), `${agreementPath('de-horizon')}?melding=stap`);
  await b.context().close();

  const a = await logIn(browser, server.url, 'voorzitter@adviesraad-lindewijk.example', 'Anna de Vries');
  await a.goto(`${server.url}${agreementPath('lindewijk')}`);
  await clickAndWait(a, a.getByRole('button', { name: /^Aanvaarden voor / }), `${agreementPath('lindewijk')}?melding=stap`);
  assert.match(await main(a).innerText(), /Loopt/);
  await visited.check(a, 'chair A: accepted agreement');
  await a.context().close();
});

test('the Lindewijk secretary shares a folder and plans a joint meeting', async () => {
  const page = await logIn(browser, server.url, 'secretaris@adviesraad-lindewijk.example', 'Karim Bakker');
  await page.goto(`${server.url}/lindewijk/werkruimte/documenten/mappen`);
  await page.getByLabel('Naam', { exact: true }).fill(FOLDER);
  await clickAndWait(page, page.getByRole('button', { name: 'Map maken' }), /\/documenten\/mappen\/[0-9a-f-]{36}\?melding=map$/);
  await page.goto(`${server.url}/lindewijk/werkruimte/documenten/nieuw`);
  const pdf = await makePdf(['Vragen voor de gesprekken met cliënten van de wijkteams.'], DOC);
  await page.locator('#veld-file').setInputFiles({ name: 'leidraad.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.getByRole('textbox', { name: /^Titel/ }).fill(DOC);
  await page.getByLabel(/^Map/).selectOption({ label: FOLDER });
  await clickAndWait(page, page.getByRole('button', { name: 'Document toevoegen' }), /^\/lindewijk\/werkruimte\/documenten\/[0-9a-f-]{36}\?melding=toegevoegd$/);
  documentPath = new URL(page.url()).pathname.replace('/lindewijk/', '/de-horizon/');

  await page.goto(`${server.url}${agreementPath('lindewijk')}`);
  await page.getByLabel('Map', { exact: true }).selectOption({ label: FOLDER });
  await page.getByLabel('Alleen lezen').check();
  await clickAndWait(page, page.getByRole('button', { name: 'Map delen' }), `${agreementPath('lindewijk')}?melding=gedeeld`);
  await page.getByLabel('Naam van de vergadering').fill(MEETING);
  await page.getByLabel('Datum').fill(day(45));
  await page.getByLabel('Begintijd').fill('14:00');
  await page.getByLabel('Eindtijd').fill('16:30');
  await page.getByLabel('Plaats').fill('Wijkcentrum De Brug');
  await clickAndWait(page, page.getByRole('button', { name: 'Vergadering plannen' }), `${agreementPath('lindewijk')}?melding=gepland`);
  assert.match(await main(page).innerText(), new RegExp(MEETING));
  await visited.check(page, 'secretary A: shared folder and joint meeting');
  await page.context().close();
});

test('the De Horizon secretary reads the shared document and accepts the meeting: one UID in both calendar feeds', async () => {
  const page = await logIn(browser, server.url, 'secretaris@dehorizon.example', 'Johan Brouwer', '/de-horizon/werkruimte');
  await page.goto(`${server.url}${agreementPath('de-horizon')}`);
  const text = await main(page).innerText();
  assert.match(text, /Gedeeld door Adviesraad Sociaal Domein Lindewijk/);
  assert.match(text, new RegExp(DOC));
  await clickAndWait(page, main(page).getByRole('link', { name: DOC }), documentPath);
  await visited.check(page, 'secretary B: shared document');
  await page.goto(`${server.url}${agreementPath('de-horizon')}`);
  await clickAndWait(page, page.getByRole('button', { name: `Vergadering aanvaarden ${MEETING}` }), `${agreementPath('de-horizon')}?melding=aanvaard`);
  await visited.check(page, 'secretary B: meeting accepted');

  const uidOf = async (slug: string) => {
    const res = await fetch(`${server.url}/${slug}/agenda.ics`);
    assert.equal(res.status, 200);
    return parseIcs(await res.text())
      .events.filter((e) => e.summary === MEETING)
      .map((e) => e.uid);
  };
  const [a, b] = [await uidOf('lindewijk'), await uidOf('de-horizon')];
  assert.equal(a.length, 1);
  assert.deepEqual(b, a, 'the same event, with the same UID, in both feeds');
  await page.context().close();
});

test("the agreement ends: the partner's access is gone on the next request", async () => {
  const a = await logIn(browser, server.url, 'secretaris@adviesraad-lindewijk.example', 'Karim Bakker');
  await a.goto(`${server.url}${agreementPath('lindewijk')}`);
  await clickAndWait(a, a.getByRole('button', { name: 'Nu beëindigen' }), `${agreementPath('lindewijk')}?melding=stap`);
  assert.match(await main(a).innerText(), /Beëindigd/);
  await visited.check(a, 'secretary A: ended');
  await a.context().close();

  const b = await logIn(browser, server.url, 'secretaris@dehorizon.example', 'Johan Brouwer', '/de-horizon/werkruimte');
  const res = await b.goto(`${server.url}${documentPath}`);
  assert.equal(res?.status(), 404);
  await b.goto(`${server.url}${agreementPath('de-horizon')}`);
  assert.doesNotMatch(await main(b).innerText(), new RegExp(DOC));
  await visited.check(b, 'secretary B: ended agreement');
  const feed = parseIcs(await (await fetch(`${server.url}/de-horizon/agenda.ics`)).text());
  assert.ok(!feed.events.some((e) => e.summary === MEETING), 'the joint meeting left the partner’s feed');
  await b.context().close();
});

test('every visited page is valid HTML (W3C Nu checker)', async () => {
  await visited.expectValidHtml();
});
