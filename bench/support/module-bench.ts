/**
 * What the module parts of `npm run bench` share (campaigns, network, annual report): running one
 * measurement on a fresh PGlite and then on PostgreSQL, the app built in this process for
 * `app.inject`, timing a step as the median of its runs after a warm-up, and running a part alone
 * from the command line. Each part keeps its own seed and its own figures.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import '../../src/modules.ts';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/core/config.ts';
import { openDatabase, migrate, type Database } from '../../src/core/db/index.ts';

export const BENCH_SECRET_KEY = 'bench-secret-key-that-is-long-enough-0123456789';

/** The app as production runs it, without the worker and demo data, silent. */
export const BENCH_ENV = {
  NODE_ENV: 'production',
  LOG_LEVEL: 'silent',
  DEMO_DATA: 'false',
  RUN_WORKER: 'false',
  HOST: '127.0.0.1',
  PORT: '0',
  SECRET_KEY: BENCH_SECRET_KEY,
  BASE_URL: 'http://bench.example',
};

export type BenchOpts = { only?: string; postgres: () => Promise<{ url: string; label: string } | undefined> };
type App = Awaited<ReturnType<typeof buildApp>>;

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The rows of a raw `db.execute` result. */
export const rowsOf = (r: unknown) => (r as { rows: Record<string, string>[] }).rows;

/** The median of `n` timed runs in milliseconds, after `warmup` untimed ones (called with -1, -2, ...). */
export async function timeMedian(n: number, fn: (i: number) => Promise<void>, warmup: number): Promise<number> {
  for (let i = 0; i < Math.min(warmup, n); i++) await fn(-1 - i);
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

/** The app on `database` as production runs it (no worker, no demo data, silent), for `app.inject`; closed afterwards. */
export async function withBenchApp(database: Database, name: string, use: (app: App) => Promise<void>): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `raadwerk-bench-${name}-`));
  const config = loadConfig({ ...BENCH_ENV, DATA_DIR: dataDir });
  const app = await buildApp({ config, database, logger: false });
  await app.ready();
  try {
    await use(app);
  } finally {
    await app.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Prints the part's heading, then measures on a fresh, migrated PGlite and on PostgreSQL (unless
 * `only` says one of them); without a PostgreSQL server that half is skipped with a line saying so.
 */
export async function onBothDatabases(title: string, name: string, opts: BenchOpts, measure: (label: string, database: Database) => Promise<void>): Promise<void> {
  console.log(`\n== ${title}`);
  if (opts.only !== 'postgres') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `raadwerk-bench-${name}-db-`));
    const database = await openDatabase({ kind: 'pglite', dataDir: dir });
    try {
      await migrate(database);
      await measure('PGlite (embedded)', database);
    } finally {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  if (opts.only !== 'pglite') {
    const target = await opts.postgres();
    if (!target) {
      console.log(`(PostgreSQL ${title} skipped: no server)`);
      return;
    }
    const database = await openDatabase({ kind: 'postgres', url: target.url });
    try {
      await migrate(database);
      await measure(target.label, database);
    } finally {
      await database.close();
    }
  }
}

/** `node --import tsx bench/<part>.ts [pglite | postgres URL]`: runs the part alone when its file is the one started (run.ts is the usual way in). */
export async function runAlone(moduleUrl: string, bench: (opts: BenchOpts) => Promise<void>): Promise<void> {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(process.argv[1]).href) return;
  const arg = process.argv[2];
  const url = arg && arg !== 'pglite' ? arg : undefined;
  await bench({ only: url ? 'postgres' : 'pglite', postgres: async () => (url ? { url, label: 'PostgreSQL' } : undefined) });
}
