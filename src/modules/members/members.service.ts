import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/index.ts';
import { memberships, type Role } from './members.schema.ts';

/** The active membership of a user in a council, if any. */
export async function findMembership(db: DbOrTx, councilId: string, userId: string): Promise<{ id: string; role: Role } | null> {
  const rows = await db
    .select({ id: memberships.id, role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.councilId, councilId), eq(memberships.userId, userId), eq(memberships.active, true)))
    .limit(1);
  return rows[0] ?? null;
}
