import { pgTable, text, index } from 'drizzle-orm/pg-core';
import { at, councilRef, id } from './db/columns.ts';

/**
 * Posts of the public forms per organisation, for the hourly budget (public-budget.ts). A post
 * beyond the budget is held here, sealed (it holds a resident's words and address), until the
 * board lets it through or removes it.
 */
export const publicFormPosts = pgTable(
  'public_form_posts',
  {
    id: id(),
    councilId: councilRef(),
    form: text('form', { enum: ['contact', 'signal'] }).notNull(),
    at: at(),
    heldSealed: text('held_sealed'),
  },
  (t) => [index('public_form_posts_council_idx').on(t.councilId, t.form, t.at)],
);
