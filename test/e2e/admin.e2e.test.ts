/**
 * The platform admin: the first login forces two-step verification (the key read from the
 * page, the code made with otplib), then platform administration: a new council through the
 * form (an error first), listed on the home page at once; a resident writes to the new
 * council and, with no SMTP configured, the admin reads that mail in the outbox.
 * axe runs on every page; the Nu checker reads all of them at the end.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { generateSync } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, startTestServer, type TestServer } from '../support/browser.ts';
import { DEMO_PASSWORD, VisitedPages, expectErrorSummary, waitForMinimumFillTime, clickAndWait } from './journey.ts';

let server: TestServer;
let browser: Browser;
let admin: Page;
let resident: Page;
const visited = new VisitedPages();

const COUNCIL = { name: 'Adviesraad Sociaal Domein Veldhoven-Noord', slug: 'veldhoven-noord', contact: 'secretariaat@adviesraad-veldhoven-noord.example' };
const MESSAGE = {
  name: 'Ria Hoekstra',
  email: 'ria.hoekstra@example.org',
  subject: 'Drempels bij het buurthuis',
  text: 'Bij het buurthuis kan ik met mijn rollator niet naar binnen.',
};

before(async () => {
  // No SMTP_URL: mail stays in the outbox.
  [server, browser] = await Promise.all([startTestServer({ env: { SMTP_URL: undefined } }), launchBrowser()]);
  [admin, resident] = await Promise.all([newPage(browser), newPage(browser)]);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const adminNav = () => admin.getByRole('navigation', { name: 'Beheer' });

test('the platform admin logs in and must turn on two-step verification first', async () => {
  await admin.goto(`${server.url}/inloggen`);
  await visited.check(admin, 'login');
  await admin.getByLabel('E-mailadres').fill('beheer@raadwerk.example');
  await admin.getByLabel('Wachtwoord', { exact: true }).fill(DEMO_PASSWORD);
  await clickAndWait(admin, admin.getByRole('button', { name: 'Inloggen' }), /^\/account\/tweestapsverificatie/);
  assert.equal(await h1(admin).innerText(), 'Tweestapsverificatie');
  assert.ok(await admin.getByRole('heading', { name: 'Tweestapsverificatie instellen' }).isVisible());
  assert.ok(await admin.getByRole('img', { name: /QR-code/ }).isVisible());
  await visited.check(admin, 'two-step enrolment');

  // Until the second step is set up, administration is out of reach.
  await admin.goto(`${server.url}/beheer`);
  assert.doesNotMatch(new URL(admin.url()).pathname, /^\/beheer/);
  await visited.check(admin, 'beheer before enrolment');
  await admin.goto(`${server.url}/account/tweestapsverificatie`);

  const shown = (await admin.locator('.rw-secret code').innerText()).trim();
  assert.match(shown, /^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/, `the key is shown in groups of four: ${shown}`);
  const secret = shown.replace(/\s+/g, '');

  // A wrong code first.
  await admin.getByLabel('Code van 6 cijfers').fill('12345');
  await clickAndWait(admin, admin.getByRole('button', { name: 'Tweestapsverificatie aanzetten' }), '/account/tweestapsverificatie');
  const errors = await expectErrorSummary(admin);
  assert.deepEqual(errors, ['Vul een code van 6 cijfers in.']);
  // The same key is offered again, so the app on the phone still fits.
  assert.equal((await admin.locator('.rw-secret code').innerText()).replace(/\s+/g, ''), secret);
  await visited.check(admin, 'two-step enrolment with an error');

  await admin.getByLabel('Code van 6 cijfers').fill(generateSync({ secret }));
  await clickAndWait(admin, admin.getByRole('button', { name: 'Tweestapsverificatie aanzetten' }), '/account/tweestapsverificatie');
  assert.doesNotMatch(await admin.title(), /^Fout/);
  // The recovery codes, shown once.
  await admin.getByRole('heading', { level: 1, name: 'Uw herstelcodes' }).waitFor();
  assert.equal(await admin.getByRole('list', { name: 'Uw 10 herstelcodes' }).getByRole('listitem').count(), 10);
  await visited.check(admin, 'recovery codes');
  // The admin is in no council, so "Verder" goes to the account.
  await clickAndWait(admin, admin.getByRole('link', { name: 'Verder' }), '/account');
  await visited.check(admin, 'after enrolment');

  await clickAndWait(admin, admin.getByRole('banner').getByRole('link', { name: 'Beheer' }), '/beheer');
  assert.equal(await h1(admin).innerText(), 'Beheer van het platform');
  assert.ok(await admin.getByRole('link', { name: 'Adviesraad Sociaal Domein Lindewijk', exact: true }).isVisible());
  await visited.check(admin, 'beheer');
});

test('the admin creates a council; it is listed on the home page at once', async () => {
  // A resident has the list open already.
  await resident.goto(`${server.url}/`);
  assert.equal(await resident.getByRole('link', { name: COUNCIL.name }).count(), 0);
  await visited.check(resident, 'home before the new council');

  await clickAndWait(admin, adminNav().getByRole('link', { name: 'Nieuwe organisatie' }), '/beheer/raden/nieuw');
  assert.equal(await h1(admin).innerText(), 'Nieuwe organisatie');
  await visited.check(admin, 'new council form');

  await admin.getByLabel('Naam van de organisatie').fill(COUNCIL.name);
  await admin.getByLabel('Webadres').fill('Veldhoven Noord!');
  await admin.getByRole('radio', { name: 'Adviesraad van de gemeente' }).check();
  await admin.getByLabel('Voor wie werkt de organisatie?').fill('Het college van B&W van de gemeente Veldhoven');
  await admin.getByLabel('E-mailadres voor contact').fill(COUNCIL.contact);
  await clickAndWait(admin, admin.getByRole('button', { name: 'Opslaan' }), '/beheer/raden/nieuw');
  const errors = await expectErrorSummary(admin);
  assert.equal(errors.length, 1, errors.join(' | '));
  assert.match(errors[0], /kleine letters, cijfers en streepjes/);
  assert.equal(await admin.getByLabel('Naam van de organisatie').inputValue(), COUNCIL.name);
  assert.equal(await admin.getByRole('radio', { name: 'Adviesraad van de gemeente' }).isChecked(), true, 'the chosen kind is kept');
  await visited.check(admin, 'new council form with an error');

  await admin.getByLabel('Webadres').fill(COUNCIL.slug);
  await clickAndWait(admin, admin.getByRole('button', { name: 'Opslaan' }), `/beheer?aangemaakt=${COUNCIL.slug}`);
  assert.match(await admin.getByRole('status').innerText(), /De organisatie .* is aangemaakt/);
  assert.ok(await admin.getByRole('link', { name: COUNCIL.name, exact: true }).isVisible());
  await visited.check(admin, 'beheer with the new council');

  await resident.reload();
  assert.ok(await resident.getByRole('link', { name: COUNCIL.name, exact: true }).isVisible());
  await visited.check(resident, 'home with the new council');
  await clickAndWait(resident, resident.getByRole('link', { name: COUNCIL.name }), `/${COUNCIL.slug}`);
  assert.equal(await h1(resident).innerText(), COUNCIL.name);
  await visited.check(resident, 'new council home');
});

test('without SMTP, a message to the new council waits in the outbox; the admin sees that it waits, not what the resident wrote', async () => {
  await clickAndWait(resident, resident.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Contact' }), `/${COUNCIL.slug}/contact`);
  const servedAt = Date.now();
  await visited.check(resident, 'contact form of the new council');
  await resident.getByLabel('Uw naam').fill(MESSAGE.name);
  await resident.getByLabel('Uw e-mailadres').fill(MESSAGE.email);
  await resident.getByLabel('Onderwerp').fill(MESSAGE.subject);
  await resident.getByLabel('Uw bericht').fill(MESSAGE.text);
  await waitForMinimumFillTime(resident, servedAt);
  await clickAndWait(resident, resident.getByRole('button', { name: 'Versturen' }), `/${COUNCIL.slug}/contact/verzonden`);
  assert.equal(await h1(resident).innerText(), 'Uw bericht is verstuurd');
  await visited.check(resident, 'contact sent');

  await admin.goto(`${server.url}/beheer`);
  await clickAndWait(admin, adminNav().getByRole('link', { name: 'Postvak uit' }), '/beheer/postvak');
  assert.equal(await h1(admin).innerText(), 'Postvak uit');
  // The admin sees that the message waits, never what the resident wrote or their address (issue 17).
  const row = admin.getByRole('row').filter({ hasText: '(onderwerp verborgen)' }).first();
  const cells = await row.innerText();
  assert.match(cells, /Niet verzonden \(geen SMTP\)/);
  assert.ok(!cells.includes(MESSAGE.subject) && !cells.includes(COUNCIL.contact), 'no subject, no full address');
  await visited.check(admin, 'outbox');

  await clickAndWait(admin, row.getByRole('link', { name: '(onderwerp verborgen)' }), /^\/beheer\/postvak\/[0-9a-f-]+$/);
  const page = await admin.locator('main').innerText();
  assert.match(page, /gegevens van een inwoner/);
  for (const secret of [MESSAGE.text, MESSAGE.email, MESSAGE.name, MESSAGE.subject]) assert.ok(!page.includes(secret), `the outbox shows no ${secret}`);
  await visited.check(admin, 'outbox message');
});

test('every page of the journey is valid HTML (Nu checker)', async () => {
  await visited.expectValidHtml();
});
