/**
 * PGlite in its worker thread (pglite-thread.ts): values keep their JS types across the thread,
 * transactions commit, roll back and nest, other statements wait for an open transaction,
 * PostgreSQL's error fields arrive, a dump opens again, and the thread ends on close. The whole
 * suite runs on it too (it is the default); the types and transactions are also checked on PGlite
 * on the main thread (PGLITE_THREAD=0), so both paths give the same answers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf, type Database } from './index.ts';
import { migratedTemplate } from './template.ts';

const rows = (res: unknown) => rowsOf<Record<string, unknown>>(res);

for (const thread of [true, false]) {
  const where = thread ? 'in a worker thread' : 'on the main thread';

  test(`PGlite ${where}: types, transactions, errors`, async () => {
    const database: Database = await openDatabase({ kind: 'pglite', loadDataDir: await migratedTemplate(), thread });
    const { db } = database;
    try {
      const [r] = rows(
        await db.execute(
          sql`select now() as at, '2026-01-02'::date as day, '\\x00ff'::bytea as bytes, 9007199254740993::int8 as big, '{"a":[1,"b"]}'::jsonb as doc, 1.5::numeric as num, array[1,2] as ints, null as nothing, ${new Uint8Array([1, 2, 3])}::bytea as param`,
        ),
      );
      // drizzle's raw parsers keep timestamps and dates as text (it maps them per column itself).
      assert.equal(typeof r!.at, 'string');
      assert.equal(r!.day, '2026-01-02');
      assert.ok(r!.bytes instanceof Uint8Array);
      assert.deepEqual([...(r!.bytes as Uint8Array)], [0, 255]);
      assert.equal(r!.big, 9007199254740993n);
      assert.deepEqual(r!.doc, { a: [1, 'b'] });
      assert.deepEqual(r!.ints, [1, 2]);
      assert.equal(r!.nothing, null);
      assert.deepEqual([...(r!.param as Uint8Array)], [1, 2, 3]);
      // A call that passes no parsers gets PGlite's own (dates as Date); one that asks for some as
      // text gets just those (the thread's table reads drizzle's types as text, see the worker).
      const client = (db as unknown as { $client: { query(q: string, p?: unknown[], o?: object): Promise<{ rows: Record<string, unknown>[] }> } }).$client;
      const both = `select '2026-01-02 03:04:05+00'::timestamptz as at, '2026-01-02'::date as day`;
      const own = (await client.query(both)).rows[0]!;
      assert.ok(own.at instanceof Date && own.day instanceof Date);
      assert.equal((own.at as Date).toISOString(), '2026-01-02T03:04:05.000Z');
      const some = (await client.query(both, [], { parsers: { 1184: (v: string) => v } })).rows[0]!;
      assert.equal(some.at, '2026-01-02 03:04:05+00');
      assert.ok(some.day instanceof Date);

      await db.execute(sql`create table t (id int primary key, at timestamptz)`);
      // Commit, rollback, a nested transaction (savepoint) rolled back inside a committed one.
      await db.transaction(async (tx) => {
        await tx.execute(sql`insert into t values (1, now())`);
        await tx
          .transaction(async (inner) => {
            await inner.execute(sql`insert into t values (2, now())`);
            throw new Error('inner');
          })
          .catch(() => undefined);
      });
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.execute(sql`insert into t values (3, now())`);
          throw new Error('outer');
        }),
        /outer/,
      );
      assert.deepEqual(
        rows(await db.execute(sql`select id from t order by id`)).map((x) => x.id),
        [1],
      );

      // A statement outside waits while a transaction is open, and sees its work only after commit.
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      const order: string[] = [];
      const txDone = db.transaction(async (tx) => {
        await tx.execute(sql`insert into t values (4, now())`);
        await held;
        order.push('commit');
      });
      await new Promise((r) => setTimeout(r, 20));
      const outside = db.execute(sql`select count(*)::int as n from t`).then((res) => {
        order.push('outside');
        return rows(res)[0]!.n;
      });
      await new Promise((r) => setTimeout(r, 20));
      release();
      await txDone;
      assert.equal(await outside, 2);
      assert.deepEqual(order, ['commit', 'outside']);

      // PostgreSQL's fields of an error arrive (drizzle wraps it; the cause has the code).
      const err = await db.execute(sql`insert into t values (1, now())`).catch((e: Error) => e);
      assert.ok(err instanceof Error);
      const cause = (err as Error & { cause?: { code?: string; constraint?: string } }).cause;
      assert.equal(cause?.code, '23505');
      assert.equal(cause?.constraint, 't_pkey');
      // The database goes on after the failed statement and a failed transaction.
      await assert.rejects(db.transaction(async (tx) => tx.execute(sql`select 1/0`)));
      assert.equal(rows(await db.execute(sql`select 1 as one`))[0]!.one, 1);
    } finally {
      await database.close();
    }
  });

  // The data directory path on the main thread is the one used before the worker; once is enough.
  if (!thread) continue;
  test(`PGlite ${where}: a data directory is locked, written, dumped and opened again`, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'raadwerk-pglite-thread-'));
    try {
      const first = await openDatabase({ kind: 'pglite', dataDir: dir, loadDataDir: await migratedTemplate(), thread });
      await first.db.execute(sql`create table kept (v text)`);
      await first.db.execute(sql`insert into kept values ('ja')`);
      // The data directory's lock is taken in this process, as before.
      assert.equal(fs.readFileSync(path.join(dir, 'raadwerk.lock'), 'utf8'), String(process.pid));
      const dump = await (first.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } }).$client.dumpDataDir('none');
      await first.close();
      await assert.rejects(first.db.execute(sql`select 1`));
      const again = await openDatabase({ kind: 'pglite', dataDir: dir, thread });
      assert.equal(rows(await again.db.execute(sql`select v from kept`))[0]!.v, 'ja');
      await again.close();
      const fromDump = await openDatabase({ kind: 'pglite', loadDataDir: dump, thread });
      assert.equal(rows(await fromDump.db.execute(sql`select v from kept`))[0]!.v, 'ja');
      await fromDump.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('PGlite in a worker thread: a statement text is prepared once and run by EXECUTE, with the same answers', async () => {
  const database: Database = await openDatabase({ kind: 'pglite', loadDataDir: await migratedTemplate(), thread: true });
  const { db } = database;
  const ours = async (like: string) => rows(await db.execute(sql`select name, generic_plans + custom_plans as runs from pg_prepared_statements where left(name, 2) = 'w_' and statement like ${like}`));
  try {
    await db.execute(sql`create table prep (id int primary key, label text, ok boolean, n numeric, at timestamptz)`);
    const odd = [`it's`, 'back\\slash \\x00', `''; drop table prep; --`, 'ë€ 漢字', ''];
    for (const [i, label] of odd.entries()) await db.execute(sql`insert into prep values (${i}, ${label}, ${i % 2 === 0}, ${i + 0.5}, ${'2026-01-02T03:04:05Z'})`);
    const read = (label: string | null, id: number | null) => sql`select id, label, ok, n, at from prep where label = ${label} or id = ${id} order by id`;
    // The first run prepares the text beside it; the next runs EXECUTE it, every value as it was.
    for (const [i, label] of odd.entries()) assert.deepEqual(rows(await db.execute(read(label, null))), [{ id: i, label, ok: i % 2 === 0, n: `${i}.5`, at: '2026-01-02 03:04:05+00' }], label);
    assert.deepEqual(
      rows(await db.execute(read('geen', 3))).map((r) => r.id),
      [3],
    );
    const [inserted] = await ours('%insert into prep%');
    assert.equal(Number(inserted!.runs), odd.length - 1, 'the insert: prepared at its first run, executed at the next four');
    const [readBack] = await ours('%from prep where label%');
    assert.equal(Number(readBack!.runs), odd.length);
    // A value without a literal (bytes) runs as it came, with the same answer.
    const bytes = (b: Uint8Array) => sql`select length(${b}::bytea) as n`;
    for (let k = 0; k < 3; k++) assert.equal(rows(await db.execute(bytes(new Uint8Array([1, 2, k]))))[0]!.n, 3);
    // A text PREPARE refuses (no SELECT, INSERT, UPDATE or DELETE) runs as it came, every time.
    for (let k = 0; k < 2; k++) await db.execute(sql.raw(`create index if not exists prep_label on prep (label)`));
    // In a transaction: the prepared text, on the transaction's own rows.
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into prep values (${9}, ${'nieuw'}, ${true}, ${1}, ${'2026-01-03T00:00:00Z'})`);
      assert.deepEqual(
        rows(await tx.execute(read('nieuw', null))).map((r) => r.id),
        [9],
      );
    });
    // The table's columns change under a `select *`: the next run still answers, prepared anew.
    const all = sql`select * from prep where id = ${1}`;
    for (let k = 0; k < 2; k++) await db.execute(all);
    await db.execute(sql`alter table prep add column extra text default 'x'`);
    assert.deepEqual(Object.keys(rows(await db.execute(all))[0]!), ['id', 'label', 'ok', 'n', 'at', 'extra']);
    assert.equal(rows(await db.execute(all))[0]!.extra, 'x');
    // An error is the one PostgreSQL gives, from a prepared text as from a new one.
    for (let k = 0; k < 3; k++) {
      const err = await db.execute(sql`insert into prep (id, label) values (${1}, ${'dubbel'})`).catch((e: Error) => e);
      assert.equal((err as Error & { cause?: { code?: string } }).cause?.code, '23505');
    }
    // Texts beyond the cap: the least recently run are deallocated, so the count stays bounded.
    for (let k = 0; k < 450; k++) await db.execute(sql.raw(`select ${k} as k, label from prep where id = 1`));
    const [count] = rows(await db.execute(sql`select count(*)::int as n from pg_prepared_statements where left(name, 2) = 'w_'`));
    assert.ok(Number(count!.n) <= 400, `${count!.n} prepared`);
    assert.deepEqual(
      rows(await db.execute(read('nieuw', null))).map((r) => r.id),
      [9],
    );
  } finally {
    await database.close();
  }
});

test('PGlite in a worker thread: statements sent before BEGIN has answered wait for it, in order', async () => {
  const database: Database = await openDatabase({ kind: 'pglite', loadDataDir: await migratedTemplate(), thread: true });
  const { db } = database;
  try {
    await db.execute(sql`create table seq (n int)`);
    // An empty transaction, and one whose statements all go at once, behind another transaction.
    await db.transaction(async () => undefined);
    const first = db.transaction(async (tx) => {
      await tx.execute(sql`insert into seq values (1)`);
    });
    const second = db.transaction(async (tx) => {
      await Promise.all([2, 3, 4].map((n) => tx.execute(sql`insert into seq values (${n})`)));
      return rows(await tx.execute(sql`select count(*)::int as n from seq`))[0]!.n;
    });
    await first;
    assert.equal(await second, 4, 'the second transaction ran after the first, and saw its own rows');
    assert.deepEqual(
      rows(await db.execute(sql`select n from seq order by n`)).map((r) => r.n),
      [1, 2, 3, 4],
    );
  } finally {
    await database.close();
  }
});
