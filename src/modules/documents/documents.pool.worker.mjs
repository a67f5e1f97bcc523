// A long-lived extraction thread (documents.threads.ts): imports the task once, then runs it on
// every input the parent sends, one at a time. Plain JavaScript: it registers the TypeScript
// loader only when the task is the TypeScript source (not the build in dist/, scripts/build.mjs),
// since tsx's loader hooks cost a thread 0.1-0.2 s to start. Whatever a file does, it can only
// end this thread: the parent sees a message, an error or the exit, and starts a new thread.
import { parentPort, workerData } from 'node:worker_threads';

if (workerData.module.endsWith('.ts')) (await import('tsx/esm/api')).register();
const task = (await import(workerData.module)).default;
parentPort.on('message', async (input) => {
  try {
    parentPort.postMessage({ ok: true, value: await task(input) });
  } catch (err) {
    parentPort.postMessage({ ok: false, error: String(err?.message ?? err).slice(0, 500), code: typeof err?.code === 'string' ? err.code : undefined });
  }
});
