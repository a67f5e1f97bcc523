/**
 * Run by `npm install` (postinstall): makes the migrated template of the embedded database
 * (src/core/db/template.ts), so the first `npm start` and the PGlite tests skip creating and
 * migrating a database. It never fails the install: without the template a start makes the
 * database itself, as before.
 */
import { migratedTemplate, templateFile } from '../src/core/db/template.ts';

const t0 = performance.now();
try {
  await migratedTemplate();
  console.log(`Raadwerk: databasesjabloon klaar in ${((performance.now() - t0) / 1000).toFixed(1)} s (${templateFile()}).`);
} catch (err) {
  console.warn(`Raadwerk: geen databasesjabloon (${(err as Error).message}); de eerste start maakt de database zelf.`);
}
