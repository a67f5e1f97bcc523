/**
 * PGlite in a worker thread (pglite.worker.mjs): its WebAssembly and its protocol parsing no longer
 * run on the thread that parses requests and renders pages. This object is what drizzle's PGlite
 * driver (drizzle-orm/pglite) is given instead of a PGlite instance: it has the methods that driver
 * calls (`query`, `transaction` with a `query` inside), `exec`, and `dumpDataDir` (template.ts).
 *
 * A transaction crosses the thread boundary as three kinds of call: `begin` opens PGlite's own
 * transaction in the worker (BEGIN, and PGlite's lock: other statements wait there), the
 * statements name that transaction (by the `begin` call's id, sent without waiting for its
 * answer), and `end` commits or rolls back. A chain (core/db/chain.ts) is one call for several
 * statements, and may commit as well. Drizzle's nested
 * transactions are savepoints, plain statements here. Results are posted with the structured
 * clone, which keeps Date, Uint8Array, bigint and parsed json as they are.
 */
import { Worker } from 'node:worker_threads';
import type { ChainFill, ChainStep } from './chain.mjs';

type WireOptions = { rowMode?: 'array' | 'object'; raw?: number[] };
type QueryOptions = { rowMode?: 'array' | 'object'; parsers?: Record<number, (value: string, typeId: number) => unknown> } & Record<string, unknown>;
type Results = { rows: unknown[]; affectedRows?: number; fields: { name: string; dataTypeID: number }[] };
type WireError = { message: string; name?: string; stack?: string; fields: Record<string, unknown> };
type Call =
  | { op: 'open'; dataDir?: string; load?: ArrayBuffer }
  | { op: 'query'; sql: string; params?: unknown[]; options?: WireOptions; tx?: number }
  | { op: 'exec'; sql: string; options?: WireOptions; tx?: number }
  | { op: 'chain'; steps: ChainStep[]; fill?: ChainFill; options?: WireOptions; tx: number; commit: boolean }
  | { op: 'begin' }
  | { op: 'end'; tx: number; commit: boolean }
  | { op: 'dump'; compression?: 'none' | 'gzip' | 'auto' }
  | { op: 'close' };

export type PgliteTransaction = {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results & { rows: T[] }>;
  exec(sql: string, options?: QueryOptions): Promise<Results[]>;
  /**
   * Statements run in turn by the thread, each when the one before returned a row (core/db/chain.ts).
   * `commit`: when every step ran, the thread commits at once; the transaction is closed then.
   */
  chain(steps: ChainStep[], opts: { fill?: ChainFill; commit: boolean }, options?: QueryOptions): Promise<Record<string, unknown>[][]>;
  readonly closed: boolean;
};

const workerFile = new URL('./pglite.worker.mjs', import.meta.url);

/**
 * Parsers are functions and cannot be posted. Drizzle passes only parsers that keep a value's
 * text (dates, intervals, numeric arrays: it maps them itself); those go over as type ids. Any
 * other parser is refused rather than silently dropped.
 */
const wired = new WeakMap<QueryOptions, WireOptions>();
function wireOptions(options: QueryOptions | undefined): WireOptions | undefined {
  if (!options) return undefined;
  const known = wired.get(options);
  if (known) return known;
  const { rowMode, parsers, ...rest } = options;
  if (Object.keys(rest).length) throw new Error(`PGlite in a worker thread: query options ${Object.keys(rest).join(', ')} are not supported`);
  const raw: number[] = [];
  for (const [oid, parse] of Object.entries(parsers ?? {})) {
    if (parse('2000-01-01 00:00:00', Number(oid)) !== '2000-01-01 00:00:00') throw new Error(`PGlite in a worker thread: only parsers that keep the text are supported (type ${oid})`);
    raw.push(Number(oid));
  }
  const wire: WireOptions = { ...(rowMode ? { rowMode } : {}), ...(raw.length ? { raw } : {}) };
  wired.set(options, wire);
  return wire;
}

function revive(e: WireError): Error {
  const err = Object.assign(new Error(e.message), e.fields);
  if (e.name) err.name = e.name;
  if (e.stack) err.stack = e.stack;
  return err;
}

export class PgliteThread {
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve(value: unknown): void; reject(err: unknown): void }>();
  #next = 1;
  #gone: Error | undefined;

  private constructor() {
    this.#worker = new Worker(workerFile);
    // The thread keeps the process alive only while a call waits for it: an idle database
    // never holds up the end of a script or a test (as PGlite on the main thread did not).
    this.#worker.unref();
    this.#worker.on('message', (m: { id: number; value?: unknown; error?: WireError }) => {
      const call = this.#pending.get(m.id);
      if (!call) return;
      this.#pending.delete(m.id);
      if (this.#pending.size === 0) this.#worker.unref();
      if (m.error) call.reject(revive(m.error));
      else call.resolve(m.value);
    });
    const lost = (err: Error) => {
      this.#gone ??= err;
      for (const call of this.#pending.values()) call.reject(this.#gone);
      this.#pending.clear();
    };
    this.#worker.on('error', (err) => lost(new Error(`PGlite thread failed: ${err.message}`, { cause: err })));
    this.#worker.on('exit', (code) => lost(new Error(`PGlite thread ended (${code})`)));
  }

  /** Opens the database in a new thread: a data directory, a dump to start from, or neither (in memory). */
  static async open(opts: { dataDir?: string; loadDataDir?: Blob }): Promise<PgliteThread> {
    const thread = new PgliteThread();
    const load = opts.loadDataDir ? await opts.loadDataDir.arrayBuffer() : undefined;
    try {
      await thread.#call({ op: 'open', dataDir: opts.dataDir, load }, load ? [load] : []);
    } catch (err) {
      await thread.#worker.terminate();
      throw err;
    }
    return thread;
  }

  #call(call: Call, transfer: ArrayBuffer[] = []): Promise<unknown> {
    return this.#send(call, transfer).answer;
  }

  /** Posts a call; its id is known at once (a transaction's statements name their `begin` by it). */
  #send(call: Call, transfer: ArrayBuffer[] = []): { id: number; answer: Promise<unknown> } {
    const id = this.#next++;
    if (this.#gone) return { id, answer: Promise.reject(this.#gone) };
    const answer = new Promise((resolve, reject) => {
      if (this.#pending.size === 0) this.#worker.ref();
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ ...call, id }, transfer);
    });
    return { id, answer };
  }

  query<T>(sql: string, params?: unknown[], options?: QueryOptions, tx?: number): Promise<Results & { rows: T[] }> {
    return this.#call({ op: 'query', sql, params, options: wireOptions(options), tx }) as Promise<Results & { rows: T[] }>;
  }

  exec(sql: string, options?: QueryOptions, tx?: number): Promise<Results[]> {
    return this.#call({ op: 'exec', sql, options: wireOptions(options), tx }) as Promise<Results[]>;
  }

  /**
   * Commits when the callback resolves, rolls back when it throws (as PGlite's own `transaction`).
   * The statements go without waiting for BEGIN's answer: the thread holds them until the
   * transaction is open (one turn less while the transaction holds PGlite's lock).
   */
  async transaction<T>(callback: (tx: PgliteTransaction) => Promise<T>): Promise<T> {
    const { id, answer: begun } = this.#send({ op: 'begin' });
    // When BEGIN fails, the statements fail with its error, and so does the callback.
    begun.catch(() => undefined);
    let closed = false;
    let committed = false;
    const open = <T>(call: () => Promise<T>): Promise<T> => (closed ? Promise.reject(new Error('Transaction is closed')) : call());
    const tx: PgliteTransaction = {
      query: (sql, params, options) => open(() => this.query(sql, params, options, id)),
      exec: (sql, options) => open(() => this.exec(sql, options, id)),
      chain: (steps, { fill, commit }, options) =>
        open(async () => {
          const out = (await this.#call({ op: 'chain', steps, fill, options: wireOptions(options), tx: id, commit })) as { rows: Record<string, unknown>[][]; committed: boolean };
          if (out.committed) closed = committed = true;
          return out.rows;
        }),
      get closed() {
        return closed;
      },
    };
    let result: T;
    try {
      result = await callback(tx);
      await begun;
    } catch (err) {
      closed = true;
      if (!committed) await this.#call({ op: 'end', tx: id, commit: false }).catch(() => undefined);
      throw err;
    }
    closed = true;
    if (!committed) await this.#call({ op: 'end', tx: id, commit: true });
    return result;
  }

  async dumpDataDir(compression: 'none' | 'gzip' | 'auto' = 'auto'): Promise<Blob> {
    return new Blob([(await this.#call({ op: 'dump', compression })) as ArrayBuffer]);
  }

  /** Closes PGlite (it writes its files) and ends the thread. */
  async close(): Promise<void> {
    try {
      if (!this.#gone) await this.#call({ op: 'close' });
    } finally {
      this.#gone ??= new Error('PGlite is closed');
      await this.#worker.terminate();
    }
  }
}
