/**
 * Background text extraction. The queue is the `extraction` column of document_versions:
 * a worker claims one pending version with FOR UPDATE SKIP LOCKED (safe with several instances),
 * extracts its text in a sandboxed child process (core/sandbox) with a memory limit and a timeout, and stores the text per
 * page for Dutch full-text search. A hostile or malformed file ends as `failed`, never as a crash.
 * The processes are kept warm between files (core/sandbox's `keep`), and one waits in standby,
 * warmed up on a small built-in PDF, where the queue runs (decision 0031, session 9).
 */
import fs from 'node:fs';
import os from 'node:os';
import { and, asc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Deps } from '../../core/deps.ts';
import { sniffDocument } from '../../core/files/sniff.ts';
import type { ExtractJob } from './documents.extract.worker.ts';
import { refreshLexemes } from './documents.search.ts';
import { keepReady, runSandboxed, warmSandboxes } from '../../core/sandbox/sandbox.ts';
import { documentPages, documentVersions, documents, type DocumentVersion, type ExtractionState } from './documents.schema.ts';

export const EXTRACTION_LIMITS = {
  timeoutMs: 120_000,
  maxMemoryMb: 512,
  /** More text than this is not indexed (a 50 MB file of pure text, a zip bomb). */
  maxTextChars: 40_000_000,
  maxPages: 10_000,
  /** Text without pages is stored in parts of about this size (a tsvector has a size limit). */
  chunkChars: 50_000,
  maxAttempts: 3,
  /** A claim older than this belonged to an instance that stopped; the version is tried again. */
  staleClaimMs: 10 * 60_000,
};

type Page = { page: number | null; text: string };

const task = new URL('./documents.extract.worker.ts', import.meta.url);
const warmUpPdf = new URL('./documents.warmup.pdf', import.meta.url);

/**
 * Starts one extraction process ahead of need, in the background (it does not keep the server running), and
 * lets it read a small built-in PDF (8 pages made once with pdfkit: 4 in an embedded Noto Sans
 * subset, as the app's letters are, 4 in Helvetica, a standard font; not the bench's generator), so
 * that pdf.js is loaded and its hot paths compiled before the first upload: a first file then costs
 * what a next file costs. The process then stays in standby (not ended after a minute idle); it
 * holds about 80 MB (resident, after the warm-up). Does nothing while a process exists; the
 * extraction job calls it in the background.
 */
export function keepExtractionReady(options: { background?: boolean } = {}): Promise<void> {
  const warmUp = (): ExtractJob => ({ kind: 'pdf', bytes: new Uint8Array(fs.readFileSync(warmUpPdf)), maxPages: EXTRACTION_LIMITS.maxPages });
  return keepReady(task, EXTRACTION_LIMITS, warmUp, options);
}
export type ExtractionResult = { status: 'done'; pages: Page[] } | { status: Exclude<ExtractionState, 'done' | 'pending'>; error: string };

/** A PDF at least this large may be read by several processes, each opening it and reading its share of the pages. */
const PARALLEL_PDF_BYTES = 256 * 1024;
/** At most this many processes per PDF. */
const MAX_PROCESSES = 4;

/**
 * Processes for one extraction: one per idle core (os.availableParallelism less the load of the last
 * minute), at least one, at most MAX_PROCESSES. Each process opens the file and starts pdf.js
 * (about 0.2-0.4 s of its own), so on a busy machine a second process only competes with the first:
 * on 2 shared cores at load 4-5 two processes took 1.47 s against 1.00 s for one (docs/decisions/0031).
 */
function processesFor(kind: string, bytes: Uint8Array, limits: typeof EXTRACTION_LIMITS): number {
  if (kind !== 'pdf' || bytes.length < PARALLEL_PDF_BYTES) return 1;
  const idle = Math.floor(os.availableParallelism() - os.loadavg()[0]!);
  const processes = Math.max(1, Math.min(MAX_PROCESSES, idle));
  // One warm process reads a 300-page PDF faster than two that start cold (a split file's processes
  // have a smaller heap, so they are not the standby process): split only over warm processes, or
  // when no process is warm at all.
  if (processes > 1 && warmSandboxes(task, shareOf(limits, processes)) < processes && warmSandboxes(task, limits) > 0) return 1;
  return processes;
}

/** Each process's part of an extraction's memory limit. */
function shareOf(limits: typeof EXTRACTION_LIMITS, processes: number): typeof EXTRACTION_LIMITS {
  return processes > 1 ? { ...limits, maxMemoryMb: Math.max(64, Math.floor(limits.maxMemoryMb / processes)) } : limits;
}

/**
 * Extracts text in sandboxed child processes (core/sandbox); resolves (never rejects) with the outcome.
 * A large PDF on an idle machine is split over several processes by page range; the memory limit is
 * per extraction, so each process gets its share of it, and each has the time limit.
 */
export async function extractInWorker(kind: string, bytes: Uint8Array, limits = EXTRACTION_LIMITS): Promise<ExtractionResult> {
  const processes = processesFor(kind, bytes, limits);
  const share = shareOf(limits, processes);
  const parts = await Promise.all(
    Array.from({ length: processes }, (_, index) => {
      const job: ExtractJob = { kind, bytes, maxPages: limits.maxPages, ...(processes > 1 ? { part: { index, of: processes } } : {}) };
      // Kept: the task holds nothing of a file once it returns (pdf.js's document is destroyed, no code from a file runs).
      return runSandboxed<Page[]>(task, job, share, { keep: true });
    }),
  );
  const pages: Page[] = [];
  for (const r of parts) {
    if (!r.ok) {
      if (r.reason === 'memory') return { status: 'too_large', error: 'out of memory' };
      return { status: r.code === 'too_large' ? 'too_large' : 'failed', error: r.error };
    }
    pages.push(...r.value);
  }
  return checkSize(pages, limits);
}

// Control characters: NUL is not allowed in PostgreSQL text, and two others mark search hits.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

function checkSize(pages: Page[], limits: typeof EXTRACTION_LIMITS): ExtractionResult {
  if (pages.length > limits.maxPages) return { status: 'too_large', error: `${pages.length} pages` };
  const total = pages.reduce((n, p) => n + p.text.length, 0);
  if (total > limits.maxTextChars) return { status: 'too_large', error: `${total} characters` };
  const out: Page[] = [];
  for (const p of pages) {
    const text = p.text.replace(CONTROL, ' ');
    if (p.page !== null) out.push({ page: p.page, text: text.slice(0, limits.chunkChars * 4) });
    else for (const part of chunks(text, limits.chunkChars)) out.push({ page: null, text: part });
  }
  return { status: 'done', pages: out };
}

/** Splits long text at a paragraph or space near the chunk size. */
function chunks(text: string, size: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > size) {
    let cut = rest.lastIndexOf('\n', size);
    if (cut < size / 2) cut = rest.lastIndexOf(' ', size);
    if (cut < size / 2) cut = size;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest.trim() || !out.length) out.push(rest);
  return out;
}

/** Claims the oldest pending version (or one whose claim went stale); null when there is none. */
async function claim(deps: Deps): Promise<DocumentVersion | null> {
  const staleBefore = new Date(Date.now() - EXTRACTION_LIMITS.staleClaimMs);
  return deps.db.transaction(async (tx) => {
    const [v] = await tx
      .select()
      .from(documentVersions)
      .where(and(eq(documentVersions.extraction, 'pending'), or(isNull(documentVersions.extractionClaimedAt), lt(documentVersions.extractionClaimedAt, staleBefore))))
      .orderBy(asc(documentVersions.createdAt))
      .limit(1)
      .for('update', { skipLocked: true });
    if (!v) return null;
    // A version that stopped its worker too often is given up (a file that kills the process).
    if (v.extractionAttempts >= EXTRACTION_LIMITS.maxAttempts) {
      await tx.update(documentVersions).set({ extraction: 'failed', extractionError: 'too many attempts', extractionClaimedAt: null }).where(eq(documentVersions.id, v.id));
      return { ...v, extraction: 'failed' as const };
    }
    await tx
      .update(documentVersions)
      .set({ extractionClaimedAt: new Date(), extractionAttempts: sql`${documentVersions.extractionAttempts} + 1` })
      .where(eq(documentVersions.id, v.id));
    return { ...v, extraction: 'pending' as const, extractionAttempts: v.extractionAttempts + 1 };
  });
}

/** Extracts one claimed version and stores the outcome. */
async function extractVersion(deps: Deps, v: DocumentVersion): Promise<void> {
  const bytes = await deps.files.get(v.fileHash);
  const kind = bytes ? sniffDocument(bytes)?.kind : undefined;
  const result: ExtractionResult = !bytes ? { status: 'failed', error: 'file missing' } : !kind ? { status: 'failed', error: 'unknown type' } : await extractInWorker(kind, bytes);
  await deps.db.transaction(async (tx) => {
    const [doc] = await tx
      .select({ currentVersion: documents.currentVersion })
      .from(documents)
      .innerJoin(documentVersions, eq(documentVersions.documentId, documents.id))
      .where(eq(documentVersions.id, v.id))
      .for('update');
    if (!doc) return; // deleted meanwhile
    if (result.status !== 'done') {
      await tx.update(documentVersions).set({ extraction: result.status, extractionError: result.error, extractionClaimedAt: null }).where(eq(documentVersions.id, v.id));
      return;
    }
    // Only the current version is searched: an older version's text is not kept.
    if (doc.currentVersion === v.version) {
      await tx.delete(documentPages).where(eq(documentPages.documentId, v.documentId));
      for (let i = 0; i < result.pages.length; i += 200) {
        const batch = result.pages.slice(i, i + 200).map((p) => ({ councilId: v.councilId, documentId: v.documentId, versionId: v.id, page: p.page, text: p.text }));
        await tx.insert(documentPages).values(batch);
      }
      await refreshLexemes(tx, [v.documentId]);
    }
    const pageCount = result.pages.some((p) => p.page !== null) ? result.pages.length : null;
    await tx.update(documentVersions).set({ extraction: 'done', extractionError: '', extractionClaimedAt: null, extractedAt: new Date(), pageCount }).where(eq(documentVersions.id, v.id));
  });
  // Cached public search pages were made without this text.
  if (result.status === 'done') await deps.cache.invalidate();
}

/** Works through the queue until it is empty or `max` versions are done; returns how many. */
export async function runExtractionQueue(deps: Deps, opts: { max?: number } = {}): Promise<number> {
  let n = 0;
  while (n < (opts.max ?? 20)) {
    const v = await claim(deps);
    if (!v) break;
    n++;
    if (v.extraction === 'pending') await extractVersion(deps, v);
  }
  return n;
}

const running = new WeakMap<Deps, Promise<unknown>>();

/** Runs the queue once now (after an upload), so a new document is searchable in seconds. */
export function kickExtraction(deps: Deps): void {
  if (!deps.config.runWorker || running.has(deps)) return;
  const run = runExtractionQueue(deps)
    .catch(() => undefined)
    .finally(() => running.delete(deps));
  running.set(deps, run);
}

/** The periodic job (src/worker.ts); single-flight with the kick. Its first run (3 s after start) also starts the standby process. */
export async function extractionJob(deps: Deps): Promise<void> {
  void keepExtractionReady();
  const busy = running.get(deps);
  if (busy) return void (await busy);
  const run = runExtractionQueue(deps).finally(() => running.delete(deps));
  running.set(deps, run);
  await run;
}
