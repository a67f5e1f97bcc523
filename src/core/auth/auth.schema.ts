import { pgTable, uuid, text, boolean, timestamp, integer, index, uniqueIndex, date } from 'drizzle-orm/pg-core';

/** How someone gets notices of work for them: a mail each, or one overview a day. */
export const noticeModes = ['each', 'digest'] as const;

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
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
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the cookie value; the raw value is never stored. */
    idHash: text('id_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** True until the second factor has been checked (or enrolled where it is required). */
    mfaPending: boolean('mfa_pending').notNull().default(false),
    csrfSecret: text('csrf_secret').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const oneTimeTokenKinds = ['invitation', 'password_reset'] as const;

export const oneTimeTokens = pgTable(
  'one_time_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: oneTimeTokenKinds }).notNull(),
    /** The council an invitation was sent for, to land the user in its workspace. */
    councilId: uuid('council_id'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('one_time_tokens_user_idx').on(t.userId)],
);

/** Failed login attempts, for throttling across instances. Keyed by a hash, not the address. */
export const loginFailures = pgTable(
  'login_failures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    keyHash: text('key_hash').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_failures_key_idx').on(t.keyHash, t.at)],
);

/**
 * Single-use recovery codes for when the phone with the code app is lost. Only an HMAC of
 * each code (keyed with SECRET_KEY, see recovery.ts) is stored, never the code itself.
 */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('recovery_codes_user_hash_unique').on(t.userId, t.codeHash)],
);

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
