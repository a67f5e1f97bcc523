import { pgTable, text, integer, timestamp } from 'drizzle-orm/pg-core';

/** Metadata of content-addressed files; the bytes live in the file store. */
export const files = pgTable('files', {
  hash: text('hash').primaryKey(),
  contentType: text('content_type').notNull(),
  size: integer('size').notNull(),
  createdAt: createdAt(),
});
