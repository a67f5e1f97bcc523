/**
 * Warm threads for text extraction. Each file is read in a worker thread with a heap limit and a
 * time limit (as core/sandbox does), but a thread that finished a file without trouble is kept for
 * the next one instead of being ended: starting a thread and warming pdf.js up (its first pages
 * run unoptimised) cost more than reading a 300-page PDF in a warm thread (decision 0031, session 8).
 *
 * A thread is ended, never reused, after a file that failed, ran out of time or memory; after
 * MAX_FILES files; and after IDLE_MS without work. A kept thread holds no state of the files it read
 * (pdf.js's document is destroyed after each file; no code from a file runs: isEvalSupported off).
 * The task is the build in dist/ when that was built from the sources as they are now (no tsx in
 * the thread), otherwise the TypeScript source through tsx.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SandboxLimits, SandboxOutcome } from '../../core/sandbox/sandbox.ts';

const bootstrap = new URL('./documents.pool.worker.mjs', import.meta.url);
const source = new URL('./documents.extract.worker.ts', import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(source)), '../../..');

/** A thread reads at most this many files, then a fresh one takes over. */
const MAX_FILES = 20;
/** A thread without work for this long is ended (a warm pdf.js thread holds 60-100 MB). */
const IDLE_MS = 60_000;

type Reply = { ok: true; value: unknown } | { ok: false; error: string; code?: string };
type Thread = { worker: Worker; files: number; idle?: NodeJS.Timeout; settle?: (r: SandboxOutcome<unknown>) => void };

/** Idle threads by their heap limit (a thread's limits are fixed when it starts). */
const idle = new Map<number, Thread[]>();

let task: URL | undefined;
/** The compiled task (dist/documents.extract.worker.js) if dist/build.json matches every source it was built from. */
function taskModule(): URL {
  if (task) return task;
  const built = path.join(root, 'dist', 'documents.extract.worker.js');
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'dist', 'build.json'), 'utf8')) as { node: string; inputs: Record<string, [number, number]> };
    const fresh =
      manifest.node === process.versions.node &&
      fs.existsSync(built) &&
      Object.entries(manifest.inputs).every(([file, [size, mtime]]) => {
        const s = fs.statSync(path.join(root, file), { throwIfNoEntry: false });
        return s?.size === size && s.mtimeMs === mtime;
      });
    task = fresh ? pathToFileURL(built) : source;
  } catch {
    task = source;
  }
  return task;
}

function start(limits: SandboxLimits): Thread {
  const worker = new Worker(bootstrap, {
    workerData: { module: taskModule().href },
    resourceLimits: { maxOldGenerationSizeMb: limits.maxMemoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(4, limits.maxMemoryMb / 4)), stackSizeMb: 8 },
    stdout: true,
    stderr: true,
  });
  const thread: Thread = { worker, files: 0 };
  const settle = (r: SandboxOutcome<unknown>) => thread.settle?.(r);
  worker.on('message', (m: Reply) => settle(m.ok ? { ok: true, value: m.value } : { ok: false, reason: 'error', error: m.error, ...(m.code ? { code: m.code } : {}) }));
  worker.on('error', (err: Error & { code?: string }) =>
    settle(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { ok: false, reason: 'memory', error: 'out of memory' } : { ok: false, reason: 'error', error: String(err.message).slice(0, 500) }),
  );
  worker.on('exit', (code) => {
    forget(thread, limits.maxMemoryMb);
    settle({ ok: false, reason: 'error', error: `worker exited (${code})` });
  });
  return thread;
}

function forget(thread: Thread, key: number) {
  clearTimeout(thread.idle);
  const others = (idle.get(key) ?? []).filter((t) => t !== thread);
  idle.set(key, others);
}

/**
 * Runs the extraction task on `input` in a warm thread with these limits (a new one when none is
 * idle). Never rejects: every way the thread can end becomes an outcome, as with runSandboxed.
 */
export function runInThread<T>(input: unknown, limits: SandboxLimits): Promise<SandboxOutcome<T>> {
  const thread = idle.get(limits.maxMemoryMb)?.pop() ?? start(limits);
  clearTimeout(thread.idle);
  thread.worker.ref();
  return new Promise((resolve) => {
    const timer = setTimeout(() => thread.settle?.({ ok: false, reason: 'timeout', error: `timeout after ${limits.timeoutMs} ms` }), limits.timeoutMs);
    thread.settle = (r) => {
      thread.settle = undefined;
      clearTimeout(timer);
      thread.files++;
      if (r.ok && thread.files < MAX_FILES) {
        // Kept for the next file; an idle thread does not keep the process alive.
        thread.worker.unref();
        thread.idle = setTimeout(() => void stop(thread, limits.maxMemoryMb), IDLE_MS).unref();
        idle.set(limits.maxMemoryMb, [...(idle.get(limits.maxMemoryMb) ?? []), thread]);
      } else void stop(thread, limits.maxMemoryMb);
      resolve(r as SandboxOutcome<T>);
    };
    thread.worker.postMessage(input);
  });
}

function stop(thread: Thread, key: number): Promise<number> {
  forget(thread, key);
  return thread.worker.terminate();
}

/** Ends every idle thread (the bench measures a first file with none warm). */
export async function stopThreads(): Promise<void> {
  const all = [...idle].flatMap(([key, threads]) => threads.map((t) => stop(t, key)));
  await Promise.all(all);
}
