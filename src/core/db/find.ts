import { and, eq, inArray, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { isUuid } from '../http/forms.ts';
import type { DbOrTx } from './index.ts';

/** A table of one council's rows, keyed by a uuid `id` (see councilTable in columns.ts). */
type CouncilRows = PgTable & { id: PgColumn; councilId: PgColumn };

/**
 * One row of a council by id, or null when the id is no uuid or the row belongs to another
 * council. `lock` takes the row with SELECT ... FOR UPDATE, for a change in a transaction.
 */
export async function findInCouncil<T extends CouncilRows>(db: DbOrTx, table: T, councilId: string, id: string, opts: { lock?: boolean } = {}): Promise<T['$inferSelect'] | null> {
  if (!isUuid(id)) return null;
  const q = db
    .select()
    .from(table as PgTable)
    .where(and(eq(table.id, id), eq(table.councilId, councilId)))
    .limit(1);
  const rows = opts.lock ? await q.for('update') : await q;
  return (rows[0] as T['$inferSelect'] | undefined) ?? null;
}

/** Ids to read by: a list, or a subquery that selects them (a page then reads in the same round, issue 14). */
export type Ids = string[] | SQLWrapper;

/**
 * `column IN ids`. Of a list only the well-formed uuids count; null when none is left, so the
 * caller answers "none" without a query.
 */
export function inIds(column: PgColumn, ids: Ids): SQL | null {
  if (!Array.isArray(ids)) return inArray(column, ids);
  const valid = [...new Set(ids)].filter(isUuid);
  return valid.length > 0 ? inArray(column, valid) : null;
}
