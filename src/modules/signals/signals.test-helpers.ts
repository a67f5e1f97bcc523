/** Signals straight in the database, for tests of other modules (agenda items link them). */
import { eq } from 'drizzle-orm';
import type { TestApp } from '../../../test/support/factories.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { signals, type Signal } from './signals.schema.ts';

type Status = NonNullable<typeof signals.$inferInsert.status>;

/** A signal recorded by a member, with this status and description. */
export async function makeSignal(t: TestApp, council: Pick<Council, 'id'>, status: Status, description: string): Promise<Signal> {
  const [s] = await t.db
    .insert(signals)
    .values({
      councilId: council.id,
      reference: `S-${Math.random().toString(36).slice(2, 8)}`,
      description,
      area: 'household_help',
      since: 'month',
      source: 'member',
      status,
    })
    .returning();
  return s!;
}

/** Moves a signal to another status without the workflow (as if it had been triaged since). */
export async function setSignalStatus(t: TestApp, id: string, status: Status): Promise<void> {
  await t.db.update(signals).set({ status }).where(eq(signals.id, id));
}
