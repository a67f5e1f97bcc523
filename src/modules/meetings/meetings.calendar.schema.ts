import { pgTable, uuid, text, timestamp, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { councils } from '../../core/organisations.schema.ts';
import { memberships } from '../../core/organisations.schema.ts';

/**
 * A member's private calendar feed link. Only the sha256 of the secret is stored; the secret is
 * shown once. Revoked links stay for the audit trail and answer 404.
 */
export const calendarTokens = pgTable(
  'calendar_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id, { onDelete: 'cascade' }),
    membershipId: uuid('membership_id').notNull().references(() => memberships.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('calendar_tokens_hash_unique').on(t.tokenHash), index('calendar_tokens_membership_idx').on(t.membershipId)],
);
export type CalendarToken = typeof calendarTokens.$inferSelect;
