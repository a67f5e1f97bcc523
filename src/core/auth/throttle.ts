import { and, count, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.ts';
import { loginFailures } from './auth.schema.ts';
import { sha256 } from '../secret.ts';

/** Failed logins allowed per account and per address in the window before a pause. */
const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60 * 1000;

const keysFor = (email: string, ip: string) => [sha256(`email:${email.toLowerCase()}`), sha256(`ip:${ip}`)];

/** An attempt that may be evaluated: the rows that count it, kept as a failure unless released. */
export type Attempt = { ids: string[] };

/**
 * Counts an attempt before it is evaluated, atomically: under a transaction-scoped lock per
 * account and per address (so parallel guesses queue here), it counts the failures and the
 * attempts in flight of the window and, below the limit, adds this attempt to them. Null: the
 * limit is reached, do not evaluate. Kept in the database so every instance sees the same count.
 * The caller releases the attempt when it succeeds; a failed attempt stays counted.
 */
export async function reserveAttempt(db: DbOrTx, email: string, ip: string): Promise<Attempt | null> {
  const [emailKey, ipKey] = keysFor(email, ip);
  return db.transaction(async (tx) => {
    // Always the account first, then the address: no two requests wait for each other in a circle.
    await tx.execute(sql`select pg_advisory_xact_lock(17001, hashtext(${emailKey})), pg_advisory_xact_lock(17002, hashtext(${ipKey}))`);
    const since = new Date(Date.now() - WINDOW_MS);
    const countOf = async (keyHash: string) => {
      const [row] = await tx
        .select({ n: count() })
        .from(loginFailures)
        .where(and(eq(loginFailures.keyHash, keyHash), gt(loginFailures.at, since)));
      return Number(row?.n ?? 0);
    };
    if ((await countOf(emailKey)) >= MAX_FAILURES || (await countOf(ipKey)) >= MAX_FAILURES * 4) return null;
    const rows = await tx
      .insert(loginFailures)
      .values([emailKey, ipKey].map((keyHash) => ({ keyHash })))
      .returning({ id: loginFailures.id });
    return { ids: rows.map((r) => r.id) };
  });
}

/** The attempt succeeded: it no longer counts. */
export async function releaseAttempt(db: DbOrTx, attempt: Attempt): Promise<void> {
  await db.delete(loginFailures).where(inArray(loginFailures.id, attempt.ids));
}

export async function clearFailures(db: DbOrTx, email: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.keyHash, keysFor(email, '')[0]));
}

export async function purgeOldLoginFailures(db: DbOrTx): Promise<void> {
  await db.delete(loginFailures).where(lt(loginFailures.at, sql`now() - interval '1 day'`));
}
