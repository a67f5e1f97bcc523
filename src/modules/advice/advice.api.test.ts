import { test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { dayFromToday, ipSequence, makeCouncil, makeCouncils, type RouteRecord, useTestApp, auditEntries } from '../../../test/support/factories.ts';
import { memberships } from '../../core/organisations.schema.ts';
import { adviceRecommendations, advices } from './advice.schema.ts';
import { seedAdvice } from './advice.register.test-helpers.ts';
import { apiCaller, assertProblem, makeApiKey } from '../../../test/support/api.ts';
import { apiKeysOf, revokeApiKeysOf } from '../apikeys/apikeys.test-helpers.ts';
import { openApiDocument } from '../../core/api/openapi.ts';

const routes: RouteRecord[] = [];
const t = useTestApp({ routes });
const api = apiCaller(t, ipSequence('10.66'));

const validRequest = () => ({
  subject: 'Armoedebeleid 2027',
  question: 'Wil de raad advies geven over het nieuwe armoedebeleid?',
  policyField: 'participatiewet',
  addressee: 'college',
  addresseeEmail: 'college@gemeente.example',
  neededBy: dayFromToday(30),
});

test('list and read the public register without a token, with filters and links', async () => {
  const c = await makeCouncil(t);
  const a = await seedAdvice(t, c, {
    subject: 'Wachtlijsten jeugdzorg',
    policyField: 'jeugdwet',
    status: 'answered',
    sentAt: new Date('2026-02-01T10:00:00Z'),
    recommendations: [
      { text: 'Korter wachten.', answer: 'adopted' },
      { text: 'Meer geld.', answer: 'not_adopted', answerReason: 'Geen budget.' },
    ],
  });
  await seedAdvice(t, c, { subject: 'Wmo advies', sentAt: new Date('2025-02-01T10:00:00Z') });
  const secret = await seedAdvice(t, c, { subject: 'Geheim', publication: 'not_public' });

  const all = await api({ url: `/api/v1/raden/${c.slug}/adviezen` });
  assert.equal(all.res.statusCode, 200);
  assert.match(String(all.res.headers['content-type']), /^application\/json/);
  assert.equal(all.json.total, 2);
  assert.deepEqual(
    all.json.items.map((i: { subject: string }) => i.subject),
    ['Wachtlijsten jeugdzorg', 'Wmo advies'],
  );
  assert.ok(all.json._links.self.href.endsWith(`/api/v1/raden/${c.slug}/adviezen`));
  assert.equal(all.json.items[0].recommendations.adopted, 1);

  const filtered = await api({
    url: `/api/v1/raden/${c.slug}/adviezen?zoekterm=wachtlijst&beleidsveld=jeugdwet&jaar=2026&antwoord=not_adopted&status=answered`,
  });
  assert.deepEqual(
    filtered.json.items.map((i: { id: string }) => i.id),
    [a.id],
  );
  assert.equal((await api({ url: `/api/v1/raden/${c.slug}/adviezen?jaar=2024` })).json.total, 0);

  const paged = await api({ url: `/api/v1/raden/${c.slug}/adviezen?perPagina=1` });
  assert.equal(paged.json.pages, 2);
  assert.equal(paged.json.items.length, 1);
  assert.match(paged.json._links.next.href, /pagina=2&perPagina=1$/);
  assert.equal(paged.json._links.prev, undefined);

  const one = await api({ url: `/api/v1/raden/${c.slug}/adviezen/${a.id}` });
  assert.equal(one.res.statusCode, 200);
  assert.equal(one.json.subject, 'Wachtlijsten jeugdzorg');
  assert.equal(one.json.wooCategory, 'adviezen');
  assert.deepEqual(
    one.json.recommendations.map((r: { number: number; answer: string; answerReason: string }) => [r.number, r.answer, r.answerReason]),
    [
      [1, 'adopted', ''],
      [2, 'not_adopted', 'Geen budget.'],
    ],
  );

  const other = await makeCouncil(t);
  assertProblem(await api({ url: `/api/v1/raden/${c.slug}/adviezen/${secret.id}` }), 404, 'NOT_FOUND');
  assertProblem(await api({ url: `/api/v1/raden/${other.slug}/adviezen/${a.id}` }), 404, 'NOT_FOUND');
  assertProblem(await api({ url: `/api/v1/raden/${c.slug}/adviezen/abc` }), 404, 'NOT_FOUND');
  assertProblem(await api({ url: '/api/v1/raden/bestaat-niet/adviezen' }), 404, 'NOT_FOUND');
  assertProblem(await api({ url: '/api/v1/raden/Bestaat_Niet/adviezen' }), 404, 'NOT_FOUND');
  assertProblem(await api({ url: `/api/v1/raden/${c.slug}/adviezen/` }), 404);
  assert.equal(all.res.headers['set-cookie'], undefined);
});

test('create a request for advice with an official’s token: 201, Location, in the workspace database with an audit entry', async () => {
  const c = await makeCouncil(t);
  const { token, userId } = await makeApiKey(t, c, 'official');
  const r = await api({ method: 'POST', url: `/api/v1/raden/${c.slug}/adviesaanvragen`, token, body: validRequest() });
  assert.equal(r.res.statusCode, 201, r.res.body);
  assert.equal(r.json.status, 'requested');
  assert.equal(r.res.headers.location, r.json._links.self.href);
  const [row] = await t.db
    .select()
    .from(advices)
    .where(and(eq(advices.councilId, c.id), eq(advices.id, r.json.id)));
  assert.equal(row.subject, 'Armoedebeleid 2027');
  assert.equal(row.kind, 'requested');
  assert.equal(row.createdBy, userId);
  const entries = await auditEntries(t, { entityId: row.id });
  assert.ok(entries.length >= 1, 'audit entry');
  // The Location answers, with the token.
  const location = new URL(String(r.res.headers.location));
  const read = await api({ url: location.pathname, token });
  assert.equal(read.res.statusCode, 200);
  assert.equal(read.json.id, row.id);
  assertProblem(await api({ url: location.pathname }), 401, 'UNAUTHORIZED');
  // Not in the public register: it is not given advice yet.
  assertProblem(await api({ url: `/api/v1/raden/${c.slug}/adviezen/${row.id}` }), 404);
  const [tokenRow] = await apiKeysOf(t, { userId });
  assert.ok(tokenRow.lastUsedAt, 'last use is recorded');
});

test('tokens: missing, malformed, unknown, revoked, stopped member: 401; another council’s token: 404; nothing is created', async () => {
  const [c, other] = await makeCouncils(t, 2);
  const url = `/api/v1/raden/${c.slug}/adviesaanvragen`;
  const count = async () => (await t.db.select().from(advices).where(eq(advices.councilId, c.id))).length;
  const before = await count();

  const none = await api({ method: 'POST', url, body: validRequest() });
  assertProblem(none, 401, 'UNAUTHORIZED');
  assert.match(String(none.res.headers['www-authenticate']), /^Bearer/);
  assertProblem(await api({ method: 'POST', url, body: validRequest(), headers: { authorization: 'Basic dXNlcjpwYXNz' } }), 401);
  assertProblem(await api({ method: 'POST', url, body: validRequest(), headers: { authorization: 'Bearer ' } }), 401);
  assertProblem(await api({ method: 'POST', url, body: validRequest(), token: 'rw_bestaatniet' }), 401);
  assertProblem(await api({ method: 'POST', url, body: validRequest(), token: 'x'.repeat(5000) }), 401);

  // A token of another council: that council's resources do not exist for it.
  const foreign = await makeApiKey(t, other, 'official');
  assertProblem(await api({ method: 'POST', url, body: validRequest(), token: foreign.token }), 404, 'NOT_FOUND');

  // Revoked.
  const revoked = await makeApiKey(t, c, 'official');
  await revokeApiKeysOf(t, revoked.userId);
  assertProblem(await api({ method: 'POST', url, body: validRequest(), token: revoked.token }), 401, 'UNAUTHORIZED');

  // The official stopped, or became a plain member: the token no longer works.
  const stopped = await makeApiKey(t, c, 'official');
  await t.db.update(memberships).set({ active: false }).where(eq(memberships.id, stopped.membershipId));
  assertProblem(await api({ method: 'POST', url, body: validRequest(), token: stopped.token }), 401);
  const demoted = await makeApiKey(t, c, 'official');
  await t.db.update(memberships).set({ role: 'member' }).where(eq(memberships.id, demoted.membershipId));
  assertProblem(await api({ method: 'POST', url, body: validRequest(), token: demoted.token }), 401);

  assert.equal(await count(), before, 'nothing was created');
});

test('bad bodies: 400 problem+json with field errors, nothing created, never a 500', async () => {
  const c = await makeCouncil(t);
  const { token } = await makeApiKey(t, c, 'official');
  const url = `/api/v1/raden/${c.slug}/adviesaanvragen`;
  const count = async () => (await t.db.select().from(advices).where(eq(advices.councilId, c.id))).length;

  const missing = await api({ method: 'POST', url, token, body: {} });
  assertProblem(missing, 400, 'VALIDATION_FAILED');
  const names = missing.json.invalidParams.map((p: { name: string }) => p.name).sort();
  assert.deepEqual(names, ['addressee', 'neededBy', 'policyField', 'question', 'subject']);
  assert.equal(missing.json.invalidParams.find((p: { name: string }) => p.name === 'question').reason, 'Vul dit veld in.');

  const wrong = await api({ method: 'POST', url, token, body: { ...validRequest(), policyField: 'sport', neededBy: dayFromToday(-1) } });
  assertProblem(wrong, 400, 'VALIDATION_FAILED');
  assert.deepEqual(wrong.json.invalidParams.map((p: { name: string }) => p.name).sort(), ['neededBy', 'policyField']);

  for (const raw of ['{', 'null', '[]', '"tekst"', '12', '{"subject": {"$ne": 1}}', JSON.stringify({ ...validRequest(), question: 'x'.repeat(20000) })]) {
    const r = await api({ method: 'POST', url, token, raw });
    assert.ok(r.res.statusCode === 400, `${raw.slice(0, 30)}: ${r.res.statusCode}`);
    assert.match(String(r.res.headers['content-type']), /^application\/problem\+json/);
  }
  const noBody = await api({ method: 'POST', url, token });
  assert.equal(noBody.res.statusCode, 400);
  const textBody = await api({ method: 'POST', url, token, raw: 'hallo', headers: { 'content-type': 'text/plain' } });
  assert.ok(textBody.res.statusCode >= 400 && textBody.res.statusCode < 500, String(textBody.res.statusCode));
  assert.equal(await count(), 0);
});

test('record answers with a token: per recommendation; wrong state 409; another advice’s recommendation 422 and nothing changed', async () => {
  const c = await makeCouncil(t);
  const { token } = await makeApiKey(t, c, 'official');
  const a = await seedAdvice(t, c, { recommendations: [{ text: 'Een' }, { text: 'Twee' }] });
  const other = await seedAdvice(t, c, { recommendations: [{ text: 'Elders' }] });
  const recs = await t.db.select().from(adviceRecommendations).where(eq(adviceRecommendations.adviceId, a.id)).orderBy(adviceRecommendations.number);
  const [foreignRec] = await t.db.select().from(adviceRecommendations).where(eq(adviceRecommendations.adviceId, other.id));
  const url = `/api/v1/raden/${c.slug}/adviezen/${a.id}/antwoorden`;
  const state = async () => JSON.stringify(await t.db.select().from(adviceRecommendations).where(eq(adviceRecommendations.councilId, c.id)).orderBy(adviceRecommendations.id));

  const snapshot = await state();
  const foreign = await api({
    method: 'POST',
    url,
    token,
    body: {
      answers: [
        { recommendationId: recs[0].id, answer: 'adopted' },
        { recommendationId: foreignRec.id, answer: 'adopted' },
      ],
    },
  });
  assert.ok([400, 422].includes(foreign.res.statusCode), String(foreign.res.statusCode));
  assertProblem(foreign, foreign.res.statusCode, 'unknownRecommendation');
  assert.equal(await state(), snapshot, 'nothing changed');

  const noReason = await api({ method: 'POST', url, token, body: { answers: [{ recommendationId: recs[0].id, answer: 'not_adopted' }] } });
  assertProblem(noReason, 400, 'VALIDATION_FAILED');
  assert.equal(noReason.json.invalidParams[0].name, 'answers.0.reason');
  assertProblem(await api({ method: 'POST', url, token, body: { answers: [] } }), 400);
  assertProblem(await api({ method: 'POST', url, token, body: { answers: 'alles goed' } }), 400);
  assert.equal(await state(), snapshot, 'nothing changed');

  const first = await api({ method: 'POST', url, token, body: { answers: [{ recommendationId: recs[0].id, answer: 'adopted' }] } });
  assert.equal(first.res.statusCode, 200, first.res.body);
  assert.equal(first.json.status, 'sent', 'not every recommendation is answered yet');
  const second = await api({
    method: 'POST',
    url,
    token,
    body: { answers: [{ recommendationId: recs[1].id, answer: 'partly', reason: 'Alleen voor ouderen.' }] },
  });
  assert.equal(second.json.status, 'answered');
  const [row] = await t.db.select().from(advices).where(eq(advices.id, a.id));
  assert.equal(row.status, 'answered');
  assert.ok(row.answeredAt);
  const read = await api({ url: `/api/v1/raden/${c.slug}/adviezen/${a.id}` });
  assert.deepEqual(
    read.json.recommendations.map((r: { answer: string }) => r.answer),
    ['adopted', 'partly'],
  );

  // An advice that was not sent yet cannot be answered.
  const concept = await seedAdvice(t, c, { status: 'concept', sentAt: null });
  const [conceptRec] = await t.db.select().from(adviceRecommendations).where(eq(adviceRecommendations.adviceId, concept.id));
  const conflict = await api({
    method: 'POST',
    url: `/api/v1/raden/${c.slug}/adviezen/${concept.id}/antwoorden`,
    token,
    body: { answers: [{ recommendationId: conceptRec.id, answer: 'adopted' }] },
  });
  assertProblem(conflict, 409, 'notAllowedFromState');

  // Another council's advice, an unknown id, a malformed id: 404.
  const elsewhere = await makeCouncil(t);
  const theirs = await seedAdvice(t, elsewhere);
  assertProblem(
    await api({
      method: 'POST',
      url: `/api/v1/raden/${c.slug}/adviezen/${theirs.id}/antwoorden`,
      token,
      body: { answers: [{ recommendationId: recs[0].id, answer: 'adopted' }] },
    }),
    404,
  );
  assertProblem(await api({ method: 'POST', url: `/api/v1/raden/${c.slug}/adviezen/not-an-id/antwoorden`, token, body: {} }), 404);

  // A chair's token may request advice but not record the college's answer (policy).
  const chair = await makeApiKey(t, c, 'chair');
  assertProblem(await api({ method: 'POST', url, token: chair.token, body: { answers: [{ recommendationId: recs[0].id, answer: 'adopted' }] } }), 403, 'FORBIDDEN');
});

test('the OpenAPI document lists every /api/v1 route and nothing else; each operation is complete', async () => {
  const res = await api({ url: '/api/v1/openapi.json' });
  assert.equal(res.res.statusCode, 200);
  const doc = res.json;
  assert.deepEqual(doc, JSON.parse(JSON.stringify(openApiDocument(t.config))));
  assert.equal(doc.openapi, '3.1.0');
  const registered = new Set(
    routes.filter((r) => r.url.startsWith('/api/v1/') && r.method !== 'HEAD').map((r) => `${r.method.toLowerCase()} ${r.url.slice('/api/v1'.length).replace(/:([A-Za-z]+)/g, '{$1}')}`),
  );
  const documented = new Set<string>();
  const operationIds = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Record<string, unknown>>>)) {
    assert.ok(!path.endsWith('/'), `${path}: no trailing slash`);
    for (const [method, op] of Object.entries(item)) {
      documented.add(`${method} ${path}`);
      assert.equal(typeof op.operationId, 'string', `${method} ${path}: operationId`);
      assert.ok(!operationIds.has(op.operationId as string), `unique ${op.operationId}`);
      operationIds.add(op.operationId as string);
      const responses = op.responses as Record<string, { content?: Record<string, { schema?: unknown; example?: unknown }> }>;
      const success = Object.entries(responses).find(([code]) => code.startsWith('2'));
      assert.ok(success, `${op.operationId}: a success response`);
      for (const [code, r] of Object.entries(responses)) {
        for (const media of Object.values(r.content ?? {})) assert.ok(media.schema, `${op.operationId} ${code}: schema`);
      }
      assert.ok(Object.values(success[1].content ?? {}).some((m) => m.example !== undefined) || op.operationId === 'getAdviesaanvraag', `${op.operationId}: example`);
      const body = op.requestBody as { content: Record<string, { schema: unknown; example: unknown }> } | undefined;
      if (method === 'post') {
        assert.ok(body, `${op.operationId}: request body`);
        for (const media of Object.values(body.content)) {
          assert.ok(media.schema && media.example, `${op.operationId}: request schema and example`);
        }
      }
      // Every path parameter is described.
      for (const name of path.match(/\{([a-z]+)\}/gi) ?? []) {
        assert.ok(
          (op.parameters as { name: string; in: string }[]).some((p) => p.in === 'path' && `{${p.name}}` === name),
          `${op.operationId}: ${name}`,
        );
      }
    }
  }
  assert.deepEqual([...registered].sort(), [...documented].sort());
  // Component references resolve.
  for (const m of JSON.stringify(doc).matchAll(/"#\/components\/schemas\/([A-Za-z]+)"/g)) assert.ok(doc.components.schemas[m[1]], m[1]);
});

test('the API is rate limited, with a problem+json answer', async () => {
  const c = await makeCouncil(t);
  let last: Awaited<ReturnType<typeof t.app.inject>> | undefined;
  for (let i = 0; i < 70; i++) {
    last = await t.app.inject({
      method: 'POST',
      url: `/api/v1/raden/${c.slug}/adviesaanvragen`,
      remoteAddress: '10.65.0.1',
      headers: { 'content-type': 'application/json' },
      payload: '{}',
    });
    if (last.statusCode === 429) break;
  }
  assert.equal(last!.statusCode, 429);
  assert.match(String(last!.headers['content-type']), /^application\/problem\+json/);
  assert.equal(JSON.parse(last!.body).code, 'RATE_LIMITED');
});
