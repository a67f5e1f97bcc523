/**
 * Statements with parameters run named on PostgreSQL (pg-names.ts), as the PGlite thread prepares
 * them (pglite.worker.mjs): the answers do not change; one prepared statement per text on a
 * connection; a `select *` whose table changed under it still answers (run again unnamed); texts
 * without parameters keep the simple protocol; past the cap, texts run unnamed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { rowsOf } from './index.ts';
import { createTestDatabase } from '../../../test/support/db.ts';

const rows = (res: unknown) => rowsOf<Record<string, unknown>>(res);

test('a text with parameters is prepared once per connection and answers as before, also after its table changed', async () => {
  const database = await createTestDatabase();
  const { db } = database;
  try {
    await db.execute(sql`create table pgn_t (id int primary key, name text)`);
    await db.execute(sql`insert into pgn_t values (1, 'een'), (2, 'twee')`);
    const read = (id: number) => sql`select * from pgn_t where id = ${id}`;
    // One after the other: the pool hands out the connection released last, so they share one.
    for (let i = 0; i < 6; i++) assert.deepEqual(rows(await db.execute(read(1 + (i % 2)))), [i % 2 ? { id: 2, name: 'twee' } : { id: 1, name: 'een' }]);
    // The pattern as a value: this statement's own text does not match it.
    const prepared = rows(await db.execute(sql`select name from pg_prepared_statements where statement like ${'%from pgn_t where id%'}`));
    assert.equal(prepared.length, 1, 'one statement for the text, run six times');
    // PGlite: its thread's SQL PREPARE (w_n).
    assert.match(String(prepared[0]!.name), database.kind === 'postgres' ? /^d_[0-9a-f]{24}$/ : /^w_\d+$/);

    // Its result columns change: the prepared `select *` is refused (0A000) and runs again unnamed.
    await db.execute(sql`alter table pgn_t add column note text`);
    assert.deepEqual(rows(await db.execute(read(2))), [{ id: 2, name: 'twee', note: null }]);
    assert.deepEqual(rows(await db.execute(read(1))), [{ id: 1, name: 'een', note: null }]);

    // No parameters: node-postgres's simple protocol, where one text may hold several commands
    // (PGlite's `query` takes one command; its `exec` several).
    const inserts = [`insert into pgn_t values (3, 'drie')`, `insert into pgn_t values (4, 'vier')`];
    if (database.kind === 'postgres') await db.execute(sql.raw(inserts.join('; ')));
    else for (const insert of inserts) await db.execute(sql.raw(insert));
    assert.deepEqual(rows(await db.execute(sql`select count(*)::int as n from pgn_t where id > ${0}`)), [{ n: 4 }]);

    // In a transaction, on its own connection, named too.
    await db.transaction(async (tx) => {
      await tx.execute(sql`update pgn_t set note = ${'x'} where id = ${1}`);
      assert.deepEqual(rows(await tx.execute(sql`select note from pgn_t where id = ${1}`)), [{ note: 'x' }]);
    });
    assert.deepEqual(rows(await db.execute(sql`select note from pgn_t where id = ${1}`)), [{ note: 'x' }]);
  } finally {
    await database.close();
  }
});

test('past the cap of named texts, more texts still answer (unnamed)', async () => {
  const database = await createTestDatabase();
  const { db } = database;
  try {
    for (let i = 0; i < 320; i++) {
      const [row] = rows(await db.execute(sql`select ${i}::int + ${sql.raw(String(i))} as n`));
      assert.equal(row!.n, 2 * i);
    }
    const [count] = rows(await db.execute(sql`select count(*)::int as n from pg_prepared_statements where name like ${'d\\_%'}`));
    if (database.kind === 'postgres') {
      assert.ok(Number(count!.n) <= 300, `at most 300 named texts on a connection (${count!.n})`);
      assert.ok(Number(count!.n) >= 250, `the texts before the cap were named (${count!.n})`);
    } else assert.equal(count!.n, 0, 'PGlite: its thread uses names of its own');
  } finally {
    await database.close();
  }
});
