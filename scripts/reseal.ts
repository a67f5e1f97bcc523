/**
 * `npm run reseal`: after a key rotation (SECRET_KEY=new-key,old-key), seals every sealed value
 * again with the newest key (src/core/keyring.ts). Safe to run while the server runs, and again.
 * When it reports no unreadable values, the old key may leave SECRET_KEY.
 */
import { loadConfig, ConfigError } from '../src/core/config.ts';
import { openDatabase } from '../src/core/db/index.ts';
import { resolveSecretKey } from '../src/core/secret.ts';
import { keyId, keyRing } from '../src/core/crypto.ts';
import { resealAll } from '../src/core/keyring.ts';
import '../src/modules.ts';

try {
  const config = loadConfig();
  const secretKey = resolveSecretKey(config.secretKey, config.dataDir);
  const database = config.databaseUrl ? await openDatabase({ kind: 'postgres', url: config.databaseUrl, poolSize: 2 }) : await openDatabase({ kind: 'pglite', dataDir: config.dataDir });
  try {
    const report = await resealAll(database.db, secretKey);
    const ring = keyRing(secretKey);
    console.log(`Nieuwste sleutel: ${keyId(ring[0]!)} (${ring.length} sleutel(s) in SECRET_KEY).`);
    for (const r of report) console.log(`  ${r.column.padEnd(40)} opnieuw versleuteld: ${r.resealed}${r.unreadable ? `, niet te openen: ${r.unreadable}` : ''}`);
    const unreadable = report.reduce((n, r) => n + r.unreadable, 0);
    console.log(unreadable ? `${unreadable} waarde(n) konden met geen enkele sleutel worden geopend; die zijn niet veranderd.` : 'Klaar. Oude sleutels zijn niet meer nodig voor versleutelde gegevens.');
  } finally {
    await database.close();
  }
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
