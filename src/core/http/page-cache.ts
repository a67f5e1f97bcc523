import type { Database } from '../db/index.ts';

const CHANNEL = 'raadwerk_cache';

/**
 * Rendered public pages for anonymous readers. Any change clears it, here and in every other
 * instance (LISTEN/NOTIFY), so a change shows on the next request.
 */
export class PageCache {
  private pages = new Map<string, { body: string; etag: string; at: number }>();
  private generation = 0;
  /**
   * maxAgeMs bounds changes that come from time rather than from a user (a vacancy whose
   * closing date passed at midnight).
   */
  constructor(
    private readonly maxEntries = 2000,
    private readonly maxAgeMs = 60_000,
  ) {}

  async connect(database: Database): Promise<void> {
    this.database = database;
    await database.listen(CHANNEL, () => this.clearLocal());
  }
  private database: Database | null = null;

  get(key: string) {
    const hit = this.pages.get(key);
    if (hit && Date.now() - hit.at > this.maxAgeMs) {
      this.pages.delete(key);
      return undefined;
    }
    return hit;
  }
  /** Only store when nothing changed while the page was being rendered. */
  set(key: string, body: string, generation: number, etag: string) {
    if (generation !== this.generation) return;
    if (this.pages.size >= this.maxEntries) this.pages.delete(this.pages.keys().next().value!);
    this.pages.set(key, { body, etag, at: Date.now() });
  }
  currentGeneration() {
    return this.generation;
  }
  clearLocal() {
    this.generation++;
    this.pages.clear();
    this.values.clear();
  }

  private values = new Map<string, { generation: number; value: unknown }>();
  /**
   * A value read from the database (facets, counts), kept until the next change anywhere:
   * every successful change moves the generation on, here and on the other instances (NOTIFY).
   * Put in the key whatever else the value depends on (council, day). Only for data that
   * changes through requests, not through background jobs alone.
   */
  async memo<T>(key: string, compute: () => Promise<T>): Promise<T> {
    // Read before computing: a change while it runs leaves the stored entry stale at once.
    const generation = this.generation;
    const hit = this.values.get(key);
    if (hit && hit.generation === generation) return hit.value as T;
    const value = await compute();
    if (this.values.size >= this.maxEntries) this.values.delete(this.values.keys().next().value!);
    this.values.set(key, { generation, value });
    return value;
  }
  /** Clear here at once, and tell the other instances. */
  async invalidate(): Promise<void> {
    this.clearLocal();
    await this.database?.notify(CHANNEL, String(process.pid)).catch(() => undefined);
  }
}
