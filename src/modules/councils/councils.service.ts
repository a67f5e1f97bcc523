import { and, asc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../core/db/index.ts';
import { councils, type Council } from './councils.schema.ts';
import { memberships } from '../members/members.schema.ts';

export async function findCouncilBySlug(db: DbOrTx, slug: string): Promise<Council | null> {
  const rows = await db.select().from(councils).where(eq(councils.slug, slug)).limit(1);
  return rows[0] ?? null;
}

export async function listCouncils(db: DbOrTx): Promise<Council[]> {
  return db.select().from(councils).orderBy(asc(councils.name));
}

/** Councils whose workspace the user may open: active memberships; a platform admin sees all. */
export async function listWorkspacesFor(db: Db, userId: string, isPlatformAdmin: boolean): Promise<{ slug: string; name: string }[]> {
  if (isPlatformAdmin) return db.select({ slug: councils.slug, name: councils.name }).from(councils).orderBy(asc(councils.name));
  return db
    .select({ slug: councils.slug, name: councils.name })
    .from(memberships)
    .innerJoin(councils, eq(councils.id, memberships.councilId))
    .where(and(eq(memberships.userId, userId), eq(memberships.active, true)))
    .orderBy(asc(councils.name));
}
