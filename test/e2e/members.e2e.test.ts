/**
 * Setting up the members (issue 9, item 11): the secretary sees the seats (Lindewijk allows 14),
 * pastes a list of people with one wrong line, corrects it, checks who will be invited and sends
 * the invitations; then adds several members to a working group at once. A working group's lead
 * reads the group's page; another member is refused inside the council's own frame.
 * axe runs on every page; the Nu checker reads them at the end. Screenshots at 375 and 1280 px go
 * to test-artifacts/screenshots/members-*.png.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startTestServer, type TestServer, menuLink } from '../support/browser.ts';
import { VisitedPages, clickAndWait, expectErrorSummary, logIn } from './journey.ts';

let server: TestServer;
let browser: Browser;
let secretary: Page;
const visited = new VisitedPages();
const SHOTS_DIR = path.resolve('test-artifacts/screenshots');
const WIDTHS = [375, 1280];

before(async () => {
  [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  secretary = await logIn(browser, server.url, 'secretaris@adviesraad-lindewijk.example', 'Karim Bakker');
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

/**
 * The page as it is now at each width, as a full-page screenshot; fails when it scrolls sideways.
 * A POST result cannot be loaded again, so the width changes in place.
 */
async function shoot(page: Page, name: string): Promise<void> {
  const before = page.viewportSize() ?? { width: 1280, height: 800 };
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    const overflow = (await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')) as number;
    assert.ok(overflow <= 0, `${name} at ${width} px scrolls sideways by ${overflow} px`);
    await page.screenshot({ path: path.join(SHOTS_DIR, `members-${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize(before);
}

test('the members page shows active members and open invitations apart, against the 14 seats', async () => {
  await secretary.goto(`${server.url}/lindewijk/werkruimte/leden`);
  const seats = secretary.getByRole('region', { name: 'Plaatsen in de raad' });
  assert.match(await seats.innerText(), /Actieve leden: 11 \(van de 14 plaatsen\)/);
  assert.match(await seats.innerText(), /Openstaande uitnodigingen: 0/);
  assert.match(await seats.innerText(), /Vrije plaatsen: 3/);
  await visited.check(secretary, 'members');
});

test('a pasted list with a wrong line is refused as a whole; corrected, it is checked and sent', async () => {
  await clickAndWait(secretary, secretary.getByRole('link', { name: 'Meer mensen tegelijk uitnodigen' }), '/lindewijk/werkruimte/leden/uitnodigen');
  assert.equal(await h1(secretary).innerText(), 'Meer mensen tegelijk uitnodigen');
  await visited.check(secretary, 'invite several');
  await shoot(secretary, 'bulk-form');

  const list = secretary.getByLabel('Namen en e-mailadressen');
  await list.fill(['Mila de Graaf, mila.degraaf@voorbeeld.example', 'Ravi Kalpoe mila.degraaf', 'Els Jansen <els.jansen@adviesraad-lindewijk.example>'].join('\n'));
  await clickAndWait(secretary, secretary.getByRole('button', { name: 'Lijst controleren' }), '/lindewijk/werkruimte/leden/uitnodigen');
  const problems = await expectErrorSummary(secretary);
  assert.deepEqual(problems, [
    'Regel 2: in "Ravi Kalpoe mila.degraaf" staat geen e-mailadres. Schrijf de naam, een komma en het e-mailadres.',
    'Regel 3: els.jansen@adviesraad-lindewijk.example is al lid van deze raad.',
  ]);
  await visited.check(secretary, 'invite several, refused');
  await shoot(secretary, 'bulk-error');

  await list.fill(['Mila de Graaf, mila.degraaf@voorbeeld.example', 'Ravi Kalpoe; ravi.kalpoe@voorbeeld.example'].join('\n'));
  await clickAndWait(secretary, secretary.getByRole('button', { name: 'Lijst controleren' }), '/lindewijk/werkruimte/leden/uitnodigen');
  assert.equal(await h1(secretary).innerText(), 'Controleer de uitnodigingen');
  const main = await secretary.locator('main').innerText();
  for (const s of ['Mila de Graaf', 'mila.degraaf@voorbeeld.example', 'Ravi Kalpoe', 'ravi.kalpoe@voorbeeld.example', 'Vrije plaatsen daarna: 1 van de 14.']) assert.ok(main.includes(s), s);
  await visited.check(secretary, 'invite several, check');
  await shoot(secretary, 'bulk-check');

  await clickAndWait(secretary, secretary.getByRole('button', { name: 'Verstuur 2 uitnodigingen' }), '/lindewijk/werkruimte/leden?uitnodigingen=2');
  assert.match(await secretary.getByRole('status').innerText(), /2 uitnodigingen verstuurd/);
  const seats = secretary.getByRole('region', { name: 'Plaatsen in de raad' });
  assert.match(await seats.innerText(), /Actieve leden: 11 \(van de 14 plaatsen\)/);
  assert.match(await seats.innerText(), /Openstaande uitnodigingen: 2/);
  await visited.check(secretary, 'members after the list');
  await shoot(secretary, 'page-counts');
});

test('several members join a working group with one submit', async () => {
  await secretary.goto(`${server.url}/lindewijk/werkruimte/werkgroepen`);
  await clickAndWait(secretary, secretary.getByRole('link', { name: 'Jeugdwet' }), /^\/lindewijk\/werkruimte\/werkgroepen\/[0-9a-f-]+$/);
  const choose = secretary.getByRole('group', { name: 'Wie wilt u toevoegen?' });
  await choose.getByLabel('Hans Meijer', { exact: true }).check();
  await choose.getByLabel('Yara Hendriks', { exact: true }).check();
  await clickAndWait(secretary, secretary.getByRole('button', { name: 'Toevoegen aan de werkgroep' }), /\?melding=toegevoegd$/);
  const members = secretary.getByRole('table', { name: 'Leden van Jeugdwet' });
  for (const name of ['Hans Meijer', 'Yara Hendriks']) assert.equal(await members.getByRole('row').filter({ hasText: name }).count(), 1, name);
  await visited.check(secretary, 'working group, members added');
  await shoot(secretary, 'group-added');
});

test("a lead reads their own working group's page; another member is refused inside the council's frame", async () => {
  const lead = await logIn(browser, server.url, 'sanne.visser@adviesraad-lindewijk.example', 'Sanne Visser');
  await clickAndWait(lead, await menuLink(lead, 'Menu werkruimte', 'Werkgroepen'), '/lindewijk/werkruimte/werkgroepen');
  await clickAndWait(lead, lead.getByRole('link', { name: 'Jeugdwet' }), /^\/lindewijk\/werkruimte\/werkgroepen\/[0-9a-f-]+$/);
  assert.equal(await h1(lead).innerText(), 'Werkgroep: Jeugdwet');
  assert.ok(await lead.getByRole('region', { name: 'Adviezen van deze werkgroep' }).isVisible());
  assert.equal(await lead.getByRole('button', { name: 'Toevoegen aan de werkgroep' }).count(), 0);
  await visited.check(lead, 'working group as its lead');
  await shoot(lead, 'group-lead');
  const groupUrl = lead.url();

  const member = await logIn(browser, server.url, 'joost.vandijk@adviesraad-lindewijk.example', 'Joost van Dijk');
  const res = await member.goto(groupUrl);
  assert.equal(res?.status(), 403);
  assert.equal(await h1(member).innerText(), 'Geen toegang');
  assert.ok(await member.getByRole('navigation', { name: 'Menu werkruimte' }).isVisible(), 'the workspace menu stays');
  assert.ok(await member.getByRole('link', { name: 'Naar de start van de werkruimte' }).isVisible());
  await visited.check(member, 'no access, in the frame');
  await shoot(member, 'forbidden');
});

test('every page visited is valid HTML', async () => {
  await visited.expectValidHtml();
});
