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
