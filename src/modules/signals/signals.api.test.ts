import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { useTestApp, dayFromToday, get, ipSequence, login, mailsTo, makeCouncil, makeCouncils, makeMember, post } from '../../../test/support/factories.ts';
import { apiCaller, assertProblem, makeApiKey } from '../../../test/support/api.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { memberships } from '../../core/organisations.schema.ts';
import { open } from '../../core/crypto.ts';
import { signalContacts, signals } from './signals.schema.ts';
import { CONTACT_PURPOSE } from './signals.privacy.ts';

const t = useTestApp();
const api = apiCaller(t, ipSequence('10.67'), 'POST');

/** The keys page as the board or a key holder sees it. */
const keysPage = async (council: Council, session: Awaited<ReturnType<typeof login>>) => (await get(t, `/${council.slug}/werkruimte/api-sleutels`, session)).body;

/** Revokes the holder's only key through the keys page, as its user would. */
async function revoke(council: Council, holder: Awaited<ReturnType<typeof makeApiKey>>) {
  const id = /api-sleutels\/([0-9a-f-]{36})\/intrekken/.exec(await keysPage(council, holder.session))![1];
  assert.equal((await post(t, `/${council.slug}/werkruimte/api-sleutels/${id}/intrekken`, {}, holder.session)).statusCode, 303);
}

const url = (c: Pick<Council, 'slug'>) => `/api/v1/raden/${c.slug}/signalen`;
const valid = () => ({
  description: 'Bewoners van de Lindehof wachten al maanden op een traplift.',
  area: 'aids_adaptations',
  since: 'half_year',
  peopleCount: 8,
});
const signalsOf = async (c: Council) => t.db.select().from(signals).where(eq(signals.councilId, c.id));

test('an official’s token submits a signal: 201 with the reference; stored as from the API with the token’s name and the organisation', async () => {
  const c = await makeCouncil(t);
  const { token, userId } = await makeApiKey(t, c, 'official');
  const r = await api({ url: url(c), token, body: valid() });
  assert.equal(r.res.statusCode, 201, r.res.body);
  assert.match(String(r.res.headers['content-type']), /^application\/json/);
  assert.equal(r.json.status, 'new');
  assert.match(r.json.reference, /^S-\d{4}-\d{4,}$/);
  const [row] = await signalsOf(c);
  assert.equal(row.id, r.json.id);
  assert.equal(row.reference, r.json.reference);
  assert.equal(row.source, 'api');
  assert.equal(row.sourceDetail, 'Zaaksysteem');
  assert.equal(row.recordedByUserId, userId);
  assert.equal(row.peopleCount, 8);
  assert.equal(row.hasContact, false);

  const named = await api({ url: url(c), token, body: { ...valid(), peopleCount: null, organisation: 'Wijkteam Noord' } });
  assert.equal(named.res.statusCode, 201);
  const [second] = (await signalsOf(c)).filter((s) => s.id === named.json.id);
  assert.equal(second.sourceDetail, 'Zaaksysteem: Wijkteam Noord');
  assert.equal(second.peopleCount, null);
  assert.equal(r.res.headers['set-cookie'], undefined);
});

test('contact details need consent and an address or phone; with both they are sealed and the resident gets the reference by mail', async () => {
  const c = await makeCouncil(t);
  const { token } = await makeApiKey(t, c, 'official');
  const contact = { name: 'Mila de Vries', email: 'mila.api@test.example', phone: '' };

  const noConsent = await api({ url: url(c), token, body: { ...valid(), contact } });
  assertProblem(noConsent, 400, 'VALIDATION_FAILED');
  assert.deepEqual(
    noConsent.json.invalidParams.map((p: { name: string }) => p.name),
    ['consent'],
  );
  const unreachable = await api({ url: url(c), token, body: { ...valid(), contact: { name: 'Mila' }, consent: true } });
  assertProblem(unreachable, 400);
  assert.deepEqual(
    unreachable.json.invalidParams.map((p: { name: string }) => p.name),
    ['contact.email'],
  );
  assert.equal(unreachable.json.invalidParams[0].reason, 'Vul uw e-mailadres of uw telefoonnummer in.');
  const badEmail = await api({ url: url(c), token, body: { ...valid(), contact: { email: 'geen-adres' }, consent: true } });
  assertProblem(badEmail, 400);
  assert.equal((await signalsOf(c)).length, 0);

  const ok = await api({ url: url(c), token, body: { ...valid(), contact, consent: true } });
  assert.equal(ok.res.statusCode, 201, ok.res.body);
  const [row] = await signalsOf(c);
  assert.equal(row.hasContact, true);
  const [sealed] = await t.db.select().from(signalContacts).where(eq(signalContacts.signalId, row.id));
  assert.ok(!sealed.emailSealed!.includes('mila'));
  assert.equal(open(t.app.deps.secretKey, CONTACT_PURPOSE, sealed.emailSealed), contact.email);
  const [mail] = await mailsTo(t, contact.email);
  assert.ok(mail && (mail.subject + mail.body).includes(row.reference));
  // Empty contact details are no contact details: anonymous, no consent needed.
  const empty = await api({ url: url(c), token, body: { ...valid(), contact: { name: '', email: '', phone: '' } } });
  assert.equal(empty.res.statusCode, 201);
});

test('the board makes a signals-only token for an organisation; it submits under the organisation’s name and may do nothing else', async () => {
  const c = await makeCouncil(t);
  const board = await makeApiKey(t, c, 'secretary', { name: 'Cliëntenraad Zorggroep', scope: 'signals' });
  assert.match(board.page, /Alleen signalen/);

  const r = await api({ url: url(c), token: board.token, body: valid() });
  assert.equal(r.res.statusCode, 201, r.res.body);
  const [signal] = await signalsOf(c);
  assert.equal(signal.sourceDetail, 'Cliëntenraad Zorggroep');
  assert.equal(signal.recordedByUserId, null, 'an organisation is not a user of the council');

  // Not a key to the advice API, even though the secretary who made it may request advice.
  const request = { subject: 'Aanvraag', question: 'Vraag?', policyField: 'wmo', addressee: 'college', neededBy: dayFromToday(30) };
  assertProblem(await api({ url: `/api/v1/raden/${c.slug}/adviesaanvragen`, token: board.token, body: request }), 403, 'FORBIDDEN');

  // Only the board hands out organisation tokens.
  const official = await makeMember(t, c, 'official');
  const refused = await post(t, `/${c.slug}/werkruimte/api-sleutels`, { name: 'Stiekem', scope: 'signals' }, await login(t, official.user));
  assert.equal(refused.statusCode, 403);
  assert.doesNotMatch(await keysPage(c, board.session), /Stiekem/, 'no key was made');
  const unknownScope = await post(t, `/${c.slug}/werkruimte/api-sleutels`, { name: 'Raar', scope: 'alles' }, board.session);
  assert.equal(unknownScope.statusCode, 400);

  // The token lives on the board role of whoever made it.
  await t.db.update(memberships).set({ role: 'official' }).where(eq(memberships.id, board.membershipId));
  assertProblem(await api({ url: url(c), token: board.token, body: valid() }), 401, 'UNAUTHORIZED');
});

test('a partner council holds its own token: it submits signals but cannot request advice', async () => {
  const c = await makeCouncil(t);
  const partner = await makeApiKey(t, c, 'partner', { name: 'Cliëntenraad Buurgemeente' });
  const r = await api({ url: url(c), token: partner.token, body: valid() });
  assert.equal(r.res.statusCode, 201, r.res.body);
  const [signal] = await signalsOf(c);
  assert.equal(signal.sourceDetail, 'Cliëntenraad Buurgemeente');
  assert.equal(signal.recordedByUserId, partner.userId);
  const request = { subject: 'Aanvraag', question: 'Vraag?', policyField: 'wmo', addressee: 'college', neededBy: dayFromToday(30) };
  assertProblem(await api({ url: `/api/v1/raden/${c.slug}/adviesaanvragen`, token: partner.token, body: request }), 403, 'FORBIDDEN');
  // A partner sees its own keys, not the scope choice.
  const page = await get(t, `/${c.slug}/werkruimte/api-sleutels`, partner.session);
  assert.equal(page.statusCode, 200);
  assert.doesNotMatch(page.body, /name="scope"/);
});

test('tokens: missing, malformed, unknown, revoked, stopped: 401; another council’s token: 404; unknown council: 404; nothing is stored', async () => {
  const [c, other] = await makeCouncils(t, 2);
  const none = await api({ url: url(c), body: valid() });
  assertProblem(none, 401, 'UNAUTHORIZED');
  assert.match(String(none.res.headers['www-authenticate']), /^Bearer/);
  assertProblem(await api({ url: url(c), body: valid(), headers: { authorization: 'Basic dXNlcjpwYXNz' } }), 401);
  assertProblem(await api({ url: url(c), body: valid(), token: 'rw_bestaatniet' }), 401);
  assertProblem(await api({ url: url(c), body: valid(), token: 'x'.repeat(5000) }), 401);
  const foreign = await makeApiKey(t, other, 'official');
  assertProblem(await api({ url: url(c), body: valid(), token: foreign.token }), 404, 'NOT_FOUND');
  const revoked = await makeApiKey(t, c, 'partner');
  await revoke(c, revoked);
  assertProblem(await api({ url: url(c), body: valid(), token: revoked.token }), 401);
  const stopped = await makeApiKey(t, c, 'official');
  await t.db.update(memberships).set({ active: false }).where(eq(memberships.id, stopped.membershipId));
  assertProblem(await api({ url: url(c), body: valid(), token: stopped.token }), 401);
  assertProblem(await api({ url: url({ slug: 'bestaat-niet' }), body: valid(), token: foreign.token }), 404);
  assertProblem(await api({ url: url({ slug: 'Geen_Raad' }), body: valid() }), 404);
  assert.equal((await signalsOf(c)).length, 0);
});

test('bad bodies: 400 with field errors, 413 when too large; never a 500, nothing stored', async () => {
  const c = await makeCouncil(t);
  const { token } = await makeApiKey(t, c, 'official');
  const missing = await api({ url: url(c), token, body: {} });
  assertProblem(missing, 400, 'VALIDATION_FAILED');
  assert.deepEqual(missing.json.invalidParams.map((p: { name: string }) => p.name).sort(), ['area', 'description', 'since']);
  const cases: [Record<string, unknown>, string][] = [
    [{ area: 'sport' }, 'area'],
    [{ since: 'gisteren' }, 'since'],
    [{ description: '   ' }, 'description'],
    [{ description: 'x'.repeat(10 * 1024 + 1) }, 'description'],
    [{ description: 42 }, 'description'],
    [{ peopleCount: -1 }, 'peopleCount'],
    [{ peopleCount: 1.5 }, 'peopleCount'],
    [{ peopleCount: 1e12 }, 'peopleCount'],
    [{ peopleCount: 'twaalf' }, 'peopleCount'],
    [{ consent: 'ja' }, 'consent'],
    [{ contact: 'mila@test.example' }, 'contact'],
    [{ organisation: 'x'.repeat(201) }, 'organisation'],
  ];
  for (const [change, name] of cases) {
    const r = await api({ url: url(c), token, body: { ...valid(), ...change } });
    assertProblem(r, 400, 'VALIDATION_FAILED');
    assert.equal(r.json.invalidParams[0].name, name, JSON.stringify(change).slice(0, 60));
    assert.equal(typeof r.json.invalidParams[0].reason, 'string');
  }
  for (const raw of ['{', 'null', '[]', '"tekst"', '12', '{"description": {"$ne": 1}}']) {
    const r = await api({ url: url(c), token, raw });
    assert.equal(r.res.statusCode, 400, raw);
    assert.match(String(r.res.headers['content-type']), /^application\/problem\+json/);
  }
  const huge = await api({ url: url(c), token, body: { ...valid(), description: 'x'.repeat(70 * 1024) } });
  assertProblem(huge, 413, 'TOO_LARGE');
  const text = await api({ url: url(c), token, raw: 'hallo', headers: { 'content-type': 'text/plain' } });
  assert.ok(text.res.statusCode >= 400 && text.res.statusCode < 500, String(text.res.statusCode));
  assert.equal((await signalsOf(c)).length, 0);
});

test('the signals API is rate limited per address with a problem+json answer', async () => {
  const c = await makeCouncil(t);
  let last: Awaited<ReturnType<typeof api>> | undefined;
  for (let i = 0; i < 70; i++) {
    last = await api({ url: url(c), raw: '{}', ip: '10.68.0.1' });
    if (last.res.statusCode === 429) break;
  }
  assertProblem(last!, 429, 'RATE_LIMITED');
});
