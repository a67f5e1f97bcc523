import { pgTable, text, index } from 'drizzle-orm/pg-core';
import { timestamptz } from '../db/columns.ts';

/**
 * What a visitor had typed when they switched language without JavaScript (form-drafts.ts):
 * sealed, for one page, for a quarter of an hour, read back once.
 */
export const formDrafts = pgTable(
  'form_drafts',
  {
    /** sha256 of the random id in the visitor's `rw_concept` cookie. */
    idHash: text('id_hash').primaryKey(),
    path: text('path').notNull(),
    sealed: text('sealed').notNull(),
    expiresAt: timestamptz('expires_at').notNull(),
  },
  (t) => [index('form_drafts_expires_idx').on(t.expiresAt)],
);
