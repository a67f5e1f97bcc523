import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, ConfigError } from './core/config.ts';
import type { Database } from './core/db/index.ts';

/**
 * Runs one start-up step and says how long it took when that was over a second (a first start
 * creates the database and loads the demo data). PGlite works on this thread, so a line printed
 * by a timer could only come afterwards: steps known to be slow say what they do up front.
 */
async function step<T>(label: string, fn: () => Promise<T>, opts: { announce?: boolean } = {}): Promise<T> {
  const t0 = performance.now();
  if (opts.announce) console.log(`${label} …`);
  const timer = opts.announce ? undefined : setTimeout(() => console.log(`${label} …`), 1000);
  const value = await fn().finally(() => clearTimeout(timer));
  const seconds = (performance.now() - t0) / 1000;
  if (seconds >= 1) console.log(`${label}: klaar in ${seconds.toFixed(1)} s`);
  return value;
}

/**
 * A new embedded database: from the migrated template that `npm install` made (seconds faster
 * than creating one), or, without a usable template, created from scratch.
 */
async function openFresh(dataDir: string): Promise<Database> {
  const [{ openDatabase }, { existingTemplate }] = await Promise.all([import('./core/db/index.ts'), import('./core/db/template.ts')]);
  const template = existingTemplate();
  if (template) {
    try {
      return await openDatabase({ kind: 'pglite', dataDir, loadDataDir: template });
    } catch (err) {
      console.warn(`Het databasesjabloon werkt niet (${(err as Error).message}); de database wordt nieuw gemaakt.`);
      fs.rmSync(path.join(dataDir, 'pgdata'), { recursive: true, force: true });
    }
  }
  return openDatabase({ kind: 'pglite', dataDir });
}

/** Start: config -> database (open, lock, migrate, first-run demo) -> server + worker. */
async function main() {
  const config = loadConfig();
  // The app's modules load while nothing else can happen; this line says the start has begun.
  console.log('Raadwerk start …');
  const [{ openDatabase, migrate, refreshStatistics }, { DataDirLockedError }] = await Promise.all([import('./core/db/index.ts'), import('./core/db/lock.ts')]);
  let database: Database;
  try {
    // A new embedded database is made from scratch on the first start: that takes seconds.
    const fresh = !config.databaseUrl && !fs.existsSync(path.join(config.dataDir, 'pgdata', 'PG_VERSION'));
    database = config.databaseUrl
      ? await openDatabase({ kind: 'postgres', url: config.databaseUrl })
      : fresh
        ? await step(`Nieuwe database maken in ${config.dataDir}`, () => openFresh(config.dataDir), { announce: true })
        : await step('Database openen', () => openDatabase({ kind: 'pglite', dataDir: config.dataDir }));
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
  const app = await buildApp({ config, database });
  // Seeded with the app's own key and file store, so sealed demo data opens and demo files download.
  const { seedDemoIfEmpty } = await import('../seeds/demo.ts');
  const demo = config.demoData ? await step('Demo-gegevens laden', () => seedDemoIfEmpty(database, app.deps)) : null;
  await refreshStatistics(database);
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

  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL' : `ingebouwde database in ${config.dataDir}`;
  console.log(`\nRaadwerk draait op ${config.baseUrl} (${where}).`);
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
