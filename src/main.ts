import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, ConfigError } from './core/config.ts';
import type { Database } from './core/db/index.ts';

/** Every step's seconds, printed with RAADWERK_START_TIMES=1 (bench/startup.ts reads them). */
const times: [string, number][] = [];

/**
 * Runs one start-up step and says how long it took when that was over a second (a first start
 * creates the database and loads the demo data). Long synchronous work (PGlite on this thread
 * with PGLITE_THREAD=0, opening it) holds timers back, so a line printed by a timer could come
 * only afterwards: steps known to be slow say what they do up front.
 */
async function step<T>(label: string, fn: () => Promise<T>, opts: { announce?: boolean } = {}): Promise<T> {
  const t0 = performance.now();
  if (opts.announce) console.log(`${label} …`);
  const timer = opts.announce ? undefined : setTimeout(() => console.log(`${label} …`), 1000);
  const value = await fn().finally(() => clearTimeout(timer));
  const seconds = (performance.now() - t0) / 1000;
  times.push([label, seconds]);
  if (seconds >= 1) console.log(`${label}: klaar in ${seconds.toFixed(1)} s`);
  return value;
}

/**
 * A new embedded database: a copy of the migrated template that `npm install` made (a file copy,
 * far faster than creating one), else loaded from the template's tar, else created from scratch.
 * The data directory's lock is taken first, so a second process can never copy or remove here.
 */
async function openFresh(dataDir: string, thread: boolean): Promise<Database> {
  const [{ openDatabase }, { copyTemplateDataDir, existingTemplate }, { acquireDataDirLock }] = await Promise.all([
    import('./core/db/index.ts'),
    import('./core/db/template.ts'),
    import('./core/db/lock.ts'),
  ]);
  fs.mkdirSync(dataDir, { recursive: true });
  const lock = acquireDataDirLock(dataDir);
  const pgdata = path.join(dataDir, 'pgdata');
  const open = async () => {
    const fallBack = (err: unknown) => {
      console.warn(`Het databasesjabloon werkt niet (${(err as Error).message}); de database wordt nieuw gemaakt.`);
      fs.rmSync(pgdata, { recursive: true, force: true });
    };
    // Another process may have made it between the check in main() and the lock.
    if (fs.existsSync(path.join(pgdata, 'PG_VERSION'))) return openDatabase({ kind: 'pglite', dataDir, lock: false, thread });
    try {
      if (copyTemplateDataDir(pgdata)) return await openDatabase({ kind: 'pglite', dataDir, lock: false, thread });
    } catch (err) {
      fallBack(err);
    }
    const template = existingTemplate();
    if (template) {
      try {
        return await openDatabase({ kind: 'pglite', dataDir, loadDataDir: template, lock: false, thread });
      } catch (err) {
        fallBack(err);
      }
    }
    return openDatabase({ kind: 'pglite', dataDir, lock: false, thread });
  };
  try {
    const database = await open();
    return { ...database, close: () => database.close().finally(() => lock.release()) };
  } catch (err) {
    lock.release();
    throw err;
  }
}

/** How long after listening the planner statistics are refreshed. */
const STATISTICS_AFTER_MS = 10_000;
/** Printed once the first refresh of the embedded database's statistics is done. */
const STATISTICS_REFRESHED = 'Statistieken van de ingebouwde database bijgewerkt.';

/** True when no organisation exists yet (a first start: the demo is loaded then). */
async function isEmpty(database: Database): Promise<boolean> {
  const { councils } = await import('./core/organisations.schema.ts');
  return (await database.db.select({ id: councils.id }).from(councils).limit(1)).length === 0;
}

/** Start: config -> database (open, lock, migrate, first-run demo) -> server + worker. */
async function main() {
  // Loading Node, the start script and this file (with tsx: compiling it) came before this line.
  times.push(['Node en main laden', performance.now() / 1000]);
  const config = loadConfig();
  // The start has begun: a first start takes some seconds before the next line.
  console.log('Raadwerk start …');
  const [{ openDatabase, migrate, refreshStatistics }, { DataDirLockedError }] = await step('Databasecode laden', () => Promise.all([import('./core/db/index.ts'), import('./core/db/lock.ts')]));
  let database: Database;
  try {
    // A first start copies the database prepared by `npm install` (or makes one: seconds more).
    const fresh = !config.databaseUrl && !fs.existsSync(path.join(config.dataDir, 'pgdata', 'PG_VERSION'));
    database = config.databaseUrl
      ? await step('Database openen', () => openDatabase({ kind: 'postgres', url: config.databaseUrl! }))
      : fresh
        ? await step(`Nieuwe database maken in ${config.dataDir}`, () => openFresh(config.dataDir, config.pgliteThread), { announce: true })
        : await step('Database openen', () => openDatabase({ kind: 'pglite', dataDir: config.dataDir, thread: config.pgliteThread }));
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(err.message);
      process.exit(1);
    }
    console.error(`De database kon niet worden geopend: ${(err as Error).message}`);
    process.exit(1);
  }
  await step('Database bijwerken', () => migrate(database));
  const [{ buildApp }, { drainAndClose }, { startWorker }] = await step('Onderdelen laden', () => Promise.all([import('./app.ts'), import('./core/http/shutdown.ts'), import('./worker.ts')]));
  const app = await step('App opbouwen', () => buildApp({ config, database }));
  // Seeded with the app's own key and file store, so sealed demo data opens and demo files download.
  // The demo code (and its PDF library) is loaded only when the database is still empty.
  const demo =
    config.demoData && (await isEmpty(database))
      ? await step('Demo-gegevens laden', async () => {
          const { seedDemoIfEmpty } = await import('../seeds/demo.ts');
          return seedDemoIfEmpty(database, app.deps);
        })
      : null;
  const worker = config.runWorker ? startWorker(app.deps, app.log) : null;

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    // Stops accepting, finishes every request in flight (answering with Connection: close), then closes.
    await drainAndClose(app);
    await worker?.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  await step('Luisteren', () => app.listen({ port: config.port, host: config.host }));
  const where = config.databaseUrl ? 'PostgreSQL' : `ingebouwde database in ${config.dataDir}`;
  console.log(`\nRaadwerk draait op ${config.baseUrl} (${where}), gestart in ${(performance.now() / 1000).toFixed(1)} s.`);
  // PGlite's planner statistics (it has no autovacuum; the worker refreshes them hourly): right
  // after the first answers rather than before them. Nothing at start needs them: the demo's
  // tables are small, and the statistics of earlier runs are kept in the data directory.
  // The line after it tells operators that queries plan with fresh statistics (/readyz says so too: the bench waits for it).
  const refresh = () =>
    refreshStatistics(database).then(
      () => database.kind === 'pglite' && console.log(STATISTICS_REFRESHED),
      (err) => app.log.warn({ err }, 'refreshing statistics failed'),
    );
  setTimeout(() => void refresh(), STATISTICS_AFTER_MS).unref();
  if (process.env.RAADWERK_START_TIMES === '1') console.log(`Starttijden: ${times.map(([label, s]) => `${label} ${s.toFixed(2)} s`).join('; ')}`);
  if (demo) {
    console.log('\nDemo-gegevens geladen. Inloggen kan met:');
    for (const l of demo) console.log(`  ${l.role.padEnd(28)} ${l.email.padEnd(40)} wachtwoord: ${l.password}`);
    console.log('  (De platformbeheerder stelt bij de eerste keer inloggen een tweede stap in.)\n');
  }
}

main().catch((err) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
