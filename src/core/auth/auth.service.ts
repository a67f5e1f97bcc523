import { and, asc, count, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Deps } from '../deps.ts';
import type { DbOrTx, Tx } from '../db/index.ts';
import { audit } from '../audit/audit.ts';
import { translator, type Locale } from '../i18n/index.ts';
import { randomToken, sha256 } from '../secret.ts';
import { councils } from '../organisations.schema.ts';
import { memberships } from '../organisations.schema.ts';
import { boardRoles } from '../roles.ts';
import { oneTimeTokens, users, type User } from './auth.schema.ts';
import { completeMfa, createSession, destroyOtherSessions } from './sessions.ts';
import { clearFailures, releaseAttempt, reserveAttempt } from './throttle.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { checkTotp, openTotpSecret, sealTotpSecret } from './totp.ts';
import { deleteRecoveryCodes, normaliseRecoveryCode, replaceRecoveryCodes, unusedRecoveryCodes, useRecoveryCode } from './recovery.ts';

const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const RESET_TTL_MS = 60 * 60 * 1000;
/** Reset mails per account per hour; more requests get the same page but no new mail. */
const RESET_MAILS_PER_HOUR = 3;

/** Tokens in links are 32 random bytes in base64url: exactly 43 characters. */
const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;
function isWellFormedToken(raw: unknown): raw is string {
  return typeof raw === 'string' && TOKEN_RE.test(raw);
}

// ------------------------------------------------------------------ users

async function findUserByEmail(db: DbOrTx, email: string): Promise<User | null> {
  const rows = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1);
  return rows[0] ?? null;
}

/** The whole user row, for the pages that need more than the session carries (the account, the second step). */
export async function findUserById(db: DbOrTx, id: string): Promise<User | null> {
  const rows = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return rows[0] ?? null;
}

/** The user with this e-mail address, made (without a password) when there is none yet. */
export async function findOrCreateUserByEmail(tx: DbOrTx, args: { email: string; name: string }): Promise<User> {
  const email = args.email.trim().toLowerCase();
  await tx.insert(users).values({ email, name: args.name.trim() }).onConflictDoNothing({ target: users.email });
  const user = await findUserByEmail(tx, email);
  if (!user) throw new Error('user not created');
  return user;
}

/** Platform admins always; chairs and secretaries of a council that asks for it. */
export async function isSecondFactorRequired(db: DbOrTx, user: Pick<User, 'id' | 'isPlatformAdmin'>): Promise<boolean> {
  if (user.isPlatformAdmin) return true;
  const [row] = await db
    .select({ n: count() })
    .from(memberships)
    .innerJoin(councils, eq(councils.id, memberships.councilId))
    .where(and(eq(memberships.userId, user.id), eq(memberships.active, true), inArray(memberships.role, [...boardRoles]), eq(councils.require2faForBoard, true)));
  return Number(row?.n ?? 0) > 0;
}

/** Where a user lands after logging in without a return address. */
export async function landingPath(db: DbOrTx, userId: string): Promise<string> {
  const rows = await db
    .select({ slug: councils.slug })
    .from(memberships)
    .innerJoin(councils, eq(councils.id, memberships.councilId))
    .where(and(eq(memberships.userId, userId), eq(memberships.active, true)))
    .orderBy(asc(councils.name))
    .limit(1);
  return rows[0] ? `/${rows[0].slug}/werkruimte` : '/account';
}

function withReturn(path: string, terug: string | null): string {
  return terug ? `${path}?terug=${encodeURIComponent(terug)}` : path;
}

// ------------------------------------------------------------------ login

export type LoginResult = { kind: 'ok'; sessionToken: string; next: string } | { kind: 'failed' } | { kind: 'throttled' };

export async function login(deps: Deps, args: { email: string; password: string; ip: string; terug: string | null }): Promise<LoginResult> {
  const { db } = deps;
  const email = args.email.toLowerCase();
  // Counted before it is evaluated, in one locked step: parallel guesses cannot pass the limit.
  const attempt = await reserveAttempt(db, email, args.ip);
  if (!attempt) return { kind: 'throttled' };
  const user = await findUserByEmail(db, email);
  const ok = await verifyPassword(user?.active ? user.passwordHash : null, args.password);
  if (!ok || !user) return { kind: 'failed' };
  await releaseAttempt(db, attempt);
  await clearFailures(db, email);
  const required = await isSecondFactorRequired(db, user);
  const pending = user.totpEnabled || required;
  const sessionToken = await db.transaction(async (tx) => {
    const token = await createSession(tx, user.id, pending);
    if (!pending) await audit(tx, { councilId: null, actorUserId: user.id, action: 'user.loggedIn', entity: 'user', entityId: user.id, data: { secondFactor: false } });
    return token;
  });
  let next: string;
  if (user.totpEnabled) next = withReturn('/inloggen/code', args.terug);
  else if (required) next = withReturn('/account/tweestapsverificatie', args.terug);
  else next = args.terug ?? (await landingPath(db, user.id));
  return { kind: 'ok', sessionToken, next };
}

export type CodeResult = { kind: 'ok'; next: string } | { kind: 'failed' } | { kind: 'throttled' };

const codeKey = (userId: string) => `totp:${userId}`;

/**
 * Second step of logging in, with a code from the app or a recovery code. Failed codes of
 * both kinds are counted per account, apart from passwords.
 */
export async function verifyLoginCode(deps: Deps, args: { user: User; sessionIdHash: string; code: string; ip: string; terug: string | null }): Promise<CodeResult> {
  const { db } = deps;
  const { user } = args;
  const attempt = await reserveAttempt(db, codeKey(user.id), args.ip);
  if (!attempt) return { kind: 'throttled' };
  const recovery = normaliseRecoveryCode(args.code);
  const secret = recovery ? null : openTotpSecret(deps.secretKey, user.totpSecret);
  const step = secret ? checkTotp(secret, args.code, user.totpLastStep) : null;
  const used =
    (recovery !== null || step !== null) &&
    (await db.transaction(async (tx) => {
      if (recovery) {
        if (!(await useRecoveryCode(tx, deps.secretKey, user.id, recovery))) return false;
      } else {
        // Only one request can move the last step forward, so a code works once.
        const updated = await tx
          .update(users)
          .set({ totpLastStep: step })
          .where(and(eq(users.id, user.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step!))))
          .returning({ id: users.id });
        if (updated.length === 0) return false;
      }
      await completeMfa(tx, args.sessionIdHash);
      await audit(tx, {
        councilId: null,
        actorUserId: user.id,
        action: 'user.loggedIn',
        entity: 'user',
        entityId: user.id,
        data: recovery ? { secondFactor: true, recoveryCode: true } : { secondFactor: true },
      });
      // The user hears of it, so a stolen code that was used does not go unnoticed.
      if (recovery) await queueRecoveryUsedMail(deps, tx, user, await unusedRecoveryCodes(tx, user.id));
      return true;
    }));
  if (!used) return { kind: 'failed' };
  await releaseAttempt(db, attempt);
  await clearFailures(db, codeKey(user.id));
  if (recovery) deps.mailer.kick();
  return { kind: 'ok', next: args.terug ?? (await landingPath(db, user.id)) };
}

async function queueRecoveryUsedMail(deps: Deps, tx: Tx, user: User, left: number): Promise<void> {
  const t = translator(user.locale);
  await deps.mailer.queue(tx, {
    to: user.email,
    subject: t('auth.mail.recoveryUsed.subject'),
    body: t('auth.mail.recoveryUsed.body', {
      name: user.name,
      left: left === 0 ? t('auth.mail.recoveryUsed.leftNone') : left === 1 ? t('auth.mail.recoveryUsed.leftOne') : t('auth.mail.recoveryUsed.left', { count: left }),
      link: `${deps.config.baseUrl}/account/tweestapsverificatie`,
    }),
  });
}

// ------------------------------------------------------------------ two-step verification

/** Turns TOTP on once the user typed a right code from their app. */
export async function enableTotp(
  deps: Deps,
  args: { user: User; secret: string; code: string; sessionIdHash: string; pending: boolean },
): Promise<{ kind: 'ok'; recoveryCodes: string[] } | { kind: 'wrongCode' } | { kind: 'alreadyOn' }> {
  const step = checkTotp(args.secret, args.code, null);
  if (step === null) return { kind: 'wrongCode' };
  const recoveryCodes = await deps.db.transaction(async (tx) => {
    // Only while it is off: a second form sent at the same time does not replace the first.
    const updated = await tx
      .update(users)
      .set({ totpSecret: sealTotpSecret(deps.secretKey, args.secret), totpEnabled: true, totpLastStep: step })
      .where(and(eq(users.id, args.user.id), eq(users.totpEnabled, false)))
      .returning({ id: users.id });
    if (updated.length === 0) return null;
    await audit(tx, { councilId: null, actorUserId: args.user.id, action: 'user.totpEnabled', entity: 'user', entityId: args.user.id });
    if (args.pending) {
      await completeMfa(tx, args.sessionIdHash);
      await audit(tx, {
        councilId: null,
        actorUserId: args.user.id,
        action: 'user.loggedIn',
        entity: 'user',
        entityId: args.user.id,
        data: { secondFactor: true },
      });
    }
    return replaceRecoveryCodes(tx, deps.secretKey, args.user.id);
  });
  return recoveryCodes ? { kind: 'ok', recoveryCodes } : { kind: 'alreadyOn' };
}

export async function disableTotp(deps: Deps, args: { user: User; password: string; ip: string }): Promise<{ kind: 'ok' } | { kind: 'required' } | { kind: 'wrongPassword' } | { kind: 'throttled' }> {
  const { db } = deps;
  if (await isSecondFactorRequired(db, args.user)) return { kind: 'required' };
  const check = await checkCurrentPassword(deps, args.user, args.password, args.ip);
  if (check !== 'ok') return { kind: check };
  await db.transaction(async (tx) => {
    await tx.update(users).set({ totpSecret: null, totpEnabled: false, totpLastStep: null }).where(eq(users.id, args.user.id));
    await deleteRecoveryCodes(tx, args.user.id);
    await audit(tx, { councilId: null, actorUserId: args.user.id, action: 'user.totpDisabled', entity: 'user', entityId: args.user.id });
  });
  return { kind: 'ok' };
}

/** New recovery codes in place of all old ones, after the password; shown to the user once. */
export async function regenerateRecoveryCodes(
  deps: Deps,
  args: { user: User; password: string; ip: string },
): Promise<{ kind: 'ok'; recoveryCodes: string[] } | { kind: 'notEnabled' } | { kind: 'wrongPassword' } | { kind: 'throttled' }> {
  if (!args.user.totpEnabled) return { kind: 'notEnabled' };
  const check = await checkCurrentPassword(deps, args.user, args.password, args.ip);
  if (check !== 'ok') return { kind: check };
  const recoveryCodes = await deps.db.transaction(async (tx) => {
    await audit(tx, { councilId: null, actorUserId: args.user.id, action: 'user.recoveryCodesReplaced', entity: 'user', entityId: args.user.id });
    return replaceRecoveryCodes(tx, deps.secretKey, args.user.id);
  });
  return { kind: 'ok', recoveryCodes };
}

async function checkCurrentPassword(deps: Deps, user: User, password: string, ip: string): Promise<'ok' | 'wrongPassword' | 'throttled'> {
  const attempt = await reserveAttempt(deps.db, user.email, ip);
  if (!attempt) return 'throttled';
  if (!(await verifyPassword(user.passwordHash, password))) return 'wrongPassword';
  await releaseAttempt(deps.db, attempt);
  return 'ok';
}

// ------------------------------------------------------------------ account

export async function changePassword(
  deps: Deps,
  args: { user: User; current: string; next: string; sessionIdHash: string; ip: string },
): Promise<{ kind: 'ok' } | { kind: 'wrongPassword' } | { kind: 'throttled' }> {
  const check = await checkCurrentPassword(deps, args.user, args.current, args.ip);
  if (check !== 'ok') return { kind: check };
  const passwordHash = await hashPassword(args.next);
  await deps.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(users.id, args.user.id));
    await invalidateOneTimeLinks(tx, args.user.id);
    await destroyOtherSessions(tx, args.user.id, args.sessionIdHash);
    await audit(tx, { councilId: null, actorUserId: args.user.id, action: 'user.passwordChanged', entity: 'user', entityId: args.user.id });
    await queuePasswordChangedMail(deps, tx, args.user);
  });
  deps.mailer.kick();
  return { kind: 'ok' };
}

export async function setPreferredLocale(deps: Deps, userId: string, locale: Locale): Promise<void> {
  await deps.db.update(users).set({ locale }).where(eq(users.id, userId));
}

async function queuePasswordChangedMail(deps: Deps, tx: Tx, user: User): Promise<void> {
  const t = translator(user.locale);
  await deps.mailer.queue(tx, {
    to: user.email,
    subject: t('auth.mail.passwordChanged.subject'),
    body: t('auth.mail.passwordChanged.body', { name: user.name, link: `${deps.config.baseUrl}/wachtwoord-vergeten` }),
  });
}

// ------------------------------------------------------------------ one-time tokens

async function issueToken(tx: DbOrTx, args: { userId: string; kind: 'invitation' | 'password_reset'; councilId: string | null; ttlMs: number }): Promise<string> {
  const raw = randomToken();
  await tx.insert(oneTimeTokens).values({
    tokenHash: sha256(raw),
    userId: args.userId,
    kind: args.kind,
    councilId: args.councilId,
    expiresAt: new Date(Date.now() + args.ttlMs),
  });
  return raw;
}

export type ValidToken = { user: User; councilId: string | null; tokenHash: string };

/** A token that is known, of this kind, not used and not expired; otherwise null. */
export async function findValidToken(db: DbOrTx, raw: unknown, kind: 'invitation' | 'password_reset'): Promise<ValidToken | null> {
  if (!isWellFormedToken(raw)) return null;
  const tokenHash = sha256(raw);
  const rows = await db
    .select({ token: oneTimeTokens, user: users })
    .from(oneTimeTokens)
    .innerJoin(users, eq(users.id, oneTimeTokens.userId))
    .where(and(eq(oneTimeTokens.tokenHash, tokenHash), eq(oneTimeTokens.kind, kind), isNull(oneTimeTokens.usedAt), gt(oneTimeTokens.expiresAt, new Date())))
    .limit(1);
  const row = rows[0];
  if (!row?.user.active) return null;
  // Also when marking it used was missed: a reset link older than the password is void.
  if (kind === 'password_reset' && row.user.passwordChangedAt && row.token.createdAt < row.user.passwordChangedAt) return null;
  return { user: row.user, councilId: row.token.councilId, tokenHash };
}

/**
 * A new password ends every link sent before it: other reset links and open invitations of the
 * account stop working (marked used), so a link in an old mail cannot set a password again.
 */
async function invalidateOneTimeLinks(tx: DbOrTx, userId: string): Promise<void> {
  await tx
    .update(oneTimeTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(oneTimeTokens.userId, userId), isNull(oneTimeTokens.usedAt)));
}

/** Marks a token used; false when another request used it first (or it just expired). */
async function consumeToken(tx: DbOrTx, tokenHash: string): Promise<boolean> {
  const rows = await tx
    .update(oneTimeTokens)
    .set({ usedAt: new Date() })
    .where(and(eq(oneTimeTokens.tokenHash, tokenHash), isNull(oneTimeTokens.usedAt), gt(oneTimeTokens.expiresAt, new Date())))
    .returning({ tokenHash: oneTimeTokens.tokenHash });
  return rows.length === 1;
}

// ------------------------------------------------------------------ password reset

/** Always ends the same way for the visitor; only an existing, active account gets a mail. */
export async function requestPasswordReset(deps: Deps, args: { email: string }): Promise<void> {
  const user = await findUserByEmail(deps.db, args.email);
  if (!user?.active) return;
  const queued = await deps.db.transaction(async (tx) => {
    const [recent] = await tx
      .select({ n: count() })
      .from(oneTimeTokens)
      .where(and(eq(oneTimeTokens.userId, user.id), eq(oneTimeTokens.kind, 'password_reset'), gt(oneTimeTokens.createdAt, sql`now() - interval '1 hour'`)));
    if (Number(recent?.n ?? 0) >= RESET_MAILS_PER_HOUR) return false;
    const raw = await issueToken(tx, { userId: user.id, kind: 'password_reset', councilId: null, ttlMs: RESET_TTL_MS });
    const t = translator(user.locale);
    await deps.mailer.queue(tx, {
      to: user.email,
      subject: t('auth.mail.reset.subject'),
      body: t('auth.mail.reset.body', { name: user.name, link: `${deps.config.baseUrl}/wachtwoord-herstellen/${raw}` }),
    });
    return true;
  });
  if (queued) deps.mailer.kick();
}

export async function resetPassword(deps: Deps, args: { token: string; password: string }): Promise<{ kind: 'ok' } | { kind: 'invalid' }> {
  const found = await findValidToken(deps.db, args.token, 'password_reset');
  if (!found) return { kind: 'invalid' };
  const passwordHash = await hashPassword(args.password);
  const ok = await deps.db.transaction(async (tx) => {
    if (!(await consumeToken(tx, found.tokenHash))) return false;
    const userId = found.user.id;
    await tx.update(users).set({ passwordHash, passwordChangedAt: new Date() }).where(eq(users.id, userId));
    await invalidateOneTimeLinks(tx, userId);
    await destroyOtherSessions(tx, userId, null);
    await audit(tx, { councilId: null, actorUserId: userId, action: 'user.passwordReset', entity: 'user', entityId: userId });
    await queuePasswordChangedMail(deps, tx, found.user);
    return true;
  });
  if (!ok) return { kind: 'invalid' };
  await clearFailures(deps.db, found.user.email);
  deps.mailer.kick();
  return { kind: 'ok' };
}

// ------------------------------------------------------------------ invitations

/**
 * Creates a single-use invitation (valid 7 days) and queues the mail in `tx`.
 * The caller calls deps.mailer.kick() after commit.
 */
export async function issueInvitation(
  deps: Deps,
  tx: Tx,
  args: { userId: string; email: string; name: string; councilId: string; councilName: string; invitedByName: string; locale: 'nl' | 'en' },
): Promise<void> {
  const raw = await issueToken(tx, { userId: args.userId, kind: 'invitation', councilId: args.councilId, ttlMs: INVITATION_TTL_MS });
  const t = translator(args.locale);
  await deps.mailer.queue(tx, {
    councilId: args.councilId,
    to: args.email.trim().toLowerCase(),
    subject: t('auth.mail.invitation.subject', { council: args.councilName }),
    body: t('auth.mail.invitation.body', {
      name: args.name,
      council: args.councilName,
      inviter: args.invitedByName,
      link: `${deps.config.baseUrl}/uitnodiging/${raw}`,
    }),
  });
}

export type InvitationView = { councilName: string; councilSlug: string | null; userName: string; email: string; hasAccount: boolean };

export async function describeInvitation(db: DbOrTx, raw: unknown): Promise<InvitationView | null> {
  const found = await findValidToken(db, raw, 'invitation');
  if (!found) return null;
  const council = found.councilId ? (await db.select({ name: councils.name, slug: councils.slug }).from(councils).where(eq(councils.id, found.councilId)).limit(1))[0] : undefined;
  return {
    councilName: council?.name ?? '',
    councilSlug: council?.slug ?? null,
    userName: found.user.name,
    email: found.user.email,
    hasAccount: Boolean(found.user.passwordHash),
  };
}

/** Rolls a transaction back with a result for the visitor. */
class Refused extends Error {
  constructor(readonly kind: 'invalid' | 'hasAccount') {
    super(kind);
  }
}

export type AcceptResult = { kind: 'ok'; sessionToken: string; next: string } | { kind: 'invalid' } | { kind: 'hasAccount' };

/** Sets the first password, uses the invitation and logs the user in. */
export async function acceptInvitation(deps: Deps, args: { token: string; password: string }): Promise<AcceptResult> {
  const found = await findValidToken(deps.db, args.token, 'invitation');
  if (!found) return { kind: 'invalid' };
  if (found.user.passwordHash) return { kind: 'hasAccount' };
  const user = found.user;
  const passwordHash = await hashPassword(args.password);
  const required = await isSecondFactorRequired(deps.db, user);
  const council = found.councilId ? (await deps.db.select({ slug: councils.slug }).from(councils).where(eq(councils.id, found.councilId)).limit(1))[0] : undefined;
  let sessionToken: string;
  try {
    sessionToken = await deps.db.transaction(async (tx) => {
      if (!(await consumeToken(tx, found.tokenHash))) throw new Refused('invalid');
      // Only when no password was set in the meantime (another invitation, a reset).
      const updated = await tx
        .update(users)
        .set({ passwordHash, passwordChangedAt: new Date() })
        .where(and(eq(users.id, user.id), isNull(users.passwordHash)))
        .returning({ id: users.id });
      if (updated.length === 0) throw new Refused('hasAccount');
      await audit(tx, { councilId: found.councilId, actorUserId: user.id, action: 'user.invitationAccepted', entity: 'user', entityId: user.id });
      const pending = required || user.totpEnabled;
      if (!pending) await audit(tx, { councilId: null, actorUserId: user.id, action: 'user.loggedIn', entity: 'user', entityId: user.id, data: { secondFactor: false } });
      return createSession(tx, user.id, pending);
    });
  } catch (err) {
    if (err instanceof Refused) return { kind: err.kind };
    throw err;
  }
  const target = council ? `/${council.slug}/werkruimte` : await landingPath(deps.db, user.id);
  if (user.totpEnabled) return { kind: 'ok', sessionToken, next: withReturn('/inloggen/code', target) };
  if (required) return { kind: 'ok', sessionToken, next: withReturn('/account/tweestapsverificatie', target) };
  return { kind: 'ok', sessionToken, next: target };
}
