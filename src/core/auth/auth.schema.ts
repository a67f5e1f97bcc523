import { pgTable, uuid, text, boolean, integer, index, uniqueIndex, date } from 'drizzle-orm/pg-core';
import { cascadeRef, createdAt, id, keyedHits, timestamptz } from '../db/base-columns.ts';

/** How someone gets notices of work for them: a mail each, or one overview a day. */
export const noticeModes = ['each', 'digest'] as const;

export const users = pgTable(
  'users',
  {
    id: id(),
    /** Stored lower-case; unique across the installation. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    /** Encrypted with a key derived from SECRET_KEY (see totp.ts). */
    totpSecret: text('totp_secret'),
    /** The 30-second step of the last code used, so a code works only once. */
    totpLastStep: integer('totp_last_step'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    isPlatformAdmin: boolean('is_platform_admin').notNull().default(false),
    locale: text('locale', { enum: ['nl', 'en'] })
      .notNull()
      .default('nl'),
    noticeMode: text('notice_mode', { enum: noticeModes }).notNull().default('each'),
    /** Amsterdam day of the last daily overview, so it goes out once a day at most. */
    lastDigestOn: date('last_digest_on'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    passwordChangedAt: timestamptz('password_changed_at'),
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the cookie value; the raw value is never stored. */
    idHash: text('id_hash').primaryKey(),
    userId: cascadeRef('user_id', () => users.id),
    /** True until the second factor has been checked (or enrolled where it is required). */
    mfaPending: boolean('mfa_pending').notNull().default(false),
    csrfSecret: text('csrf_secret').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamptz('last_seen_at').notNull().defaultNow(),
    expiresAt: timestamptz('expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const oneTimeTokenKinds = ['invitation', 'password_reset'] as const;

export const oneTimeTokens = pgTable(
  'one_time_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: cascadeRef('user_id', () => users.id),
    kind: text('kind', { enum: oneTimeTokenKinds }).notNull(),
    /** The council an invitation was sent for, to land the user in its workspace. */
    councilId: uuid('council_id'),
    expiresAt: timestamptz('expires_at').notNull(),
    usedAt: timestamptz('used_at'),
    createdAt: createdAt(),
  },
  (t) => [index('one_time_tokens_user_idx').on(t.userId)],
);

/** Failed login attempts, for throttling across instances. Keyed by a hash, not the address. */
export const loginFailures = keyedHits('login_failures');

/**
 * Single-use recovery codes for when the phone with the code app is lost. Only an HMAC of
 * each code (keyed with SECRET_KEY, see recovery.ts) is stored, never the code itself.
 */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: id(),
    userId: cascadeRef('user_id', () => users.id),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamptz('used_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('recovery_codes_user_hash_unique').on(t.userId, t.codeHash)],
);

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
