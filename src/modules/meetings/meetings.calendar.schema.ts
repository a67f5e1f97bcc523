import { text, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { timestamptz, createdAt, cascadeRef, councilTable } from '../../core/db/columns.ts';
import { memberships } from '../../core/organisations.schema.ts';

/**
 * A member's private calendar feed link. Only the sha256 of the secret is stored; the secret is
 * shown once. Revoked links stay for the audit trail and answer 404.
 */
export const calendarTokens = councilTable(
  'calendar_tokens',
  {
    membershipId: cascadeRef('membership_id', () => memberships.id),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamptz('last_used_at'),
    revokedAt: timestamptz('revoked_at'),
  },
  (t) => [uniqueIndex('calendar_tokens_hash_unique').on(t.tokenHash), index('calendar_tokens_membership_idx').on(t.membershipId)],
);
export type CalendarToken = typeof calendarTokens.$inferSelect;
