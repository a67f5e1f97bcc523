import crypto from 'node:crypto';
import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.ts';
import { hmac, hmacs } from '../secret.ts';
import { recoveryCodes, users } from './auth.schema.ts';

/** How many codes a user gets at a time. */
const RECOVERY_CODE_COUNT = 10;
/** From this many unused codes down, the account page warns to make new ones. */
export const RECOVERY_CODES_LOW = 3;

/**
 * No look-alikes (0/o, 1/i/l), lower case because that is what people write down most
 * easily. 31 signs over 10 places is about 49 bits; with the per-account throttle on wrong
 * codes that is far out of reach of guessing.
 */
const ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';
const LENGTH = 10;
const CODE_RE = new RegExp(`^[${ALPHABET}]{${LENGTH}}$`);

/** A new code as shown to the user: `xxxxx-xxxxx`. */
export function newRecoveryCode(): string {
  let raw = '';
  for (let i = 0; i < LENGTH; i++) raw += ALPHABET[crypto.randomInt(ALPHABET.length)];
  return `${raw.slice(0, 5)}-${raw.slice(5)}`;
}

/** What the user typed, without dashes and spaces and in lower case; null when it cannot be a recovery code. */
export function normaliseRecoveryCode(input: string): string | null {
  const raw = input.replace(/[\s-]/g, '').toLowerCase();
  return CODE_RE.test(raw) ? raw : null;
}

/** Keyed with SECRET_KEY and bound to the user, so a copy of the table cannot be tried offline. */
function hashOf(secretKey: string, userId: string, normalised: string): string {
  return hmac(secretKey, `recovery-code:${userId}:${normalised}`);
}
/** The code's hash under every key of the ring: codes given out before a key rotation still work. */
function hashesOf(secretKey: string, userId: string, normalised: string): string[] {
  return hmacs(secretKey, `recovery-code:${userId}:${normalised}`);
}

/** Replaces all codes of the user with new ones, inside `tx`; returns them once, for showing. */
export async function replaceRecoveryCodes(tx: DbOrTx, secretKey: string, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  // Two requests at once (two tabs) take turns on the user row, so one set replaces the other.
  await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
  await deleteRecoveryCodes(tx, userId);
  await tx.insert(recoveryCodes).values(codes.map((c) => ({ userId, codeHash: hashOf(secretKey, userId, normaliseRecoveryCode(c)!) })));
  return codes;
}

export async function deleteRecoveryCodes(tx: DbOrTx, userId: string): Promise<void> {
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}

/**
 * Marks the code used in one statement, so of two requests with the same code only one
 * gets a row back. False for an unknown or already used code.
 */
export async function useRecoveryCode(tx: DbOrTx, secretKey: string, userId: string, normalised: string): Promise<boolean> {
  const rows = await tx
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(and(eq(recoveryCodes.userId, userId), inArray(recoveryCodes.codeHash, hashesOf(secretKey, userId, normalised)), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return rows.length === 1;
}

export async function unusedRecoveryCodes(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return Number(row?.n ?? 0);
}
