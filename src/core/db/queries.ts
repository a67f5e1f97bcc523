/** Query shapes that many use cases share: saving a council's row by id, removing one row that must exist. */
import { and, eq, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { DomainError, notFound } from '../errors.ts';
import type { MessageKey } from '../i18n/index.ts';
import { isUuid } from '../http/values.ts';
import type { DbOrTx } from './index.ts';

/** A council's table with an `updated_at` column (see councilTable in columns.ts). */
type UpdatableRows = PgTable & { id: PgColumn; councilId: PgColumn; updatedAt: PgColumn };

/**
 * Writes the columns to one council's row, with `updated_at` now (unless `set` names it), and returns the row as saved: the
 * usual `save` of a state change (core/state-change.ts). The row is found by its id and its own
 * council, so a step on a shared record (an agreement) saves the owner's row.
 */
export async function saveRow<T extends UpdatableRows>(tx: DbOrTx, table: T, row: { id: string; councilId: string }, set: Partial<T['$inferInsert']>): Promise<T['$inferSelect']> {
  const [saved] = await tx
    .update(table as UpdatableRows)
    .set({ updatedAt: new Date(), ...set })
    .where(and(eq(table.id, row.id), eq(table.councilId, row.councilId)))
    .returning();
  return saved as T['$inferSelect'];
}

/**
 * Removes the row `where(id)` names and returns it, or answers 404 (`what`) when the id is no uuid
 * or no such row is there: removing a juror, a guest, a share.
 */
export async function deleteOne<T extends PgTable>(tx: DbOrTx, table: T, what: string, id: string, where: (id: string) => SQL | undefined): Promise<T['$inferSelect']> {
  if (!isUuid(id)) notFound(what);
  const [gone] = await tx
    .delete(table as PgTable)
    .where(where(id))
    .returning();
  return (gone as T['$inferSelect'] | undefined) ?? notFound(what);
}

/**
 * A row whose personal data can be erased on request (a contact, a signal, an experience), to erase
 * or to add to: 404 (`what`) when it is not there, the refusal `alreadyErased` when it was erased before.
 */
export async function notErased<T extends { erasedAt: Date | null }>(found: Promise<T | null>, what: string, refusal: MessageKey): Promise<T> {
  const row = (await found) ?? notFound(what);
  if (row.erasedAt) throw new DomainError('alreadyErased', refusal);
  return row;
}
