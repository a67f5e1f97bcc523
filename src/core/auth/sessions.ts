import { and, eq, lt, ne, sql } from 'drizzle-orm';
import { executeNamed, rowsOf, type Db, type DbOrTx } from '../db/index.ts';
import { randomToken, sha256 } from '../secret.ts';
import { sessions, users, type User, type Session } from './auth.schema.ts';
import { councils, memberships } from '../organisations.schema.ts';
import type { Role } from '../roles.ts';

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

/** An active membership of the session's user, read with the session. */
type SessionMembership = { id: string; councilId: string; role: Role; slug: string; name: string };
/**
 * What every request needs of its session and user: the guards (second step), the CSRF token,
 * the idle expiry, the actor, the header and the language. Pages that need more of the user (the
 * account and second-step pages) read the row themselves (`findUserById`).
 */
export type LoadedSession = {
  session: Pick<Session, 'idHash' | 'mfaPending' | 'csrfSecret' | 'lastSeenAt' | 'expiresAt'>;
  user: Pick<User, 'id' | 'name' | 'isPlatformAdmin' | 'locale'>;
  /** Active memberships, by organisation name: the actor's role and the header's workspaces without more queries. */
  memberships: SessionMembership[];
};

/** What createSession hands out (randomToken(): 32 bytes, base64url); anything else is no session, without a query. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * The session, its user and the user's active memberships (by the memberships' user index), one
 * row per membership in workspace order (organisation name); a user without any gets one row
 * with empty membership columns. Plain rows: cheaper than a JSON aggregate on both databases.
 */
const sessionStatement = sql`select ${sessions.mfaPending} as "mfaPending", ${sessions.csrfSecret} as "csrfSecret",
  ${sessions.lastSeenAt} as "lastSeenAt", ${sessions.expiresAt} as "expiresAt", ${users.id} as "userId", ${users.name} as "name",
  ${users.isPlatformAdmin} as "isPlatformAdmin", ${users.locale} as "locale", ${users.active} as "active",
  ${memberships.id} as "membershipId", ${memberships.councilId} as "councilId", ${memberships.role} as "role", ${councils.slug} as "slug", ${councils.name} as "councilName"
  from ${sessions} join ${users} on ${users.id} = ${sessions.userId}
  left join (${memberships} join ${councils} on ${councils.id} = ${memberships.councilId}) on ${memberships.userId} = ${users.id} and ${memberships.active}
  where ${sessions.idHash} = ${sql.placeholder('idHash')} order by ${councils.name}`;
type SessionRow = {
  mfaPending: boolean;
  csrfSecret: string;
  /** Text: drizzle's drivers keep timestamps as text. */
  lastSeenAt: string;
  expiresAt: string;
  userId: string;
  name: string;
  isPlatformAdmin: boolean;
  locale: User['locale'];
  active: boolean;
  membershipId: string | null;
  councilId: string;
  role: Role;
  slug: string;
  councilName: string;
};

/** The session, its user and the user's memberships: one statement per request. */
export async function loadSession(db: Db, raw: string): Promise<LoadedSession | null> {
  if (!raw || !TOKEN_SHAPE.test(raw)) return null;
  const idHash = sha256(raw);
  // Prepared: PGlite would parse and plan it at every request (0.7-1.5 ms of its 1.3 ms).
  const rows = rowsOf<SessionRow>(await executeNamed(db, sessionStatement, { idHash }));
  const row = rows[0];
  if (!row) return null;
  const now = Date.now();
  const expiresAt = new Date(row.expiresAt);
  const lastSeenAt = new Date(row.lastSeenAt);
  if (expiresAt.getTime() < now || !row.active) {
    await db.delete(sessions).where(eq(sessions.idHash, idHash));
    return null;
  }
  if (now - lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now), expiresAt: new Date(now + SESSION_IDLE_MS) })
      .where(eq(sessions.idHash, idHash));
  }
  return {
    session: { idHash, mfaPending: row.mfaPending, csrfSecret: row.csrfSecret, lastSeenAt, expiresAt },
    user: { id: row.userId, name: row.name, isPlatformAdmin: row.isPlatformAdmin, locale: row.locale },
    memberships: rows.flatMap((r) => (r.membershipId === null ? [] : [{ id: r.membershipId, councilId: r.councilId, role: r.role, slug: r.slug, name: r.councilName }])),
  };
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
