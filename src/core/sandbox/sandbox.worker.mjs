// The thread a sandboxed task runs in (core/sandbox/sandbox.ts). Plain JavaScript: it registers
// the TypeScript loader only when the task is the TypeScript source (a worker thread does not
// inherit the parent's loader; a task built into dist/ needs none), imports the task's module
// once and runs its default export on every input the parent sends, one at a time. Whatever a
// task does, it can only end this thread: the parent sees a message, an error or the exit.
import { parentPort, workerData } from 'node:worker_threads';

if (workerData.module.endsWith('.ts')) (await import('tsx/esm/api')).register();
const task = (await import(workerData.module)).default;
parentPort.on('message', async (input) => {
  try {
    const value = await task(input);
    // Transferred only when the bytes are their whole buffer (not a slice of Node's shared pool).
    const transfer = value instanceof Uint8Array && value.byteOffset === 0 && value.byteLength === value.buffer.byteLength ? [value.buffer] : [];
    parentPort.postMessage({ ok: true, value }, transfer);
  } catch (err) {
    parentPort.postMessage({ ok: false, error: String(err?.message ?? err).slice(0, 500), code: typeof err?.code === 'string' ? err.code : undefined });
  }
});
