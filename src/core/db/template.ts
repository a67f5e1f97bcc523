/**
 * A migrated, empty embedded database as one file, made once per set of migrations (and PGlite
 * version): a first start and every PGlite test database load it instead of creating a database
 * from scratch (PGlite's initdb alone takes seconds) and running every migration.
 * `npm install` makes it (scripts/prepare-database.ts); without it a start works as before.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate, migrationsFolder, openDatabase } from './index.ts';

let cachedHash: string | undefined;

/** Hash of every file in the migrations folder (names and contents) plus the PGlite version. */
export function migrationsHash(): string {
  if (cachedHash) return cachedHash;
  const h = crypto.createHash('sha256');
  const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  for (const file of walk(migrationsFolder).sort()) {
    h.update(path.relative(migrationsFolder, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  try {
    const pkg = path.join(migrationsFolder, '../node_modules/@electric-sql/pglite/package.json');
    h.update(JSON.parse(fs.readFileSync(pkg, 'utf8')).version ?? '');
  } catch {
    /* version unknown: the migrations alone key the file */
  }
  cachedHash = h.digest('hex').slice(0, 16);
  return cachedHash;
}

/** Where the template for the current migrations is kept. */
export function templateFile(): string {
  return path.join(os.tmpdir(), `raadwerk-pglite-${migrationsHash()}.tar`);
}

/** The template, made first when it is not there yet. */
export async function migratedTemplate(): Promise<Blob> {
  const file = templateFile();
  if (!fs.existsSync(file)) {
    const database = await openDatabase({ kind: 'pglite' });
    try {
      await migrate(database);
      const client = (database.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } }).$client;
      const dump = await client.dumpDataDir('none');
      // Written atomically: test files (or a start and an install) may make it at the same time.
      const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
      fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
      fs.renameSync(tmp, file);
    } finally {
      await database.close();
    }
  }
  return new Blob([fs.readFileSync(file)]);
}

/** The template if it is there (a first start never waits to make one). */
export function existingTemplate(): Blob | undefined {
  try {
    return new Blob([fs.readFileSync(templateFile())]);
  } catch {
    return undefined;
  }
}
