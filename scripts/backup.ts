/**
 * `npm run backup [-- archive.tar]`: one archive with the database and the stored files, and a
 * manifest of checksums (src/core/backup/backup.ts). Uses DATA_DIR and DATABASE_URL like the
 * server. With the built-in database (PGlite) the server must be stopped first.
 */
import path from 'node:path';
import { loadConfig, ConfigError } from '../src/core/config.ts';
import { BackupError, makeBackup } from '../src/core/backup/backup.ts';

try {
  const config = loadConfig();
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const out = path.resolve(process.argv[2] ?? path.join('backups', `raadwerk-${stamp}.tar`));
  const target = config.databaseUrl ? { kind: 'postgres' as const, url: config.databaseUrl, dataDir: config.dataDir } : { kind: 'pglite' as const, dataDir: config.dataDir };
  const m = await makeBackup(target, out);
  const files = m.entries.filter((e) => e.name.startsWith('files/')).length;
  const rows = Object.values(m.rows).reduce((a, b) => a + b, 0);
  console.log(`Back-up gemaakt: ${out}\n  database: ${m.database}, ${Object.keys(m.rows).length} tabellen, ${rows} rijen\n  bestanden: ${files}`);
  console.log('  Let op: de sleutel (SECRET_KEY of data/secret.key) zit er niet in. Bewaar die apart; zonder sleutel zijn versleutelde gegevens niet te lezen.');
} catch (err) {
  if (err instanceof BackupError || err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
