/**
 * Issue 17, item 5: the app lives through a database restart. While PostgreSQL is away, /readyz
 * answers 503 and pages a friendly 503; afterwards the app serves again by itself, LISTEN is back
 * (cache invalidation across instances) and the page cache was cleared once, since notifications
 * may have been missed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../src/app.ts';
import { isDatabaseUnavailable } from '../../src/core/db/unavailable.ts';
import { createTestDatabase, testConfig, testDbKind } from '../support/db.ts';
import { createTestApp, login, makeCouncil, makeMember, titleOf } from '../support/factories.ts';

test('an error that says the database is away gives a friendly 503 page and problem, never a 500 (issue 17, item 5)', async () => {
  const database = await createTestDatabase();
  const app = await buildApp({ config: testConfig(), database, logger: false });
  const away = (code: string) => Object.assign(new Error('Failed query: select 1\nparams: '), { cause: Object.assign(new Error('terminating connection due to administrator command'), { code }) });
  app.get('/proef/weg', async () => {
    throw away('57P01');
  });
  app.get('/api/v1/proef/weg', async () => {
    throw away('ECONNREFUSED');
  });
  await app.ready();
  try {
    const page = await app.inject({ url: '/proef/weg' });
    assert.equal(page.statusCode, 503);
    assert.equal(page.headers['retry-after'], '5');
    assert.match(titleOf(page.body), /Even niet beschikbaar/);
    assert.match(page.body, /Probeer het over een minuut opnieuw/);
    const api = await app.inject({ url: '/api/v1/proef/weg' });
    assert.equal(api.statusCode, 503);
    assert.equal(api.json().code, 'UNAVAILABLE');
    assert.equal(isDatabaseUnavailable(new Error('duplicate key value violates unique constraint')), false);
    assert.equal(isDatabaseUnavailable(new Error('Connection terminated unexpectedly')), true);
  } finally {
    await app.close();
    await database.close();
  }
});

if (testDbKind() === 'postgres') {
  test('PostgreSQL connections terminated and refused for a while: the app stays up, answers 503, and serves again by itself (issue 17, item 5)', async () => {
    const t = await createTestApp();
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    const name = ((await t.db.execute(sql`select current_database() as name`)) as unknown as { rows: { name: string }[] }).rows[0]!.name;
    const ident = `"${name.replace(/"/g, '""')}"`;
    try {
      const council = await makeCouncil(t);
      const secretary = await login(t, (await makeMember(t, council, 'secretary')).user);
      assert.equal((await secretary.request({ url: `/${council.slug}/werkruimte` })).statusCode, 200);
      const cache = t.app.deps.cache;
      let clears = 0;
      const clearLocal = cache.clearLocal.bind(cache);
      cache.clearLocal = () => {
        clears++;
        clearLocal();
      };

      // The server goes away: no new connections, and every open one (pool and LISTEN) ended.
      await admin.query(`ALTER DATABASE ${ident} WITH ALLOW_CONNECTIONS false`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
      await new Promise((r) => setTimeout(r, 300));
      const ready = await t.app.inject({ url: '/readyz' });
      assert.equal(ready.statusCode, 503);
      const page = await secretary.request({ url: `/${council.slug}/werkruimte` });
      assert.equal(page.statusCode, 503);
      assert.match(titleOf(page.body), /Even niet beschikbaar/);
      const api = await t.app.inject({ url: `/api/v1/raden/${council.slug}/adviezen` });
      assert.equal(api.statusCode, 503);

      // Back: the app answers again within 10 s without being restarted.
      await admin.query(`ALTER DATABASE ${ident} WITH ALLOW_CONNECTIONS true`);
      const back = Date.now();
      while ((await t.app.inject({ url: '/readyz' })).statusCode !== 200) {
        assert.ok(Date.now() - back < 10_000, '/readyz is 200 again within 10 s');
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.equal((await secretary.request({ url: `/${council.slug}/werkruimte` })).statusCode, 200);
      // LISTEN came back and cleared the cache once; a notification from another instance arrives again.
      while (clears === 0) {
        assert.ok(Date.now() - back < 10_000, 'the cache is cleared after the LISTEN connection is back');
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.equal(clears, 1, 'cleared once on reconnect');
      const other = new pg.Client({ connectionString: Object.assign(new URL(process.env.TEST_DATABASE_URL!), { pathname: `/${name}` }).toString() });
      await other.connect();
      await other.query("SELECT pg_notify('raadwerk_cache', 'andere-instantie')");
      await other.end();
      const sent = Date.now();
      while (clears === 1) {
        assert.ok(Date.now() - sent < 5_000, 'a notification from another instance clears the cache again');
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await admin.query(`ALTER DATABASE ${ident} WITH ALLOW_CONNECTIONS true`).catch(() => undefined);
      await admin.end();
      await t.close();
    }
  });
}
