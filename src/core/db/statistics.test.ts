import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { openDatabase, refreshStatistics, statisticsFresh } from './index.ts';

// PGlite has no autovacuum: the refresh both analyses and empties the full-text (GIN) indexes'
// pending lists, which every search would otherwise read in full. PostgreSQL does both itself.
test('on PGlite the refresh analyses every table that grew and empties the pending lists of GIN indexes', async () => {
  const database = await openDatabase({ kind: 'pglite' });
  try {
    const db = database.db;
    const rows = (r: unknown) => ((r as { rows?: unknown[] }).rows ?? r) as Record<string, unknown>[];
    await db.execute(sql`create schema other`);
    for (const table of ['public.words', 'other.words']) {
      await db.execute(sql.raw(`create table ${table} (id int, v tsvector)`));
      await db.execute(sql.raw(`create index on ${table} using gin (v)`));
    }
    const fill = async () => {
      for (const table of ['public.words', 'other.words']) {
        await db.execute(sql.raw(`insert into ${table} select g, to_tsvector('dutch', 'mantelzorg vervoer ' || g) from generate_series(1, 3000) g`));
      }
    };
    const pending = async () =>
      rows(await db.execute(sql`select gin_clean_pending_list(i.oid::regclass) as n from pg_class i join pg_am a on a.oid = i.relam where a.amname = 'gin' order by i.oid`)).map((r) => Number(r.n));
    // Without the refresh, new rows wait in the pending lists (the check empties them).
    await fill();
    assert.ok((await pending()).every((n) => n > 0));
    await fill();
    assert.equal(statisticsFresh(database), false);
    await refreshStatistics(database);
    assert.deepEqual(await pending(), [0, 0]);
    assert.equal(statisticsFresh(database), true);
    const analysed = rows(await db.execute(sql`select relname, reltuples from pg_class where relname = 'words' and relkind = 'r'`));
    assert.deepEqual(
      analysed.map((r) => Number(r.reltuples)),
      [6000, 6000],
    );

    // A table analysed again only when it grew by more than a tenth: ANALYZE holds PGlite's lock.
    const tuples = async () => rows(await db.execute(sql`select reltuples from pg_class where oid = 'public.words'::regclass`)).map((r) => Number(r.reltuples))[0];
    await db.execute(sql.raw(`insert into public.words select g, to_tsvector('dutch', 'zorg ' || g) from generate_series(1, 50) g`));
    await refreshStatistics(database);
    assert.equal(await tuples(), 6000, 'fifty rows more: not analysed again');
    await db.execute(sql.raw(`insert into public.words select g, to_tsvector('dutch', 'zorg ' || g) from generate_series(1, 3000) g`));
    await refreshStatistics(database);
    assert.equal(await tuples(), 9050, 'half as many again: analysed');
  } finally {
    await database.close();
  }
});
