import { pgTable, text, integer } from 'drizzle-orm/pg-core';
import { createdAt } from '../db/columns.ts';

/** Metadata of content-addressed files; the bytes live in the file store. */
export const files = pgTable('files', {
  hash: text('hash').primaryKey(),
  contentType: text('content_type').notNull(),
  size: integer('size').notNull(),
  createdAt: createdAt(),
});
