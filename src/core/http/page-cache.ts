import { randomUUID } from 'node:crypto';
import type { Database } from '../db/index.ts';

const CHANNEL = 'raadwerk_cache';

/**
 * What a change may have touched. 'all': anything, organisations' own rows included (the councils
 * service says so after its writes). 'content': what an organisation holds (signals, advices,
 * pages), not its own row; every other POST. Public pages and content memos go either way;
 * memos kept with `scope: 'organisation'` (the council row) only go with 'all'.
 */
export type ChangeScope = 'all' | 'content';

/** The page is kept as its UTF-8 bytes: its size is known exactly, and a hit sends them as they are. */
type Page = { body: Buffer; etag: string; at: number; bytes: number };

/** What an entry costs besides the page: its key, its etag and the objects around them. */
const ENTRY_OVERHEAD = 300;

/**
 * Rendered public pages for anonymous readers. Any change clears it, here and in every other
 * instance (LISTEN/NOTIFY), so a change shows on the next request.
 *
 * Bounded by bytes (PAGE_CACHE_BYTES, 64 MB by default) and by entries: when a new page does not
 * fit, the least recently read pages go first. A platform of 350 councils has tens of thousands of
 * public pages (every advice, meeting, article), so a count alone would not bound the memory.
 */
export class PageCache {
  /** Map order is recency: a hit moves its page to the end, the first one is the least recently used. */
  private pages = new Map<string, Page>();
  private bytes = 0;
  private generation = 0;
  private readonly maxBytes: number;
  private readonly maxEntries: number;
  /**
   * maxAgeMs bounds changes that come from time rather than from a user (a vacancy whose
   * closing date passed at midnight).
   */
  private readonly maxAgeMs: number;

  constructor(opts: { maxBytes?: number; maxEntries?: number; maxAgeMs?: number } = {}) {
    this.maxBytes = opts.maxBytes ?? 64 * 1024 * 1024;
    this.maxEntries = opts.maxEntries ?? 20_000;
    this.maxAgeMs = opts.maxAgeMs ?? 60_000;
  }

  async connect(database: Database): Promise<void> {
    this.database = database;
    await database.listen(CHANNEL, (payload) => {
      // Our own NOTIFY comes back too: cleared already when it was sent. After a reconnect
      // (empty payload) notifications may have been missed: everything goes.
      const [from, scope] = payload.split(':');
      if (from === this.instance) return;
      this.clearLocal(payload !== '' && scope === 'content' ? 'content' : 'all');
    });
  }
  private database: Database | null = null;
  /** Tells this cache's own notifications from the other instances' ones (one process may hold several in tests). */
  private readonly instance = randomUUID();

  get(key: string): Page | undefined {
    const hit = this.pages.get(key);
    if (hit) this.pages.delete(key);
    if (!hit || Date.now() - hit.at > this.maxAgeMs) {
      if (hit) this.bytes -= hit.bytes;
      this.misses++;
      return undefined;
    }
    this.pages.set(key, hit);
    this.hits++;
    return hit;
  }
  /** Reads answered from the cache and not, since the start (the bench prints the share). */
  hits = 0;
  misses = 0;
  /** Only store when nothing changed while the page was being rendered. */
  set(key: string, body: string | Buffer, generation: number, etag: string) {
    if (generation !== this.generation) return;
    const page = typeof body === 'string' ? Buffer.from(body) : body;
    const bytes = page.length + 2 * key.length + ENTRY_OVERHEAD;
    // A page larger than a quarter of the budget would push out many others for one reader.
    if (bytes > this.maxBytes / 4) return;
    const old = this.pages.get(key);
    if (old) {
      this.pages.delete(key);
      this.bytes -= old.bytes;
    }
    while (this.pages.size > 0 && (this.bytes + bytes > this.maxBytes || this.pages.size >= this.maxEntries)) {
      const [oldestKey, oldest] = this.pages.entries().next().value!;
      this.pages.delete(oldestKey);
      this.bytes -= oldest.bytes;
    }
    this.pages.set(key, { body: page, etag, at: Date.now(), bytes });
    this.bytes += bytes;
  }
  /** How full it is (the bench prints it; the budget is what it may grow to). */
  size(): { entries: number; bytes: number; maxBytes: number } {
    return { entries: this.pages.size, bytes: this.bytes, maxBytes: this.maxBytes };
  }
  currentGeneration() {
    return this.generation;
  }
  clearLocal(scope: ChangeScope = 'all') {
    this.generation++;
    this.pages.clear();
    this.bytes = 0;
    this.values.clear();
    if (scope === 'all') {
      this.organisationGeneration++;
      this.organisationValues.clear();
    }
  }

  private values = new Map<string, Memoised>();
  /** Values that only a change of an organisation's own row makes stale (the council memo): a signal posted leaves them. */
  private organisationValues = new Map<string, Memoised>();
  private organisationGeneration = 0;
  /**
   * A value read from the database (facets, counts, council rows), kept until the next change
   * anywhere: every successful change moves the generation on, here and on the other instances
   * (NOTIFY). Put in the key whatever else the value depends on (council, day). Only for data
   * that changes through requests; `maxAgeMs` bounds what changes outside them (a script), and
   * `keep` says which values to keep (not an unknown council: one made later is found at once).
   * `scope: 'organisation'`: the value depends only on organisations' own rows, so it is kept
   * across 'content' changes (see ChangeScope).
   */
  async memo<T>(key: string, compute: () => Promise<T>, opts: { maxAgeMs?: number; keep?: (value: T) => boolean; scope?: 'organisation' } = {}): Promise<T> {
    const values = opts.scope === 'organisation' ? this.organisationValues : this.values;
    const current = () => (opts.scope === 'organisation' ? this.organisationGeneration : this.generation);
    // Read before computing: a change while it runs leaves the stored entry stale at once.
    const generation = current();
    const hit = values.get(key);
    if (hit && hit.generation === generation && (opts.maxAgeMs === undefined || Date.now() - hit.at < opts.maxAgeMs)) return hit.value as T;
    const value = await compute();
    if (opts.keep && !opts.keep(value)) {
      values.delete(key);
      return value;
    }
    // Changed while it ran: stale already, and a newer value may be there.
    if (generation !== current()) return value;
    if (values.size >= MEMO_ENTRIES && !values.has(key)) values.delete(values.keys().next().value!);
    values.set(key, { generation, at: Date.now(), value });
    return value;
  }

  /**
   * Clear here at once, and tell the other instances. The NOTIFY goes out in the background, in
   * order, one at a time: changes made while one is on its way are told together by the next
   * (they all clear the same). What the promise waits for is that telling; a request does not.
   */
  invalidate(scope: ChangeScope = 'all'): Promise<void> {
    this.clearLocal(scope);
    if (!this.database) return Promise.resolve();
    this.untold = this.untold === 'all' || scope === 'all' ? 'all' : 'content';
    this.telling ??= this.tell();
    return this.telling;
  }
  private untold: ChangeScope | null = null;
  private telling: Promise<void> | null = null;
  private async tell(): Promise<void> {
    try {
      while (this.untold && this.database) {
        const scope = this.untold;
        this.untold = null;
        await this.database.notify(CHANNEL, `${this.instance}:${scope}`).catch(() => undefined);
      }
    } finally {
      this.telling = null;
    }
  }
  /** Resolves when every change so far has been told to the other instances (before the database closes). */
  async told(): Promise<void> {
    while (this.telling) await this.telling;
  }
}

type Memoised = { generation: number; at: number; value: unknown };

/** Memoised values are small (counts, year lists) and per council: one per key is plenty. */
const MEMO_ENTRIES = 2000;
