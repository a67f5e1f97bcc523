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
  }
  /** Clear here at once, and tell the other instances. */
  async invalidate(): Promise<void> {
    this.clearLocal();
    await this.database?.notify(CHANNEL, String(process.pid)).catch(() => undefined);
  }
}
