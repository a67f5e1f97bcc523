/**
 * executeNamed (named.ts): the same answer as `db.execute` (values of every kind through the same
 * parsers), a transaction's own connection, and on PostgreSQL one prepared statement per text and
 * connection, reused by the next call; on PGlite an SQL PREPARE run by EXECUTE outside transactions;
 * `generic` plans once for any values (SET LOCAL plan_cache_mode) on both, without changing the mode.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { executeNamed, namedStatementCount, rowsOf } from './index.ts';
import { createTestDatabase } from '../../../test/support/db.ts';

const rows = (res: unknown) => rowsOf<Record<string, unknown>>(res);

test('executeNamed gives what db.execute gives, in and out of a transaction, and reuses its statement', async () => {
  const database = await createTestDatabase();
  const { db } = database;
  try {
    const query = (n: number) =>
      sql`select now() as at, '2026-01-02'::date as day, '2026-01-02 03:04:05'::timestamp as stamp, '1 day'::interval as span,
        '\\x00ff'::bytea as bytes, 9007199254740993::int8 as big, ${n}::int as n, '{"a":[1,"b"]}'::jsonb as doc, 1.5::numeric as num,
        array[1.5, 2]::numeric[] as nums, array['2026-01-02'::date] as days, array[1,2] as ints, null as nothing, ${new Uint8Array([1, 2, 3])}::bytea as param`;
    const plain = rows(await db.execute(query(7)));
    const named = rows(await executeNamed(db, query(7)));
    // now() differs between the two statements; everything else, and every type, is the same.
    assert.equal(typeof named[0]!.at, typeof plain[0]!.at);
    assert.deepEqual({ ...named[0], at: null }, { ...plain[0], at: null });
    assert.equal(named[0]!.n, 7);
    assert.equal(named[0]!.day, '2026-01-02');

    await db.execute(sql`create table named_t (id int primary key, at timestamptz)`);
    const before = namedStatementCount();
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into named_t values (1, '2026-01-02T03:04:05Z'), (2, '2026-01-03T03:04:05Z')`);
      const read = (id: number) => sql`select id, at from named_t where id = ${id}`;
      // The transaction's own connection: it sees the rows the transaction wrote.
      assert.deepEqual(rows(await executeNamed(tx, read(1))), rows(await tx.execute(read(1))));
      assert.deepEqual(rows(await executeNamed(tx, read(2))), [{ id: 2, at: rows(await tx.execute(read(2)))[0]!.at }]);
      // One text, one name: the second call reused it.
      assert.equal(namedStatementCount(), before + 1);
      const prepared = rows(await tx.execute(sql`select name, statement from pg_prepared_statements where statement like '%from named_t%' and name like 'q\\_%'`));
      if (database.kind === 'postgres') {
        assert.equal(prepared.length, 1);
        assert.match(String(prepared[0]!.name), /^q_[0-9a-f]{24}$/);
        // Run twice on this connection, planned as one prepared statement (custom plans so far).
        const [counts] = rows(await tx.execute(sql`select generic_plans + custom_plans as plans from pg_prepared_statements where name = ${prepared[0]!.name}`));
        assert.equal(Number(counts!.plans), 2);
      } else assert.deepEqual(prepared, [], 'PGlite: unnamed in a transaction');
    });
    // Another text gets a name of its own.
    await executeNamed(db, sql`select count(*)::int as n from named_t`);
    assert.equal(namedStatementCount(), before + 2);
    assert.deepEqual(rows(await executeNamed(db, sql`select count(*)::int as n from named_t`)), [{ n: 2 }]);
  } finally {
    await database.close();
  }
});

test('a text is prepared once per database and values reach it as they are (PGlite: PREPARE, then EXECUTE outside transactions)', async () => {
  const database = await createTestDatabase();
  const { db } = database;
  try {
    await db.execute(sql`create table named_v (id int primary key, label text, at timestamptz, ok boolean, n numeric)`);
    const odd = [`it's`, 'back\\slash \\x00', `''; drop table named_v; --`, 'ë€ 漢字', ''];
    for (const [i, label] of odd.entries()) {
      await executeNamed(db, sql`insert into named_v values (${i}, ${label}, ${'2026-01-02T03:04:05Z'}, ${i % 2 === 0}, ${i + 0.5})`);
    }
    const read = sql`select id, label, at, ok, n from named_v where label = ${sql.placeholder('label')} or id = ${sql.placeholder('id')}`;
    for (const [i, label] of odd.entries()) {
      const got = rows(await executeNamed(db, read, { label, id: null }));
      assert.deepEqual(got, rows(await db.execute(sql`select id, label, at, ok, n from named_v where id = ${i}`)), label);
      assert.equal(got[0]!.label, label);
    }
    assert.deepEqual(
      rows(await executeNamed(db, read, { label: 'none', id: 3 })).map((r) => r.id),
      [3],
    );
    // named.ts's own names; the PGlite thread prepares what db.execute runs under its own (w_...).
    const prepared = rows(await db.execute(sql`select statement from pg_prepared_statements where statement like '%named_v%' and left(name, 2) <> 'w_'`));
    if (database.kind === 'pglite') assert.equal(prepared.length, 2, 'one PREPARE per text: the insert and the read');
    // A value that is no text, number or boolean runs unnamed, with the same answer.
    const bytes = rows(await executeNamed(db, sql`select ${new Uint8Array([1, 2])}::bytea as b`));
    assert.deepEqual([...(bytes[0]!.b as Uint8Array)], [1, 2]);
    // A text PREPARE refuses runs unnamed: its error is the one db.execute gives.
    const wrong = sql`select no_such_column from named_v where id = ${1}`;
    const cause = async (run: Promise<unknown>) =>
      (await run.then(
        () => assert.fail('no error'),
        (err: Error) => err.cause ?? err,
      )) as Error;
    assert.equal((await cause(executeNamed(db, wrong))).message, (await cause(db.execute(wrong))).message);
  } finally {
    await database.close();
  }
});

test('generic: planned once for any values, with the same rows, and the plan mode stays where it was', async () => {
  const database = await createTestDatabase();
  const { db } = database;
  try {
    await db.execute(sql`create table named_g (id int primary key, council text, label text)`);
    await db.execute(sql`insert into named_g select i, case when i % 10 = 0 then 'klein' else 'groot' end, 'rij ' || i from generate_series(1, 300) i`);
    const read = (council: string, label: string) => sql`select count(*)::int as n, max(label) as last from named_g where council = ${council} or label = ${label}`;
    const values = [
      ['klein', `it's`],
      ['groot', 'back\\slash'],
      ['geen', 'rij 7'],
    ] as const;
    for (let round = 0; round < 3; round++) {
      for (const [council, label] of values) {
        assert.deepEqual(rows(await executeNamed(db, read(council, label), undefined, { generic: true })), rows(await db.execute(read(council, label))), `${council} ${label}`);
      }
    }
    const [plans] = rows(await db.execute(sql`select generic_plans, custom_plans from pg_prepared_statements where statement like '%from named_g where%' and left(name, 2) <> 'w_'`));
    assert.deepEqual({ generic: Number(plans!.generic_plans), custom: Number(plans!.custom_plans) }, { generic: 9, custom: 0 });
    // SET LOCAL ended with the statement: the next one is planned as usual.
    assert.deepEqual(rows(await db.execute(sql`show plan_cache_mode`)), [{ plan_cache_mode: 'auto' }]);
    // A name gone from the connection (DEALLOCATE, or a pooler that sent the EXECUTE to another
    // server connection): this call and the next ones still answer, planned as usual.
    const [gone] = rows(await db.execute(sql`select name from pg_prepared_statements where statement like '%from named_g where%' and left(name, 2) <> 'w_'`));
    await db.execute(sql.raw(`deallocate ${String(gone!.name)}`));
    for (const [council, label] of values) {
      assert.deepEqual(rows(await executeNamed(db, read(council, label), undefined, { generic: true })), rows(await db.execute(read(council, label))), `after deallocate: ${council}`);
    }
    // In a transaction it runs on the transaction's connection (planned as usual) and sees its rows.
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into named_g values (301, 'klein', 'nieuw')`);
      assert.deepEqual(rows(await executeNamed(tx, read('klein', 'x'), undefined, { generic: true })), [{ n: 31, last: 'rij 90' }]);
    });
    // A failing statement fails as db.execute does, and the next call still works.
    const wrong = sql`select count(*) from named_g where id = ${'geen getal'}`;
    const cause = async (run: Promise<unknown>) =>
      (await run.then(
        () => assert.fail('no error'),
        (err: Error) => err.cause ?? err,
      )) as Error;
    assert.equal((await cause(executeNamed(db, wrong, undefined, { generic: true }))).message, (await cause(db.execute(wrong))).message);
    assert.deepEqual(rows(await executeNamed(db, read('klein', ''), undefined, { generic: true })), [{ n: 31, last: 'rij 90' }]);
  } finally {
    await database.close();
  }
});
