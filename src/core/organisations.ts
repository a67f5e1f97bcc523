import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from './db/index.ts';
import { councils, memberships, type Council } from './organisations.schema.ts';
import type { Role } from './roles.ts';

/** The organisation at this address, or null. */
export async function findOrganisationBySlug(db: DbOrTx, slug: string): Promise<Council | null> {
  const rows = await db.select().from(councils).where(eq(councils.slug, slug)).limit(1);
  return rows[0] ?? null;
}

/** The user's active membership of an organisation, or null. */
export async function findMembership(db: DbOrTx, councilId: string, userId: string): Promise<{ id: string; role: Role } | null> {
  const rows = await db
    .select({ id: memberships.id, role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.councilId, councilId), eq(memberships.userId, userId), eq(memberships.active, true)))
    .limit(1);
  return rows[0] ?? null;
}

/** Organisations whose workspace the user may open: active memberships; a platform admin sees all. */
export async function listWorkspacesFor(db: DbOrTx, userId: string, isPlatformAdmin: boolean): Promise<{ slug: string; name: string }[]> {
  if (isPlatformAdmin) return db.select({ slug: councils.slug, name: councils.name }).from(councils).orderBy(asc(councils.name));
  return db
    .select({ slug: councils.slug, name: councils.name })
    .from(memberships)
    .innerJoin(councils, eq(councils.id, memberships.councilId))
    .where(and(eq(memberships.userId, userId), eq(memberships.active, true)))
    .orderBy(asc(councils.name));
}
