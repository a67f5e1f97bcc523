/**
 * Backup and restore of one installation: the database (PGlite's data directory as PGlite dumps
 * it, or `pg_dump` of PostgreSQL) and the stored files, in one ustar archive with a manifest
 * that holds every entry's size and sha256 and every table's row count.
 *
 * Restore first checks the whole archive against its manifest (a changed, missing or extra
 * entry refuses it, and nothing is written), then restores into an empty data directory or an
 * empty database only, then counts the rows again. The secret key is never in the archive:
 * sealed data needs the same SECRET_KEY (or data/secret.key), kept apart. See
 * docs/decisions/0026-hostile-files-backup-instances.md and the README.
 */
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { acquireDataDirLock } from '../db/lock.ts';
import { TarReader, TarWriter, type TarEntry } from './tar.ts';

const run = promisify(execFile);

export type BackupTarget = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string; dataDir: string };
export type Manifest = {
  format: 'raadwerk-backup';
  version: 1;
  createdAt: string;
  database: 'pglite' | 'postgres';
  /** Rows per table of the public schema when the backup was made. */
  rows: Record<string, number>;
  entries: TarEntry[];
};

/** A clear, Dutch reason the command stops; the CLI prints it and exits with 1. */
export class BackupError extends Error {}

const DB_ENTRY = { pglite: 'database/pglite.tar.gz', postgres: 'database/postgres.dump' } as const;
const MANIFEST = 'manifest.json';

type Query = (sql: string) => Promise<Record<string, unknown>[]>;

/** Row counts of every table in the public schema. */
async function rowCounts(query: Query): Promise<Record<string, number>> {
  const tables = await query(`select tablename from pg_tables where schemaname = 'public' order by tablename`);
  const rows: Record<string, number> = {};
  for (const { tablename } of tables) rows[String(tablename)] = Number((await query(`select count(*)::int as n from "${String(tablename).replace(/"/g, '""')}"`))[0]!.n);
  return rows;
}

async function withPglite<T>(dataDir: string, fn: (db: { query: Query; dump(): Promise<Blob> }) => Promise<T>, load?: Blob): Promise<T> {
  const { PGlite } = await import('@electric-sql/pglite');
  fs.mkdirSync(dataDir, { recursive: true });
  let lock: { release(): void };
  try {
    lock = acquireDataDirLock(dataDir);
  } catch (err) {
    throw new BackupError(`${(err as Error).message} Een back-up van de ingebouwde database maakt u met de server gestopt.`);
  }
  try {
    const client = await PGlite.create({ dataDir: path.join(dataDir, 'pgdata'), ...(load ? { loadDataDir: load } : {}) });
    try {
      return await fn({ query: async (sql) => (await client.query<Record<string, unknown>>(sql)).rows, dump: () => client.dumpDataDir('gzip') });
    } finally {
      await client.close();
    }
  } finally {
    lock.release();
  }
}

async function withPostgres<T>(url: string, fn: (query: Query) => Promise<T>): Promise<T> {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(async (sql) => (await client.query(sql)).rows);
  } finally {
    await client.end();
  }
}

async function tool(name: 'pg_dump' | 'pg_restore', args: string[]): Promise<void> {
  try {
    await run(name, args, { maxBuffer: 16 * 1024 * 1024 });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') throw new BackupError(`${name} is niet gevonden. Installeer de PostgreSQL-programma's (Debian: apt-get install postgresql-client).`);
    throw new BackupError(`${name} is mislukt: ${(e.stderr ?? e.message).trim().slice(0, 500)}`);
  }
}

/** Stored files: data/files/xx/<sha256>; a file whose content does not match its name is reported. */
function storedFiles(dataDir: string): { name: string; path: string }[] {
  const root = path.join(dataDir, 'files');
  if (!fs.existsSync(root)) return [];
  const out: { name: string; path: string }[] = [];
  for (const dir of fs.readdirSync(root).sort()) {
    if (!/^[0-9a-f]{2}$/.test(dir)) continue;
    for (const f of fs.readdirSync(path.join(root, dir)).sort()) if (/^[0-9a-f]{64}$/.test(f)) out.push({ name: `files/${dir}/${f}`, path: path.join(root, dir, f) });
  }
  return out;
}

/** Writes the archive; returns its manifest. */
export async function makeBackup(target: BackupTarget, out: string): Promise<Manifest> {
  if (fs.existsSync(out)) throw new BackupError(`${out} bestaat al. Kies een andere naam.`);
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'raadwerk-backup-'));
  const tar = await TarWriter.create(out);
  let ok = false;
  try {
    const entries: TarEntry[] = [];
    let rows: Record<string, number>;
    if (target.kind === 'pglite') {
      rows = await withPglite(target.dataDir, async (db) => {
        const counts = await rowCounts(db.query);
        entries.push(await tar.addBuffer(DB_ENTRY.pglite, Buffer.from(await (await db.dump()).arrayBuffer())));
        return counts;
      });
    } else {
      const dump = path.join(scratch, 'db.dump');
      // One snapshot: pg_dump reads in a single repeatable-read transaction; counts are taken right before.
      rows = await withPostgres(target.url, rowCounts);
      await tool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${dump}`, `--dbname=${target.url}`]);
      entries.push(await tar.addFile(DB_ENTRY.postgres, dump));
    }
    for (const f of storedFiles(target.dataDir)) {
      const entry = await tar.addFile(f.name, f.path);
      if (entry.sha256 !== path.basename(f.name)) throw new BackupError(`Het bestand ${f.path} is beschadigd: de inhoud past niet bij de naam.`);
      entries.push(entry);
    }
    const manifest: Manifest = { format: 'raadwerk-backup', version: 1, createdAt: new Date().toISOString(), database: target.kind, rows, entries };
    await tar.addBuffer(MANIFEST, Buffer.from(JSON.stringify(manifest, null, 2)));
    await tar.close();
    ok = true;
    return manifest;
  } finally {
    if (!ok) {
      await tar.close().catch(() => undefined);
      fs.rmSync(out, { force: true });
    }
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** Checks every entry against the manifest; throws BackupError naming the first problem. */
async function verifyBackup(archive: string): Promise<Manifest> {
  let tar: TarReader;
  try {
    tar = await TarReader.open(archive);
  } catch (err) {
    throw new BackupError(`Dit is geen leesbaar back-uparchief (${(err as Error).message}).`);
  }
  try {
    const bad = (what: string) => new BackupError(`Het archief is beschadigd of veranderd (${what}). Er is niets teruggezet.`);
    const m = tar.items.find((i) => i.name === MANIFEST);
    if (!m) throw bad('geen manifest');
    let manifest: Manifest;
    try {
      manifest = JSON.parse((await tar.read(m)).toString('utf8')) as Manifest;
    } catch {
      throw bad('manifest onleesbaar');
    }
    if (manifest.format !== 'raadwerk-backup' || manifest.version !== 1 || !Array.isArray(manifest.entries)) throw bad('onbekend formaat');
    const listed = new Map(manifest.entries.map((e) => [e.name, e]));
    for (const item of tar.items) {
      if (item.name === MANIFEST) continue;
      const e = listed.get(item.name);
      if (!e) throw bad(`${item.name} staat niet in het manifest`);
      if (e.size !== item.size || e.sha256 !== (await tar.sha256(item))) throw bad(`${item.name}: controlegetal klopt niet`);
      listed.delete(item.name);
    }
    if (listed.size) throw bad(`${[...listed.keys()][0]} ontbreekt`);
    if (!tar.items.some((i) => i.name === DB_ENTRY[manifest.database])) throw bad('geen database');
    for (const e of manifest.entries) if (e.name.startsWith('files/') && path.basename(e.name) !== e.sha256) throw bad(`${e.name}: naam en inhoud verschillen`);
    return manifest;
  } finally {
    await tar.close();
  }
}

function isEmptyDir(dir: string): boolean {
  return !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;
}

/** Restores a verified archive into an empty data directory (and, for PostgreSQL, an empty database). */
export async function restoreBackup(target: BackupTarget, archive: string): Promise<{ manifest: Manifest; rows: Record<string, number> }> {
  const manifest = await verifyBackup(archive);
  if (manifest.database !== target.kind) {
    throw new BackupError(
      manifest.database === 'pglite'
        ? 'Dit archief komt van de ingebouwde database (PGlite). Zet het terug zonder DATABASE_URL.'
        : 'Dit archief komt van PostgreSQL. Zet het terug met DATABASE_URL naar een lege database.',
    );
  }
  const filesDir = path.join(target.dataDir, 'files');
  if (!isEmptyDir(filesDir)) throw new BackupError(`De map ${filesDir} is niet leeg. Terugzetten kan alleen in een lege map.`);
  if (target.kind === 'pglite' && !isEmptyDir(path.join(target.dataDir, 'pgdata'))) throw new BackupError(`De database in ${target.dataDir} is niet leeg. Terugzetten kan alleen in een lege map.`);
  if (target.kind === 'postgres') {
    const tables = await withPostgres(target.url, (q) => q(`select count(*)::int as n from pg_tables where schemaname in ('public', 'drizzle')`));
    if (Number(tables[0]!.n) > 0) throw new BackupError('De database is niet leeg. Maak een nieuwe, lege database en zet het archief daarin terug.');
  }
  const tar = await TarReader.open(archive);
  try {
    const item = (name: string) => tar.items.find((i) => i.name === name)!;
    let rows: Record<string, number>;
    if (target.kind === 'pglite') {
      const dump = new Blob([new Uint8Array(await tar.read(item(DB_ENTRY.pglite)))]);
      rows = await withPglite(target.dataDir, (db) => rowCounts(db.query), dump);
    } else {
      const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'raadwerk-restore-'));
      try {
        const dump = path.join(scratch, 'db.dump');
        await tar.extract(item(DB_ENTRY.postgres), dump);
        await tool('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${target.url}`, dump]);
      } finally {
        fs.rmSync(scratch, { recursive: true, force: true });
      }
      rows = await withPostgres(target.url, rowCounts);
    }
    for (const e of manifest.entries.filter((x) => x.name.startsWith('files/'))) {
      const to = path.join(target.dataDir, e.name);
      fs.mkdirSync(path.dirname(to), { recursive: true });
      await tar.extract(item(e.name), to);
    }
    const differ = Object.keys({ ...manifest.rows, ...rows }).filter((k) => manifest.rows[k] !== rows[k]);
    if (differ.length) throw new BackupError(`Na het terugzetten kloppen de aantallen rijen niet (${differ.join(', ')}).`);
    return { manifest, rows };
  } finally {
    await tar.close();
  }
}

/** Row counts per table of an installation's database (PGlite: with the server stopped). */
export function databaseRows(target: BackupTarget): Promise<Record<string, number>> {
  return target.kind === 'pglite' ? withPglite(target.dataDir, (db) => rowCounts(db.query)) : withPostgres(target.url, rowCounts);
}

/** sha256 of every stored file, by name: for comparing an installation with its restored copy. */
export function fileChecksums(dataDir: string): Record<string, string> {
  return Object.fromEntries(storedFiles(dataDir).map((f) => [f.name, crypto.createHash('sha256').update(fs.readFileSync(f.path)).digest('hex')]));
}
