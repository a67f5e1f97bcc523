import { pgTable, text, jsonb, index } from 'drizzle-orm/pg-core';
import { cascadeRef, councilRef, id, timestamptz, createdAt } from '../db/columns.ts';
import { users } from '../auth/auth.schema.ts';

/**
 * Work that waits for someone (an advice for their working group, a vote, an agenda, an
 * action point). Stored as a message key with parameters, so the mail is written in the
 * receiver's language when it goes out, one by one or as the daily overview.
 */
export const notices = pgTable(
  'notices',
  {
    id: id(),
    userId: cascadeRef('user_id', () => users.id),
    councilId: councilRef(),
    /** Stable name of the kind of notice, e.g. `advice.assigned`. */
    kind: text('kind').notNull(),
    /** Catalogue key of the one-line text, and its parameters. */
    textKey: text('text_key').notNull(),
    params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
    /** Path on this site (`/raad/werkruimte/...`); the mail makes it a full link. */
    path: text('path').notNull(),
    createdAt: createdAt(),
    sentAt: timestamptz('sent_at'),
  },
  (t) => [index('notices_unsent_idx').on(t.userId, t.sentAt)],
);
