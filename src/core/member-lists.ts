/** Lists of people by their memberships, for forms and notices that several modules need. */
import { and, asc, eq, inArray, type SQLWrapper } from 'drizzle-orm';
import type { DbOrTx } from './db/index.ts';
import { users } from './auth/auth.schema.ts';
import { councils, memberships } from './organisations.schema.ts';
import { boardRoles, roles as allRoles, type Role } from './roles.ts';

/** A council's active members with one of `roles` (any role by default), by name: the people a form lets one choose. */
export function activeMembersByName(db: DbOrTx, councilId: string, roles: readonly Role[] = allRoles): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: memberships.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.councilId, councilId), eq(memberships.active, true), inArray(memberships.role, [...roles])))
    .orderBy(asc(users.name));
}

/**
 * The active chair and secretary of each organisation `councilIds` selects (a subquery of council
 * ids), with the organisation's slug: who gets a notice addressed to an organisation's board.
 */
export function boardsOf(db: DbOrTx, councilIds: SQLWrapper): Promise<{ userId: string; councilId: string; slug: string }[]> {
  return db
    .select({ userId: memberships.userId, councilId: councils.id, slug: councils.slug })
    .from(memberships)
    .innerJoin(councils, eq(councils.id, memberships.councilId))
    .where(and(inArray(memberships.councilId, councilIds), eq(memberships.active, true), inArray(memberships.role, [...boardRoles])));
}
