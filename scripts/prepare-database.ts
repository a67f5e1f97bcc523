/**
 * Run by `npm install` (postinstall): makes the migrated template of the embedded database
 * (src/core/db/template.ts), as a tar for the PGlite tests and as a data directory that the first
 * `npm start` copies, so neither creates and migrates a database. It never fails the install:
 * without the template a start makes the database itself, as before.
 */
import { migratedTemplateDataDir, templateDataDir } from '../src/core/db/template.ts';

const t0 = performance.now();
try {
  await migratedTemplateDataDir();
  console.log(`Raadwerk: databasesjabloon klaar in ${((performance.now() - t0) / 1000).toFixed(1)} s (${templateDataDir()}).`);
} catch (err) {
  console.warn(`Raadwerk: geen databasesjabloon (${(err as Error).message}); de eerste start maakt de database zelf.`);
}
