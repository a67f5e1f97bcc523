/**
 * Issue 17, items 1, 8 and 10: the input layer refuses NUL characters in every form, query
 * string and JSON body (400, a clear message, nothing changed), every redirect stays on this
 * site, and ids from the path or the query are real UUIDs (404 or ignored, never a 500).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import { anonymousPost, createTestApp, login, makeCouncil, makeMember, makeUser, multipart, recordingRoutes, type LoggedIn, type RouteRecord, type TestApp } from '../support/factories.ts';
import type { Council } from '../../src/core/organisations.schema.ts';
import { registerInputChecks } from '../../src/core/http/input.ts';
import { safeReturnPath } from '../../src/core/http/values.ts';

let t: TestApp;
let routes: RouteRecord[];
let council: Council;
let admin: LoggedIn;
let secretary: LoggedIn;

before(async () => {
  const recorded = await recordingRoutes(() => createTestApp());
  t = recorded.result;
  routes = recorded.routes.filter((r) => r.method !== 'HEAD' && !r.url.startsWith('/assets/'));
  council = await makeCouncil(t);
  admin = await login(t, await makeUser(t, { isPlatformAdmin: true }));
  secretary = await login(t, (await makeMember(t, council, 'secretary')).user);
});
after(() => t.close());

/** Every route's path with its parameters filled in: a council, a fresh UUID for ids, a token. */
function fill(url: string): string {
  return url.replace(/:(\w+)/g, (_m, name: string) => {
    if (name === 'council' || name === 'raad') return council.slug;
    if (name === 'token') return 'a'.repeat(43);
    if (name === 'status') return 'nieuw';
    return randomUUID();
  });
}

/** Row counts of every table (but the rate limiter's): the walk below must leave them all as they were. */
async function rowCounts(): Promise<Record<string, number>> {
  const tables = await t.db.execute<{ table_name: string }>(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`);
  const out: Record<string, number> = {};
  for (const { table_name } of (tables as unknown as { rows: { table_name: string }[] }).rows) {
    // The rate limiter's own counts (kept in the database on PostgreSQL) are a brake, not stored input.
    if (table_name === 'rate_limit_counts') continue;
    const res = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table_name)}`);
    out[table_name] = (res as unknown as { rows: { n: number }[] }).rows[0]!.n;
  }
  return out;
}

const FIELDS = ['naam', 'name', 'subject', 'onderwerp', 'message', 'bericht', 'description', 'omschrijving', 'title', 'q', 'zoekterm', 'email'];

test('a NUL character in any form or JSON body of any route is refused with 400 and a clear message, and nothing changes (issue 17, item 1)', async () => {
  const before = await rowCounts();
  const writes = routes.filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method));
  assert.ok(writes.length > 50, `the walk covers the app's forms and API operations (${writes.length})`);
  for (const r of writes) {
    const url = fill(r.url);
    const values = Object.fromEntries(FIELDS.map((f) => [f, `tekst met een nul\u0000teken`]));
    const res = r.url.startsWith('/api/')
      ? await t.app.inject({
          method: r.method as 'POST',
          url,
          headers: { 'content-type': 'application/json', authorization: 'Bearer x' },
          payload: JSON.stringify({ ...values, nested: { deep: ['a\u0000'] } }),
        })
      : await admin.request({ method: r.method as 'POST', url, form: values });
    assert.equal(res.statusCode, 400, `${r.method} ${r.url}: ${res.statusCode}`);
    if (r.url.startsWith('/api/')) {
      assert.match(String(res.headers['content-type']), /application\/problem\+json/);
      assert.equal(res.json().code, 'NUL_CHARACTER', r.url);
    } else assert.match(res.body, /nul-teken/, `${r.url}: the page says what is wrong`);
  }
  assert.deepEqual(await rowCounts(), before, 'nothing was stored');
});

test('a NUL character in the query string of any page or API read is refused with 400, never a 500 (issue 17, item 1)', async () => {
  const reads = routes.filter((r) => r.method === 'GET');
  for (const r of reads) {
    for (const query of ['zoekterm=a%00b', 'q=%00', 'x%00=1']) {
      const res = await secretary.request({ url: `${fill(r.url)}?${query}` });
      assert.equal(res.statusCode, 400, `GET ${r.url}?${query}: ${res.statusCode}`);
    }
  }
});

test('the fuzzed cases of the report: contact form, register and document search, API list and request (issue 17, item 1)', async () => {
  const contact = await anonymousPost(t, `/${council.slug}/contact`, { naam: 'Iemand\u0000', email: 'a@example.org', onderwerp: 'x', bericht: 'y' });
  assert.equal(contact.statusCode, 400);
  assert.match(contact.body, /<title>Fout: |nul-teken/);
  for (const url of [`/${council.slug}/adviezen?zoekterm=%00`, `/${council.slug}/werkruimte/documenten?q=a%00`, `/api/v1/raden/${council.slug}/adviezen?zoekterm=%00`]) {
    const res = await secretary.request({ url });
    assert.equal(res.statusCode, 400, url);
  }
  // A multipart form (the logo) is read by readUploads: the same refusal.
  const form = multipart({ _csrf: secretary.csrf, logoAlt: 'Logo\u0000' });
  const logo = await t.app.inject({
    method: 'POST',
    url: `/${council.slug}/werkruimte/instellingen/logo?_csrf=${encodeURIComponent(secretary.csrf)}`,
    headers: { cookie: secretary.cookie, 'content-type': form.contentType },
    payload: form.payload,
  });
  assert.equal(logo.statusCode, 400);
  assert.match(logo.body, /nul-teken/);
});

test('a NUL character or a malformed id in the path names nothing: 404 (issue 17, items 1 and 10)', async () => {
  const withIds = routes.filter((r) => /:(id|\w+Id)\b/.test(r.url));
  assert.ok(withIds.length > 20);
  for (const r of withIds) {
    for (const bad of ['------------------------------------', 'gggggggg-gggg-gggg-gggg-gggggggggggg', '%00', `${randomUUID()}%00`]) {
      const url = fill(r.url).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/, bad);
      const res = r.method === 'GET' ? await secretary.request({ url }) : await secretary.request({ method: r.method as 'POST', url, form: {} });
      assert.equal(res.statusCode, 404, `${r.method} ${url}: ${res.statusCode}`);
    }
  }
});

test('a folder filter of 36 dashes is ignored, not a 500 (issue 17, item 10)', async () => {
  for (const map of ['------------------------------------', '0123456789abcdef0123456789abcdef0123']) {
    const res = await secretary.request({ url: `/${council.slug}/werkruimte/documenten?map=${map}` });
    assert.equal(res.statusCode, 200, map);
  }
});

test('the language switch never sends the visitor off-site (issue 17, item 8)', async () => {
  for (const terug of ['/%5Cevil.example/phish', '/%09/evil.example', '//evil.example', 'https://evil.example', '/%0A/evil.example', '%2F%2Fevil.example', '/\u00e9']) {
    const res = await t.app.inject({ url: `/taal?naar=en&terug=${terug}` });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/', terug);
  }
  const fine = await t.app.inject({ url: `/taal?naar=en&terug=${encodeURIComponent(`/${council.slug}/adviezen?pagina=2`)}` });
  assert.equal(fine.headers.location, `/${council.slug}/adviezen?pagina=2`);
});

test('the login keeps only return paths on this site (issue 17, item 8)', async () => {
  for (const terug of ['/\\evil.example', '/\t/evil.example', '//evil.example', 'https://evil.example']) {
    assert.equal(safeReturnPath(terug), null, JSON.stringify(terug));
    const res = await secretary.request({ url: `/inloggen?terug=${encodeURIComponent(terug)}` });
    assert.equal(res.statusCode, 303);
    assert.ok(String(res.headers.location).startsWith('/') && !String(res.headers.location).startsWith('//'), String(res.headers.location));
    assert.ok(!String(res.headers.location).includes('evil'), String(res.headers.location));
  }
});

test('a redirect off this site that some route would make becomes the home page (issue 17, item 8)', async () => {
  const app = Fastify();
  registerInputChecks(app, { baseUrl: 'https://raadwerk.example' });
  app.get('/weg', async (req, reply) => reply.redirect((req.query as { naar: string }).naar, 303));
  try {
    for (const [to, expected] of [
      ['/\\evil.example', '/'],
      ['//evil.example', '/'],
      ['https://evil.example/x', '/'],
      ['/\t/evil.example', '/'],
      ['/werkruimte', '/werkruimte'],
      ['https://raadwerk.example/api/v1/x', 'https://raadwerk.example/api/v1/x'],
    ]) {
      const res = await app.inject({ url: `/weg?naar=${encodeURIComponent(to!)}` });
      assert.equal(res.headers.location, expected, to);
    }
  } finally {
    await app.close();
  }
});
