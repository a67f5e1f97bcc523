/**
 * "Did this request change anything?" for tests that send hundreds of refused requests.
 *
 * A fingerprint per table (md5 of its rows, sorted) is exact but costs a full read of every
 * watched table; the authorisation test took two per request and spent most of its minutes there
 * (decision 0031, session 10). So each watched table gets a statement trigger that notes its
 * name in `test_touched` (insert-only: concurrent transactions never wait on each other), and a
 * fingerprint is computed again only for tables noted since the last one. The answer is still
 * "the rows differ": a statement that writes the same values leaves the fingerprint as it was.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../src/core/db/index.ts';

export type TableWatch = {
  /**
   * One fingerprint per watched table; `where` limits each to the rows it matches (a SQL
   * condition over the table's own columns, written by the test, such as a council id).
   */
  snapshot(where?: string): Promise<Record<string, string>>;
  /** The tables whose fingerprint differs between two snapshots. */
  changed(before: Record<string, string>, after: Record<string, string>): string[];
};

const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a table name: ${name}`);
  return name;
};

/**
 * Watches these tables of the test database that `db()` gives (read at the first snapshot, so a
 * test file can set this up before its app exists). One watch per database: a snapshot drains
 * the notes.
 */
export function watchTables(db: () => Db, tables: readonly string[]): TableWatch {
  const names = tables.map(ident);
  let installed: Promise<void> | undefined;
  const install = async () => {
    await db().execute(sql.raw('create unlogged table if not exists test_touched (tbl text not null)'));
    await db().execute(
      sql.raw(`create or replace function test_touched() returns trigger language plpgsql as $$
        begin insert into test_touched values (tg_table_name); return null; end $$`),
    );
    for (const name of names) {
      await db().execute(
        sql.raw(`create or replace trigger test_touched after insert or update or delete or truncate on ${name}
          for each statement execute function test_touched()`),
      );
    }
  };
  // Per table, its fingerprint per condition.
  const kept = new Map<string, Map<string, string>>(names.map((n) => [n, new Map()]));
  return {
    async snapshot(where = 'true') {
      installed ??= install();
      await installed;
      // Drained before reading: a write that lands in between is read now and noted again.
      const touched = rowsOf<{ tbl: string }>(await db().execute(sql.raw('delete from test_touched returning tbl')));
      for (const { tbl } of touched) kept.get(tbl)?.clear();
      const stale = names.filter((n) => !kept.get(n)!.has(where));
      if (stale.length > 0) {
        const cols = stale.map((n) => `(select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) from ${n} x where ${where}) as ${n}`);
        const [row] = rowsOf<Record<string, string>>(await db().execute(sql.raw(`select ${cols.join(', ')}`)));
        for (const n of stale) kept.get(n)!.set(where, row![n]!);
      }
      return Object.fromEntries(names.map((n) => [n, kept.get(n)!.get(where)!]));
    },
    changed: (before, after) => names.filter((n) => before[n] !== after[n]),
  };
}
