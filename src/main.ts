import { loadConfig, ConfigError } from './core/config.ts';
import { openDatabase, migrate, refreshStatistics, type Database } from './core/db/index.ts';
import { DataDirLockedError } from './core/db/lock.ts';
import { buildApp } from './app.ts';
import { drainAndClose } from './core/http/shutdown.ts';
import { startWorker } from './worker.ts';
import { seedDemoIfEmpty } from '../seeds/demo.ts';

/** Start: config -> database (open, lock, migrate, first-run demo) -> server + worker. */
async function main() {
  const config = loadConfig();
  let database: Database;
  try {
    database = config.databaseUrl ? await openDatabase({ kind: 'postgres', url: config.databaseUrl }) : await openDatabase({ kind: 'pglite', dataDir: config.dataDir });
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(err.message);
      process.exit(1);
    }
    console.error(`De database kon niet worden geopend: ${(err as Error).message}`);
    process.exit(1);
  }
  await migrate(database);
  const app = await buildApp({ config, database });
  // Seeded with the app's own key and file store, so sealed demo data opens and demo files download.
  const demo = config.demoData ? await seedDemoIfEmpty(database, app.deps) : null;
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
