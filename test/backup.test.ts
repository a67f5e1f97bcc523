/**
 * Issue 17, item 14: `npm run backup` and `npm run restore`, run as the commands they are. A backup
 * of the demo is restored into an empty installation of the same database kind (PGlite in the
 * PGlite run, PostgreSQL in the PostgreSQL run); row counts and file checksums match. A changed
 * archive is refused and writes nothing; a non-empty target is refused.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { migrate, openDatabase, type Database } from '../src/core/db/index.ts';
import { BackupError, databaseRows, fileChecksums, restoreBackup, type BackupTarget } from '../src/core/backup/backup.ts';
import { TarReader } from '../src/core/backup/tar.ts';
import { seedDemoIfEmpty } from '../seeds/demo.ts';
import { testConfig, testDbKind } from './support/db.ts';

const SECRET = 'test-secret-key-that-is-long-enough-0123456789';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'raadwerk-backup-test-'));
process.once('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));

/** Runs `npm run backup|restore` the way an operator does (through tsx), with this environment. */
function npmRun(script: 'backup' | 'restore', args: string[], env: { DATA_DIR: string; DATABASE_URL?: string }) {
  const r = spawnSync('npm', ['run', '--silent', script, '--', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production', SECRET_KEY: SECRET, DATABASE_URL: '', ...env },
    timeout: 120_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

async function seededDemo(database: Database, dataDir: string) {
  await migrate(database);
  const app = await buildApp({ config: testConfig({ DATA_DIR: dataDir }), database, logger: false });
  assert.ok(await seedDemoIfEmpty(database, app.deps), 'the demo was loaded');
  await app.close();
  await database.close();
}

/** Backup of `from`, a tampered copy refused, restore into `to`, then the same rows and files. */
async function roundTrip(from: BackupTarget, to: BackupTarget, env: (t: BackupTarget) => { DATA_DIR: string; DATABASE_URL?: string }) {
  const archive = path.join(tmp, `${from.kind}-${Date.now()}.tar`);
  const made = npmRun('backup', [archive], env(from));
  assert.equal(made.code, 0, made.out);
  assert.match(made.out, /Back-up gemaakt/);
  const before = { rows: await databaseRows(from), files: fileChecksums(from.dataDir) };
  assert.ok(Object.keys(before.files).length > 0, 'the demo has stored files');
  assert.ok((before.rows.councils ?? 0) > 0);

  // One byte changed inside a stored file: the whole archive is refused, nothing is written.
  const tampered = `${archive}.changed.tar`;
  fs.copyFileSync(archive, tampered);
  const reader = await TarReader.open(tampered);
  const victim = reader.items.find((i) => i.name.startsWith('files/'))!;
  await reader.close();
  const fd = fs.openSync(tampered, 'r+');
  const b = Buffer.alloc(1);
  fs.readSync(fd, b, 0, 1, victim.offset + Math.floor(victim.size / 2));
  b[0] = b[0]! ^ 0xff;
  fs.writeSync(fd, b, 0, 1, victim.offset + Math.floor(victim.size / 2));
  fs.closeSync(fd);
  await assert.rejects(
    restoreBackup(to, tampered),
    (err: Error) => err instanceof BackupError && /^Het archief is beschadigd of veranderd \(files\/.+: controlegetal klopt niet\)\. Er is niets teruggezet\.$/.test(err.message),
  );
  assert.ok(!fs.existsSync(path.join(to.dataDir, 'files')) && !fs.existsSync(path.join(to.dataDir, 'pgdata')), 'nothing written');

  const restored = npmRun('restore', [archive], env(to));
  assert.equal(restored.code, 0, restored.out);
  assert.match(restored.out, /De aantallen rijen kloppen/);
  assert.deepEqual(await databaseRows(to), before.rows);
  assert.deepEqual(fileChecksums(to.dataDir), before.files);

  // Restoring over data is refused.
  await assert.rejects(restoreBackup(to, archive), /is niet leeg/);
}

if (testDbKind() === 'pglite') {
  test('backup of the demo on PGlite, restored into an empty data directory: same rows, same files; a changed archive is refused', async () => {
    const from: BackupTarget = { kind: 'pglite', dataDir: path.join(tmp, 'a') };
    const to: BackupTarget = { kind: 'pglite', dataDir: path.join(tmp, 'b') };
    await seededDemo(await openDatabase({ kind: 'pglite', dataDir: from.dataDir }), from.dataDir);
    await roundTrip(from, to, (t) => ({ DATA_DIR: t.dataDir }));
  });
} else {
  test('backup of the demo on PostgreSQL, restored into an empty database: same rows, same files; a changed archive is refused', async () => {
    const admin = process.env.TEST_DATABASE_URL!;
    const name = (s: string) => `raadwerk_backup_${s}_${process.pid}`;
    const urlOf = (db: string) => Object.assign(new URL(admin), { pathname: `/${db}` }).toString();
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      for (const s of ['from', 'to']) await client.query(`CREATE DATABASE ${name(s)}`);
      const from: BackupTarget = { kind: 'postgres', url: urlOf(name('from')), dataDir: path.join(tmp, 'pg-a') };
      const to: BackupTarget = { kind: 'postgres', url: urlOf(name('to')), dataDir: path.join(tmp, 'pg-b') };
      await seededDemo(await openDatabase({ kind: 'postgres', url: from.url, poolSize: 2 }), from.dataDir);
      await roundTrip(from, to, (t) => ({ DATA_DIR: t.dataDir, DATABASE_URL: t.kind === 'postgres' ? t.url : '' }));
    } finally {
      for (const s of ['from', 'to']) await client.query(`DROP DATABASE IF EXISTS ${name(s)} WITH (FORCE)`).catch(() => undefined);
      await client.end();
    }
  });
}
