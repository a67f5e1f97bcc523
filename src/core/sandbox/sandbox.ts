/**
 * Runs work on untrusted input (a PDF, an image, an archive from an upload) in a child process
 * with a heap limit and a time limit, so a hostile file can stall or exhaust only that process:
 * the server keeps answering, and the caller gets an outcome it can turn into a clear message.
 *
 * A process, not a worker thread: a thread's heap limit is no wall. Node stops a thread at its
 * limit and lets it allocate 16 MB more meanwhile; mammoth reading a 30 MB docx allocated faster,
 * and V8 ended the whole process (CI, December 2026). A child process that runs out of heap ends
 * alone, and says so on its stderr. See docs/decisions/0026 (amendment) and 0031.
 *
 * A task is a TypeScript module whose default export takes the input and returns the result
 * (both cross the IPC channel through V8's serializer, so Uint8Arrays, Dates and Maps arrive as
 * they are). The process imports the task built into dist/ (scripts/build.mjs) when that build is
 * current, else the source through tsx (whose loader costs 0.1-0.2 s at start).
 *
 * Warm processes (`keep`): starting a process and the task's code running unoptimised can cost
 * more than the work (pdf.js: 0.2-0.7 s). A kept process that finished a task without trouble
 * waits for the next task of the same module and limits. It is ended, never reused, after a task
 * that failed, ran out of time or memory; after MAX_TASKS tasks; after IDLE_MS without work
 * (except one in standby, `keepReady`). Only tasks that keep no state of one input for the next
 * may be kept.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { currentBuild } from '../build-state.mjs';

export type SandboxLimits = { timeoutMs: number; maxMemoryMb: number };
/** `memory`: the process ran out of its heap; `timeout`: it ran too long; `error`: the task threw (`code` is the error's code, if any) or the process ended otherwise. */
export type SandboxOutcome<T> = { ok: true; value: T } | { ok: false; reason: 'timeout' | 'memory' | 'error'; error: string; code?: string };
/** `keep`: the process may be a warm one and is kept for the next task (see above). `background`: nobody waits; the process does not keep the server running. */
export type SandboxOptions = { keep?: boolean; background?: boolean };

const bootstrap = fileURLToPath(new URL('./sandbox.child.mjs', import.meta.url));
const root = fileURLToPath(new URL('../../..', import.meta.url));

/** A kept process runs at most this many tasks, then a fresh one takes over. */
const MAX_TASKS = 20;
/** A kept process without work for this long is ended (a warm pdf.js process holds about 80 MB resident). */
const IDLE_MS = 60_000;
/** What V8 writes to stderr when a heap limit ends the process. */
const OUT_OF_HEAP = /heap out of memory|Reached heap limit/;

type Reply = { ok: true; value: unknown } | { ok: false; error: string; code?: string };
type Pool = { idle: Sandbox[]; busy: number; standby: boolean };
type Sandbox = { child: ChildProcess; exited: Promise<void>; tasks: number; pool?: Pool; idle?: NodeJS.Timeout; settle?: (r: SandboxOutcome<unknown>) => void };

/** Kept processes by task and heap limit (a process's limits are fixed when it starts). */
const pools = new Map<string, Pool>();

let build: Set<string> | null | undefined;
const modules = new Map<string, string>();
/** The module a process imports for `task`: dist/<task>.js when the current build has it (checked once per process). */
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

/** The child sees none of the server's secrets (SECRET_KEY, DATABASE_URL): only what Node and the tasks' libraries read. */
function childEnv(): NodeJS.ProcessEnv {
  const keep = ['PATH', 'HOME', 'TMPDIR', 'TZ', 'LANG', 'LC_ALL', 'NODE_ENV'];
  return Object.fromEntries(keep.flatMap((k) => (process.env[k] === undefined ? [] : [[k, process.env[k]]])));
}

function start(task: URL, limits: SandboxLimits, pool?: Pool): Sandbox {
  // The young generation is three semi-spaces; as the threads had, about a quarter of the heap.
  // The stack stays V8's default (984 kB; a thread had 8 MB): a larger --stack-size than the OS
  // gives the main thread would turn "Maximum call stack size exceeded" into a crash.
  const semiSpaceMb = Math.min(16, Math.max(1, Math.floor(limits.maxMemoryMb / 12)));
  const child = fork(bootstrap, [moduleOf(task)], {
    execArgv: [`--max-old-space-size=${limits.maxMemoryMb}`, `--max-semi-space-size=${semiSpaceMb}`],
    env: childEnv(),
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  // Read as it comes: V8's native stack trace follows its message, and can be long.
  let stderr = '';
  let outOfHeap = false;
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (text: string) => {
    stderr = (stderr.slice(-200) + text).slice(-4000);
    outOfHeap ||= OUT_OF_HEAP.test(stderr);
  });
  let done!: () => void;
  const box: Sandbox = { child, exited: new Promise((resolve) => (done = resolve)), tasks: 0, pool };
  const settle = (r: SandboxOutcome<unknown>) => box.settle?.(r);
  child.on('message', (m: Reply) => settle(m.ok ? { ok: true, value: m.value } : { ok: false, reason: 'error', error: m.error, ...(m.code ? { code: m.code } : {}) }));
  child.on('error', (err) => {
    settle({ ok: false, reason: 'error', error: String(err.message).slice(0, 500) });
    // Not started at all (no pid): no exit will follow.
    if (child.pid === undefined) {
      forget(box);
      done();
    }
  });
  // 'close', not 'exit': stderr has been read to its end.
  child.on('close', (code, signal) => {
    forget(box);
    settle(outOfHeap ? { ok: false, reason: 'memory', error: 'out of memory' } : exited({ ok: false, reason: 'error', error: `process exited (${signal ?? code})` }));
    done();
  });
  return box;
}

/** Whether the process keeps the server's process from ending: its handle, its IPC channel and its stderr pipe. */
function hold(box: Sandbox, on: boolean) {
  for (const handle of [box.child, box.child.channel, box.child.stderr] as ({ ref(): void; unref(): void } | null | undefined)[]) {
    if (on) handle?.ref();
    else handle?.unref();
  }
}

function forget(box: Sandbox) {
  clearTimeout(box.idle);
  if (box.pool) box.pool.idle = box.pool.idle.filter((b) => b !== box);
}

function end(box: Sandbox): Promise<void> {
  forget(box);
  // Held until it has exited: a caller may wait for that, and an unheld process's exit would never be reported.
  hold(box, true);
  box.child.kill('SIGKILL');
  return box.exited;
}

const keyOf = (task: URL, limits: SandboxLimits) => `${limits.maxMemoryMb} ${task.href}`;

function poolOf(task: URL, limits: SandboxLimits): Pool {
  const key = keyOf(task, limits);
  const pool = pools.get(key) ?? { idle: [], busy: 0, standby: false };
  pools.set(key, pool);
  return pool;
}

/** Kept for the next task; an idle process does not keep the server's process alive. The last one of a pool in standby stays. */
function park(box: Sandbox, pool: Pool) {
  hold(box, false);
  pool.idle.push(box);
  box.idle = setTimeout(() => {
    if (!(pool.standby && pool.busy === 0 && pool.idle.length === 1)) void end(box);
  }, IDLE_MS).unref();
}

/** Outcomes that say the process ended under the task (not its heap, not the time limit). */
const exits = new WeakSet<object>();

/**
 * Never rejects: every way the process can end becomes an outcome. A kept process can die while
 * it waits (killed from outside: the kernel's OOM killer, an operator), and that is only reported
 * a moment later; a task that meets such a process runs once more, in a new one.
 */
export async function runSandboxed<T>(task: URL, input: unknown, limits: SandboxLimits, options: SandboxOptions = {}): Promise<SandboxOutcome<T>> {
  const pool = options.keep ? poolOf(task, limits) : undefined;
  let kept = pool?.idle.pop();
  while (kept && !kept.child.connected) {
    void end(kept);
    kept = pool?.idle.pop();
  }
  if (kept) {
    const r = await runIn<T>(kept, input, limits, options, pool);
    if (!exits.has(r)) return r;
  }
  return runIn<T>(start(task, limits, pool), input, limits, options, pool);
}

function runIn<T>(box: Sandbox, input: unknown, limits: SandboxLimits, options: SandboxOptions, pool: Pool | undefined): Promise<SandboxOutcome<T>> {
  clearTimeout(box.idle);
  // A warm-up in the background keeps nothing alive; work someone waits for does.
  hold(box, !options.background);
  if (pool) pool.busy++;
  return new Promise((resolve) => {
    const timer = setTimeout(() => box.settle?.({ ok: false, reason: 'timeout', error: `timeout after ${limits.timeoutMs} ms` }), limits.timeoutMs);
    if (options.background) timer.unref();
    box.settle = (r) => {
      box.settle = undefined;
      clearTimeout(timer);
      box.tasks++;
      if (pool) pool.busy--;
      if (pool && r.ok && box.tasks < MAX_TASKS && box.child.connected) park(box, pool);
      else void end(box);
      resolve(r as SandboxOutcome<T>);
    };
    box.child.send(input as never, (err) => {
      if (err) box.settle?.(exited({ ok: false, reason: 'error', error: String(err.message).slice(0, 500) }));
    });
  });
}

function exited<R extends object>(outcome: R): R {
  exits.add(outcome);
  return outcome;
}

/**
 * Keeps one warm process of `task` ready (standby) before anyone waits for it: when the pool has
 * none, one starts in the background (it does not keep the server running, unless
 * `background: false` for a caller that waits for it) and runs `warmUp`, so the task's code
 * is compiled and optimised before the first real input. Call it again after a while (a process is
 * ended after MAX_TASKS tasks or a failure); it does nothing while one exists.
 */
export async function keepReady(task: URL, limits: SandboxLimits, warmUp: () => unknown, options: { background?: boolean } = {}): Promise<void> {
  const pool = poolOf(task, limits);
  pool.standby = true;
  if (pool.idle.length || pool.busy) return;
  await runSandboxed(task, warmUp(), limits, { keep: true, background: options.background ?? true });
}

/** How many warm processes of `task` with these limits wait for work. */
export function warmSandboxes(task: URL, limits: SandboxLimits): number {
  return pools.get(keyOf(task, limits))?.idle.length ?? 0;
}

/** Ends every idle kept process and takes pools out of standby (the bench measures a first task with none warm). */
export async function stopSandboxes(): Promise<void> {
  const idle = [...pools.values()].flatMap((pool) => {
    pool.standby = false;
    return pool.idle;
  });
  await Promise.all(idle.map(end));
}
