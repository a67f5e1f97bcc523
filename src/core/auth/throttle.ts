import { and, count, eq, gt, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.ts';
import { loginFailures } from './auth.schema.ts';
import { sha256 } from '../secret.ts';

/** Failed logins allowed per account and per address in the window before a pause. */
const MAX_FAILURES = 5;
const WINDOW_MS = 15 * 60 * 1000;

const keysFor = (email: string, ip: string) => [sha256(`email:${email.toLowerCase()}`), sha256(`ip:${ip}`)];

/** Kept in the database so every instance sees the same count. */
export async function isThrottled(db: DbOrTx, email: string, ip: string): Promise<boolean> {
  const since = new Date(Date.now() - WINDOW_MS);
  const [emailKey, ipKey] = keysFor(email, ip);
  const [byEmail] = await db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.keyHash, emailKey), gt(loginFailures.at, since)));
  const [byIp] = await db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.keyHash, ipKey), gt(loginFailures.at, since)));
  return Number(byEmail.n) >= MAX_FAILURES || Number(byIp.n) >= MAX_FAILURES * 4;
}

export async function recordFailure(db: DbOrTx, email: string, ip: string): Promise<void> {
  await db.insert(loginFailures).values(keysFor(email, ip).map((keyHash) => ({ keyHash })));
}

export async function clearFailures(db: DbOrTx, email: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.keyHash, keysFor(email, '')[0]));
}

export async function purgeOldLoginFailures(db: DbOrTx): Promise<void> {
  await db.delete(loginFailures).where(lt(loginFailures.at, sql`now() - interval '1 day'`));
}
