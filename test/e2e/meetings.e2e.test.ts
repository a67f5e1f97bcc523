/**
 * A meeting, planned to printed, in Chromium with a real SMTP peer:
 *
 *   secretary (Karim Bakker)  adds a meeting, an agenda item with two documents (one closed) and a
 *                             guest from the municipality, and sends the invitation
 *   member (Els Jansen)       gets the invitation with its .ics, reads the agenda with JavaScript
 *                             off, downloads the packet, and subscribes to her calendar feed
 *   guest                     gets the invitation too
 *
 * The mails' iCalendar parts and the feed are read with ical.js; the packet with pdf-lib.
 * axe runs on every page visited; the Nu checker reads all of them at the end.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PDFDocument } from 'pdf-lib';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, startTestServer, type TestServer, menuLink } from '../support/browser.ts';
import { startSmtpServer, type TestSmtp } from '../support/smtp.ts';
import { VisitedPages, clickAndWait, logIn as logInAs, DEMO_PASSWORD } from './journey.ts';
import { makePdf } from '../../src/core/files/samples.ts';
import { parseIcs } from '../../src/modules/meetings/meetings.calendar.test-helpers.ts';

let smtp: TestSmtp;
let server: TestServer;
let browser: Browser;
const visited = new VisitedPages();

const SECRETARY = 'secretaris@adviesraad-lindewijk.example';
const MEMBER = 'els.jansen@adviesraad-lindewijk.example';
const GUEST = 'wethouder.zorg@gemeente-lindewijk.example';
const TITLE = 'Extra vergadering vervoer';
const ITEM = 'Regiotaxi: klachten en toezicht';
/** Uploaded in the journey (members, 3 pages); the closed note is demo data. */
const MEMBERS_DOC = 'Notitie regiotaxi 2027';
const CLOSED_DOC = 'Vertrouwelijke notitie bezuinigingen';

let meetingPath = '';
let uid = '';

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
const wsNav = (page: Page) => page.getByRole('navigation', { name: 'Menu werkruimte' });

/** A date 40 days ahead, as YYYY-MM-DD in Amsterdam. */
const date = new Date(Date.now() + 40 * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });

test('the secretary plans a meeting with an agenda item, two documents and a guest, and sends the invitation', async () => {
  const page = await logInAs(browser, server.url, SECRETARY, 'Karim Bakker');
  // A paper for the meeting, uploaded through the documents page.
  await page.goto(`${server.url}/lindewijk/werkruimte/documenten/nieuw`);
  await visited.check(page, 'secretary: upload document');
  const pdf = await makePdf(['De regiotaxi komt vaak te laat.', 'Klachten per kwartaal opvragen.', 'Toezicht door de gemeente.'], MEMBERS_DOC);
  await page.locator('#veld-file').setInputFiles({ name: 'notitie-regiotaxi.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.getByRole('textbox', { name: /^Titel/ }).fill(MEMBERS_DOC);
  await clickAndWait(page, page.getByRole('button', { name: 'Document toevoegen' }), /^\/lindewijk\/werkruimte\/documenten\/[0-9a-f-]{36}\?melding=toegevoegd$/);
  await visited.check(page, 'secretary: document added');

  await clickAndWait(page, wsNav(page).getByRole('link', { name: 'Vergaderingen', exact: true }), '/lindewijk/werkruimte/vergaderingen');
  await visited.check(page, 'secretary: meetings');
  await clickAndWait(page, main(page).getByRole('link', { name: 'Vergadering toevoegen' }), '/lindewijk/werkruimte/vergaderingen/nieuw');
  await visited.check(page, 'secretary: new meeting');
  await page.getByLabel('Naam van de vergadering').fill(TITLE);
  await page.getByLabel('Datum').fill(date);
  await page.getByLabel('Begintijd').fill('19:00');
  await page.getByLabel('Eindtijd').fill('21:30');
  await page.getByLabel('Plaats').fill('Stadhuis Lindewijk, zaal 3');
  await clickAndWait(page, page.getByRole('button', { name: 'Vergadering toevoegen' }), /^\/lindewijk\/werkruimte\/vergaderingen\/[0-9a-f-]{36}\?/);
  meetingPath = new URL(page.url()).pathname;
  assert.match(await h1(page).innerText(), new RegExp(TITLE));
  await visited.check(page, 'secretary: meeting added');

  await clickAndWait(page, main(page).getByRole('link', { name: 'Agendapunt toevoegen' }), `${meetingPath}/agenda/nieuw`);
  await visited.check(page, 'secretary: new agenda item');
  await page.getByRole('textbox', { name: 'Onderwerp' }).fill(ITEM);
  await page.getByRole('textbox', { name: /^Tijd/ }).fill('19:15');
  await page.getByRole('textbox', { name: /^Wie leidt dit punt in\?/ }).fill('Wethouder Zorg');
  await page.getByRole('group', { name: 'Openbaar of niet openbaar' }).getByLabel('Openbaar', { exact: true }).check();
  const docs = page.getByRole('group', { name: 'Stukken' });
  await docs.getByLabel(MEMBERS_DOC).check();
  await docs.getByLabel(CLOSED_DOC).check();
  await clickAndWait(page, page.getByRole('button', { name: 'Agendapunt toevoegen' }), new RegExp(`^${meetingPath}\\?`));
  assert.match(await main(page).innerText(), new RegExp(ITEM));
  await visited.check(page, 'secretary: agenda with item');

  await clickAndWait(page, main(page).getByRole('link', { name: `Wijzigen ${ITEM}` }), /\/agenda\/[0-9a-f-]{36}$/);
  await page.getByLabel('Naam', { exact: true }).fill('Wethouder Zorg');
  await page.getByLabel('E-mailadres').fill(GUEST);
  await page.getByLabel('Ambtenaar van de gemeente').check();
  await clickAndWait(page, page.getByRole('button', { name: 'Gast toevoegen' }), /\/agenda\/[0-9a-f-]{36}\?melding=opgeslagen/);
  assert.match(await main(page).innerText(), new RegExp(GUEST.replace(/\./g, '\\.')));
  await visited.check(page, 'secretary: guest added');

  await page.goto(`${server.url}${meetingPath}`);
  await clickAndWait(page, page.getByRole('button', { name: 'Uitnodiging versturen' }), new RegExp(`^${meetingPath}\\?melding=uitgenodigd`));
  assert.match(await main(page).innerText(), /De uitnodiging is verstuurd/);
  await visited.check(page, 'secretary: invitation sent');
});

test("the member's and the guest's invitation arrive with an iCalendar REQUEST", async () => {
  for (const address of [MEMBER, GUEST]) {
    const mail = await smtp.waitFor((m) => m.to.includes(address) && m.subject.startsWith(`Uitnodiging: ${TITLE}`));
    assert.match(mail.body, /19:00 tot 21:30 uur/);
    assert.match(mail.body, /Stadhuis Lindewijk, zaal 3/);
    const ics = mail.attachments.find((a) => /^text\/calendar/i.test(a.contentType));
    assert.ok(ics, `${address}: a text/calendar part`);
    const cal = parseIcs(ics.content);
    assert.equal(cal.method, 'REQUEST');
    const [ev] = cal.events;
    assert.equal(ev.summary, TITLE);
    assert.deepEqual([ev.startDate.hour, ev.startDate.minute, ev.endDate.hour, ev.endDate.minute], [19, 0, 21, 30]);
    assert.equal(ev.startDate.toJSDate().toLocaleString('sv-SE', { timeZone: 'Europe/Amsterdam' }).slice(0, 16), `${date} 19:00`);
    if (uid) assert.equal(ev.uid, uid, 'one UID for the meeting');
    uid = ev.uid;
  }
});

test('a member reads the agenda without JavaScript and downloads the packet with only what she may see', async () => {
  const page = await newPage(browser, { javaScriptEnabled: false });
  await page.goto(`${server.url}/inloggen`);
  await page.getByLabel('E-mailadres').fill(MEMBER);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
  await clickAndWait(page, page.getByRole('button', { name: 'Inloggen' }), '/lindewijk/werkruimte');
  await page.goto(`${server.url}${meetingPath}`);
  const text = await main(page).innerText();
  assert.match(text, new RegExp(ITEM));
  assert.match(text, new RegExp(MEMBERS_DOC));
  assert.ok(!text.includes(CLOSED_DOC), 'a closed document is not listed for a member');
  await visited.check(page, 'member (no JavaScript): meeting');

  const link = main(page).getByRole('link', { name: 'Vergaderstukken downloaden (pdf)' });
  const packetUrl = new URL((await link.getAttribute('href'))!, server.url).toString();
  // The packet is built in the background: 202 ("being made") until it is ready.
  let res = await page.request.get(packetUrl);
  for (let i = 0; i < 10 && res.status() === 202; i++) res = await page.request.get(packetUrl);
  assert.equal(res.status(), 200);
  assert.equal(res.headers()['content-type'], 'application/pdf');
  assert.equal(res.headers()['x-content-type-options'], 'nosniff');
  assert.match(res.headers()['content-disposition'] ?? '', /^attachment; filename="vergaderstukken-lindewijk-\d{4}-\d{2}-\d{2}\.pdf"/);
  const pdf = await PDFDocument.load(await res.body());
  assert.equal(pdf.getPageCount(), 1 + 3, 'the cover and the 3 pages of the members document; not the closed one');
});

test('the member subscribes to her calendar feed; a calendar app fetches and reads it', async () => {
  const page = await logInAs(browser, server.url, MEMBER, 'Els Jansen');
  await clickAndWait(page, await menuLink(page, 'Menu werkruimte', 'Agenda-abonnement'), '/lindewijk/werkruimte/agenda');
  await visited.check(page, 'member: calendar page');
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Agendalink maken' }).click()]);
  await page.getByRole('heading', { name: 'Uw nieuwe agendalink' }).waitFor();
  const feedUrl = await page.getByRole('textbox', { name: 'Agendalink om te kopiëren' }).inputValue();
  assert.match(feedUrl, /^http:\/\/127\.0\.0\.1:\d+\/lindewijk\/agenda\/[A-Za-z0-9_-]{43}\.ics$/);
  const webcal = await page.getByRole('link', { name: 'Direct openen in uw agendaprogramma' }).getAttribute('href');
  assert.equal(webcal, feedUrl.replace(/^http:/, 'webcal:'));
  await visited.check(page, 'member: new calendar link');

  // As a calendar app: no cookies, just the URL.
  const res = await fetch(feedUrl);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'text/calendar; charset=utf-8');
  const feed = parseIcs(await res.text());
  const ev = feed.events.find((e) => e.uid === uid);
  assert.ok(ev, 'the planned meeting is in the feed with the UID of the invitation');
  assert.equal(ev.summary, TITLE);
  assert.equal(ev.startDate.toJSDate().toLocaleString('sv-SE', { timeZone: 'Europe/Amsterdam' }).slice(0, 16), `${date} 19:00`);
  assert.match(ev.description, new RegExp(ITEM));

  const publicFeed = await fetch(`${server.url}/lindewijk/agenda.ics`);
  assert.equal(publicFeed.status, 200);
  assert.ok(
    parseIcs(await publicFeed.text()).events.some((e) => e.uid === uid),
    'the public feed has it too',
  );
});

test('every visited page is valid HTML (W3C Nu checker)', async () => {
  await visited.expectValidHtml();
});
