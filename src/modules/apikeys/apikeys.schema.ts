import { index, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { timestamptz, createdAt, cascadeRef, councilTable } from '../../core/db/columns.ts';
import { users } from '../../core/auth/auth.schema.ts';

export const apiTokenScopes = ['member', 'signals'] as const;
export type ApiTokenScope = (typeof apiTokenScopes)[number];

/** Keys of the JSON API, each of one organisation; only the hash is stored. */
export const apiTokens = councilTable(
  'api_tokens',
  {
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** The official on whose behalf the token acts (for an organisation's token: the board member who made it). */
    userId: cascadeRef('user_id', () => users.id),
    /** 'member': acts as its user; 'signals': an organisation's token that can only submit signals. */
    scope: text('scope', { enum: apiTokenScopes }).notNull().default('member'),
    createdAt: createdAt(),
    lastUsedAt: timestamptz('last_used_at'),
    revokedAt: timestamptz('revoked_at'),
  },
  (t) => [uniqueIndex('api_tokens_hash_unique').on(t.tokenHash), index('api_tokens_council_idx').on(t.councilId)],
);
