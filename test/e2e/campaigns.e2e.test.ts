/**
 * A national campaign from start to results, in Chromium with a real SMTP peer:
 *
 *   the organiser (Mirjam Hoekstra)   starts a campaign, names two jurors, moves it on
 *   two residents without JavaScript  nominate Utrecht (after an error) and Zwolle; the first
 *                                      opens the edit link from the confirmation mail
 *   juror Sevda Aydin                 declares a conflict on Utrecht (its page is then a 404),
 *                                      none on Zwolle, and scores it
 *   juror Daan Claassen               scores Zwolle far apart: the spread is flagged
 *   the organiser                     chooses Zwolle with a motivation, publishes with a reason
 *                                      for the uncovered provinces; Utrecht's nominator gets a mail
 *
 * axe runs on every page; the Nu checker reads all of them at the end.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, startTestServer, type TestServer } from '../support/browser.ts';
import { startSmtpServer, type TestSmtp } from '../support/smtp.ts';
import { VisitedPages, clickAndWait, expectErrorSummary, logIn } from './journey.ts';
import { MIN_FILL_MS } from '../../src/modules/signals/signals.intake.ts';

let smtp: TestSmtp;
let server: TestServer;
let browser: Browser;
const visited = new VisitedPages();
const TITLE = 'Koplopers in de wijk';
const WS = '/kennispunt/werkruimte';
let campaignPath = '';

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
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
const inDays = (n: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(Date.now() + n * 86_400_000));

async function organiser(): Promise<Page> {
  return logIn(browser, server.url, 'directeur@kennispunt-inspraak.example', 'Mirjam Hoekstra', WS);
}

/** A resident without JavaScript nominates a municipality; returns nothing, leaves the page on "sent". */
async function nominate(municipality: string, name: string, email: string, withError: boolean): Promise<void> {
  const page = await newPage(browser, { javaScriptEnabled: false });
  await page.goto(`${server.url}${campaignPath.replace(WS, '/kennispunt')}`);
  assert.equal(await h1(page).innerText(), TITLE);
  await visited.check(page, 'public campaign, open');
  await clickAndWait(page, page.getByRole('link', { name: 'Een gemeente voordragen' }), /\/voordragen$/);
  const servedAt = Date.now();
  await visited.check(page, 'nomination form');
  await page.getByLabel('Welke gemeente draagt u voor?').selectOption({ label: municipality });
  await page.getByLabel('Uw naam').fill(name);
  await page.getByLabel('Uw rol').fill('inwoner');
  if (!withError) await page.getByLabel('Uw e-mailadres').fill(email);
  for (const box of await page.locator('textarea').all()) await box.fill(`In deze gemeente werken inwoners en vrijwilligers samen. (${name})`);
  const left = servedAt + MIN_FILL_MS + 250 - Date.now();
  if (left > 0) await page.waitForTimeout(left);
  if (withError) {
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Voordracht versturen' }).click()]);
    assert.equal((await expectErrorSummary(page)).length, 1);
    await visited.check(page, 'nomination form with an error');
    await page.getByLabel('Uw e-mailadres').fill(email);
    // The motivations were kept.
    assert.match(await page.locator('textarea').first().inputValue(), /inwoners en vrijwilligers/);
  }
  await clickAndWait(page, page.getByRole('button', { name: 'Voordracht versturen' }), /\/verstuurd$/);
  assert.equal(await h1(page).innerText(), 'Uw voordracht is verstuurd');
  await visited.check(page, 'nomination sent');
  assert.deepEqual(await page.context().cookies(), [], 'no cookie for a resident');
  await page.context().close();
}

test('the organiser starts a campaign and names the jury', async () => {
  const page = await organiser();
  await clickAndWait(page, page.getByRole('navigation').getByRole('link', { name: 'Campagnes' }).first(), `${WS}/campagnes`);
  await visited.check(page, 'workspace campaigns');
  await page.getByLabel('Titel').fill(TITLE);
  await page.getByLabel('Doel, in eenvoudige woorden').fill('Wij zoeken gemeenten waar inwoners en vrijwilligers samen cliëntondersteuning beter maken.');
  await page.getByLabel('Voordragen kan vanaf (datum)').fill(today());
  await page.getByLabel('Vanaf (tijd, uu:mm)').fill('00:00');
  await page.getByLabel('Voordragen kan tot (datum)').fill(inDays(14));
  await page.getByLabel('Criteria').fill('Leeft het onderwerp?\nStaat het hoog op de agenda?\n\nIs het samen gemaakt?\nMet inwoners, professionals en vrijwilligers.');
  await clickAndWait(page, page.getByRole('button', { name: 'Nieuwe campagne' }), /\/werkruimte\/campagnes\/[0-9a-f-]+\?melding=gemaakt$/);
  campaignPath = new URL(page.url()).pathname;
  assert.equal(await h1(page).innerText(), TITLE);
  await visited.check(page, 'new campaign');
  for (const juror of ['Sevda Aydin', 'Daan Claassen']) {
    await page.getByLabel('Jurylid toevoegen').selectOption({ label: juror });
    await clickAndWait(page, page.getByRole('button', { name: 'Toevoegen' }), /melding=opgeslagen/);
  }
  assert.match(await page.locator('#jury').locator('..').innerText(), /Daan Claassen[\s\S]*Sevda Aydin/);
  await page.context().close();
});

test('two residents without JavaScript nominate; the first follows the edit link from the mail', async () => {
  await nominate('Utrecht (Utrecht)', 'Anna de Wit', 'anna.dewit@voorbeeld.example', true);
  await nominate('Zwolle (Overijssel)', 'Bas Kramer', 'bas.kramer@voorbeeld.example', false);
  const mail = await smtp.waitFor((m) => m.to.includes('anna.dewit@voorbeeld.example'));
  assert.match(mail.subject, /Utrecht/);
  const link = /(http:\/\/\S+\/nominatie\/\S+)/.exec(mail.body)?.[1];
  assert.ok(link, 'the mail has the edit link');
  const page = await newPage(browser, { javaScriptEnabled: false });
  await page.goto(link);
  assert.equal(await h1(page).innerText(), 'Uw voordracht van Utrecht aanpassen');
  await visited.check(page, 'edit link');
  await page.context().close();
});

test('jurors declare first; a conflict hides the nomination; scores far apart are flagged', async () => {
  const boss = await organiser();
  await boss.goto(`${server.url}${campaignPath}`);
  await clickAndWait(boss, boss.getByRole('button', { name: 'Naar de volgende fase' }), /melding=opgeslagen/);
  const utrecht = await boss.getByRole('link', { name: 'Utrecht', exact: true }).getAttribute('href');
  assert.ok(utrecht);
  await boss.context().close();

  const score = async (page: Page, value: string, motivation: string) => {
    for (const question of ['Leeft het onderwerp?', 'Is het samen gemaakt?']) {
      const group = page.getByRole('group', { name: question });
      await group.getByLabel(value, { exact: true }).check();
      await group.getByLabel('Toelichting (minstens 20 tekens)').fill(motivation);
    }
    await clickAndWait(page, page.getByRole('button', { name: 'Beoordeling versturen' }), /melding=beoordeeld/);
  };

  const sevda = await logIn(browser, server.url, 'sevda.aydin@kennispunt-inspraak.example', 'Sevda Aydin', WS);
  await sevda.goto(`${server.url}${campaignPath}`);
  assert.match(await main(sevda).innerText(), /Geef eerst per voordracht aan/);
  assert.equal(await sevda.getByRole('link', { name: 'Utrecht', exact: true }).count(), 0, 'names only, no link yet');
  await visited.check(sevda, 'juror before declaring');
  await clickAndWait(sevda, sevda.getByRole('link', { name: 'Belangen melden' }).first(), /\/verklaringen$/);
  await visited.check(sevda, 'declarations');
  await sevda.getByRole('group', { name: 'Hebt u een belang bij Utrecht?' }).getByLabel('Ja, ik heb een belang').check();
  await sevda.getByRole('group', { name: 'Hebt u een belang bij Zwolle?' }).getByLabel('Nee, geen belang').check();
  await clickAndWait(sevda, sevda.getByRole('button', { name: 'Verklaringen opslaan' }), /melding=verklaard/);
  const hidden = await sevda.goto(`${server.url}${utrecht}`);
  assert.equal(hidden?.status(), 404, 'the conflicted nomination is a 404 for this juror');
  await sevda.goto(`${server.url}${campaignPath}`);
  await clickAndWait(sevda, sevda.getByRole('link', { name: 'Zwolle', exact: true }), /\/nominaties\//);
  assert.match(await main(sevda).innerText(), /pas als u zelf hebt beoordeeld/);
  await visited.check(sevda, 'nomination with the score form');
  await score(sevda, '5', 'Veel samenwerking met vrijwilligers in de wijk.');
  await visited.check(sevda, 'nomination after scoring');
  await sevda.context().close();

  const daan = await logIn(browser, server.url, 'redactie@kennispunt-inspraak.example', 'Daan Claassen', WS);
  await daan.goto(`${server.url}${campaignPath}/verklaringen`);
  for (const town of ['Utrecht', 'Zwolle'])
    await daan
      .getByRole('group', { name: `Hebt u een belang bij ${town}?` })
      .getByLabel('Nee, geen belang')
      .check();
  await clickAndWait(daan, daan.getByRole('button', { name: 'Verklaringen opslaan' }), /melding=verklaard/);
  await daan.goto(`${server.url}${campaignPath}`);
  await clickAndWait(daan, daan.getByRole('link', { name: 'Zwolle', exact: true }), /\/nominaties\//);
  await score(daan, '2', 'Nog weinig te zien van een gezamenlijke aanpak.');
  assert.match(await main(daan).innerText(), /Veel samenwerking met vrijwilligers/, "the other juror's score shows after one's own");
  assert.match(await main(daan).innerText(), /Bespreken: spreiding 2 of meer/);
  await daan.context().close();
});

test('the organiser chooses a front runner, publishes with a reason, and the results are public', async () => {
  const page = await organiser();
  await page.goto(`${server.url}${campaignPath}`);
  await clickAndWait(page, page.getByRole('button', { name: 'Naar de volgende fase' }), /melding=opgeslagen/);
  assert.match(await main(page).innerText(), /Nog geen koploper in Overijssel/);
  await visited.check(page, 'organiser: provinces');
  await clickAndWait(page, page.getByRole('link', { name: 'Zwolle', exact: true }), /\/nominaties\//);
  await page.getByLabel('Waarom is dit een koploper?').fill('Zwolle koppelt nieuwe vrijwilligers aan ervaren cliëntondersteuners.');
  await clickAndWait(page, page.getByRole('button', { name: 'Kiezen als koploper' }), /melding=gekozen/);
  await page.goto(`${server.url}${campaignPath}`);
  // Without a reason: refused, with the message at the field.
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Uitslag publiceren' }).click()]);
  assert.deepEqual(await expectErrorSummary(page), ['Niet elke provincie heeft een koploper. Schrijf op waarom.']);
  await visited.check(page, 'publish without a reason');
  await page.getByLabel('Reden dat niet elke provincie een koploper heeft').fill('Dit was een proefronde met twee voordrachten.');
  await clickAndWait(page, page.getByRole('button', { name: 'Uitslag publiceren' }), /melding=gepubliceerd/);
  await page.context().close();

  const mail = await smtp.waitFor((m) => m.to.includes('anna.dewit@voorbeeld.example') && /uitslag/.test(m.subject));
  assert.match(mail.body, /niet gekozen/);

  const pub = await newPage(browser, { javaScriptEnabled: false });
  await pub.goto(`${server.url}${campaignPath.replace(WS, '/kennispunt')}`);
  const text = await main(pub).innerText();
  assert.match(text, /Zwolle koppelt nieuwe vrijwilligers/);
  assert.match(text, /Dit was een proefronde/);
  assert.doesNotMatch(text, /Anna de Wit|Veel samenwerking met vrijwilligers/, 'nominators and scores stay private');
  await visited.check(pub, 'public results');
  await pub.context().close();
});

test('every visited page is valid HTML', () => visited.expectValidHtml());
