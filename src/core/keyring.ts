/**
 * Re-sealing after a key rotation (crypto.ts): every sealed column the platform knows (core's and
 * the ones each module lists in its manifest, `sealed`) is read, and each value not sealed with
 * the newest key is opened with the ring and sealed again. The update matches the old value
 * (sealed values are unique: random IV), so a value changed meanwhile is left to the next run;
 * it is safe to run while the server runs, on several instances, and again. A value no key of
 * the ring opens is counted and left as it is.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from './db/index.ts';
import { keyId, keyRing, needsReseal, open, seal } from './crypto.ts';
import { modules } from './platform.ts';

/** A text column holding sealed values, and the purpose they were sealed for. */
export type SealedColumn = { table: string; column: string; purpose: string };

/** Core's own sealed columns. */
const coreSealed: SealedColumn[] = [
  { table: 'users', column: 'totp_secret', purpose: 'totp' },
  // Public form posts held beyond the hourly budget (public-budget.ts): residents' words and addresses.
  { table: 'public_form_posts', column: 'held_sealed', purpose: 'public-post' },
];

export function sealedColumns(): SealedColumn[] {
  return [...coreSealed, ...modules().flatMap((m) => m.sealed ?? [])];
}

export type ResealReport = { column: string; resealed: number; unreadable: number }[];

const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);

export async function resealAll(db: DbOrTx, secretKey: string, columns: SealedColumn[] = sealedColumns()): Promise<ResealReport> {
  const newest = `v2.${keyId(keyRing(secretKey)[0]!)}.%`;
  const report: ResealReport = [];
  for (const c of columns) {
    let resealed = 0;
    let unreadable = 0;
    // Keyset pagination over the old values in order: a value sealed again leaves the set, an
    // unreadable one stays behind the cursor.
    let after = '';
    for (;;) {
      const col = ident(c.column);
      const rows = (await db.execute(
        sql`select ${col} as v from ${ident(c.table)} where ${col} is not null and ${col} > ${after} and ${col} not like ${newest} order by ${col} limit 500`,
      )) as unknown as { rows?: { v: string }[] } | { v: string }[];
      const values = (Array.isArray(rows) ? rows : (rows.rows ?? [])).map((r) => r.v);
      if (!values.length) break;
      after = values[values.length - 1]!;
      for (const v of values) {
        const plain = needsReseal(secretKey, v) ? open(secretKey, c.purpose, v) : null;
        if (plain === null) {
          unreadable++;
          continue;
        }
        await db.execute(sql`update ${ident(c.table)} set ${col} = ${seal(secretKey, c.purpose, plain)} where ${col} = ${v}`);
        resealed++;
      }
    }
    report.push({ column: `${c.table}.${c.column}`, resealed, unreadable });
  }
  return report;
}
