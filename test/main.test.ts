/**
 * The real start command: first start on an empty data directory, the lock against a second
 * process, and a clean stop on SIGTERM.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './support/ports.ts';

function start(dataDir: string, port: number) {
  // `npm start`'s command: the server built into dist/ (built first when the sources changed).
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DEMO_DATA: 'true', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitReady(port: number, proc: { exited: Promise<number | null> }) {
  let done = false;
  void proc.exited.then(() => (done = true));
  while (!done) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the server stopped before it was ready');
}

test('npm start: demo data on first start, one process per data directory, clean stop on SIGTERM', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'raadwerk-main-'));
  const port = await freePort();
  const first = start(dataDir, port);
  let child: ChildProcess | null = first.child;
  try {
    await waitReady(port, first);
    assert.match(first.output(), /Demo-gegevens geladen/);
    assert.match(first.output(), /secretaris@adviesraad-lindewijk\.example/);
    const home = await fetch(`http://127.0.0.1:${port}/lindewijk`);
    assert.equal(home.status, 200);

    const second = start(dataDir, await freePort());
    assert.equal(await second.exited, 1);
    assert.match(second.output(), /al in gebruik door een ander Raadwerk-proces/);

    first.child.kill('SIGTERM');
    assert.equal(await first.exited, 0);
    child = null;
    assert.equal(fs.existsSync(path.join(dataDir, 'raadwerk.lock')), false, 'the lock is released');

    // A later start reuses the data: no second demo load.
    const again = start(dataDir, port);
    child = again.child;
    await waitReady(port, again);
    assert.doesNotMatch(again.output(), /Demo-gegevens geladen/);
    const page = await fetch(`http://127.0.0.1:${port}/bergeloo`);
    assert.equal(page.status, 200);
    again.child.kill('SIGTERM');
    assert.equal(await again.exited, 0);
    child = null;
  } finally {
    child?.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
