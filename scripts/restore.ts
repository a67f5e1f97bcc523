/**
 * `npm run restore -- archive.tar`: checks the archive against its manifest (a changed archive is
 * refused and nothing is written), then restores it into an empty DATA_DIR, and for PostgreSQL
 * into the empty database of DATABASE_URL; afterwards the row counts are compared.
 */
import { loadConfig, ConfigError } from '../src/core/config.ts';
import { BackupError, restoreBackup } from '../src/core/backup/backup.ts';

try {
  const archive = process.argv[2];
  if (!archive) throw new BackupError('Geef het archief op: npm run restore -- pad/naar/raadwerk-....tar');
  const config = loadConfig();
  const target = config.databaseUrl ? { kind: 'postgres' as const, url: config.databaseUrl, dataDir: config.dataDir } : { kind: 'pglite' as const, dataDir: config.dataDir };
  const { manifest, rows } = await restoreBackup(target, archive);
  const files = manifest.entries.filter((e) => e.name.startsWith('files/')).length;
  console.log(`Teruggezet uit ${archive} (gemaakt ${manifest.createdAt}): ${Object.keys(rows).length} tabellen, ${files} bestanden. De aantallen rijen kloppen.`);
} catch (err) {
  if (err instanceof BackupError || err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
