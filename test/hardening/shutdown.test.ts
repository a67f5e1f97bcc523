/**
 * Issue 17, items 6 and 12: `npm start` (the README's command) passes SIGTERM to the server, and
 * the server stops under load without failing a request: it stops accepting connections, answers
 * every request that still arrives on an open connection (with `Connection: close`), finishes
 * those in flight, and exits 0.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../support/ports.ts';

type Outcome = { status: number; close: boolean } | { error: string };

function request(agent: http.Agent, port: number, urlPath: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: urlPath, agent }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, close: res.headers.connection === 'close' }));
      res.on('error', (err) => resolve({ error: (err as NodeJS.ErrnoException).code ?? err.message }));
    });
    req.on('error', (err) => resolve({ error: (err as NodeJS.ErrnoException).code ?? err.message }));
  });
}

test('SIGTERM to `npm start` under load: the server gets it, answers every request it accepted, and exits 0 (issue 17, items 6 and 12)', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'raadwerk-stop-'));
  const port = await freePort();
  // The README's own command; npm runs the start script, whose `exec` leaves node as the process npm signals.
  const child = spawn('npm', ['start', '--silent'], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DEMO_DATA: 'false', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    for (let ready = false; !ready; ) {
      assert.equal(child.exitCode, null, `the server stopped before it was ready:\n${output}`);
      ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (!ready) await new Promise((r) => setTimeout(r, 200));
    }

    // Load: 8 clients on keep-alive connections, each sending its next request as soon as the last is answered.
    const outcomes: Outcome[] = [];
    let stopAt = Number.POSITIVE_INFINITY;
    const client = async () => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      try {
        while (Date.now() < stopAt) {
          const o = await request(agent, port, outcomes.length % 2 ? '/' : '/healthz');
          // Refused: the server no longer listens; a client goes to another instance. Not a failed request.
          if ('error' in o && o.error === 'ECONNREFUSED') break;
          outcomes.push(o);
        }
      } finally {
        agent.destroy();
      }
    };
    const load = Array.from({ length: 8 }, client);
    await new Promise((r) => setTimeout(r, 1500));
    const before = outcomes.length;
    child.kill('SIGTERM');
    stopAt = Date.now() + 10_000;
    const code = await exited;
    await Promise.all(load);

    assert.equal(code, 0, `exit code; output:\n${output}`);
    assert.ok(before > 50, `load before the signal: ${before} requests`);
    const failed = outcomes.filter((o) => 'error' in o || o.status >= 500);
    assert.deepEqual(failed, [], `${failed.length} of ${outcomes.length} requests failed`);
    assert.ok(
      outcomes.slice(before).some((o) => 'close' in o && o.close),
      'requests after the signal were answered with Connection: close',
    );
    // And it is really gone: the port takes no connection.
    const after = await request(new http.Agent(), port, '/healthz');
    assert.deepEqual(after, { error: 'ECONNREFUSED' });
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
