import { loadConfig } from '../config.ts';
import { openDatabase, migrate } from './index.ts';

/** `npm run db:migrate`: apply the migrations without starting the server. */
const config = loadConfig();
const database = config.databaseUrl ? await openDatabase({ kind: 'postgres', url: config.databaseUrl }) : await openDatabase({ kind: 'pglite', dataDir: config.dataDir });
await migrate(database);
await database.close();
console.log('De database is bijgewerkt.');
