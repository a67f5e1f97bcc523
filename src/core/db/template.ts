/**
 * A migrated, empty embedded database, made once per set of migrations (and PGlite version), in
 * two forms: a data directory that a first start copies (`copyTemplateDataDir`: a plain file copy,
 * no database work) and the same as one tar file that every PGlite test database loads in memory
 * (`migratedTemplate`). Both spare creating a database from scratch (PGlite's initdb alone takes
 * seconds) and running every migration. `npm install` makes both (scripts/prepare-database.ts);
 * without them a start works as before.
 *
 * They are kept in node_modules/.cache/raadwerk (every `npm ci` starts clean), or in the
 * temporary directory when node_modules cannot be written.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate, migrationsFolder, openDatabase } from './index.ts';

const root = path.dirname(migrationsFolder);
let cachedHash: string | undefined;
let cachedDir: string | undefined;

/** Hash of every file in the migrations folder (names and contents) plus the PGlite version. */
export function migrationsHash(): string {
  if (cachedHash) return cachedHash;
  const h = crypto.createHash('sha256');
  const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  for (const file of walk(migrationsFolder).sort()) {
    h.update(path.relative(migrationsFolder, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  try {
    const pkg = path.join(root, 'node_modules/@electric-sql/pglite/package.json');
    h.update(JSON.parse(fs.readFileSync(pkg, 'utf8')).version ?? '');
  } catch {
    /* version unknown: the migrations alone key the file */
  }
  cachedHash = h.digest('hex').slice(0, 16);
  return cachedHash;
}

function cacheDir(): string {
  if (cachedDir) return cachedDir;
  const inModules = path.join(root, 'node_modules', '.cache', 'raadwerk');
  try {
    fs.mkdirSync(inModules, { recursive: true });
    fs.accessSync(inModules, fs.constants.W_OK);
    cachedDir = inModules;
  } catch {
    cachedDir = os.tmpdir();
  }
  return cachedDir;
}

/** Where the tar of the current migrations is kept. */
function templateFile(): string {
  return path.join(cacheDir(), `raadwerk-pglite-${migrationsHash()}.tar`);
}

/** Where the data directory of the current migrations is kept. */
export function templateDataDir(): string {
  return path.join(cacheDir(), `raadwerk-pglite-${migrationsHash()}.pgdata`);
}

const tmpName = (file: string) => `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;

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
      const tmp = tmpName(file);
      fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
      fs.renameSync(tmp, file);
      removeOtherTemplates();
    } finally {
      await database.close();
    }
  }
  return new Blob([fs.readFileSync(file)]);
}

/**
 * The template as a data directory, made from the tar when it is not there yet: PGlite itself
 * writes it (loading the tar into a directory and closing cleanly), so it is exactly what a start
 * would have written.
 */
export async function migratedTemplateDataDir(): Promise<string> {
  const dir = templateDataDir();
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
    const tar = await migratedTemplate();
    const tmp = tmpName(dir);
    const database = await openDatabase({ kind: 'pglite', dataDir: tmp, loadDataDir: tar });
    await database.close();
    fs.rmSync(path.join(tmp, 'raadwerk.lock'), { force: true });
    try {
      fs.renameSync(path.join(tmp, 'pgdata'), dir);
    } catch (err) {
      // Another process made it meanwhile (the rename cannot replace a full directory).
      if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) throw err;
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }
  return dir;
}

/**
 * Copies the template's data directory to `pgdata` (which must not exist yet); false when there
 * is no template. Copy-on-write where the file system can, a plain copy otherwise.
 */
export function copyTemplateDataDir(pgdata: string): boolean {
  const dir = templateDataDir();
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) return false;
  const tmp = tmpName(pgdata);
  try {
    fs.cpSync(dir, tmp, { recursive: true, mode: fs.constants.COPYFILE_FICLONE });
    fs.renameSync(tmp, pgdata);
  } catch (err) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  return true;
}

/** The tar if it is there (a first start never waits to make one). */
export function existingTemplate(): Blob | undefined {
  try {
    return new Blob([fs.readFileSync(templateFile())]);
  } catch {
    return undefined;
  }
}

/** Templates of older migrations are of no use any more: removed once they are a day old (45 MB each). */
function removeOtherTemplates() {
  const current = `raadwerk-pglite-${migrationsHash()}`;
  const dayAgo = Date.now() - 24 * 3600 * 1000;
  for (const name of fs.readdirSync(cacheDir())) {
    if (!name.startsWith('raadwerk-pglite-') || name.startsWith(current)) continue;
    const file = path.join(cacheDir(), name);
    try {
      if (fs.statSync(file).mtimeMs < dayAgo) fs.rmSync(file, { recursive: true, force: true });
    } catch {
      /* gone already */
    }
  }
}
