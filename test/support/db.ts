/**
 * Fresh, migrated databases for tests.
 *
 * TEST_DB=pglite (default): every test database starts from the migrated template
 * (src/core/db/template.ts), made once per set of migrations.
 * TEST_DB=postgres (needs TEST_DATABASE_URL): migrate a template database once, then give
 * every test database its own `CREATE DATABASE ... TEMPLATE`; close() drops it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import pg from 'pg';
// Installs every module (messages, policy) for tests that call services without the app.
import '../../src/modules.ts';
import { openDatabase, migrate, type Database } from '../../src/core/db/index.ts';
import { migratedTemplate, migrationsHash } from '../../src/core/db/template.ts';
import { loadConfig, type Config } from '../../src/core/config.ts';

export type TestDbKind = 'pglite' | 'postgres';

export function testDbKind(): TestDbKind {
  const kind = (process.env.TEST_DB ?? 'pglite').toLowerCase();
  if (kind !== 'pglite' && kind !== 'postgres') {
    throw new Error(`TEST_DB must be "pglite" or "postgres", not "${process.env.TEST_DB}"`);
  }
  return kind;
}

// ---------------------------------------------------------------- PGlite

let pgliteDump: Promise<Blob> | undefined;

function pgliteTemplate(): Promise<Blob> {
  pgliteDump ??= migratedTemplate();
  pgliteDump.catch(() => (pgliteDump = undefined));
  return pgliteDump;
}

// ---------------------------------------------------------------- PostgreSQL

function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      'TEST_DB=postgres needs TEST_DATABASE_URL (postgres://user:pass@host:port/db, a user that may create ' +
        'databases). `npm test` starts a throwaway server itself; or run: source test/support/pg.sh; start_test_postgres',
    );
  }
  return url;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testDatabaseUrl(), application_name: 'raadwerk-test-admin' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

let templateReady: Promise<string> | undefined;

/** Creates (once per server and migrations hash) the migrated template database; returns its name. */
function postgresTemplate(): Promise<string> {
  templateReady ??= withAdmin(async (admin) => {
    const name = `raadwerk_tpl_${migrationsHash()}`;
    // One test process at a time builds the template; the others wait here, then find it ready.
    await admin.query('SELECT pg_advisory_lock($1)', [0x5261_6164]);
    try {
      const found = await admin.query<{ datistemplate: boolean }>('SELECT datistemplate FROM pg_database WHERE datname = $1', [name]);
      if (found.rows[0]?.datistemplate) return name;
      // Not there, or left half-built by a crashed run (only finished ones are marked as template).
      if (found.rows.length) await admin.query(`DROP DATABASE ${ident(name)} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${ident(name)}`);
      const database = await openDatabase({ kind: 'postgres', url: withDatabase(testDatabaseUrl(), name), poolSize: 1 });
      try {
        await migrate(database);
      } finally {
        await database.close();
      }
      await admin.query(`ALTER DATABASE ${ident(name)} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
      return name;
    } finally {
      await admin.query('SELECT pg_advisory_unlock($1)', [0x5261_6164]).catch(() => undefined);
    }
  });
  templateReady.catch(() => (templateReady = undefined));
  return templateReady;
}

async function createPostgresDatabase(): Promise<Database> {
  const template = await postgresTemplate();
  const name = `raadwerk_t_${process.pid}_${crypto.randomBytes(5).toString('hex')}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${ident(name)} TEMPLATE ${ident(template)}`));
  let database: Database;
  try {
    database = await openDatabase({ kind: 'postgres', url: withDatabase(testDatabaseUrl(), name), poolSize: 5 });
  } catch (err) {
    await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`)).catch(() => undefined);
    throw err;
  }
  const close = database.close.bind(database);
  let closed: Promise<void> | undefined;
  return Object.assign(database, {
    close() {
      closed ??= (async () => {
        await close().catch(() => undefined);
        // A plain DROP waits (up to 5 s) for sessions that are still ending. It fails only when
        // a connection is still open after close(): a leak in the code under test. Then the
        // database stays (the test server is disposable) rather than killing a live session
        // under the test's feet.
        await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${ident(name)}`)).catch((err: Error) => {
          console.error(`[test/support/db] could not drop test database ${name} after close(): ${err.message}`);
        });
      })();
      return closed;
    },
  });
}

// ---------------------------------------------------------------- public API

/** Builds the migrated template for the current TEST_DB ahead of time (test/run.sh calls this once). */
export async function prepareTestTemplate(): Promise<void> {
  if (testDbKind() === 'postgres') await postgresTemplate();
  else await pgliteTemplate();
}

const unclosed = new Set<Database>();

/** A fresh database with every migration applied, private to the caller. Close it when done. */
export async function createTestDatabase(): Promise<Database> {
  const database = testDbKind() === 'postgres' ? await createPostgresDatabase() : await openDatabase({ kind: 'pglite', loadDataDir: await pgliteTemplate() });
  unclosed.add(database);
  const close = database.close.bind(database);
  return Object.assign(database, {
    close() {
      unclosed.delete(database);
      return close();
    },
  });
}

// Leak guard for test files run by `node --test`: when every test of the file has finished but
// something left open (a database pool or LISTEN connection, a server, a browser, a timer)
// keeps the process alive, say so and exit instead of hanging the whole run. The timer is
// unref'ed, so it never delays a process that ends normally.
if (process.env.NODE_TEST_CONTEXT) {
  after(() => {
    setTimeout(() => {
      const file = path.relative(process.cwd(), process.argv[1] ?? '?');
      console.error(
        `\n[test/support/db] ${file}: all tests finished, but open handles kept the process running ` +
          `(${unclosed.size} test database(s) not closed; also check apps, servers, browsers, timers). Exiting.`,
      );
      process.exit();
    }, 10_000).unref();
  });
}

const tempDirs: string[] = [];
process.once('exit', () => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * A Config for tests, from loadConfig() with test defaults; `overrides` are environment
 * variables (the names in .env.example), e.g. testConfig({ SMTP_URL: smtp.url }).
 * DATA_DIR is a temporary directory removed when the process ends.
 */
export function testConfig(overrides: Record<string, string | undefined> = {}): Config {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'raadwerk-test-data-'));
  tempDirs.push(dataDir);
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'false',
    RUN_WORKER: 'false',
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    SECRET_KEY: 'test-secret-key-that-is-long-enough-0123456789',
    ...overrides,
  });
}

/**
 * Runs `run` and counts the statements it sends through `db` (every select, read together or
 * alone, named or not): both of drizzle's paths and core/db's EXECUTE on PGlite log each one.
 */
export async function statementsOf<T>(db: unknown, run: () => Promise<T>): Promise<[T, number]> {
  type Logger = { logQuery(query: string, params: unknown[]): void };
  const session = (db as { session: { logger: Logger } }).session;
  const logger = session.logger;
  let n = 0;
  session.logger = {
    logQuery(query, params) {
      n++;
      logger.logQuery(query, params);
    },
  };
  try {
    return [await run(), n];
  } finally {
    session.logger = logger;
  }
}
