/**
 * Work plan and annual report, in Chromium on the demo data:
 *
 *   the secretary (Karim Bakker)   opens this year's work plan from the menu, drops a topic (first
 *                                  without a reason: an error summary), notes progress
 *   a resident without JavaScript  reads the approved work plan and last year's annual report:
 *                                  charts as images with a text summary and a table, the PDF link;
 *                                  the print view leaves out the menus
 *
 * axe runs on every page; the Nu checker reads all of them.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, startTestServer, type TestServer, menuLink } from '../support/browser.ts';
import { VisitedPages, clickAndWait, expectErrorSummary, logIn } from './journey.ts';

let server: TestServer;
let browser: Browser;
const visited = new VisitedPages();
const year = new Date().getFullYear();

before(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('the secretary keeps the work plan: a topic dropped with a reason, progress noted', async () => {
  const page = await logIn(browser, server.url, 'secretaris@adviesraad-lindewijk.example', 'Karim Bakker');
  await clickAndWait(page, await menuLink(page, 'Menu werkruimte', 'Werkplan'), `/lindewijk/werkruimte/werkplan/${year}`);
  const main = page.locator('main');
  for (const topic of ['Mantelzorg', 'Armoedebeleid', 'Basismobiliteit en leerlingenvervoer', 'Beleidsregels van de drie wetten', 'Monitoring en rapportages van de gemeente', 'Cliënttevredenheid']) {
    assert.match(await main.innerText(), new RegExp(topic));
  }
  await visited.check(page, 'plan');
  await clickAndWait(page, main.getByRole('link', { name: 'Cliënttevredenheid' }), /\/werkplan\/onderwerpen\//);
  await visited.check(page, 'topic');
  await page.getByRole('radio', { name: 'Geschrapt' }).check();
  await clickAndWait(page, page.getByRole('button', { name: 'Stand wijzigen' }), /\/status$/);
  assert.deepEqual(await expectErrorSummary(page), ['Schrijf op waarom het onderwerp geschrapt wordt.']);
  await visited.check(page, 'topic with error');
  await page.getByLabel('Waarom geschrapt?').fill('Het onderzoek is een jaar uitgesteld.');
  await clickAndWait(page, page.getByRole('button', { name: 'Stand wijzigen' }), /melding=opgeslagen/);
  assert.match(await main.innerText(), /Het onderzoek is een jaar uitgesteld/);
  await page.getByLabel('Wat is er gebeurd?').fill('Besproken met de beleidsmedewerker.');
  await clickAndWait(page, page.getByRole('button', { name: 'Voortgang noteren' }), /melding=opgeslagen/);
  assert.match(await main.innerText(), /Besproken met de beleidsmedewerker/);
  await page.context().close();
});

test('a resident without JavaScript reads the work plan and last year’s annual report, with charts, tables and a PDF', async () => {
  const page = await newPage(browser, { javaScriptEnabled: false });
  await page.goto(`${server.url}/lindewijk/werkplan/${year}`);
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), `Werkplan ${year}`);
  assert.match(await page.locator('main').innerText(), /Het onderzoek is een jaar uitgesteld/);
  await visited.check(page, 'public plan');
  await clickAndWait(page, await menuLink(page, 'Hoofdmenu', 'Jaarverslag'), `/lindewijk/jaarverslag/${year - 1}`);
  const main = page.locator('main');
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), `Jaarverslag ${year - 1}`);
  assert.match(await main.innerText(), /Gegenereerd op/);
  const chart = page.getByRole('img', { name: /Aanbevelingen naar reactie van het college/ });
  assert.equal(await chart.count(), 1);
  assert.match(await page.getByRole('table', { name: 'Aanbevelingen naar reactie van het college' }).innerText(), /Overgenomen\s+2/);
  await visited.check(page, 'public report');
  const pdf = await page.request.get(
    await page
      .getByRole('link', { name: 'Download het jaarverslag als PDF' })
      .getAttribute('href')
      .then((h) => `${server.url}${h}`),
  );
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  assert.ok((await pdf.body()).subarray(0, 5).toString() === '%PDF-');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible(), false);
  assert.equal(await chart.isVisible(), true);
  await page.context().close();
});

test('every visited page is valid HTML', () => visited.expectValidHtml());
