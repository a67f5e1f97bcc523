// The thread a sandboxed task runs in (core/sandbox/sandbox.ts). Plain JavaScript: it registers
// the TypeScript loader itself (a worker thread does not inherit the parent's loader), imports
// the task's module and runs its default export on the input. Whatever the task does, it can
// only end this thread: the parent sees a message, an error or the exit.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
try {
  const task = (await import(workerData.module)).default;
  const value = await task(workerData.input);
  const transfer = value instanceof Uint8Array ? [value.buffer] : [];
  parentPort.postMessage({ ok: true, value }, transfer);
} catch (err) {
  parentPort.postMessage({ ok: false, error: String(err?.message ?? err).slice(0, 500), code: typeof err?.code === 'string' ? err.code : undefined });
}
