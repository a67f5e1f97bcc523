/**
 * Runs work on untrusted input (a PDF, an image, an archive from an upload) in a worker thread
 * with a memory limit and a time limit, so a hostile file can stall or exhaust only that thread:
 * the server keeps answering, and the caller gets an outcome it can turn into a clear message.
 *
 * A task is a TypeScript module whose default export takes the input and returns the result
 * (structured-cloneable; a Uint8Array result is transferred, not copied). See
 * docs/decisions/0026-hostile-files-backup-instances.md.
 */
import { Worker } from 'node:worker_threads';

export type SandboxLimits = { timeoutMs: number; maxMemoryMb: number };
/** `memory`: the thread ran out of its heap; `timeout`: it ran too long; `error`: the task threw (`code` is the error's code, if any). */
export type SandboxOutcome<T> = { ok: true; value: T } | { ok: false; reason: 'timeout' | 'memory' | 'error'; error: string; code?: string };

const bootstrap = new URL('./sandbox.worker.mjs', import.meta.url);

/** Never rejects: every way the thread can end becomes an outcome. */
export function runSandboxed<T>(task: URL, input: unknown, limits: SandboxLimits): Promise<SandboxOutcome<T>> {
  return new Promise((resolve) => {
    let settled = false;
    const worker = new Worker(bootstrap, {
      workerData: { module: task.href, input },
      resourceLimits: { maxOldGenerationSizeMb: limits.maxMemoryMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(4, limits.maxMemoryMb / 4)), stackSizeMb: 8 },
      stdout: true,
      stderr: true,
    });
    const done = (r: SandboxOutcome<T>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(r);
    };
    const timer = setTimeout(() => done({ ok: false, reason: 'timeout', error: `timeout after ${limits.timeoutMs} ms` }), limits.timeoutMs);
    worker.on('message', (m: { ok: true; value: T } | { ok: false; error: string; code?: string }) =>
      done(m.ok ? { ok: true, value: m.value } : { ok: false, reason: 'error', error: m.error, ...(m.code ? { code: m.code } : {}) }),
    );
    worker.on('error', (err: Error & { code?: string }) =>
      done(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { ok: false, reason: 'memory', error: 'out of memory' } : { ok: false, reason: 'error', error: String(err.message).slice(0, 500) }),
    );
    worker.on('exit', (code) => done({ ok: false, reason: 'error', error: `worker exited (${code})` }));
  });
}
