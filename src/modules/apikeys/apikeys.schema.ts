import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { councils } from '../../core/organisations.schema.ts';
import { users } from '../../core/auth/auth.schema.ts';

export const apiTokenScopes = ['member', 'signals'] as const;
export type ApiTokenScope = (typeof apiTokenScopes)[number];

/** Keys of the JSON API, each of one organisation; only the hash is stored. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** The official on whose behalf the token acts (for an organisation's token: the board member who made it). */
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    /** 'member': acts as its user; 'signals': an organisation's token that can only submit signals. */
    scope: text('scope', { enum: apiTokenScopes }).notNull().default('member'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('api_tokens_hash_unique').on(t.tokenHash), index('api_tokens_council_idx').on(t.councilId)],
);
