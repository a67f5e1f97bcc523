/**
 * A chain of statements (chain.ts): each step runs only when the one before it returned a row, a
 * marker in a step's text values takes the previous step's column, and a failing step rolls the
 * whole transaction back. The same answers from the PGlite thread (which runs the chain itself),
 * from PGlite on the main thread and from PostgreSQL (where the steps run from the caller).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf, type Database } from './index.ts';
import { executeChain } from './chain.ts';
import { migratedTemplate } from './template.ts';
import { createTestDatabase, testDbKind } from '../../../test/support/db.ts';

async function checkChain(database: Database): Promise<void> {
  const { db } = database;
  await db.execute(sql`create table chain_t (id serial primary key, label text, data jsonb)`);
  const labels = async () => rowsOf<{ label: string }>(await db.execute(sql`select label from chain_t order by id`)).map((r) => r.label);
  const marker = 'Rmarker0123456789';
  const take = (label: string) => sql`insert into chain_t (label) values (${label}) returning id, 'nr-' || id as made`;
  const use = sql`insert into chain_t (label, data) values (${`gebruikt ${marker}`}, ${JSON.stringify({ made: marker, n: 1 })}::jsonb) returning label, data`;

  // Every step returns a row: all run; the third step's text values carry the second's `made`.
  const all = await db.transaction((tx) => executeChain(tx, [take('een'), take('twee'), use], { fill: { marker, column: 'made' } }));
  assert.equal(all.length, 3);
  assert.deepEqual(all[2], [{ label: 'gebruikt nr-2', data: { made: 'nr-2', n: 1 } }]);
  assert.deepEqual(await labels(), ['een', 'twee', 'gebruikt nr-2']);

  // The second step returns no row: the third does not run; what ran commits with the transaction.
  const none = sql`insert into chain_t (label) select ${'nooit'} where false returning id`;
  const stopped = await db.transaction((tx) => executeChain(tx, [take('vier'), none, use], { fill: { marker, column: 'made' } }));
  assert.deepEqual(
    stopped.map((rows) => rows.length),
    [1, 0],
  );
  assert.deepEqual(await labels(), ['een', 'twee', 'gebruikt nr-2', 'vier']);

  // A step fails: the chain rejects with PostgreSQL's error and the transaction rolls back whole.
  const fails = sql`insert into chain_t (id, label) values (${1}, ${'dubbel'}) returning id`;
  await assert.rejects(
    db.transaction((tx) => executeChain(tx, [take('vijf'), fails, use])),
    (err: { code?: string; cause?: { code?: string } }) => (err.code ?? err.cause?.code) === '23505',
  );
  assert.deepEqual(await labels(), ['een', 'twee', 'gebruikt nr-2', 'vier']);

  // Without a fill the marker stays as it is, and the transaction goes on after the chain.
  await db.transaction(async (tx) => {
    const [first] = await executeChain(tx, [use]);
    assert.equal(first![0]!.label, `gebruikt ${marker}`);
    await tx.execute(sql`insert into chain_t (label) values (${'erna'})`);
  });
  assert.deepEqual((await labels()).slice(-2), [`gebruikt ${marker}`, 'erna']);

  // The chain as the transaction's last work: run whole, it commits (the PGlite thread at once);
  // stopped early, the transaction goes on, and an error after it rolls back what it did.
  const whole = await db.transaction((tx) => executeChain(tx, [take('zes'), take('zeven')], { lastWhenWhole: true }));
  assert.deepEqual(
    whole.map((rows) => rows.length),
    [1, 1],
  );
  await assert.rejects(
    db.transaction(async (tx) => {
      await executeChain(tx, [take('acht'), none, take('negen')], { lastWhenWhole: true });
      await tx.execute(sql`insert into chain_t (label) values (${'tien'})`);
      throw new Error('terug');
    }),
    /terug/,
  );
  assert.deepEqual((await labels()).slice(-3), ['erna', 'zes', 'zeven']);

  // In a savepoint it never commits: the outer transaction's error rolls the whole chain back.
  await assert.rejects(
    db.transaction(async (tx) => {
      await tx.transaction((sp) => executeChain(sp, [take('elf'), take('twaalf')], { lastWhenWhole: true }));
      await tx.execute(sql`insert into chain_t (label) values (${'dertien'})`);
      throw new Error('terug');
    }),
    /terug/,
  );
  assert.deepEqual((await labels()).slice(-2), ['zes', 'zeven']);
}

test(`a chain of statements on ${testDbKind() === 'postgres' ? 'PostgreSQL' : 'PGlite in its thread'}`, async () => {
  const database = await createTestDatabase();
  try {
    await checkChain(database);
  } finally {
    await database.close();
  }
});

// PGlite on the main thread (PGLITE_THREAD=0), in the PGlite run of the suite.
if (testDbKind() === 'pglite')
  test('a chain of statements on PGlite on the main thread', async () => {
    const database = await openDatabase({ kind: 'pglite', loadDataDir: await migratedTemplate(), thread: false });
    try {
      await checkChain(database);
    } finally {
      await database.close();
    }
  });
