import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { timestamptz } from '../db/base-columns.ts';

/**
 * Request counts per client and route, shared by every instance on one PostgreSQL database
 * (core/http/rate-limit-store.ts): a window starts at a key's first request and lasts the
 * route's time window, as in the plugin's own store. Expired rows are removed.
 */
export const rateLimitCounts = pgTable('rate_limit_counts', {
  key: text('key').primaryKey(),
  windowStart: timestamptz('window_start').notNull(),
  count: integer('count').notNull().default(1),
  expiresAt: timestamptz('expires_at').notNull(),
});
