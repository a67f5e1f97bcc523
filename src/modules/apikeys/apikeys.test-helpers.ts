import { and, eq, type SQL } from 'drizzle-orm';
import type { TestApp } from '../../../test/support/factories.ts';
import { apiTokens } from './apikeys.schema.ts';

/** The stored keys of a user or an organisation (for tests that check hashing, last use, scope). */
export async function apiKeysOf(t: TestApp, of: { userId?: string; councilId?: string }) {
  const where: SQL[] = [];
  if (of.userId) where.push(eq(apiTokens.userId, of.userId));
  if (of.councilId) where.push(eq(apiTokens.councilId, of.councilId));
  return t.db
    .select()
    .from(apiTokens)
    .where(and(...where));
}

/** Revokes every key of a user behind the pages' back (as if revoked long ago). */
export async function revokeApiKeysOf(t: TestApp, userId: string): Promise<void> {
  await t.db.update(apiTokens).set({ revokedAt: new Date() }).where(eq(apiTokens.userId, userId));
}
