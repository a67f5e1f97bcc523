import { and, eq, lt, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.ts';
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
export type LoadedSession = {
  session: Session;
  user: User;
  /** Active memberships, by organisation name: the actor's role and the header's workspaces without more queries. */
  memberships: SessionMembership[];
};

/** What createSession hands out (randomToken(): 32 bytes, base64url); anything else is no session, without a query. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** The user's active memberships as one JSON array, ordered as the workspace list (by organisation name). */
const membershipsOf = sql<SessionMembership[]>`coalesce((select json_agg(json_build_object('id', m.id, 'councilId', m.council_id, 'role', m.role, 'slug', c.slug, 'name', c.name) order by c.name)
  from ${memberships} m join ${councils} c on c.id = m.council_id where m.user_id = ${users.id} and m.active), '[]'::json)`;

/** Prepared once per database: drizzle builds the SQL once, PostgreSQL plans it once per connection. */
const sessionQueries = new WeakMap<object, ReturnType<typeof prepareSessionQuery>>();
function prepareSessionQuery(db: DbOrTx) {
  return db
    .select({ session: sessions, user: users, memberships: membershipsOf })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.idHash, sql.placeholder('idHash')))
    .limit(1)
    .prepare('load_session');
}

/** The session, its user and the user's memberships: one statement per request. */
export async function loadSession(db: DbOrTx, raw: string): Promise<LoadedSession | null> {
  if (!raw || !TOKEN_SHAPE.test(raw)) return null;
  const idHash = sha256(raw);
  const prepared = sessionQueries.get(db) ?? prepareSessionQuery(db);
  sessionQueries.set(db, prepared);
  const row = (await prepared.execute({ idHash }))[0];
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
