import { and, eq, lt, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.ts';
import { randomToken, sha256 } from '../secret.ts';
import { sessions, users, type User, type Session } from './auth.schema.ts';

export const SESSION_COOKIE = 'rw_sessie';
/** Idle time after which a session ends; activity extends it. */
const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
const TOUCH_AFTER_MS = 5 * 60 * 1000;

export async function createSession(db: DbOrTx, userId: string, mfaPending: boolean): Promise<string> {
  const raw = randomToken();
  await db.insert(sessions).values({
    idHash: sha256(raw),
    userId,
    mfaPending,
    csrfSecret: randomToken(16),
    expiresAt: new Date(Date.now() + SESSION_IDLE_MS),
  });
  return raw;
}

export type LoadedSession = { session: Session; user: User };

export async function loadSession(db: DbOrTx, raw: string): Promise<LoadedSession | null> {
  if (!raw || raw.length > 100) return null;
  const idHash = sha256(raw);
  const rows = await db.select({ session: sessions, user: users }).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(sessions.idHash, idHash)).limit(1);
  const row = rows[0];
  if (!row) return null;
  const now = Date.now();
  if (row.session.expiresAt.getTime() < now || !row.user.active) {
    await db.delete(sessions).where(eq(sessions.idHash, idHash));
    return null;
  }
  if (now - row.session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now), expiresAt: new Date(now + SESSION_IDLE_MS) })
      .where(eq(sessions.idHash, idHash));
  }
  return row;
}

export async function completeMfa(db: DbOrTx, idHash: string): Promise<void> {
  await db.update(sessions).set({ mfaPending: false }).where(eq(sessions.idHash, idHash));
}

export async function destroySession(db: DbOrTx, idHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
}

/** After a password change: every other session of the user ends. */
export async function destroyOtherSessions(db: DbOrTx, userId: string, keepIdHash: string | null): Promise<void> {
  await db.delete(sessions).where(keepIdHash ? and(eq(sessions.userId, userId), ne(sessions.idHash, keepIdHash)) : eq(sessions.userId, userId));
}

export async function purgeExpiredSessions(db: DbOrTx): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, sql`now()`));
}
