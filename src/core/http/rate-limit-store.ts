/**
 * A store for @fastify/rate-limit that counts in the database, so a limit holds across all
 * instances behind a load balancer (its own store counts per process). One statement per
 * request: insert the key's row or add one to it, returning the count, so parallel requests on
 * several instances can never both see the last free place. A window starts at a key's first
 * request, as in the plugin's own store. Used with PostgreSQL; PGlite serves one process and keeps
 * the plugin's own in-memory store.
 */
import { lt, sql } from 'drizzle-orm';
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Db } from '../db/index.ts';
import { rateLimitCounts } from './rate-limit.schema.ts';

type Result = { current: number; ttl: number };
type Callback = (err: Error | null, res?: Result) => void;
type RouteOptions = { routeInfo?: { method?: string; url?: string } };

/** The store class the plugin instantiates (`new Store(options)`), bound to this database. */
export function databaseRateLimitStore(db: Db): FastifyRateLimitStoreCtor {
  let lastCleanup = 0;
  const cleanup = () => {
    const now = Date.now();
    if (now - lastCleanup < 60_000) return;
    lastCleanup = now;
    void db
      .delete(rateLimitCounts)
      .where(lt(rateLimitCounts.expiresAt, new Date(now)))
      .catch(() => undefined);
  };

  class DatabaseRateLimitStore {
    constructor(
      _options?: unknown,
      private readonly prefix = 'rl:',
    ) {}

    incr(key: string, cb: Callback, timeWindow: number, _max?: number): void {
      const now = new Date();
      const until = new Date(now.getTime() + timeWindow);
      const t = rateLimitCounts;
      // A window starts at the key's first request; an expired one starts again at 1.
      const expired = sql`${t.expiresAt} <= ${now}`;
      db.insert(t)
        .values({ key: this.prefix + key, windowStart: now, count: 1, expiresAt: until })
        .onConflictDoUpdate({
          target: t.key,
          set: {
            count: sql`case when ${expired} then 1 else ${t.count} + 1 end`,
            windowStart: sql`case when ${expired} then ${now} else ${t.windowStart} end`,
            expiresAt: sql`case when ${expired} then ${until} else ${t.expiresAt} end`,
          },
        })
        .returning({ count: t.count, expiresAt: t.expiresAt })
        .then(([row]) => {
          cleanup();
          cb(null, { current: row?.count ?? 1, ttl: Math.max(0, (row?.expiresAt.getTime() ?? until.getTime()) - Date.now()) });
        })
        .catch((err: Error) => cb(err));
    }

    child(routeOptions: RouteOptions & object): DatabaseRateLimitStore {
      const route = routeOptions.routeInfo ?? {};
      return new DatabaseRateLimitStore(undefined, `${this.prefix}${route.method ?? ''}${route.url ?? ''}-`);
    }
  }
  return DatabaseRateLimitStore;
}
