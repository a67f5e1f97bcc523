import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keepReady, runSandboxed, stopSandboxes, warmThreads, type SandboxLimits } from './sandbox.ts';
import type { TestJob } from './sandbox.test.worker.ts';

const task = new URL('./sandbox.test.worker.ts', import.meta.url);
const limits: SandboxLimits = { timeoutMs: 30_000, maxMemoryMb: 64 };
const run = <T>(op: TestJob['op'], keep = true) => runSandboxed<T>(task, { op } satisfies TestJob, limits, { keep });
const threadOf = async (keep = true) => {
  const r = await run<number>('thread', keep);
  assert.ok(r.ok);
  return r.value;
};

test('a thread per task without keep; with keep, a thread is reused until a task fails', async () => {
  await stopSandboxes();
  assert.notEqual(await threadOf(false), await threadOf(false));
  assert.equal(warmThreads(task, limits), 0);
  const first = await threadOf();
  assert.equal(warmThreads(task, limits), 1);
  assert.equal(await threadOf(), first);
  // A failed task ends its thread: the next task gets a new one.
  assert.deepEqual(await run('fail'), { ok: false, reason: 'error', error: 'failed on purpose', code: 'on_purpose' });
  assert.equal(warmThreads(task, limits), 0);
  const second = await threadOf();
  assert.notEqual(second, first);
  // Another heap limit is another thread.
  const other = await runSandboxed<number>(task, { op: 'thread' }, { ...limits, maxMemoryMb: 72 }, { keep: true });
  assert.ok(other.ok && other.value !== second);
  await stopSandboxes();
  assert.equal(warmThreads(task, limits), 0);
});

test('bytes come back whole from a kept thread, a slice of the shared buffer pool too, and the thread goes on', async () => {
  const a = await run<Uint8Array>('bytes');
  assert.ok(a.ok);
  assert.deepEqual([...a.value], [1, 2, 3]);
  const b = await run<Uint8Array>('pooled');
  assert.ok(b.ok);
  assert.equal(Buffer.from(b.value).toString(), 'abc');
  const c = await run<Uint8Array>('pooled');
  assert.ok(c.ok);
  assert.equal(Buffer.from(c.value).toString(), 'abc');
  assert.equal(warmThreads(task, limits), 1);
  await stopSandboxes();
});

test('keepReady starts one thread in standby, warmed on its input, which the next task uses', async () => {
  await stopSandboxes();
  let warmedOn = 0;
  const warmUp = (): TestJob => {
    warmedOn++;
    return { op: 'thread' };
  };
  await keepReady(task, limits, warmUp, { background: false });
  assert.equal(warmedOn, 1);
  assert.equal(warmThreads(task, limits), 1);
  // While a thread exists, it starts no other.
  await keepReady(task, limits, warmUp, { background: false });
  assert.equal(warmedOn, 1);
  const used = await threadOf();
  assert.equal(await threadOf(), used);
  assert.equal(warmThreads(task, limits), 1);
  await stopSandboxes();
});
