import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keepReady, runSandboxed, stopSandboxes, warmSandboxes, type SandboxLimits } from './sandbox.ts';
import type { TestJob } from './sandbox.test.worker.ts';

const task = new URL('./sandbox.test.worker.ts', import.meta.url);
const limits: SandboxLimits = { timeoutMs: 30_000, maxMemoryMb: 64 };
const run = <T>(op: TestJob['op'], keep = true) => runSandboxed<T>(task, { op } satisfies TestJob, limits, { keep });
const processOf = async (keep = true) => {
  const r = await run<number>('process', keep);
  assert.ok(r.ok);
  assert.notEqual(r.value, process.pid);
  return r.value;
};

test('a process per task without keep; with keep, a process is reused until a task fails', async () => {
  await stopSandboxes();
  assert.notEqual(await processOf(false), await processOf(false));
  assert.equal(warmSandboxes(task, limits), 0);
  const first = await processOf();
  assert.equal(warmSandboxes(task, limits), 1);
  assert.equal(await processOf(), first);
  // A failed task ends its process: the next task gets a new one.
  assert.deepEqual(await run('fail'), { ok: false, reason: 'error', error: 'failed on purpose', code: 'on_purpose' });
  assert.equal(warmSandboxes(task, limits), 0);
  const second = await processOf();
  assert.notEqual(second, first);
  // Another heap limit is another process.
  const other = await runSandboxed<number>(task, { op: 'process' }, { ...limits, maxMemoryMb: 72 }, { keep: true });
  assert.ok(other.ok && other.value !== second);
  await stopSandboxes();
  assert.equal(warmSandboxes(task, limits), 0);
});

test('a task that allocates faster than any grace ends its own process, reported as memory; the next task runs', async () => {
  assert.deepEqual(await run('hog'), { ok: false, reason: 'memory', error: 'out of memory' });
  assert.equal(warmSandboxes(task, limits), 0);
  await processOf();
  await stopSandboxes();
});

test('a kept process that died while it waited is passed over: the next task runs in a new one', async () => {
  await stopSandboxes();
  const first = await processOf();
  process.kill(first, 'SIGKILL');
  const next = await processOf();
  assert.notEqual(next, first);
  await stopSandboxes();
});

test('a task that runs too long is ended; the process sees none of the server environment but what Node needs', async () => {
  const slow = await runSandboxed(task, { op: 'hog' }, { ...limits, timeoutMs: 1 });
  assert.deepEqual(slow, { ok: false, reason: 'timeout', error: 'timeout after 1 ms' });
  process.env.RAADWERK_SANDBOX_TEST_SECRET = 'geheim';
  const env = await run<string[]>('env', false);
  delete process.env.RAADWERK_SANDBOX_TEST_SECRET;
  assert.ok(env.ok);
  assert.ok(!env.value.includes('RAADWERK_SANDBOX_TEST_SECRET'), env.value.join(' '));
  assert.ok(!env.value.some((k) => /SECRET|DATABASE|PASSWORD/.test(k)), env.value.join(' '));
});

test('bytes come back whole from a kept process, a slice of the shared buffer pool too, and the process goes on', async () => {
  const a = await run<Uint8Array>('bytes');
  assert.ok(a.ok);
  assert.deepEqual([...a.value], [1, 2, 3]);
  const b = await run<Uint8Array>('pooled');
  assert.ok(b.ok);
  assert.equal(Buffer.from(b.value).toString(), 'abc');
  const c = await run<Uint8Array>('pooled');
  assert.ok(c.ok);
  assert.equal(Buffer.from(c.value).toString(), 'abc');
  assert.equal(warmSandboxes(task, limits), 1);
  await stopSandboxes();
});

test('keepReady starts one process in standby, warmed on its input, which the next task uses', async () => {
  await stopSandboxes();
  let warmedOn = 0;
  const warmUp = (): TestJob => {
    warmedOn++;
    return { op: 'process' };
  };
  await keepReady(task, limits, warmUp, { background: false });
  assert.equal(warmedOn, 1);
  assert.equal(warmSandboxes(task, limits), 1);
  // While a process exists, it starts no other.
  await keepReady(task, limits, warmUp, { background: false });
  assert.equal(warmedOn, 1);
  const used = await processOf();
  assert.equal(await processOf(), used);
  assert.equal(warmSandboxes(task, limits), 1);
  await stopSandboxes();
});
