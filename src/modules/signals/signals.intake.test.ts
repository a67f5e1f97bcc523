import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq, lt } from 'drizzle-orm';
import { councils } from '../../core/organisations.schema.ts';
import { anonymousToken, auditEntries, useTestApp, csrfFrom, get, login, mailsTo, makeCouncil, makeMember, post, titleOf, type Res, ipSequence } from '../../../test/support/factories.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { open } from '../../core/crypto.ts';
import { signalContacts, signalCounters, signalMessages, signalSettings, signals } from './signals.schema.ts';
import { signalSubmissions } from './signals.intake.schema.ts';
import { CONTACT_PURPOSE } from './signals.privacy.ts';
import { addressKey, MAX_PER_HOUR, networkOf, purgeOldSubmissions } from './signals.intake.ts';
import { SIGNAL_QUEUE } from './signals.intake.held.ts';
import { publicFormPosts } from '../../core/public-budget.schema.ts';
import { checkHtml, formatHtmlErrors } from '../../../test/support/vnu.ts';
import { assertEach } from '../../../test/support/unit.ts';

const t = useTestApp();

const freshIp = ipSequence('10.44');

/** The form token of a start page served 10 s ago: far above the minimum fill time. */
const oldToken = () => anonymousToken(t, 10_000);

const paths = (c: Council) => ({
  start: `/${c.slug}/signaal`,
  question: `/${c.slug}/signaal/vraag`,
  send: `/${c.slug}/signaal/versturen`,
  sent: `/${c.slug}/signaal/verstuurd`,
});

const complete = {
  description: 'De taxi voor het vervoer naar de dagbesteding komt vaak een uur te laat.',
  area: 'transport',
  since: 'month',
  peopleCount: '12',
  contactChoice: 'gegevens',
  name: 'Mila de Vries',
  email: 'mila@test.example',
  phone: '',
  consent: 'ja',
};
const anonymousAnswers = { ...complete, contactChoice: 'anoniem', name: '', email: '', consent: '' } as Record<string, string>;

/** Hidden and checked fields of the page's form with this action: what a browser would post. */
function formFields(html: string, action: string): Record<string, string> {
  // The page's main form, not the small back-link form before it.
  const start = html.indexOf(`action="${action}" novalidate class="rw-form"`);
  assert.ok(start >= 0, `no form to ${action}`);
  const form = html.slice(start, html.indexOf('</form>', start));
  const out: Record<string, string> = {};
  for (const m of form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) out[m[1]] = decode(m[2]);
  return out;
}
const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

async function signalsOf(c: Council) {
  return t.db.select().from(signals).where(eq(signals.councilId, c.id));
}

function assertErrorPage(res: Res, field: string, text?: RegExp) {
  assert.equal(res.statusCode, 400, res.body.slice(0, 300));
  assert.match(titleOf(res.body), /^Fout: /);
  assert.match(res.body, /class="utrecht-alert utrecht-alert--error rw-error-summary"/);
  assert.ok(res.body.includes(`href="#veld-${field}"`), `error summary links to ${field}`);
  if (text) assert.match(res.body, text);
}

/** Posts a page's answers (as the page's own fields plus all earlier answers). */
function answer(c: Council, pagina: string, answers: Record<string, string>, opts: { csrf?: string; ip?: string; extra?: Record<string, string> } = {}) {
  return post(t, paths(c).question, { ...answers, pagina, ...opts.extra }, undefined, { csrf: opts.csrf ?? oldToken(), ip: opts.ip ?? freshIp() });
}

function send(c: Council, answers: Record<string, string>, opts: { csrf?: string; ip?: string } = {}) {
  return post(t, paths(c).send, answers, undefined, { csrf: opts.csrf ?? oldToken(), ip: opts.ip ?? freshIp() });
}

test('the start page says what the council can and cannot do, sets no cookie, and starts a form', async () => {
  const c = await makeCouncil(t);
  const res = await get(t, paths(c).start);
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['set-cookie'], undefined);
  assert.equal(res.headers['cache-control'], 'no-store');
  assert.match(titleOf(res.body), /^Een signaal melden - /);
  assert.match(res.body, /lost geen persoonlijke problemen op/);
  assert.match(res.body, /wijkteam/);
  assert.match(res.body, /cliëntondersteuner/);
  assert.deepEqual(Object.keys(formFields(res.body, paths(c).question)).sort(), ['_csrf', 'pagina']);
  // The public menu leads here.
  assert.ok((await get(t, `/${c.slug}`)).body.includes(`href="/${c.slug}/signaal"`));
});

test('a resident walks every page like a browser: titles, carried answers and token, a too-fast send refused, then stored with sealed contact and a mail', async () => {
  const c = await makeCouncil(t);
  const ip = freshIp();
  const start = await get(t, paths(c).start);
  const token = csrfFrom(start.body);
  let fields = formFields(start.body, paths(c).question);
  const titles: string[] = [];
  const pages: [string, Record<string, string>][] = [
    ['omschrijving', { description: complete.description }],
    ['onderwerp', { area: complete.area }],
    ['sinds', { since: complete.since }],
    ['aantal', { peopleCount: complete.peopleCount }],
    ['contact', { contactChoice: 'gegevens', name: complete.name, email: complete.email, phone: '' }],
    ['toestemming', { consent: 'ja' }],
  ];
  let res = await post(t, paths(c).question, fields, undefined, { csrf: token, ip });
  for (const [page, values] of pages) {
    assert.equal(res.statusCode, 200, `${page}: ${res.body.slice(0, 200)}`);
    assert.equal(res.headers['set-cookie'], undefined, 'no cookie for an anonymous resident');
    assert.equal(res.headers['cache-control'], 'no-store');
    titles.push(titleOf(res.body));
    fields = formFields(res.body, paths(c).question);
    assert.equal(fields._csrf, token, 'the token of the start page travels along');
    assert.equal(fields.pagina, page);
    res = await post(t, paths(c).question, { ...fields, ...values }, undefined, { csrf: token, ip });
  }
  assert.deepEqual(
    titles.map((x) => x.split(' - ')[0]),
    [
      'Stap 1 van 6: Wat is er gebeurd?',
      'Stap 2 van 6: Over welk onderwerp gaat het?',
      'Stap 3 van 6: Sinds wanneer speelt het probleem?',
      'Stap 4 van 6: Voor hoeveel mensen is dit een probleem?',
      'Stap 5 van 6: Wilt u anoniem blijven?',
      'Stap 6 van 6: Mogen wij uw gegevens gebruiken?',
    ],
  );
  assert.equal(res.statusCode, 200);
  assert.match(titleOf(res.body), /^Controleer uw antwoorden/);
  assert.match(res.body, /komt vaak een uur te laat/);
  assert.match(res.body, /Vervoer/);
  assert.match(res.body, /mila@test\.example/);
  const check = formFields(res.body, paths(c).send);
  for (const [k, v] of Object.entries(complete)) if (v !== '') assert.equal(check[k], v, `${k} is carried to the check page`);
  assert.equal((await signalsOf(c)).length, 0, 'nothing is stored before the final send');

  // Straight after the start page: faster than a person can be.
  const fast = await post(t, paths(c).send, check, undefined, { csrf: token, ip });
  assertErrorPage(fast, 'form', /sneller dan wij verwachtten/);
  assert.equal((await signalsOf(c)).length, 0);

  // The same answers with a start page of 10 s ago.
  const { _csrf, ...carried } = check;
  assert.equal(_csrf, token);
  const sent = await post(t, paths(c).send, carried, undefined, { csrf: oldToken(), ip });
  assert.equal(sent.statusCode, 303, sent.body.slice(0, 300));
  const location = String(sent.headers.location);
  assert.match(location, new RegExp(`^/${c.slug}/signaal/verstuurd\\?nummer=`));
  const [row] = await signalsOf(c);
  assert.equal(row.source, 'web_form');
  assert.equal(row.area, 'transport');
  assert.equal(row.since, 'month');
  assert.equal(row.peopleCount, 12);
  assert.equal(row.hasContact, true);
  assert.ok(row.consentAt);
  assert.equal(row.description, complete.description);
  const [contact] = await t.db.select().from(signalContacts).where(eq(signalContacts.signalId, row.id));
  assert.ok(contact.emailSealed && !contact.emailSealed.includes('mila'), 'e-mail stored sealed');
  assert.equal(open(t.app.deps.secretKey, CONTACT_PURPOSE, contact.emailSealed), 'mila@test.example');
  assert.equal(open(t.app.deps.secretKey, CONTACT_PURPOSE, contact.nameSealed), 'Mila de Vries');
  assert.equal(contact.phoneSealed, null);

  const done = await get(t, location);
  assert.equal(done.statusCode, 200);
  assert.match(titleOf(done.body), /^Uw melding is verstuurd/);
  assert.ok(done.body.includes(row.reference), 'the reference is shown');
  assert.match(done.body, /Wat gebeurt er nu\?/);
  const [mail] = await mailsTo(t, 'mila@test.example');
  assert.ok(mail, 'an acknowledgement is queued');
  assert.ok(mail.subject.includes(row.reference) || mail.body.includes(row.reference), 'the mail names the reference');
  assert.ok(!mail.body.includes('een uur te laat'), 'the mail does not repeat the signal text');
});

test('anonymous: the consent page is skipped, typed contact details are dropped, no contact row and no mail', async () => {
  const c = await makeCouncil(t);
  const afterContact = await answer(c, 'contact', { ...anonymousAnswers, email: 'niet-bewaren@test.example', name: 'Niet Bewaren' });
  assert.equal(afterContact.statusCode, 200);
  assert.match(titleOf(afterContact.body), /^Controleer uw antwoorden/);
  assert.ok(!afterContact.body.includes('niet-bewaren@test.example'), 'a typed address is not carried when anonymous');
  assert.match(afterContact.body, /Ik blijf anoniem/);
  const res = await send(c, { ...formFields(afterContact.body, paths(c).send), email: 'niet-bewaren@test.example' });
  assert.equal(res.statusCode, 303);
  const [row] = await signalsOf(c);
  assert.equal(row.hasContact, false);
  assert.equal(row.consentAt, null);
  assert.equal((await t.db.select().from(signalContacts).where(eq(signalContacts.signalId, row.id))).length, 0);
  assert.equal((await mailsTo(t, 'niet-bewaren@test.example')).length, 0);
});

test('each page refuses missing, oversized and malformed answers with a 400 page and an error summary; nothing is stored', async () => {
  const c = await makeCouncil(t);
  const cases: [string, Record<string, string>, string, RegExp][] = [
    ['omschrijving', { description: '' }, 'description', /Beschrijf wat er aan de hand is/],
    ['omschrijving', { description: '   ' }, 'description', /Beschrijf wat er aan de hand is/],
    ['omschrijving', { description: 'x'.repeat(10 * 1024 + 1) }, 'description', /10/],
    // 10 kB counts bytes: 5,121 two-byte letters are over it.
    ['omschrijving', { description: 'é'.repeat(5121) }, 'description', /10/],
    ['onderwerp', { area: '' }, 'area', /Kies het onderwerp van uw melding/],
    ['onderwerp', { area: 'sport' }, 'area', /Kies een van de mogelijkheden/],
    ['sinds', { since: '' }, 'since', /Kies sinds wanneer/],
    ['sinds', { since: 'gisteren' }, 'since', /Kies een van de mogelijkheden/],
    ['aantal', { peopleCount: '-1' }, 'peopleCount', /Fout:/],
    ['aantal', { peopleCount: '0' }, 'peopleCount', /Fout:/],
    ['aantal', { peopleCount: '99999999999' }, 'peopleCount', /Fout:/],
    ['aantal', { peopleCount: 'twaalf' }, 'peopleCount', /Fout:/],
    ['aantal', { peopleCount: '1.5' }, 'peopleCount', /Fout:/],
    ['contact', { contactChoice: '' }, 'contactChoice', /Kies of u anoniem blijft/],
    ['contact', { contactChoice: 'misschien' }, 'contactChoice', /Kies een van de mogelijkheden/],
    ['contact', { contactChoice: 'gegevens', name: 'Mila', email: '', phone: '' }, 'email', /e-mailadres of uw telefoonnummer/],
    ['contact', { contactChoice: 'gegevens', email: 'geen-adres' }, 'email', /geldig e-mailadres/],
    ['contact', { contactChoice: 'gegevens', email: '', phone: 'bel me' }, 'phone', /geldig telefoonnummer/],
    ['contact', { contactChoice: 'gegevens', email: 'mila@test.example', name: 'x'.repeat(201) }, 'name', /te lang/],
    ['toestemming', { consent: '' }, 'consent', /Geef toestemming/],
    ['toestemming', { consent: 'misschien' }, 'consent', /Fout:/],
  ];
  for (const [page, values, field, text] of cases) {
    const res = await answer(c, page, { ...complete, ...values });
    assertErrorPage(res, field, text);
    assert.ok(res.body.includes(`name="pagina" value="${page}"`), `${page}: the same page again`);
    // The oversized text is shown back for shortening, not cut off silently.
    if (field === 'description' && values.description.length > 100) assert.ok(res.body.includes(values.description.slice(0, 5000)));
  }
  // Exactly 10 kB is fine.
  const limit = await answer(c, 'omschrijving', { ...complete, description: 'x'.repeat(10 * 1024) });
  assert.equal(limit.statusCode, 200);
  // Unknown or missing pages start again.
  assert.equal((await answer(c, 'stap99', complete)).statusCode, 303);
  assert.equal((await post(t, paths(c).question, {}, undefined, { csrf: oldToken() })).statusCode, 303);
  // A body that is no form at all.
  const junk = await t.app.inject({ method: 'POST', url: paths(c).question, headers: { 'content-type': 'application/json' }, payload: '{"pagina":' });
  assert.ok(junk.statusCode >= 400 && junk.statusCode < 500, String(junk.statusCode));
  assert.equal((await signalsOf(c)).length, 0);
});

test('the final send checks every answer again: tampered hidden fields go back to their page; no token is refused', async () => {
  const c = await makeCouncil(t);
  const cases: [Record<string, string>, string, string][] = [
    [{ ...complete, area: 'sport' }, 'onderwerp', 'area'],
    [{ ...complete, description: 'x'.repeat(20_000) }, 'omschrijving', 'description'],
    [{ ...complete, peopleCount: '-5' }, 'aantal', 'peopleCount'],
    [{ ...complete, email: 'kapot' }, 'contact', 'email'],
    [{ ...complete, consent: '' }, 'toestemming', 'consent'],
    [{ area: 'transport' }, 'omschrijving', 'description'],
  ];
  for (const [answers, page, field] of cases) {
    const res = await send(c, answers);
    assertErrorPage(res, field);
    assert.ok(res.body.includes(`name="pagina" value="${page}"`), `back on ${page}`);
  }
  const noToken = await t.app.inject({
    method: 'POST',
    url: paths(c).send,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(complete).toString(),
  });
  assert.equal(noToken.statusCode, 403);
  assert.equal((await signalsOf(c)).length, 0);
  // Another council's form under a council that does not exist.
  assert.equal((await send({ ...c, slug: 'bestaat-niet' }, complete)).statusCode, 404);
});

test('a filled honeypot stores nothing and answers like a success, but without a reference number', async () => {
  const c = await makeCouncil(t);
  const res = await send(c, { ...complete, email: 'honing@test.example', website: 'https://spam.example' });
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, paths(c).sent);
  const page = await get(t, String(res.headers.location));
  assert.equal(page.statusCode, 200);
  assert.match(titleOf(page.body), /^Uw melding is verstuurd/);
  assert.doesNotMatch(page.body, /Het nummer van uw melding is/);
  assert.equal((await signalsOf(c)).length, 0);
  assert.equal((await mailsTo(t, 'honing@test.example')).length, 0);
  // The honeypot is on every page, hidden from sight, screen readers and the tab order, and its value rides along.
  const step = await answer(c, 'omschrijving', { description: 'Tekst' }, { extra: { website: 'gevuld' } });
  assert.match(step.body, /<div class="rw-visually-hidden" aria-hidden="true"><label for="veld-website">Laat dit veld leeg/);
  assert.match(step.body, /name="website" value="gevuld" tabindex="-1" autocomplete="off"/);
  // A forged confirmation address shows no reference either.
  const forged = await get(t, `${paths(c).sent}?nummer=S-2026-9999&controle=abc`);
  assert.doesNotMatch(forged.body, /S-2026-9999/);
});

test('at most 60 signals an hour per address: the 61st gets a friendly 429 page and nothing is stored; other addresses and later hours go on', async () => {
  const c = await makeCouncil(t);
  const ip = '10.45.0.7';
  for (let i = 0; i < MAX_PER_HOUR; i++) {
    const res = await send(c, anonymousAnswers, { ip });
    assert.equal(res.statusCode, 303, `signal ${i + 1}: ${res.statusCode}`);
  }
  const refused = await send(c, anonymousAnswers, { ip });
  assert.equal(refused.statusCode, 429);
  assert.match(titleOf(refused.body), /^Te veel meldingen vanaf dit adres/);
  assert.match(refused.body, /Er is niets opgeslagen/);
  assert.ok(refused.body.includes(c.contactEmail));
  assert.equal((await signalsOf(c)).length, MAX_PER_HOUR);
  // The budget's statement went with the address's count, but counted nothing and held nothing.
  const posts = await t.db.select().from(publicFormPosts).where(eq(publicFormPosts.councilId, c.id));
  assert.deepEqual([posts.length, posts.filter((p) => p.heldSealed !== null).length], [MAX_PER_HOUR, 0]);
  // Only a keyed hash of the address is kept.
  const rows = await t.db
    .select()
    .from(signalSubmissions)
    .where(eq(signalSubmissions.keyHash, addressKey(t.app.deps.secretKey, ip)));
  assert.equal(rows.length, MAX_PER_HOUR);
  assert.ok(rows.every((r) => !r.keyHash.includes('10.45')));
  assert.equal((await send(c, anonymousAnswers, { ip: '10.45.0.8' })).statusCode, 303, 'another address');
  // An hour later the address may send again.
  await t.db
    .update(signalSubmissions)
    .set({ at: new Date(Date.now() - 61 * 60 * 1000) })
    .where(eq(signalSubmissions.keyHash, addressKey(t.app.deps.secretKey, ip)));
  assert.equal((await send(c, anonymousAnswers, { ip })).statusCode, 303);
  // The worker's purge removes counts older than a day and keeps the recent one.
  const key = addressKey(t.app.deps.secretKey, ip);
  await t.db
    .update(signalSubmissions)
    .set({ at: new Date(Date.now() - 25 * 3600 * 1000) })
    .where(lt(signalSubmissions.at, new Date(Date.now() - 3600 * 1000)));
  assert.ok((await purgeOldSubmissions(t.db)) >= MAX_PER_HOUR);
  assert.equal((await t.db.select().from(signalSubmissions).where(eq(signalSubmissions.keyHash, key))).length, 1);
});

test("sends from many addresses at once: exactly the hour's budget is stored, the rest waits (the budget's lock comes with the address count)", async () => {
  const c = await makeCouncil(t);
  // All but three of the hour's budget are used.
  await t.db.insert(publicFormPosts).values(Array.from({ length: SIGNAL_QUEUE.perHour - 3 }, () => ({ councilId: c.id, form: 'signal' as const })));
  const answers = await Promise.all(Array.from({ length: 8 }, () => send(c, anonymousAnswers)));
  const where = answers.map((r) => (r.statusCode === 303 && String(r.headers.location).includes('nummer=') ? 'stored' : String(r.headers.location).endsWith('?wacht=ja') ? 'held' : r.statusCode));
  assert.deepEqual([where.filter((w) => w === 'stored').length, where.filter((w) => w === 'held').length], [3, 5], where.join(' '));
  // A post takes its number in the budget's statement only when it passes: the held ones take none.
  const year = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(new Date());
  assert.deepEqual(
    (await signalsOf(c)).map((s) => s.reference).sort(),
    [1, 2, 3].map((n) => `S-${year}-000${n}`),
  );
});

test('the form’s reference is made from the number in one go: past 9999 it grows a digit, and every row and the mail carry it', async () => {
  const c = await makeCouncil(t);
  const year = Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(new Date()));
  await t.db.insert(signalCounters).values({ councilId: c.id, year, last: 9999 });
  const email = `tienduizend-${Date.now()}@test.example`;
  const sent = await send(c, { ...complete, email });
  assert.equal(sent.statusCode, 303, sent.body.slice(0, 300));
  const reference = `S-${year}-10000`;
  assert.equal(new URLSearchParams(String(sent.headers.location).split('?')[1]).get('nummer'), reference);
  const [row] = await signalsOf(c);
  assert.equal(row.reference, reference);
  const [audit] = await auditEntries(t, { entityId: row.id, action: 'signal.submitted' });
  assert.equal((audit!.data as { reference?: string }).reference, reference);
  const [message] = await t.db.select().from(signalMessages).where(eq(signalMessages.signalId, row.id));
  assert.ok(message!.subject.includes(reference), message!.subject);
  const [mail] = await mailsTo(t, email);
  assert.ok(mail!.subject.includes(reference) || mail!.body.includes(reference), 'the mail names the reference');
  // The stand-in the rows were built with (core/db/chain.ts) is nowhere left.
  for (const text of [row.reference, JSON.stringify(audit!.data), message!.subject, mail!.subject, mail!.body]) assert.doesNotMatch(text, /R[0-9a-f]{32}/);
});

test('change and back keep the answers: a change from the check page returns there, via consent when contact details are added', async () => {
  const c = await makeCouncil(t);
  const check = await answer(c, 'contact', anonymousAnswers);
  const fields = formFields(check.body, paths(c).send);
  // "Wijzig" for the subject.
  const change = await post(t, paths(c).question, { ...fields, ga: 'onderwerp' }, undefined, { csrf: oldToken() });
  assert.equal(change.statusCode, 200);
  assert.match(titleOf(change.body), /^Stap 2 van 6/);
  assert.match(change.body, /value="transport" checked/);
  assert.match(change.body, /name="naarControle" value="ja"/);
  const changed = await post(t, paths(c).question, { ...formFields(change.body, paths(c).question), area: 'debts' }, undefined, { csrf: oldToken() });
  assert.match(titleOf(changed.body), /^Controleer uw antwoorden/);
  assert.match(changed.body, /Schulden/);
  // From anonymous to contact details: the consent page comes in between.
  const toContact = await post(t, paths(c).question, { ...formFields(changed.body, paths(c).send), ga: 'contact' }, undefined, { csrf: oldToken() });
  const withDetails = await post(t, paths(c).question, { ...formFields(toContact.body, paths(c).question), contactChoice: 'gegevens', email: 'nieuw@test.example' }, undefined, { csrf: oldToken() });
  assert.match(titleOf(withDetails.body), /^Stap 6 van 6/);
  assert.match(withDetails.body, /na 3 maanden/, 'retention is explained');
  // Back from a question page: the previous page with its answer still there.
  const back = await post(t, paths(c).question, { ...complete, ga: 'sinds' }, undefined, { csrf: oldToken() });
  assert.match(titleOf(back.body), /^Stap 3 van 6/);
  assert.match(back.body, /value="month" checked/);
  assert.equal((await signalsOf(c)).length, 0);
});

test('the rate limit counts an IPv6 address by its /64 network, IPv4 by the address', () => {
  assertEach(networkOf, [
    ['10.1.2.3', '10.1.2.3'],
    ['::ffff:10.1.2.3', '10.1.2.3'],
    ['2001:db8:1:2:aaaa::1', '2001:db8:1:2::/64'],
    ['2001:DB8:1:2:bbbb:cccc:dddd:eeee', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
  ]);
  const key = (ip: string) => addressKey('geheim', ip);
  assert.equal(key('2001:db8:1:2::1'), key('2001:db8:1:2:ffff::9'));
  assert.notEqual(key('2001:db8:1:2::1'), key('2001:db8:1:3::1'));
  assert.notEqual(key('10.1.2.3'), key('10.1.2.4'));
});

test('the consent page explains the council’s own retention periods', async () => {
  const c = await makeCouncil(t);
  await t.db.insert(signalSettings).values({ councilId: c.id, contactRetentionMonths: 1, textRetentionMonths: 18 });
  const res = await answer(c, 'contact', complete);
  assert.match(titleOf(res.body), /^Stap 6 van 6/);
  assert.match(res.body, /contactgegevens na 1 maand\./);
  assert.match(res.body, /na 18 maanden anoniem/);
});

test('a signed-in member may use the public form too; it is stored as from the website', async () => {
  const c = await makeCouncil(t);
  const { user } = await makeMember(t, c, 'member');
  const me = await login(t, user);
  const res = await post(t, paths(c).send, anonymousAnswers, me);
  assert.equal(res.statusCode, 303);
  const [row] = await signalsOf(c);
  assert.equal(row.source, 'web_form');
  assert.equal(row.recordedByUserId, null);
});

test('every page of the form, with and without errors, in Dutch and English, is valid HTML (Nu checker)', async () => {
  const c = await makeCouncil(t);
  const pages: { name: string; html: string }[] = [];
  const add = (name: string, res: Res) => pages.push({ name, html: res.body });
  for (const cookie of ['', 'rw_taal=en']) {
    const lang = cookie ? 'en' : 'nl';
    add(`${lang} start`, await t.app.inject({ url: paths(c).start, headers: { cookie } }));
    const postAs = (url: string, form: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url,
        remoteAddress: freshIp(),
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: oldToken(), ...form }).toString(),
      });
    for (const page of ['omschrijving', 'onderwerp', 'sinds', 'aantal', 'contact', 'toestemming']) {
      add(`${lang} ${page}`, await postAs(paths(c).question, { ...complete, ga: page }));
      add(`${lang} ${page} fout`, await postAs(paths(c).question, { pagina: page, contactChoice: 'gegevens', peopleCount: 'veel', email: 'x' }));
    }
    add(`${lang} controleren`, await postAs(paths(c).question, { ...complete, ga: 'controleren' }));
    add(`${lang} te snel`, await postAs(paths(c).send, { ...complete, _csrf: anonymousToken(t, 0) }));
    const sent = await postAs(paths(c).send, complete);
    add(`${lang} verstuurd`, await t.app.inject({ url: String(sent.headers.location), headers: { cookie } }));
  }
  const limited = '10.46.0.1';
  await t.db.insert(signalSubmissions).values(Array.from({ length: MAX_PER_HOUR }, () => ({ keyHash: addressKey(t.app.deps.secretKey, limited) })));
  const limit = await send(c, complete, { ip: limited });
  assert.equal(limit.statusCode, 429);
  add('te veel', limit);
  for (const p of pages) assert.ok(p.html.startsWith('<!DOCTYPE html>'), p.name);
  for (const p of pages.filter((x) => / fout| te snel/.test(x.name))) assert.match(titleOf(p.html), /^(Fout|Error): /, p.name);
  const errors = await checkHtml(pages);
  assert.equal(errors.length, 0, formatHtmlErrors(errors));
});

test('answering a question page stores nothing, so the public pages stay in the cache; the final send stores and clears', async () => {
  const c = await makeCouncil(t);
  const home = `/${c.slug}`;
  await t.app.inject(home);
  assert.equal((await t.app.inject(home)).headers['x-cache'], 'hit');
  const step = await answer(c, 'omschrijving', complete, { ip: freshIp() });
  assert.equal(step.statusCode, 200);
  assert.equal((await t.app.inject(home)).headers['x-cache'], 'hit', 'a step POST keeps the cache');
  const sent = await send(c, complete, { ip: freshIp() });
  assert.equal(sent.statusCode, 303);
  assert.equal((await t.app.inject(home)).headers['x-cache'], undefined, 'the send clears it');
});

test('a sent signal leaves the remembered council (it changes signals, not the council); a change of the council through its settings shows at once', async () => {
  const c = await makeCouncil(t, { require2faForBoard: false });
  const chair = await login(t, (await makeMember(t, c, 'chair')).user);
  const home = `/${c.slug}`;
  assert.match((await t.app.inject(home)).body, new RegExp(c.name));
  // Written straight into the table, without telling the app: only the remembered row knows the old name.
  await t.db
    .update(councils)
    .set({ name: `${c.name} Oud` })
    .where(eq(councils.id, c.id));
  const sent = await send(c, complete, { ip: freshIp() });
  assert.equal(sent.statusCode, 303);
  const after = await t.app.inject(home);
  assert.equal(after.headers['x-cache'], undefined, 'the send cleared the public pages');
  assert.doesNotMatch(after.body, /Oud/, 'rendered again with the remembered council: the send did not read it again');
  // The signal itself shows where it must: in the workspace's list.
  const reference = new URLSearchParams(String(sent.headers.location).split('?')[1]).get('nummer');
  assert.ok(reference);
  assert.match((await get(t, `/${c.slug}/werkruimte/signalen`, chair)).body, new RegExp(reference));
  // A change through the settings (the councils service) makes every instance read the council again.
  const saved = await post(
    t,
    `/${c.slug}/werkruimte/instellingen`,
    {
      name: `${c.name} Nieuw`,
      tagline: 'Wij luisteren beter.',
      advises: c.advises,
      contactEmail: c.contactEmail,
      colour: c.colour,
    },
    chair,
  );
  assert.equal(saved.statusCode, 303, saved.body.slice(0, 300));
  const renamed = await t.app.inject(home);
  assert.match(renamed.body, /Nieuw/);
  assert.match(renamed.body, /Wij luisteren beter\./);
  assert.match((await get(t, `/${c.slug}/werkruimte/signalen`, chair)).body, /Nieuw/);
});
