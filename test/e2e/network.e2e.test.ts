/**
 * The network in Chromium with a real SMTP peer:
 *
 *   secretary (Karim Bakker)  registers an organisation with a contact person and records consent,
 *                             plans an expert meeting during a council meeting, invites by mail,
 *                             records an experience of a contributor and links it to an advice
 *   contact person            gets the invitation with its iCalendar part and a withdrawal link
 *   contributor               gets the feedback mail after the college answered the advice
 *   resident                  reads the public network page and the experience form with JavaScript off
 *
 * axe runs on every page visited; the Nu checker reads all of them at the end.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, startTestServer, type TestServer, menuLink } from '../support/browser.ts';
import { startSmtpServer, type TestSmtp } from '../support/smtp.ts';
import { VisitedPages, clickAndWait, logIn } from './journey.ts';
import { councils, memberships } from '../../src/core/organisations.schema.ts';
import { users } from '../../src/core/auth/auth.schema.ts';
import { adviceRecommendations, advices } from '../../src/modules/advice/advice.schema.ts';
import { recordAnswers } from '../../src/modules/advice/advice.lifecycle.ts';

let smtp: TestSmtp;
let server: TestServer;
let browser: Browser;
const visited = new VisitedPages();

const SECRETARY = 'secretaris@adviesraad-lindewijk.example';
const ORG = 'Stichting Buurtkracht Lindewijk';
const CONTACT = 'buurtkracht@voorbeeld.example';
const CONTRIBUTOR = 'bewoner.feedback@voorbeeld.example';
const TOPIC = 'Expertmeeting schuldhulp';
const ADVICE = 'Schuldhulpverlening: signalen eerder oppakken';

before(async () => {
  smtp = await startSmtpServer();
  [server, browser] = await Promise.all([startTestServer({ env: { SMTP_URL: smtp.url } }), launchBrowser()]);
});
after(async () => {
  await browser?.close();
  await server?.close();
  await smtp?.close();
});

const main = (page: Page) => page.locator('main');
const ws = '/lindewijk/werkruimte/netwerk';
let consultationPath = '';

test('the secretary registers an organisation with a contact person and records consent for invitations', async () => {
  const page = await logIn(browser, server.url, SECRETARY, 'Karim Bakker');
  await clickAndWait(page, await menuLink(page, 'Menu werkruimte', 'Netwerk'), ws);
  await visited.check(page, 'network');
  await clickAndWait(page, main(page).getByRole('link', { name: 'Organisatie toevoegen' }), `${ws}/nieuw`);
  // The same name as a demo organisation is refused with a link to it.
  await page.getByLabel('Naam van de organisatie').fill('welzijn lindewijk');
  await clickAndWait(page, page.getByRole('button', { name: 'Opslaan' }), `${ws}/nieuw`);
  assert.match(await page.title(), /^Fout: /);
  assert.ok(await main(page).getByRole('link', { name: "Open 'Welzijn Lindewijk'" }).isVisible());
  await visited.check(page, 'duplicate name');
  await page.getByLabel('Naam van de organisatie').fill(ORG);
  await page.getByLabel('Soort organisatie').selectOption({ label: 'Welzijnsorganisatie' });
  await page
    .getByRole('group', { name: /^Beleidsvelden/ })
    .getByLabel('Wmo')
    .check();
  await page.getByLabel('De organisatie wil op onze website staan').check();
  await clickAndWait(page, page.getByRole('button', { name: 'Opslaan' }), /\/organisaties\/[0-9a-f-]{36}\?melding=toegevoegd$/);
  await visited.check(page, 'organisation added');

  await page.getByRole('textbox', { name: 'Naam', exact: true }).fill('Noor Bakker');
  await page.getByRole('textbox', { name: /^E-mailadres/ }).fill(CONTACT);
  await clickAndWait(page, page.getByRole('button', { name: 'Contactpersoon toevoegen' }), /melding=contactpersoon/);
  await clickAndWait(page, main(page).getByRole('link', { name: 'Toestemming vastleggen' }), /\/toestemming$/);
  await visited.check(page, 'consent form');
  await page.getByLabel('Datum van de toestemming').fill(new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' }));
  await page.getByLabel('Versie van de toestemmingstekst').fill('2026-1');
  await clickAndWait(page, page.getByRole('button', { name: 'Toestemming vastleggen' }), /melding=toestemming/);
  assert.match(await main(page).innerText(), /Uitnodigingen: Geldig/);
  await visited.check(page, 'consent recorded');
  await page.context().close();
});

test('the secretary plans an expert meeting during a council meeting and invites the contact by mail with iCalendar', async () => {
  const page = await logIn(browser, server.url, SECRETARY, 'Karim Bakker');
  await page.goto(`${server.url}${ws}/raadplegingen/nieuw`);
  await visited.check(page, 'new consultation');
  await page.getByLabel('Onderwerp').fill(TOPIC);
  await page.getByLabel('Datum').fill(new Date(Date.now() + 20 * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' }));
  await page.getByLabel(/^Begintijd/).fill('10:30');
  await page.getByLabel(/^Eindtijd/).fill('11:30');
  const item = page.getByLabel('Tijdens een vergadering van de raad');
  const firstItem = await item.locator('option').nth(1).getAttribute('value');
  assert.ok(firstItem, 'an agenda item to choose');
  await item.selectOption(firstItem);
  await clickAndWait(page, page.getByRole('button', { name: 'Raadpleging opslaan' }), /\/raadplegingen\/[0-9a-f-]{36}\?melding=gepland$/);
  consultationPath = new URL(page.url()).pathname;
  assert.match(await main(page).innerText(), /Vergadering/);
  await visited.check(page, 'consultation planned');

  const invite = page.getByRole('group', { name: 'Contactpersonen' });
  await invite.getByLabel(new RegExp(`^${ORG}: Noor Bakker`)).check();
  await clickAndWait(page, page.getByRole('button', { name: 'Uitnodigingen versturen' }), /melding=uitgenodigd/);
  assert.match(await main(page).innerText(), new RegExp(ORG));
  await visited.check(page, 'invited');

  const mail = await smtp.waitFor((m) => m.to.includes(CONTACT) && m.subject.startsWith(`Uitnodiging: ${TOPIC}`));
  const ics = mail.attachments.find((a) => /^text\/calendar/i.test(a.contentType));
  assert.ok(ics, 'a text/calendar part');
  assert.match(ics.content, /METHOD:REQUEST/);
  assert.match(mail.body, /netwerk\/afmelden\//);
  await page.context().close();
});

test('the secretary records an experience with a contributor who wants to hear back, and links it to an advice; the advice page says what it was based on', async () => {
  const page = await logIn(browser, server.url, SECRETARY, 'Karim Bakker');
  await page.goto(`${server.url}${consultationPath}`);
  await clickAndWait(page, main(page).getByRole('link', { name: 'Ervaring vastleggen' }), /\/ervaringen\/nieuw\?raadpleging=/);
  await visited.check(page, 'record experience');
  await page.getByLabel('Wat is er gebeurd?').fill('Ik kreeg pas na vier maanden hulp bij mijn schulden. Toen waren ze al veel hoger.');
  await page.getByRole('textbox', { name: /^E-mailadres/ }).fill(CONTRIBUTOR);
  await page.getByLabel('Ik wil horen wat de gemeente met het advies doet').check();
  await clickAndWait(page, page.getByRole('button', { name: 'Ervaring opslaan' }), /\/ervaringen\/[0-9a-f-]{36}\?melding=vastgelegd$/);
  await visited.check(page, 'experience recorded');
  const select = page.getByLabel('Advies', { exact: true });
  const value = await select.locator('option', { hasText: ADVICE }).getAttribute('value');
  await select.selectOption(value!);
  await clickAndWait(page, page.getByRole('button', { name: 'Koppeling opslaan' }), /melding=gekoppeld/);
  await clickAndWait(page, main(page).getByRole('link', { name: new RegExp(ADVICE) }), /\/werkruimte\/adviezen\/[0-9a-f-]{36}$/);
  assert.match(await main(page).innerText(), /Gebaseerd op 1 ervaringen uit 1 raadplegingen/);
  await visited.check(page, 'advice with experiences');
  await page.context().close();
});

test('after the college answers, the contributor gets one mail with what the municipality did with each recommendation', async () => {
  const db = server.database.db;
  const [lindewijk] = await db.select().from(councils).where(eq(councils.slug, 'lindewijk'));
  const [advice] = await db
    .select()
    .from(advices)
    .where(and(eq(advices.councilId, lindewijk!.id), eq(advices.subject, ADVICE)));
  const [official] = await db
    .select({ userId: users.id, membershipId: memberships.id })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.councilId, lindewijk!.id)))
    .where(eq(users.email, 'beleid@gemeente-lindewijk.example'));
  const recs = await db.select().from(adviceRecommendations).where(eq(adviceRecommendations.adviceId, advice!.id));
  await db.update(adviceRecommendations).set({ followUp: 'De gemeente belt binnen twee weken na een signaal.' }).where(eq(adviceRecommendations.adviceId, advice!.id));
  // The college's answer through the advice module's use case (its own journey uses the pages); no job runs:
  // the network hears of the committed step and queues the mail.
  await recordAnswers(server.app.deps, {
    actor: { userId: official!.userId, membershipId: official!.membershipId, role: 'official', isPlatformAdmin: false },
    council: lindewijk!,
    adviceId: advice!.id,
    answers: recs.map((r) => ({ recommendationId: r.id, answer: 'adopted' as const, reason: '' })),
  });
  const mail = await smtp.waitFor((m) => m.to.includes(CONTRIBUTOR));
  assert.match(mail.subject, new RegExp(`Wat de gemeente deed met ons advies: ${ADVICE}`));
  assert.match(mail.body, /De gemeente neemt dit over\./);
  assert.match(mail.body, /De gemeente belt binnen twee weken/);
});

test('a resident reads the public network and the experience form with JavaScript off', async () => {
  const page = await newPage(browser, { javaScriptEnabled: false });
  await page.goto(`${server.url}/lindewijk/netwerk`);
  assert.match(await main(page).innerText(), new RegExp(ORG));
  assert.doesNotMatch(await main(page).innerText(), /Noor Bakker/);
  assert.doesNotMatch(await main(page).innerText(), /Ondernemersvereniging Lindewijk/, 'not listed');
  await visited.check(page, 'public network');
  await clickAndWait(page, main(page).getByRole('link', { name: 'Deel uw ervaring' }), '/lindewijk/ervaring-delen');
  await visited.check(page, 'share form');
  await page.context().close();
});

test('every visited page is valid HTML', () => visited.expectValidHtml());
