/**
 * The secretary's work, with JavaScript on and a real SMTP peer: invite a new member (who
 * gets the mail, sets a password and lands in the workspace), change the council's
 * settings, make a working group with the new member in it, publish a vacancy. What the
 * secretary changes shows on the public site at the next request.
 * axe runs on every page; the Nu checker reads all of them at the end.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, startTestServer, type TestServer, menuLink } from '../support/browser.ts';
import { startSmtpServer, type TestSmtp } from '../support/smtp.ts';
import { DEMO_PASSWORD, VisitedPages, errorSummary, expectErrorSummary, pathOf, clickAndWait } from './journey.ts';

let smtp: TestSmtp;
let server: TestServer;
let browser: Browser;
/** The secretary (Karim Bakker). */
let secretary: Page;
/** A resident reading the public site, no login. */
let resident: Page;
/** The person the secretary invites. */
let invitee: Page;
const visited = new VisitedPages();

const NEW_MEMBER = { name: 'Daan Kuiper', email: 'daan.kuiper@voorbeeld.example', password: 'Lange-zin-voor-Daan-2026' };
const NEW_NAME = 'Adviesraad Lindewijk';
const NEW_TAGLINE = 'Wij luisteren naar inwoners en geven de gemeente raad.';
const GROUP = 'Wonen en leefomgeving';
const VACANCY = 'Lid voor de werkgroep Wonen en leefomgeving';

before(async () => {
  smtp = await startSmtpServer();
  [server, browser] = await Promise.all([startTestServer({ env: { SMTP_URL: smtp.url } }), launchBrowser()]);
  [secretary, resident] = await Promise.all([newPage(browser), newPage(browser)]);
});

after(async () => {
  await browser?.close();
  await server?.close();
  await smtp?.close();
});

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const wsNav = (page: Page) => page.getByRole('navigation', { name: 'Menu werkruimte' });

/** Today plus `days` as YYYY-MM-DD, and as the app writes it in Dutch. */
function dateInDays(days: number): { iso: string; dutch: string } {
  const d = new Date(Date.now() + days * 24 * 3600 * 1000);
  const iso = d.toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
  const dutch = d.toLocaleDateString('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' });
  return { iso, dutch };
}

test('a resident reads the council home before anything changes', async () => {
  // Read first, so that a cached copy would exist if the cache kept one too long.
  await resident.goto(`${server.url}/lindewijk`);
  assert.equal(await h1(resident).innerText(), 'Adviesraad Sociaal Domein Lindewijk');
  await visited.check(resident, 'public home before');
  await resident.goto(`${server.url}/`);
  assert.ok(await resident.getByRole('link', { name: 'Adviesraad Sociaal Domein Lindewijk' }).isVisible());
  await visited.check(resident, 'list of councils before');
  await resident.goto(`${server.url}/lindewijk/vacatures`);
  assert.equal(await resident.getByRole('heading', { name: VACANCY }).count(), 0);
  await visited.check(resident, 'public vacancies before');
});

test('the secretary logs in and sees the dashboard', async () => {
  await secretary.goto(`${server.url}/inloggen`);
  assert.equal(await h1(secretary).innerText(), 'Inloggen');
  await visited.check(secretary, 'login');
  await secretary.getByLabel('E-mailadres').fill('secretaris@adviesraad-lindewijk.example');
  await secretary.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
  await clickAndWait(secretary, secretary.getByRole('button', { name: 'Inloggen' }), '/lindewijk/werkruimte');
  assert.equal(await h1(secretary).innerText(), 'Werkruimte: Adviesraad Sociaal Domein Lindewijk');
  assert.match(await secretary.locator('main').innerText(), /Karim Bakker/);
  assert.ok(await secretary.getByRole('table', { name: 'In cijfers' }).isVisible());
  await visited.check(secretary, 'dashboard');
});

test('with JavaScript on, the error summary gets the focus after a failed submission', async () => {
  await clickAndWait(secretary, wsNav(secretary).getByRole('link', { name: 'Leden', exact: true }), '/lindewijk/werkruimte/leden');
  assert.equal(await h1(secretary).innerText(), 'Leden');
  await visited.check(secretary, 'members');

  await secretary.getByLabel('Naam', { exact: true }).fill(NEW_MEMBER.name);
  await secretary.getByLabel('E-mailadres').fill('daan.kuiper@');
  await clickAndWait(secretary, secretary.getByRole('button', { name: 'Uitnodiging versturen' }), '/lindewijk/werkruimte/leden');
  await expectErrorSummary(secretary);
  await secretary.waitForFunction(`Boolean(document.activeElement && document.activeElement.closest('.rw-error-summary'))`);
  const focused = await secretary.evaluate(`document.activeElement.textContent`);
  assert.equal(String(focused).trim(), 'Er ging iets mis');
  assert.ok(await errorSummary(secretary).isVisible());
  await visited.check(secretary, 'members with an error');
  // The name typed stays; no e-mail went out.
  assert.equal(await secretary.getByLabel('Naam', { exact: true }).inputValue(), NEW_MEMBER.name);
  assert.equal(smtp.messages.length, 0);
});

test('the secretary invites a new member; the invitation arrives by e-mail', async () => {
  await secretary.getByLabel('E-mailadres').fill(NEW_MEMBER.email);
  await secretary.getByLabel('Rol').selectOption({ label: 'Lid' });
  await clickAndWait(secretary, secretary.getByRole('button', { name: 'Uitnodiging versturen' }), /^\/lindewijk\/werkruimte\/leden\?uitgenodigd=/);
  assert.doesNotMatch(await secretary.title(), /^Fout/);
  const notice = secretary.getByRole('status');
  assert.match(await notice.innerText(), /Uitnodiging verstuurd/);
  assert.match(await notice.innerText(), new RegExp(NEW_MEMBER.email.replace(/\./g, '\\.')));
  const row = secretary.getByRole('row').filter({ hasText: NEW_MEMBER.name });
  assert.equal(await row.count(), 1);
  assert.match(await row.innerText(), /Lid/);
  await visited.check(secretary, 'members after invitation');

  const mail = await smtp.waitFor((m) => m.to.includes(NEW_MEMBER.email));
  assert.match(mail.body, /Beste Daan Kuiper/);
  assert.match(mail.body, /Karim Bakker nodigt u uit/);
  const link = mail.body.match(/https?:\/\/\S+\/uitnodiging\/[A-Za-z0-9_-]+/)?.[0];
  assert.ok(link, `the mail holds an invitation link:\n${mail.body}`);
  assert.ok(link.startsWith(`${server.url}/uitnodiging/`), `the link points at this site: ${link}`);

  // The invitee, in a browser of their own.
  invitee = await newPage(browser);
  await invitee.goto(link);
  assert.equal(await h1(invitee).innerText(), 'Welkom bij Adviesraad Sociaal Domein Lindewijk');
  await visited.check(invitee, 'invitation');
  await invitee.getByLabel('Kies een wachtwoord').fill(NEW_MEMBER.password);
  await invitee.getByLabel('Herhaal het wachtwoord').fill(NEW_MEMBER.password);
  await clickAndWait(invitee, invitee.getByRole('button', { name: 'Wachtwoord opslaan en verder' }), '/lindewijk/werkruimte');
  assert.equal(await h1(invitee).innerText(), 'Werkruimte: Adviesraad Sociaal Domein Lindewijk');
  assert.match(await invitee.locator('main').innerText(), /Daan Kuiper/);
  assert.ok(await invitee.getByRole('button', { name: 'Uitloggen' }).isVisible());
  // A member does not manage the council.
  assert.equal(await wsNav(invitee).getByRole('link', { name: 'Instellingen' }).count(), 0);
  await visited.check(invitee, 'workspace of the new member');

  // The link works once.
  const again = await newPage(browser);
  await again.goto(link);
  assert.doesNotMatch(await h1(again).innerText(), /Welkom/);
  await visited.check(again, 'used invitation link');
  await again.context().close();
});

test('the secretary changes the council settings; the public site shows them at once', async () => {
  await clickAndWait(secretary, await menuLink(secretary, 'Menu werkruimte', 'Instellingen'), '/lindewijk/werkruimte/instellingen');
  assert.equal(await h1(secretary).innerText(), 'Instellingen van de raad');
  await visited.check(secretary, 'settings');
  await secretary.getByLabel('Naam van de raad').fill(NEW_NAME);
  await secretary.getByLabel('Korte omschrijving (optioneel)').fill(NEW_TAGLINE);
  await clickAndWait(secretary, secretary.getByRole('button', { name: 'Opslaan', exact: true }), '/lindewijk/werkruimte/instellingen?opgeslagen=ja');
  assert.match(await secretary.getByRole('status').innerText(), /De instellingen zijn opgeslagen/);
  assert.equal(await secretary.getByLabel('Naam van de raad').inputValue(), NEW_NAME);
  await visited.check(secretary, 'settings saved');

  await clickAndWait(secretary, await menuLink(secretary, 'Menu werkruimte', 'Openbare website'), '/lindewijk');
  assert.equal(await h1(secretary).innerText(), NEW_NAME);
  assert.ok(await secretary.getByText(NEW_TAGLINE).isVisible());
  await visited.check(secretary, 'public home seen by the secretary');

  await resident.goto(`${server.url}/lindewijk`);
  assert.equal(await h1(resident).innerText(), NEW_NAME);
  assert.ok(await resident.getByText(NEW_TAGLINE).isVisible());
  assert.match(await resident.title(), new RegExp(`- ${NEW_NAME}$`));
  await visited.check(resident, 'public home after the change');
  await resident.goto(`${server.url}/`);
  assert.ok(await resident.getByRole('link', { name: NEW_NAME, exact: true }).isVisible());
  assert.ok(await resident.getByText(NEW_TAGLINE).isVisible());
  await visited.check(resident, 'list of councils after the change');
});

test('the secretary makes a working group and adds the new member', async () => {
  await secretary.goto(`${server.url}/lindewijk/werkruimte`);
  await clickAndWait(secretary, await menuLink(secretary, 'Menu werkruimte', 'Werkgroepen'), '/lindewijk/werkruimte/werkgroepen');
  assert.equal(await h1(secretary).innerText(), 'Werkgroepen');
  await visited.check(secretary, 'working groups');
  await secretary.getByLabel('Naam', { exact: true }).fill(GROUP);
  await secretary.getByLabel('Beschrijving (optioneel)').fill('Betaalbaar wonen, woningaanpassingen en een toegankelijke openbare ruimte.');
  await clickAndWait(secretary, secretary.getByRole('button', { name: 'Werkgroep maken' }), /^\/lindewijk\/werkruimte\/werkgroepen\/[0-9a-f-]+\?melding=aangemaakt$/);
  assert.equal(await h1(secretary).innerText(), `Werkgroep: ${GROUP}`);
  assert.ok(await secretary.getByText('Deze werkgroep heeft nog geen leden.').isVisible());
  await visited.check(secretary, 'working group created');

  // Checkboxes: several members join with one submit.
  await secretary.getByRole('group', { name: 'Wie wilt u toevoegen?' }).getByLabel(NEW_MEMBER.name, { exact: true }).check();
  await clickAndWait(secretary, secretary.getByRole('button', { name: 'Toevoegen aan de werkgroep' }), /\?melding=toegevoegd$/);
  assert.match(await secretary.getByRole('status').innerText(), /De gekozen leden zijn toegevoegd aan de werkgroep/);
  const members = secretary.getByRole('table', { name: `Leden van ${GROUP}` });
  assert.equal(await members.getByRole('row').filter({ hasText: NEW_MEMBER.name }).count(), 1);
  await visited.check(secretary, 'working group with the new member');

  await resident.goto(`${server.url}/lindewijk/werkgroepen`);
  assert.ok(await resident.getByRole('heading', { name: GROUP }).isVisible());
  await visited.check(resident, 'public working groups');
});

test('the secretary creates a vacancy, publishes it, and residents see it', async () => {
  const closes = dateInDays(60);
  await clickAndWait(secretary, await menuLink(secretary, 'Menu werkruimte', 'Vacatures'), '/lindewijk/werkruimte/vacatures');
  assert.equal(await h1(secretary).innerText(), 'Vacatures');
  await visited.check(secretary, 'vacancies');
  await clickAndWait(secretary, secretary.getByRole('link', { name: 'Nieuwe vacature' }), '/lindewijk/werkruimte/vacatures/nieuw');
  await visited.check(secretary, 'new vacancy');
  await secretary.getByLabel('Titel').fill(VACANCY);
  await secretary.getByLabel('Beschrijving').fill('Wij zoeken iemand die meedenkt over wonen in Lindewijk.\n\nU leest stukken en praat mee in de werkgroep.');
  await secretary.getByLabel('Wie zoekt u (optioneel)').fill('Iemand die zelf ervaring heeft met een aangepaste woning.');
  await secretary.getByLabel('Uren per maand (optioneel)').fill('ongeveer 6 uur per maand');
  await secretary.getByLabel('Sluitingsdatum (optioneel)').fill(closes.iso);
  await clickAndWait(secretary, secretary.getByRole('button', { name: 'Vacature opslaan als concept' }), /^\/lindewijk\/werkruimte\/vacatures\/[0-9a-f-]+\?melding=aangemaakt$/);
  const vacancyId = pathOf(secretary).split('/')[4].split('?')[0];
  assert.equal(await h1(secretary).innerText(), `Vacature: ${VACANCY}`);
  assert.match(await secretary.getByRole('status').innerText(), /opgeslagen als concept/);
  await visited.check(secretary, 'vacancy draft');

  // A draft is not public.
  await resident.goto(`${server.url}/lindewijk/vacatures`);
  assert.equal(await resident.getByRole('heading', { name: VACANCY }).count(), 0);
  await visited.check(resident, 'public vacancies without the draft');
  const draft = await resident.goto(`${server.url}/lindewijk/vacatures/${vacancyId}`);
  assert.equal(draft?.status(), 404);
  await visited.check(resident, 'draft vacancy: not found');

  await clickAndWait(secretary, secretary.getByRole('button', { name: 'Publiceren op de website' }), `/lindewijk/werkruimte/vacatures/${vacancyId}?melding=gepubliceerd`);
  assert.match(await secretary.getByRole('status').innerText(), /staat nu op de website/);
  assert.ok(await secretary.getByText('Deze vacature staat op de website.').isVisible());
  await visited.check(secretary, 'vacancy published');

  await resident.goto(`${server.url}/lindewijk/vacatures`);
  assert.ok(await resident.getByRole('heading', { name: VACANCY }).isVisible());
  await visited.check(resident, 'public vacancies with the new one');
  await clickAndWait(resident, resident.getByRole('link', { name: `Lees meer over ${VACANCY}` }), `/lindewijk/vacatures/${vacancyId}`);
  assert.equal(await h1(resident).innerText(), VACANCY);
  assert.match(await resident.locator('main').innerText(), new RegExp(closes.dutch));
  assert.ok(await resident.getByRole('link', { name: 'Reageer op deze vacature' }).isVisible());
  await visited.check(resident, 'public vacancy');
});

test('every page of the journey is valid HTML (Nu checker)', async () => {
  await visited.expectValidHtml();
});
