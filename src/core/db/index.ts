import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// The drivers and migrators (drizzle-orm/pglite, drizzle-orm/node-postgres with pg) are imported
// when a database of their kind is opened: a start loads only the one it uses.
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import * as schema from './schema.ts';
import { acquireDataDirLock, type DataDirLock } from './lock.ts';
import { namePgStatements } from './pg-names.ts';
import { buildQueriesFast } from './to-query.ts';

export { executeNamed, namedStatementCount, type ExecuteResult } from './named.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle has the same query API as the database itself. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /**
   * Run a callback for every NOTIFY on a channel (cache invalidation across instances), and once
   * with RECONNECTED after the connection to the server was lost and came back.
   */
  listen(channel: string, onMessage: (payload: string) => void): Promise<void>;
  notify(channel: string, payload: string): Promise<void>;
  close(): Promise<void>;
};

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../migrations');

/** Called with every statement's text before it runs: counting queries per request when profiling. */
type OnQuery = (query: string) => void;

export type OpenOptions = (
  | { kind: 'postgres'; url: string; poolSize?: number }
  /** dataDir undefined = in memory (tests); loadDataDir = start from a dump (tests). */
  /** thread: PGlite in a worker thread (default; false keeps it on the main thread: config's PGLITE_THREAD=0). */
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob; lock?: boolean; thread?: boolean }
) & { onQuery?: OnQuery };

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.kind === 'postgres') return openPostgres(opts.url, opts.poolSize ?? 10, opts.onQuery);
  return openPglite(opts);
}

/** The test suite builds every query with drizzle too and fails where the two differ (to-query.ts). */
const CHECK_QUERIES = process.env.NODE_ENV === 'test';

const queryLogger = (onQuery: OnQuery | undefined) => (onQuery ? { logger: { logQuery: (query: string) => onQuery(query) } } : {});

/** Reconnecting after the server went away: first after 250 ms, then twice as long each time, at most 5 s. */
const RECONNECT_FIRST_MS = 250;
const RECONNECT_MAX_MS = 5_000;

/** What `listen` callbacks get once after a reconnect: notifications may have been missed meanwhile. */
const RECONNECTED = '';

async function openPostgres(url: string, poolSize: number, onQuery?: OnQuery): Promise<Database> {
  const [pg, { drizzle: drizzlePg }] = await Promise.all([import('pg').then((m) => m.default), import('drizzle-orm/node-postgres')]);
  // A checkout that cannot connect fails within 5 s (a friendly 503), instead of waiting for the TCP timeout.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5_000, keepAlive: true });
  // An idle client whose connection ends (the server restarted, pg_terminate_backend) emits
  // 'error' on the pool; unhandled, that would end the process. The pool drops that client and
  // the next query opens a new connection.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    namePgStatements(client);
    oneQueryAtATime(client);
  });
  // Fail early with a clear message when the server is not there.
  const client = await pool.connect();
  client.release();
  const db = drizzlePg(pool, { schema, ...queryLogger(onQuery) }) as unknown as Db;
  buildQueriesFast(db, CHECK_QUERIES);
  pools.set(db, pool);

  // One LISTEN connection for every channel; when it is lost it comes back with backoff,
  // listens again and tells each callback once (RECONNECTED), since notifications were missed.
  const channels = new Map<string, ((payload: string) => void)[]>();
  let listener: InstanceType<typeof pg.Client> | null = null;
  let reconnecting = false;
  let closed = false;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms).unref());
  const connectListener = async () => {
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000, keepAlive: true });
    oneQueryAtATime(c);
    c.on('error', () => lost(c));
    c.on('end', () => lost(c));
    c.on('notification', (m) => {
      for (const cb of channels.get(m.channel) ?? []) cb(m.payload ?? '');
    });
    try {
      await c.connect();
      for (const channel of channels.keys()) await c.query(`LISTEN ${quoteIdent(channel)}`);
    } catch (err) {
      c.end().catch(() => undefined);
      throw err;
    }
    listener = c;
  };
  const lost = (c: InstanceType<typeof pg.Client>) => {
    if (closed || c !== listener) return;
    listener = null;
    c.end().catch(() => undefined);
    void reconnect();
  };
  const reconnect = async () => {
    if (reconnecting) return;
    reconnecting = true;
    for (let wait = RECONNECT_FIRST_MS; !closed; wait = Math.min(wait * 2, RECONNECT_MAX_MS)) {
      await sleep(wait);
      if (closed) break;
      try {
        await connectListener();
        for (const cbs of channels.values()) for (const cb of cbs) cb(RECONNECTED);
        break;
      } catch {
        /* still gone: try again later */
      }
    }
    reconnecting = false;
  };
  return {
    db,
    kind: 'postgres',
    async listen(channel, onMessage) {
      const known = channels.get(channel);
      channels.set(channel, [...(known ?? []), onMessage]);
      if (listener && !known) await listener.query(`LISTEN ${quoteIdent(channel)}`);
      else if (!listener && !reconnecting) await connectListener();
    },
    async notify(channel, payload) {
      await pool.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    async close() {
      closed = true;
      await listener?.end().catch(() => undefined);
      await pool.end();
    },
  };
}

async function openPglite(opts: { dataDir?: string; loadDataDir?: Blob; lock?: boolean; thread?: boolean; onQuery?: OnQuery }): Promise<Database> {
  const thread = opts.thread ?? true;
  const [{ drizzle: drizzlePglite }, { PgliteThread }] = await Promise.all([import('drizzle-orm/pglite'), import('./pglite-thread.ts')]);
  let lock: DataDirLock | undefined;
  let dataDir: string | undefined;
  if (opts.dataDir) {
    fs.mkdirSync(opts.dataDir, { recursive: true });
    if (opts.lock !== false) lock = acquireDataDirLock(opts.dataDir);
    dataDir = path.join(opts.dataDir, 'pgdata');
  }
  let client: { close(): Promise<void> };
  try {
    if (thread) client = await PgliteThread.open({ dataDir, loadDataDir: opts.loadDataDir });
    else {
      const { PGlite } = await import('@electric-sql/pglite');
      const pglite = await PGlite.create({ dataDir, loadDataDir: opts.loadDataDir });
      takeTurns(pglite as unknown as Record<TurnMethod, (...args: unknown[]) => Promise<unknown>>);
      client = pglite;
    }
  } catch (err) {
    lock?.release();
    throw err;
  }
  const db = drizzlePglite(client as never, { schema, ...queryLogger(opts.onQuery) }) as unknown as Db;
  buildQueriesFast(db, CHECK_QUERIES);
  // One process owns a PGlite data directory (the lock above), so every listener is in this
  // process: telling them directly spares each POST a turn behind PGlite's single query lock.
  const listeners = new Map<string, Set<(payload: string) => void>>();
  return {
    db,
    kind: 'pglite',
    async listen(channel, onMessage) {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set.add(onMessage));
    },
    async notify(channel, payload) {
      for (const onMessage of listeners.get(channel) ?? []) queueMicrotask(() => onMessage(payload));
    },
    async close() {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

type TurnMethod = 'query' | 'exec' | 'transaction';

/**
 * Only for PGlite on the main thread (PGLITE_THREAD=0). In its worker thread every result comes
 * back as a message, a turn of its own, so turns stay short without this.
 *
 * PGlite runs every statement synchronously on this thread, and its lock hands over from one
 * waiting caller to the next within the same turn of the event loop. Under load one turn then
 * served every waiting request in full (hundreds of ms), while Node (libuv 1.45 and later)
 * accepts one new connection per turn: the k-th new connection waited k such turns, seconds
 * (decision 0031, session 7). Here each call (a statement, or a whole transaction) starts in a
 * turn of its own, in arrival order, so new connections and requests are taken in between.
 */
function takeTurns(client: Record<TurnMethod, (...args: unknown[]) => Promise<unknown>>): void {
  const waiting: (() => void)[] = [];
  let busy = false;
  const handOver = () => {
    const next = waiting.shift();
    if (next) next();
    else busy = false;
  };
  for (const name of ['query', 'exec', 'transaction'] as const) {
    const original = client[name].bind(client);
    client[name] = async (...args: unknown[]) => {
      if (busy) await new Promise<void>((resolve) => waiting.push(resolve));
      busy = true;
      try {
        return await original(...args);
      } finally {
        setImmediate(handOver);
      }
    };
  }
}

/**
 * A connection runs one query at a time. pg queues a second one itself but warns that this goes
 * away in pg 9 ("Calling client.query() when the client is already executing a query"): a
 * transaction whose statements are started together (Promise.all over `tx`, as the demo's
 * annual report figures do through gatherFigures) or two LISTENs at once. Here such calls wait
 * for the one before, in order; a query on an idle connection goes straight on. Callback and
 * cursor calls (the pool's own `pool.query`) are left as they are.
 */
function oneQueryAtATime(client: { query: (...args: never[]) => unknown }): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  let busy = 0;
  let last: Promise<unknown> = Promise.resolve();
  client.query = ((...args: unknown[]) => {
    const first = args[0] as { submit?: unknown } | undefined;
    if (typeof args[args.length - 1] === 'function' || typeof first?.submit === 'function') return query(...args);
    const run = busy === 0 ? (query(...args) as Promise<unknown>) : last.then(() => query(...args));
    busy++;
    last = run.then(
      () => busy--,
      () => busy--,
    );
    return run;
  }) as never;
}

/** The rows of `db.execute`: node-postgres answers a result with `rows`, PGlite's drizzle the rows themselves. */
export function rowsOf<T>(res: unknown): T[] {
  return Array.isArray(res) ? (res as T[]) : ((res as { rows?: T[] }).rows ?? []);
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The pool behind each PostgreSQL database, for work that needs one connection of its own (migrate). */
const pools = new WeakMap<Db, import('pg').Pool>();

/** The session advisory lock every migrator on one PostgreSQL database takes (an arbitrary, fixed key pair). */
const MIGRATE_LOCK = [17015, 1] as const;

/**
 * Applies the migrations that are not applied yet. On PostgreSQL several instances may start at
 * once: each takes one advisory lock on its own connection first, so one migrates while the others
 * wait, and then find nothing left to do. PGlite needs no lock: its data directory belongs to one
 * process (lock.ts refuses a second), so only one migrator can ever reach it.
 */
export async function migrate(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    const { migrate: migratePglite } = await import('drizzle-orm/pglite/migrator');
    await migratePglite(database.db as never, { migrationsFolder });
    return;
  }
  const pool = pools.get(database.db);
  if (!pool) throw new Error('migrate: not a database opened with openDatabase');
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('select pg_advisory_lock($1, $2)', [...MIGRATE_LOCK]);
    try {
      const [{ drizzle: drizzlePg }, { migrate: migratePg }] = await Promise.all([import('drizzle-orm/node-postgres'), import('drizzle-orm/node-postgres/migrator')]);
      await migratePg(drizzlePg(client, { schema }) as never, { migrationsFolder });
    } finally {
      // A connection whose unlock failed must not go back to the pool still holding the lock.
      await client.query('select pg_advisory_unlock($1, $2)', [...MIGRATE_LOCK]).catch(() => {
        broken = true;
      });
    }
  } catch (err) {
    broken = true;
    throw err;
  } finally {
    client.release(broken);
  }
}

/**
 * PGlite has no autovacuum, so its planner statistics go stale and full-text search can fall
 * back to slow plans. Refresh them at start and from the hourly clean-up; PostgreSQL does
 * this by itself. One table per statement: a single ANALYZE of a large database took 3-5 s
 * (100,000 signals), during which PGlite answers nothing else; between tables, waiting requests
 * go first.
 *
 * Without autovacuum, nothing empties the pending lists of the GIN indexes (the full-text
 * indexes) either: new rows wait there, unsorted, until the list passes 4 MB, and every search
 * reads the whole list. On the bench's register (2,000 advices, 10,000 recommendations) a lookup
 * of one word in the recommendations took 2.6 ms with the list as seeded and 0.7-0.9 ms after
 * `gin_clean_pending_list` (decision 0031, session 12). So each table's GIN indexes are emptied
 * after its ANALYZE, one index per statement.
 *
 * A table is analysed again only when it grew by more than a tenth since its last ANALYZE (its
 * pages now against `relpages`, which ANALYZE sets), or was never analysed: autovacuum's rule
 * (`autovacuum_analyze_scale_factor` 0.1), by pages because PGlite counts no row changes
 * (`pg_stat_user_tables` stays at zero). ANALYZE holds PGlite's one lock: for 100,000 signals
 * 1.06 s, at every start and every hour, while requests waited (decision 0031, session 15).
 */
export async function refreshStatistics(database: Database): Promise<void> {
  if (database.kind !== 'pglite') return;
  const res = await database.db.execute(sql`
    select n.nspname as s, c.relname as t, c.reltuples < 0 or pg_relation_size(c.oid) / 8192 > c.relpages * 1.1 as stale
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema') order by 1, 2`);
  const tables = rowsOf<{ s: string; t: string; stale: boolean }>(res);
  const gin = rowsOf<{ s: string; t: string; i: string }>(
    await database.db.execute(sql`
      select n.nspname as s, t.relname as t, i.oid::regclass::text as i
      from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
        join pg_namespace n on n.oid = t.relnamespace join pg_am a on a.oid = i.relam
      where a.amname = 'gin'`),
  );
  for (const { s, t, stale } of tables) {
    if (stale) await database.db.execute(sql.raw(`analyze ${quoteIdent(s)}.${quoteIdent(t)}`));
    for (const { i } of gin.filter((g) => g.s === s && g.t === t)) await database.db.execute(sql`select gin_clean_pending_list(${i}::regclass)`);
  }
  refreshed.add(database.db);
}

/** Databases whose statistics this process refreshed (by their Db: main.ts wraps the Database object). */
const refreshed = new WeakSet<Db>();

/** For /readyz: PostgreSQL keeps its own statistics; PGlite's are fresh once this process refreshed them. */
export function statisticsFresh(database: Database): boolean {
  return database.kind !== 'pglite' || refreshed.has(database.db);
}
