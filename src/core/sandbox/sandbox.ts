/**
 * Runs work on untrusted input (a PDF, an image, an archive from an upload) in a worker thread
 * with a memory limit and a time limit, so a hostile file can stall or exhaust only that thread:
 * the server keeps answering, and the caller gets an outcome it can turn into a clear message.
 *
 * A task is a TypeScript module whose default export takes the input and returns the result
 * (structured-cloneable; a Uint8Array result is transferred, not copied). The thread imports the
 * task built into dist/ (scripts/build.mjs) when that build is current, else the source through
 * tsx (whose loader costs a thread 0.1-0.2 s to start). See
 * docs/decisions/0026-hostile-files-backup-instances.md and 0031 (sessions 8 and 9).
 *
 * Warm threads (`keep`): starting a thread and the task's code running unoptimised can cost more
 * than the work (pdf.js: 0.2-0.7 s). A kept thread that finished a task without trouble waits for
 * the next task of the same module and limits. It is ended, never reused, after a task that failed,
 * ran out of time or memory; after MAX_TASKS tasks; after IDLE_MS without work (except one in
 * standby, `keepReady`). Only tasks that keep no state of one input for the next may be kept.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { currentBuild } from '../build-state.mjs';

export type SandboxLimits = { timeoutMs: number; maxMemoryMb: number };
/** `memory`: the thread ran out of its heap; `timeout`: it ran too long; `error`: the task threw (`code` is the error's code, if any). */
export type SandboxOutcome<T> = { ok: true; value: T } | { ok: false; reason: 'timeout' | 'memory' | 'error'; error: string; code?: string };
/** `keep`: the thread may be a warm one and is kept for the next task (see above). `background`: nobody waits, it keeps no process alive. */
export type SandboxOptions = { keep?: boolean; background?: boolean };

const bootstrap = new URL('./sandbox.worker.mjs', import.meta.url);
const root = fileURLToPath(new URL('../../..', import.meta.url));

/** A kept thread runs at most this many tasks, then a fresh one takes over. */
const MAX_TASKS = 20;
/** A kept thread without work for this long is ended (a warm pdf.js thread holds 60-100 MB). */
const IDLE_MS = 60_000;

type Reply = { ok: true; value: unknown } | { ok: false; error: string; code?: string };
type Pool = { idle: Thread[]; busy: number; standby: boolean };
type Thread = { worker: Worker; tasks: number; pool?: Pool; idle?: NodeJS.Timeout; settle?: (r: SandboxOutcome<unknown>) => void };

/** Kept threads by task and heap limit (a thread's limits are fixed when it starts). */
const pools = new Map<string, Pool>();

let build: Set<string> | null | undefined;
const modules = new Map<string, string>();
/** The module a thread imports for `task`: dist/<task>.js when the current build has it (checked once per process). */
function moduleOf(task: URL): string {
  let href = modules.get(task.href);
  if (href) return href;
  build ??= currentBuild(root);
  const source = fileURLToPath(task);
  const built = path.join(root, 'dist', path.basename(source).replace(/\.ts$/, '.js'));
  const relative = path.relative(root, source).split(path.sep).join('/');
  href = build?.has(relative) && fs.existsSync(built) ? pathToFileURL(built).href : task.href;
  modules.set(task.href, href);
  return href;
}

function start(task: URL, limits: SandboxLimits, pool?: Pool): Thread {
  const worker = new Worker(bootstrap, {
    workerData: { module: moduleOf(task) },
    resourceLimits: { maxOldGenerationSizeMb: limits.maxMemoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(4, limits.maxMemoryMb / 4)), stackSizeMb: 8 },
    stdout: true,
    stderr: true,
  });
  const thread: Thread = { worker, tasks: 0, pool };
  const settle = (r: SandboxOutcome<unknown>) => thread.settle?.(r);
  worker.on('message', (m: Reply) => settle(m.ok ? { ok: true, value: m.value } : { ok: false, reason: 'error', error: m.error, ...(m.code ? { code: m.code } : {}) }));
  worker.on('error', (err: Error & { code?: string }) =>
    settle(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { ok: false, reason: 'memory', error: 'out of memory' } : { ok: false, reason: 'error', error: String(err.message).slice(0, 500) }),
  );
  worker.on('exit', (code) => {
    forget(thread);
    settle({ ok: false, reason: 'error', error: `worker exited (${code})` });
  });
  return thread;
}

function forget(thread: Thread) {
  clearTimeout(thread.idle);
  if (thread.pool) thread.pool.idle = thread.pool.idle.filter((t) => t !== thread);
}

function end(thread: Thread): Promise<number> {
  forget(thread);
  return thread.worker.terminate();
}

const keyOf = (task: URL, limits: SandboxLimits) => `${limits.maxMemoryMb} ${task.href}`;

function poolOf(task: URL, limits: SandboxLimits): Pool {
  const key = keyOf(task, limits);
  const pool = pools.get(key) ?? { idle: [], busy: 0, standby: false };
  pools.set(key, pool);
  return pool;
}

/** Kept for the next task; an idle thread does not keep the process alive. The last one of a pool in standby stays. */
function park(thread: Thread, pool: Pool) {
  thread.worker.unref();
  pool.idle.push(thread);
  thread.idle = setTimeout(() => {
    if (!(pool.standby && pool.busy === 0 && pool.idle.length === 1)) void end(thread);
  }, IDLE_MS).unref();
}

/** Never rejects: every way the thread can end becomes an outcome. */
export function runSandboxed<T>(task: URL, input: unknown, limits: SandboxLimits, options: SandboxOptions = {}): Promise<SandboxOutcome<T>> {
  const pool = options.keep ? poolOf(task, limits) : undefined;
  const thread = pool?.idle.pop() ?? start(task, limits, pool);
  clearTimeout(thread.idle);
  // A warm-up in the background keeps nothing alive; work someone waits for does.
  if (options.background) thread.worker.unref();
  else thread.worker.ref();
  if (pool) pool.busy++;
  return new Promise((resolve) => {
    const timer = setTimeout(() => thread.settle?.({ ok: false, reason: 'timeout', error: `timeout after ${limits.timeoutMs} ms` }), limits.timeoutMs);
    if (options.background) timer.unref();
    thread.settle = (r) => {
      thread.settle = undefined;
      clearTimeout(timer);
      thread.tasks++;
      if (pool) pool.busy--;
      if (pool && r.ok && thread.tasks < MAX_TASKS) park(thread, pool);
      else void end(thread);
      resolve(r as SandboxOutcome<T>);
    };
    thread.worker.postMessage(input);
  });
}

/**
 * Keeps one warm thread of `task` ready (standby) before anyone waits for it: when the pool has no
 * thread, one starts in the background (it keeps no process alive, unless `background: false` for
 * a caller that waits for it) and runs `warmUp`, so the task's code is compiled and optimised
 * before the first real input. Call it again after a while (a thread is ended after MAX_TASKS
 * tasks or a failure); it does nothing while a thread exists.
 */
export async function keepReady(task: URL, limits: SandboxLimits, warmUp: () => unknown, options: { background?: boolean } = {}): Promise<void> {
  const pool = poolOf(task, limits);
  pool.standby = true;
  if (pool.idle.length || pool.busy) return;
  await runSandboxed(task, warmUp(), limits, { keep: true, background: options.background ?? true });
}

/** How many warm threads of `task` with these limits wait for work. */
export function warmThreads(task: URL, limits: SandboxLimits): number {
  return pools.get(keyOf(task, limits))?.idle.length ?? 0;
}

/** Ends every idle kept thread and takes pools out of standby (the bench measures a first task with none warm). */
export async function stopSandboxes(): Promise<void> {
  const idle = [...pools.values()].flatMap((pool) => {
    pool.standby = false;
    return pool.idle;
  });
  await Promise.all(idle.map(end));
}
