/**
 * The advice lifecycle, request to follow-up, in Chromium with a real SMTP peer. Every actor
 * has a browser context of their own and logs in through the login form:
 *
 *   official (Lotte Peters)   records the request for advice, with a PDF; later the answers
 *   secretary (Karim Bakker)  assigns it, makes the concept, opens the round, sends the letter,
 *                             records the follow-up
 *   Els Jansen (Wmo group)    saves two versions of the draft and compares them; votes
 *   Pieter Mulder, Fatima El Amrani  vote (Pieter with a remark, from the link in his mail)
 *   chair (Anna de Vries)     sees the tally and adopts
 *
 * axe runs on every page visited; the Nu checker reads all of them at the end.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, startTestServer, type TestServer } from '../support/browser.ts';
import { startSmtpServer, type TestSmtp } from '../support/smtp.ts';
import { VisitedPages, expectErrorSummary, pathOf, clickAndWait, logIn as logInAs, DEMO_PASSWORD } from './journey.ts';

let smtp: TestSmtp;
let server: TestServer;
let browser: Browser;
const visited = new VisitedPages();

const EMAIL = {
  official: 'beleid@gemeente-lindewijk.example',
  secretary: 'secretaris@adviesraad-lindewijk.example',
  chair: 'voorzitter@adviesraad-lindewijk.example',
  els: 'els.jansen@adviesraad-lindewijk.example',
  pieter: 'pieter.mulder@adviesraad-lindewijk.example',
  fatima: 'fatima.elamrani@adviesraad-lindewijk.example',
};

const SUBJECT = 'Vervoer voor ouderen met een beperking 2027';
const QUESTION = 'Het college vraagt advies over de nieuwe regels voor het Wmo-vervoer. Wat vindt de raad van de eigen bijdrage en de reistijd?';
const COLLEGE_EMAIL = 'college@gemeente-lindewijk.example';
const PDF_NAME = 'Notitie Wmo-vervoer.pdf';
const DRAFT_1 = 'De raad vindt vervoer belangrijk voor meedoen.\nDe reistijd moet korter.';
const DRAFT_2 = 'De raad vindt vervoer belangrijk voor meedoen.\nDe reistijd moet korter: hooguit 45 minuten.\nDe eigen bijdrage blijft gelijk.';
const REC_1 = 'Beperk de reistijd van het Wmo-vervoer tot hooguit 45 minuten.';
const REC_2 = 'Verhoog de eigen bijdrage voor het Wmo-vervoer niet.';
const REMARK = 'Eens, maar noem ook de ritten naar de dagbesteding.';
const NOT_ADOPTED_REASON = 'De eigen bijdrage stijgt mee met de landelijke prijsindex.';
const FOLLOW_UP = 'De gemeente heeft de maximale reistijd in het contract met de vervoerder vastgelegd.';

/** The advice being made: set when the official records it. */
let adviceUrl = '';
let advicePath = '';
let reference = '';

let official: Page;
let secretary: Page;
let els: Page;

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
const notice = (page: Page) => page.getByRole('status');
const wsNav = (page: Page) => page.getByRole('navigation', { name: 'Menu werkruimte' });

/** Today plus `days` as YYYY-MM-DD, and as the app writes it in Dutch. */
function dateInDays(days: number): { iso: string; dutch: string } {
  const d = new Date(Date.now() + days * 24 * 3600 * 1000);
  const iso = d.toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
  const dutch = d.toLocaleDateString('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' });
  return { iso, dutch };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A fresh browser context for one person, logged in through the login form. */
const logIn = (email: string, name: string) => logInAs(browser, server.url, email, name);

/** The advice's page, read fresh. */
async function openAdvice(page: Page, name: string, query = ''): Promise<void> {
  await page.goto(`${adviceUrl}${query}`);
  assert.equal(await h1(page).innerText(), `${reference}: ${SUBJECT}`);
  await visited.check(page, name);
}

/** The history is one click from the advice page: it holds `what`; then back to the advice. */
async function expectHistory(page: Page, what: RegExp, name: string): Promise<void> {
  await clickAndWait(page, main(page).getByRole('link', { name: 'Geschiedenis' }), `${advicePath}?stap=geschiedenis`);
  assert.match(await page.getByRole('table', { name: 'Wat er met dit advies is gebeurd' }).innerText(), what);
  await visited.check(page, name);
  await clickAndWait(page, main(page).getByRole('link', { name: 'Terug naar de stappen van dit advies' }), advicePath);
}

async function expectStatus(page: Page, status: string): Promise<void> {
  // The first badge on the page, under the heading, is the advice's status.
  assert.equal((await main(page).locator('.utrecht-status-badge').first().innerText()).trim(), status, `the advice has the status "${status}"`);
}

test('the official records a request for advice, after one failed attempt', async () => {
  official = await logIn(EMAIL.official, 'Lotte Peters');
  await visited.check(official, 'official: dashboard');
  await clickAndWait(official, wsNav(official).getByRole('link', { name: 'Adviezen', exact: true }), '/lindewijk/werkruimte/adviezen');
  assert.equal(await h1(official).innerText(), 'Adviezen');
  await visited.check(official, 'official: advice list');

  await clickAndWait(official, main(official).getByRole('link', { name: 'Adviesaanvraag vastleggen' }), '/lindewijk/werkruimte/adviezen/aanvraag');
  assert.equal(await h1(official).innerText(), 'Adviesaanvraag vastleggen');
  await visited.check(official, 'official: request form');

  // Empty form: nothing is stored, the error summary says what is missing.
  await clickAndWait(official, official.getByRole('button', { name: 'Aanvraag vastleggen' }), /^\/lindewijk\/werkruimte\/adviezen\/aanvraag\?/);
  const errors = await expectErrorSummary(official);
  assert.ok(errors.length >= 3, `errors for subject, question, policy field and date: ${errors.join(' | ')}`);
  const summaryLinks = await official.locator('.rw-error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  for (const field of ['#veld-subject', '#veld-question', '#veld-neededBy']) {
    assert.ok(
      summaryLinks.some((h) => h === field),
      `the summary links to ${field}: ${summaryLinks.join(', ')}`,
    );
  }
  await visited.check(official, 'official: request form with errors');

  const needed = dateInDays(30);
  await official.getByLabel('Onderwerp').fill(SUBJECT);
  await official.getByLabel('Vraag van de gemeente').fill(QUESTION);
  await official.getByRole('group', { name: 'Beleidsveld' }).getByLabel('Wmo', { exact: true }).check();
  await official.getByRole('group', { name: 'Aan wie gaat het advies?' }).getByLabel('Het college van burgemeester en wethouders').check();
  await official.getByLabel('E-mailadres van de ontvanger').fill(COLLEGE_EMAIL);
  await official.getByLabel('Wanneer moet het advies klaar zijn?').fill(needed.iso);
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
  await official.getByLabel('Documenten bij de aanvraag').setInputFiles({ name: PDF_NAME, mimeType: 'application/pdf', buffer: pdf });
  await clickAndWait(official, official.getByRole('button', { name: 'Aanvraag vastleggen' }), /^\/lindewijk\/werkruimte\/adviezen\/[0-9a-f-]{36}\?melding=vastgelegd$/);

  advicePath = new URL(official.url()).pathname;
  adviceUrl = `${server.url}${advicePath}`;
  const title = await h1(official).innerText();
  assert.ok(title.endsWith(`: ${SUBJECT}`), `the heading is "reference: subject": ${title}`);
  reference = title.slice(0, -`: ${SUBJECT}`.length);
  assert.ok(reference.length > 0, 'the advice has a reference');
  assert.match(await notice(official).innerText(), /Het advies is vastgelegd/);
  await expectStatus(official, 'Aangevraagd');
  const text = await main(official).innerText();
  assert.match(text, new RegExp(escapeRegExp(needed.dutch)));
  // The document is kept with the advice and can be downloaded.
  const docLink = main(official).getByRole('link', { name: PDF_NAME });
  assert.equal(await docLink.count(), 1, 'the uploaded PDF is listed');
  const doc = await official.request.get(new URL((await docLink.getAttribute('href'))!, server.url).toString());
  assert.equal(doc.status(), 200);
  assert.match(doc.headers()['content-type'] ?? '', /^application\/pdf/);
  assert.ok((await doc.body()).subarray(0, 8).toString('latin1').startsWith('%PDF-1.4'));
  await visited.check(official, 'official: advice recorded');
});

test('the secretary assigns the request to the Wmo working group', async () => {
  secretary = await logIn(EMAIL.secretary, 'Karim Bakker');
  await clickAndWait(secretary, wsNav(secretary).getByRole('link', { name: 'Adviezen', exact: true }), '/lindewijk/werkruimte/adviezen');
  const row = secretary.getByRole('row').filter({ hasText: SUBJECT });
  assert.equal(await row.count(), 1, 'the new request is in the list');
  assert.match(await row.innerText(), /Aangevraagd/);
  await visited.check(secretary, 'secretary: advice list');
  await clickAndWait(secretary, row.getByRole('link', { name: SUBJECT }), advicePath);
  await visited.check(secretary, 'secretary: advice requested');

  await secretary.getByLabel('Werkgroep', { exact: true }).selectOption({ label: 'Wmo' });
  await clickAndWait(secretary, secretary.getByRole('button', { name: 'Geef aan werkgroep' }), `${advicePath}?melding=stap`);
  assert.match(await notice(secretary).innerText(), /Werkgroep schrijft/);
  await expectStatus(secretary, 'Werkgroep schrijft');
  // The page is a step list: the request is done, the working group's step is open.
  assert.match(await main(secretary).locator('.rw-task-list__item--current').innerText(), /2\. Werkgroep en voorstel/);
  await visited.check(secretary, 'secretary: advice assigned');
  await expectHistory(secretary, /Aan werkgroep gegeven/, 'secretary: history after assigning');
});

test('Els Jansen of the Wmo group saves two versions of the draft and compares them', async () => {
  els = await logIn(EMAIL.els, 'Els Jansen');
  await openAdvice(els, 'els: advice drafting');
  const versions = `${advicePath}/versies`;
  await clickAndWait(els, main(els).getByRole('link', { name: /^Versies van het voorstel/ }), versions);
  assert.equal(await h1(els).innerText(), `Versies van het voorstel: ${SUBJECT}`);
  await visited.check(els, 'els: no versions yet');

  await els.getByLabel('Tekst van het voorstel').fill(DRAFT_1);
  await clickAndWait(els, els.getByRole('button', { name: 'Versie opslaan' }), `${versions}?opgeslagen=1`);
  assert.match(await notice(els).innerText(), /Versie 1 is opgeslagen/);
  await visited.check(els, 'els: version 1 saved');

  // The form holds the last version; she changes it.
  assert.equal((await els.getByLabel('Tekst van het voorstel').inputValue()).replace(/\r\n/g, '\n'), DRAFT_1);
  await els.getByLabel('Tekst van het voorstel').fill(DRAFT_2);
  await clickAndWait(els, els.getByRole('button', { name: 'Versie opslaan' }), `${versions}?opgeslagen=2`);
  assert.match(await notice(els).innerText(), /Versie 2 is opgeslagen/);
  const table = els.getByRole('table', { name: 'Opgeslagen versies' });
  assert.equal(await table.getByRole('link', { name: /^Versie \d lezen$/ }).count(), 2);
  await visited.check(els, 'els: version 2 saved');

  await els.getByLabel('Van versie').selectOption({ label: 'Versie 1' });
  await els.getByLabel('Naar versie').selectOption({ label: 'Versie 2' });
  await clickAndWait(els, els.getByRole('button', { name: 'Vergelijk' }), `${versions}?van=1&naar=2`);
  assert.ok(await els.getByRole('heading', { name: 'Verschil tussen versie 1 en versie 2' }).isVisible());
  const diff = els.locator('.rw-diff');
  const added = (await diff.locator('ins').allInnerTexts()).map((s) => s.trim());
  const removed = (await diff.locator('del').allInnerTexts()).map((s) => s.trim());
  assert.ok(added.includes('Toegevoegd: De eigen bijdrage blijft gelijk.'), `added lines: ${added.join(' | ')}`);
  assert.ok(added.includes('Toegevoegd: De reistijd moet korter: hooguit 45 minuten.'), `added lines: ${added.join(' | ')}`);
  assert.deepEqual(removed, ['Verwijderd: De reistijd moet korter.']);
  assert.match(await diff.innerText(), /De raad vindt vervoer belangrijk voor meedoen\./);
  await visited.check(els, 'els: versions compared');
});

test('the secretary makes the concept with two recommendations and opens an approval round', async () => {
  await openAdvice(secretary, 'secretary: draft ready');
  await clickAndWait(secretary, secretary.getByRole('button', { name: 'Maak er een conceptadvies van' }), `${advicePath}?melding=stap`);
  await expectStatus(secretary, 'Conceptadvies');
  // The last version of the draft became the explanation.
  assert.match((await secretary.getByLabel('Toelichting').inputValue()).replace(/\r\n/g, '\n'), /De eigen bijdrage blijft gelijk\./);
  await visited.check(secretary, 'secretary: concept');

  await secretary.getByLabel('Inleiding').fill('Op uw verzoek geeft de raad advies over het Wmo-vervoer.');
  await clickAndWait(secretary, secretary.getByRole('button', { name: 'Tekst opslaan' }), `${advicePath}?melding=opgeslagen`);

  for (const [i, text] of [REC_1, REC_2].entries()) {
    await secretary.getByLabel('Tekst van de aanbeveling').fill(text);
    await clickAndWait(secretary, secretary.getByRole('button', { name: 'Aanbeveling toevoegen' }), `${advicePath}?melding=opgeslagen`);
    assert.equal((await secretary.getByLabel(`Aanbeveling ${i + 1}`, { exact: true }).inputValue()).trim(), text);
  }
  await visited.check(secretary, 'secretary: concept with two recommendations');

  const closes = dateInDays(7);
  await secretary.getByLabel('Stemmen kan tot en met (datum)').fill(closes.iso);
  await secretary.getByLabel('Tijd', { exact: true }).fill('17:00');
  await clickAndWait(secretary, secretary.getByRole('button', { name: 'Stemronde openen' }), `${advicePath}?melding=stap`);
  await expectStatus(secretary, 'Ter instemming');
  assert.match(await main(secretary).innerText(), new RegExp(`Stemronde 1, open tot ${escapeRegExp(closes.dutch)}`));
  await visited.check(secretary, 'secretary: approval round open');
});

test('the mail announcing the round reaches the members', async () => {
  // A notice of new work (core/notices), in the receiver's language, sent with the next mail.
  const mail = await smtp.waitFor((m) => m.to.includes(EMAIL.pieter) && m.subject.startsWith('Stem over conceptadvies'));
  assert.ok(mail.subject.startsWith(`Stem over conceptadvies ${reference}, ${SUBJECT}. Stemmen kan tot `), mail.subject);
  assert.match(mail.subject, /\(Adviesraad Sociaal Domein Lindewijk\)$/);
  assert.match(mail.body, /^Beste /);
  assert.ok(mail.body.includes(adviceUrl), `the mail links to the advice:\n${mail.body}`);
  for (const who of [EMAIL.els, EMAIL.fatima, EMAIL.chair]) {
    await smtp.waitFor((m) => m.to.includes(who) && m.subject === mail.subject);
  }
  // Not to the official: she does not vote.
  assert.ok(!smtp.messages.some((m) => m.to.includes(EMAIL.official) && m.subject === mail.subject));
});

test('three members vote after reading the text: agree, agree with a remark, and one objects first and then changes her vote', async () => {
  // Els, already logged in.
  await openAdvice(els, 'els: voting');
  await els.getByRole('group', { name: 'Bent u het eens met dit conceptadvies?' }).getByLabel('Eens', { exact: true }).check();
  await clickAndWait(els, els.getByRole('button', { name: 'Stem versturen' }), `${advicePath}?melding=gestemd`);
  assert.match(await notice(els).innerText(), /Uw stem is opgeslagen/);
  assert.match(await main(els).innerText(), /U hebt gestemd: eens\. Wijzig uw stem/);
  assert.equal(await els.getByRole('button', { name: 'Stem versturen' }).count(), 0, 'no second vote');
  await visited.check(els, 'els: voted');

  // Pieter opens the advice from the workspace (the notice of the round is mailed by the notices job; its test is above).
  const pieter = await logIn(EMAIL.pieter, 'Pieter Mulder');
  await openAdvice(pieter, 'pieter: voting');
  // The vote comes after the text: first the concept, then the question.
  const order = await main(pieter).evaluate((m) => {
    const recs = m.querySelector('.rw-recommendations');
    const vote = m.querySelector('input[name="vote"]');
    return Boolean(recs && vote && recs.compareDocumentPosition(vote) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  assert.ok(order, 'the vote form comes after the recommendations');
  await pieter.getByRole('group', { name: 'Bent u het eens met dit conceptadvies?' }).getByLabel('Eens, met een opmerking').check();
  await pieter.getByLabel('Opmerking of reden van bezwaar').fill(REMARK);
  await clickAndWait(pieter, pieter.getByRole('button', { name: 'Stem versturen' }), `${advicePath}?melding=gestemd`);
  assert.match(await main(pieter).innerText(), /U hebt gestemd: eens, met een opmerking\./);
  await visited.check(pieter, 'pieter: voted');

  const fatima = await logIn(EMAIL.fatima, 'Fatima El Amrani');
  await openAdvice(fatima, 'fatima: voting');
  await fatima.getByRole('group', { name: 'Bent u het eens met dit conceptadvies?' }).getByLabel('Bezwaar').check();
  await fatima.getByLabel('Opmerking of reden van bezwaar').fill('Ik mis de ritten naar school.');
  await clickAndWait(fatima, fatima.getByRole('button', { name: 'Stem versturen' }), `${advicePath}?melding=gestemd`);
  assert.match(await main(fatima).innerText(), /U hebt gestemd: bezwaar\./);
  await visited.check(fatima, 'fatima: objected');
  // While the round is open she changes her vote, on the page of the approval step.
  await clickAndWait(fatima, main(fatima).getByRole('link', { name: 'Wijzig uw stem' }), `${advicePath}?stap=stemronde`);
  const group = fatima.getByRole('group', { name: 'Bent u het eens met dit conceptadvies?' });
  assert.ok(await group.getByLabel('Bezwaar').isChecked(), 'the form holds her vote');
  await visited.check(fatima, 'fatima: changing her vote');
  await group.getByLabel('Eens', { exact: true }).check();
  await clickAndWait(fatima, fatima.getByRole('button', { name: 'Stem wijzigen' }), `${advicePath}?melding=stemgewijzigd`);
  assert.match(await notice(fatima).innerText(), /Uw stem is gewijzigd/);
  assert.match(await main(fatima).innerText(), /U hebt gestemd: eens\./);
  await visited.check(fatima, 'fatima: vote changed');
  await Promise.all([pieter.context().close(), fatima.context().close()]);
});

test('the chair sees the tally and the remark, and adopts the advice', async () => {
  const chair = await logIn(EMAIL.chair, 'Anna de Vries');
  await openAdvice(chair, 'chair: tally');
  const counts = chair.getByRole('table', { name: 'Aantal stemmen per keuze' });
  const count = async (label: string) =>
    (
      await counts
        .getByRole('row')
        .filter({ has: chair.getByText(label, { exact: true }) })
        .innerText()
    )
      .replace(/\s+/g, ' ')
      .trim();
  assert.match(await count('Eens'), /^Eens 2$/);
  assert.match(await count('Eens, met een opmerking'), /^Eens, met een opmerking 1$/);
  assert.match(await count('Bezwaar'), /^Bezwaar 0$/);
  assert.match(await main(chair).innerText(), /Het advies kan worden vastgesteld\./);
  const votes = chair.getByRole('table', { name: 'Stemmen in deze ronde' });
  const pieterRow = votes.getByRole('row').filter({ hasText: 'Pieter Mulder' });
  assert.match(await pieterRow.innerText(), new RegExp(escapeRegExp(REMARK)));
  assert.equal(
    await votes
      .getByRole('row')
      .filter({ hasText: /Els Jansen|Fatima El Amrani/ })
      .count(),
    2,
  );

  await clickAndWait(chair, chair.getByRole('button', { name: 'Advies vaststellen' }), `${advicePath}?melding=stap`);
  await expectStatus(chair, 'Vastgesteld');
  assert.match(await notice(chair).innerText(), /Vastgesteld/);
  await visited.check(chair, 'chair: adopted');
  await chair.context().close();
});

test('the secretary reads the letter, checks the PDF and sends it; the letter reaches the addressee', async () => {
  await openAdvice(secretary, 'secretary: adopted');
  await clickAndWait(secretary, main(secretary).getByRole('link', { name: 'Adviesbrief bekijken' }), `${advicePath}/brief`);
  assert.equal(await h1(secretary).innerText(), `Adviesbrief ${reference}`);
  const letter = secretary.getByRole('article', { name: `Adviesbrief ${reference}` });
  const letterText = await letter.innerText();
  for (const s of ['Adviesraad Sociaal Domein Lindewijk', reference, SUBJECT, REC_1, REC_2, 'Anna de Vries', 'Karim Bakker']) {
    assert.ok(letterText.includes(s), `the letter holds "${s}"`);
  }
  assert.equal(await letter.getByRole('listitem').count(), 2, 'two numbered recommendations');
  await visited.check(secretary, 'secretary: letter');

  const pdfLink = main(secretary).getByRole('link', { name: 'Download als PDF' });
  const pdfHref = await pdfLink.getAttribute('href');
  assert.equal(pdfHref, `${advicePath}/brief.pdf`);
  const pdf = await secretary.request.get(`${server.url}${pdfHref}`);
  assert.equal(pdf.status(), 200);
  assert.match(pdf.headers()['content-type'] ?? '', /^application\/pdf/);
  assert.equal((await pdf.body()).subarray(0, 5).toString('latin1'), '%PDF-');

  await openAdvice(secretary, 'secretary: ready to send');
  assert.match(await main(secretary).innerText(), new RegExp(`De brief gaat per e-mail naar ${escapeRegExp(COLLEGE_EMAIL)}`));
  await clickAndWait(secretary, secretary.getByRole('button', { name: 'Advies versturen' }), `${advicePath}?melding=verstuurd`);
  assert.match(await notice(secretary).innerText(), /Het advies is verstuurd\. De gemeente moet uiterlijk .+ antwoorden\./);
  await expectStatus(secretary, 'Verstuurd');
  await visited.check(secretary, 'secretary: sent');

  const mail = await smtp.waitFor((m) => m.to.includes(COLLEGE_EMAIL));
  assert.equal(mail.subject, `Advies ${reference} van Adviesraad Sociaal Domein Lindewijk: ${SUBJECT}`);
  for (const s of [REC_1, REC_2, reference]) assert.ok(mail.body.includes(s), `the letter mail holds "${s}":\n${mail.body}`);
  assert.ok(
    mail.attachments.some((a) => a.contentType.startsWith('application/pdf') && a.filename === `advies-${reference}.pdf`),
    'the signed letter is attached as a PDF',
  );
});

test('the official records the answer per recommendation; the advice is answered', async () => {
  await openAdvice(official, 'official: advice sent');
  await official.getByLabel('Antwoord op aanbeveling 1', { exact: true }).selectOption({ label: 'Overgenomen' });
  await official.getByLabel('Antwoord op aanbeveling 2', { exact: true }).selectOption({ label: 'Niet overgenomen' });
  await official.getByLabel('Reden van de gemeente bij aanbeveling 2').fill(NOT_ADOPTED_REASON);
  await clickAndWait(official, official.getByRole('button', { name: 'Antwoorden opslaan' }), `${advicePath}?melding=opgeslagen`);
  await expectStatus(official, 'Beantwoord');
  const recs = official.locator('.rw-recommendations > li');
  assert.match(await recs.nth(0).innerText(), /Overgenomen/);
  const second = await recs.nth(1).innerText();
  assert.match(second, /Niet overgenomen/);
  assert.ok(second.includes(NOT_ADOPTED_REASON));
  await visited.check(official, 'official: answered');
  await expectHistory(official, /Antwoord van de gemeente vastgelegd/, 'official: history');
});

test('the secretary records the follow-up of the adopted recommendation, with a review date', async () => {
  await openAdvice(secretary, 'secretary: answered');
  const review = dateInDays(90);
  const choice = secretary.getByLabel('Aanbeveling', { exact: true });
  // Only the adopted recommendation can be followed up.
  assert.deepEqual(
    (await choice.locator('option').allInnerTexts()).map((s) => s.trim()),
    [`1. ${REC_1}`],
  );
  await choice.selectOption({ label: `1. ${REC_1}` });
  await secretary.getByLabel('Wat heeft de gemeente gedaan?').fill(FOLLOW_UP);
  await secretary.getByLabel('Opnieuw nakijken op').fill(review.iso);
  await clickAndWait(secretary, secretary.getByRole('button', { name: 'Opvolging opslaan' }), `${advicePath}?melding=opgeslagen`);
  const first = await secretary.locator('.rw-recommendations > li').nth(0).innerText();
  assert.ok(first.includes(`Opvolging: ${FOLLOW_UP}`), first);
  assert.ok(first.includes(`Nakijken op ${review.dutch}`), first);
  await expectStatus(secretary, 'Beantwoord');
  await visited.check(secretary, 'secretary: follow-up recorded');
  await expectHistory(secretary, /Opvolging vastgelegd/, 'secretary: history after follow-up');

  // The list shows the advice answered.
  await secretary.goto(`${server.url}/lindewijk/werkruimte/adviezen?status=answered`);
  assert.match(await secretary.getByRole('row').filter({ hasText: SUBJECT }).innerText(), /Beantwoord/);
  assert.equal(pathOf(secretary), '/lindewijk/werkruimte/adviezen?status=answered');
  await visited.check(secretary, 'secretary: list of answered advice');
});

test('without JavaScript, the secretary withdraws a request after a page that says what happens, and undoes it', async () => {
  const page = await newPage(browser, { javaScriptEnabled: false });
  await page.goto(`${server.url}/inloggen`);
  await page.getByLabel('E-mailadres').fill(EMAIL.secretary);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
  await clickAndWait(page, page.getByRole('button', { name: 'Inloggen' }), '/lindewijk/werkruimte');
  await page.goto(`${server.url}/lindewijk/werkruimte/adviezen`);
  await clickAndWait(page, main(page).getByRole('link', { name: 'Beleidsplan Wmo 2027-2030' }), /^\/lindewijk\/werkruimte\/adviezen\/[0-9a-f-]{36}$/);
  const path = pathOf(page);
  // The way to withdraw is a link, apart from the step's own button, under its own heading.
  const stop = page.getByRole('region', { name: 'Advies stoppen' });
  await clickAndWait(page, stop.getByRole('link', { name: 'Advies intrekken' }), `${path}/intrekken`);
  assert.match(await h1(page).innerText(), /intrekken\?$/);
  const text = await main(page).innerText();
  assert.match(text, /Lotte Peters krijgt hierover een e-mail, omdat die het advies aanvroeg\./);
  assert.match(text, /binnen 30 dagen ongedaan maken/);
  await visited.check(page, 'secretary: withdraw, asked first');
  await clickAndWait(page, page.getByRole('button', { name: 'Ja, trek het advies in' }), `${path}?melding=ingetrokken`);
  await expectStatus(page, 'Ingetrokken');
  assert.match(await notice(page).innerText(), /Het advies is ingetrokken/);
  await visited.check(page, 'secretary: withdrawn');
  await clickAndWait(page, page.getByRole('button', { name: 'Intrekken ongedaan maken' }), `${path}?melding=stap`);
  await expectStatus(page, 'Aangevraagd');
  await visited.check(page, 'secretary: withdrawal undone');
  await page.context().close();
});

test('every page of the advice journey is valid HTML (Nu checker)', async () => {
  await visited.expectValidHtml();
});
