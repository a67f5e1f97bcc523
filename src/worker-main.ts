import pino from 'pino';
import { loadConfig } from './core/config.ts';
import { openDatabase, migrate } from './core/db/index.ts';
import { createDeps } from './core/deps.ts';
import { startWorker } from './worker.ts';
import { loggerOptions } from './core/http/logging.ts';

/**
 * `npm run worker`: the background work as its own process, next to web processes started
 * with RUN_WORKER=false. Needs a PostgreSQL server: the embedded database allows one process.
 */
const config = loadConfig();
if (!config.databaseUrl) {
  console.error('De losse worker werkt alleen met een PostgreSQL-server (DATABASE_URL). Met de ingebouwde database draait de worker al in het webproces.');
  process.exit(1);
}
const log = pino(loggerOptions(config.logLevel));
const database = await openDatabase({ kind: 'postgres', url: config.databaseUrl });
await migrate(database);
const deps = await createDeps({ config, database, log });
const worker = startWorker(deps, log);
log.info('worker started');
const stop = async () => {
  await worker.stop();
  await deps.mailer.close();
  await database.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
