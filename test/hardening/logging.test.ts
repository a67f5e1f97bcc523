/**
 * Issue 17, item 9: logs never carry form or query values, not even from a request that fails
 * with a 500 inside the database (whose error quotes the query's parameters).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../src/app.ts';
import { loggerOptions, serializeError } from '../../src/core/http/logging.ts';
import { createTestDatabase, testConfig } from '../support/db.ts';
import { anonymousToken, encodeForm, makeCouncil, type TestApp } from '../support/factories.ts';

const SECRET_QUERY = 'Mijn-buurvrouw-Jansen-heeft-geen-rolstoel';
const SECRET_BODY = 'Ik-woon-op-Dorpsstraat-12-en-heb-schulden';

test('a request that fails with a 500 logs no query, form or JSON value; refused requests neither (issue 17, item 9)', async () => {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const database = await createTestDatabase();
  const config = testConfig();
  const app = await buildApp({ config, database, logger: { ...loggerOptions('info'), stream } });
  // A route whose query fails in the database with the visitor's text as a parameter, as the
  // NUL byte did before the input layer refused it.
  app.post('/proef/kapot', async (req) => {
    const text = `${(req.query as { q: string }).q} ${(req.body as { bericht: string }).bericht}`;
    await database.db.execute(sql`select ${`${text}\u0000`}::text as t`);
    return 'ok';
  });
  await app.ready();
  try {
    const t = { app, database, db: database.db, config } as unknown as TestApp;
    const council = await makeCouncil(t);
    const failed = await app.inject({
      method: 'POST',
      url: `/proef/kapot?q=${SECRET_QUERY}`,
      payload: encodeForm({ _csrf: anonymousToken(t, 10_000), bericht: SECRET_BODY }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(failed.statusCode, 500);
    assert.ok(!failed.body.includes(SECRET_BODY), 'the page shows no internals');
    // Refused and accepted requests with personal data in query and body.
    await app.inject({
      method: 'POST',
      url: `/${council.slug}/contact?x=${SECRET_QUERY}`,
      payload: encodeForm({ _csrf: anonymousToken(t, 10_000), naam: SECRET_BODY, email: 'iemand@example.org', onderwerp: SECRET_BODY, bericht: SECRET_BODY }),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    await app.inject({ method: 'POST', url: `/${council.slug}/contact`, payload: encodeForm({ naam: `${SECRET_BODY}\u0000` }), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    await app.inject({ url: `/api/v1/raden/${council.slug}/adviezen?zoekterm=${SECRET_QUERY}%00` });
    await app.inject({ url: `/${council.slug}/adviezen?zoekterm=${SECRET_QUERY}` });
    const log = lines.join('');
    assert.match(log, /request failed/, 'the 500 is logged');
    assert.match(log, /"url":"\/proef\/kapot"/, 'with its path');
    assert.ok(!log.includes(SECRET_QUERY), 'no query value in the log');
    assert.ok(!log.includes(SECRET_BODY), 'no form value in the log');
    assert.ok(!log.includes('iemand@example.org'), 'no e-mail address in the log');
  } finally {
    await app.close();
    await database.close();
  }
});

test('an error in the log keeps its type, code and call stack, without the values it quoted (issue 17, item 9)', () => {
  const err = Object.assign(new Error('Failed query: select $1::text\nparams: Jansen, Dorpsstraat 12'), { code: '22021' });
  const logged = serializeError(new Error('outer "Jansen"', { cause: err }));
  assert.equal(logged.type, 'Error');
  assert.equal(logged.message, 'outer');
  assert.equal(logged.cause?.code, '22021');
  assert.ok(!JSON.stringify(logged).includes('Jansen'));
  assert.match(logged.stack ?? '', /logging\.test\.ts/);
});
