/**
 * The documents part of `npm run bench` (bench/run.ts calls benchDocuments; it returns the
 * summary's lines):
 *
 * - text extraction of a generated 300-page PDF (pdf-lib, Dutch text on every page) as the app
 *   does it (extractInWorker: pdf.js through unpdf, in child processes with limits, the task built
 *   into dist/ as `npm start` builds it), in pages per second, against `pdftotext` from
 *   poppler-utils on the same file in the same run (installed with apt-get when missing and
 *   allowed). Three figures: the first file as a first upload meets it in the running app (the
 *   standby process the extraction job starts after start-up, warmed on the built-in PDF, never on
 *   this file), the next files (median of 3, the processes kept warm: core/sandbox `keep`), and a
 *   cold file (no process running: one starts, pdf.js runs unoptimised). pdftotext: median
 *   of 3, its process start included.
 * - Dutch full-text search (searchDocuments: the first page of 20 documents with up to three
 *   pages each and their passages) over 100,000 document pages (1,000 documents of 100 pages) on
 *   PGlite and on PostgreSQL: p50, p99, for common words (on more than 1 % of the pages) and rare.
 *
 * Figures only: nothing here passes or fails on speed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { openDatabase, migrate, type Database } from '../src/core/db/index.ts';
import { loadConfig } from '../src/core/config.ts';
import type { Deps } from '../src/core/deps.ts';
import { councils } from '../src/core/organisations.schema.ts';
import { makePolicyPdf } from '../src/core/files/samples.ts';
import { extractInWorker, keepExtractionReady } from '../src/modules/documents/documents.extraction.ts';
import { refreshLexemes, searchDocuments } from '../src/modules/documents/documents.search.ts';
import { documentPages, documentVersions, documents } from '../src/modules/documents/documents.schema.ts';
import { stopSandboxes } from '../src/core/sandbox/sandbox.ts';
import { childrenRssMb } from './support/memory.ts';
import type { SummaryLine } from './support/summary.ts';

const PAGES = 300;
const SEARCH_DOCUMENTS = 1_000;
const PAGES_PER_DOCUMENT = 100;
const RUNS = 3;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

/** pdftotext on PATH, installing poppler-utils (Debian) when missing and we may. */
function ensurePdftotext(): boolean {
  if (!spawnSync('pdftotext', ['-v']).error) return true;
  if (process.getuid?.() !== 0) {
    console.log('pdftotext missing and not root: install poppler-utils to compare');
    return false;
  }
  console.log('installing poppler-utils (apt-get) ...');
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  spawnSync('apt-get', ['install', '-y', '-qq', 'poppler-utils'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return !spawnSync('pdftotext', ['-v']).error;
}

/** Extracts the PDF as the app does; the milliseconds it took. */
async function extractOnce(pdf: Uint8Array): Promise<number> {
  const t0 = performance.now();
  const r = await extractInWorker('pdf', pdf);
  if (r.status !== 'done' || r.pages.length !== PAGES) throw new Error(`extraction failed: ${JSON.stringify(r).slice(0, 200)}`);
  return performance.now() - t0;
}

async function benchExtraction(dir: string) {
  // What `npm install` and `npm start` do: build dist/ (scripts/build.mjs), so the processes run the
  // compiled task as in the app; when the build fails the app (and this) uses the sources via tsx.
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: path.resolve(import.meta.dirname, '..'), encoding: 'utf8' });
  console.log(`extraction: ${built.status === 0 ? 'dist/ built, processes run the compiled task' : `dist/ not built (${built.stderr.trim().slice(0, 120)}), processes run the sources through tsx`}`);
  const pdf = await makePolicyPdf(PAGES);
  const file = path.join(dir, 'beleidsplan-300.pdf');
  fs.writeFileSync(file, pdf);
  console.log(`extraction: generated ${PAGES}-page PDF, ${Math.round(pdf.length / 1024)} kB; load ${os.loadavg()[0]!.toFixed(2)} on ${os.availableParallelism()} cores`);
  // Cold: no extraction process at all (a server that never ran the extraction job, e.g. a test).
  await stopSandboxes();
  const cold = await extractOnce(pdf);
  // What a first upload meets in the running app: the extraction job (3 s after start) has started
  // the standby process and warmed it on the built-in PDF (documents.warmup.pdf, not this file).
  await stopSandboxes();
  const w0 = performance.now();
  await keepExtractionReady({ background: false });
  const warmUp = { ms: performance.now() - w0, rssMb: childrenRssMb() };
  console.log(`extraction: standby process started and warmed in ${warmUp.ms.toFixed(0)} ms, its RSS ${warmUp.rssMb.toFixed(0)} MB`);
  const first = await extractOnce(pdf);
  const next: number[] = [];
  for (let i = 0; i < RUNS; i++) next.push(await extractOnce(pdf));
  await stopSandboxes();
  const rate = (ms: number) => ({ ms, pagesPerSecond: PAGES / (ms / 1000) });
  let poppler: { ms: number; pagesPerSecond: number } | null = null;
  if (ensurePdftotext()) {
    const theirs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const r = spawnSync('pdftotext', ['-enc', 'UTF-8', file, path.join(dir, 'out.txt')]);
      if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
      theirs.push(performance.now() - t0);
    }
    poppler = rate(median(theirs));
  }
  return { cold: rate(cold), first: rate(first), next: rate(median(next)), poppler, warmUp };
}

// Page text drawn from a Zipf distribution over a Dutch vocabulary, as in real text: stop words
// first (to_tsvector drops them), then words of the social domain, then a long tail of compounds
// ("zorgloket", "wijkbudget"), so that common terms are on many pages and most terms on few.
const STOP = 'de het een van en in op te dat die voor met is niet aan bij als ook er zijn worden door wordt naar om over dan deze nog of uit tot'.split(' ');
const DOMAIN = (
  'gemeente inwoners zorg ondersteuning mantelzorg mantelzorgers wmo jeugdwet participatiewet armoede schulden vervoer regiotaxi ' +
  'huishoudelijke hulp keukentafelgesprek wijkteam welzijn eenzaamheid ouderen jongeren beperking toegankelijkheid woning wonen ' +
  'beschermd begeleiding dagbesteding respijtzorg cliëntondersteuning eigen bijdrage indicatie maatwerk voorziening rolstoel ' +
  'scootmobiel woningaanpassing budget begroting bezuiniging college wethouder gemeenteraad adviesraad advies aanbeveling ' +
  'evaluatie monitor onderzoek ervaring tevredenheid wachttijd klacht bezwaar beroep privacy gegevens werk inkomen bijstand ' +
  're-integratie taalles statushouders inburgering energiearmoede kinderen onderwijs school sport cultuur vrijwilligers ' +
  'huisarts ggz verslaving preventie gezondheid dementie thuiszorg verpleging mobiliteit openbaar halte bus trein station'
).split(' ');
const HEADS = 'zorg wijk jeugd werk woon schuld armoede vervoer buurt gezins ouderen mantelzorg cliënt school sport taal geld hulp thuis dag'.split(' ');
const TAILS = 'loket plan budget team teams regeling aanbod contract beleid raad verordening kosten gesprek coach punt centrum netwerk route kaart fonds'.split(' ');
const WORDS = [...STOP, ...DOMAIN, ...HEADS.flatMap((h) => TAILS.map((t) => h + t))];
// Cumulative Zipf weights (exponent 1) for drawing a word by rank.
const CUMULATIVE = (() => {
  let sum = 0;
  return WORDS.map((_, i) => (sum += 1 / (i + 1)));
})();

function pageTextFor(doc: number, page: number): string {
  const words: string[] = [];
  let x = (doc * 7919 + page * 104729) >>> 0;
  const total = CUMULATIVE[CUMULATIVE.length - 1]!;
  for (let i = 0; i < 300; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    const target = ((x % 1_000_000) / 1_000_000) * total;
    let lo = 0;
    let hi = CUMULATIVE.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (CUMULATIVE[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    words.push(WORDS[lo]!);
  }
  words.push(`dossier${doc}`);
  return words.join(' ');
}

const QUERIES = [
  'gemeente',
  'mantelzorg',
  'regiotaxi wachttijd',
  '"eigen bijdrage"',
  'dementie thuiszorg',
  'zorgloket',
  'dossier512',
  'wijkbudget -zorg',
  'woningaanpassing OR scootmobiel',
  'onbekendwoord',
  'dossier17 OR dossier912',
];

/** Documents written per round of statements (documents, versions, pages, word sets). */
const SEED_BATCH = 10;

export async function seedPages(database: Database): Promise<{ councilId: string }> {
  const db = database.db;
  // A database used before (--database-url) gets a fresh copy: deleting the council cascades.
  await db.delete(councils).where(eq(councils.slug, 'documentenbank'));
  const [council] = await db.insert(councils).values({ slug: 'documentenbank', name: 'Adviesraad Documentenbank', advises: 'het college', contactEmail: 'info@documentenbank.example' }).returning();
  const councilId = council!.id;
  const access = ['public', 'members', 'closed'] as const;
  // Document d was changed d minutes after the first: "newest first" is the same order every run.
  const start = Date.parse('2026-01-01T00:00:00Z');
  for (let first = 0; first < SEARCH_DOCUMENTS; first += SEED_BATCH) {
    const numbers = Array.from({ length: Math.min(SEED_BATCH, SEARCH_DOCUMENTS - first) }, (_, i) => first + i);
    const docs = await db
      .insert(documents)
      .values(numbers.map((d) => ({ councilId, title: `Beleidsstuk ${d}`, access: access[d % 3]!, updatedAt: new Date(start + d * 60_000) })))
      .returning({ id: documents.id, title: documents.title });
    const idOf = new Map(docs.map((r) => [Number(r.title.split(' ')[1]), r.id]));
    const versions = await db
      .insert(documentVersions)
      .values(
        numbers.map((d) => ({
          councilId,
          documentId: idOf.get(d)!,
          version: 1,
          fileHash: '0'.repeat(64),
          fileName: `stuk-${d}.pdf`,
          mimeType: 'application/pdf',
          sizeBytes: 1,
          extraction: 'done' as const,
          pageCount: PAGES_PER_DOCUMENT,
        })),
      )
      .returning({ id: documentVersions.id, documentId: documentVersions.documentId });
    const versionOf = new Map(versions.map((v) => [v.documentId, v.id]));
    const rows = numbers.flatMap((d) =>
      Array.from({ length: PAGES_PER_DOCUMENT }, (_, p) => ({ councilId, documentId: idOf.get(d)!, versionId: versionOf.get(idOf.get(d)!)!, page: p + 1, text: pageTextFor(d, p + 1) })),
    );
    await db.insert(documentPages).values(rows);
    await refreshLexemes(db, [...idOf.values()]);
  }
  return { councilId };
}

async function benchSearch(label: string, database: Database) {
  const t0 = performance.now();
  await migrate(database);
  const { councilId } = await seedPages(database);
  const seedSeconds = (performance.now() - t0) / 1000;
  await database.db.execute(sql`analyze document_pages`);
  const [council] = await database.db.select().from(councils).where(eq(councils.id, councilId));
  const deps = { db: database.db, config: loadConfig({ DATA_DIR: os.tmpdir() }) } as unknown as Deps;
  // The board sees every document: the widest (slowest) search.
  const actor = { userId: '00000000-0000-0000-0000-000000000000', isPlatformAdmin: false, role: 'chair' as const, membershipId: null };
  for (const q of QUERIES) await searchDocuments(deps, { council: council!, actor, query: q }); // warm-up
  const times: number[] = [];
  const perQuery = new Map<string, number[]>(QUERIES.map((q) => [q, []]));
  const hits = new Map<string, number>();
  for (let round = 0; round < 20; round++) {
    for (const q of QUERIES) {
      const s = performance.now();
      const found = await searchDocuments(deps, { council: council!, actor, query: q });
      const ms = performance.now() - s;
      times.push(ms);
      perQuery.get(q)!.push(ms);
      hits.set(q, found.length);
    }
  }
  // How many pages each query matches explains its time: every match is ranked.
  const matches = new Map<string, number>();
  for (const q of QUERIES) {
    const r = (await database.db.execute(sql`select count(*)::int as n from document_pages where tsv @@ websearch_to_tsquery('dutch', ${q})`)) as unknown as {
      rows: { n: number }[];
    };
    matches.set(q, r.rows[0]!.n);
  }
  const detail = QUERIES.map((q) => `${q}: ${median(perQuery.get(q)!).toFixed(0)} ms, ${matches.get(q)} pages, ${hits.get(q)} documents shown`).join('; ');
  // Common: on more than 1 % of the pages (a word like "gemeente"); rare: the rest.
  const split = (common: boolean) => QUERIES.filter((q) => matches.get(q)! > (SEARCH_DOCUMENTS * PAGES_PER_DOCUMENT) / 100 === common).flatMap((q) => perQuery.get(q)!);
  const [common, rare] = [split(true), split(false)];
  return {
    label,
    postgres: database.kind === 'postgres',
    seedSeconds,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    common: { p50: percentile(common, 50), p99: percentile(common, 99) },
    rare: { p50: percentile(rare, 50), p99: percentile(rare, 99) },
    n: times.length,
    detail,
  };
}

type Extraction = Awaited<ReturnType<typeof benchExtraction>>;
type Search = Awaited<ReturnType<typeof benchSearch>>;

/** The summary's lines: extraction as a share of pdftotext (target 0.3), search p99 per database (50 ms PostgreSQL, 150 ms PGlite). */
function summaryLines(extraction: Extraction, searches: Search[]): SummaryLine[] {
  const out: SummaryLine[] = [];
  for (const [which, r] of [
    ['first file (standby process, warmed at start)', extraction.first],
    ['next files (warm processes)', extraction.next],
    ['cold (no process; not what the app meets)', extraction.cold],
  ] as const) {
    const share = extraction.poppler ? r.pagesPerSecond / extraction.poppler.pagesPerSecond : undefined;
    out.push({
      measure: `PDF text extraction, ${PAGES} pages, ${which}`,
      database: '-',
      figure: `${r.pagesPerSecond.toFixed(0)} pages/s`,
      ratio: share === undefined ? 'no pdftotext' : `${share.toFixed(3)} of pdftotext`,
      target: '>= 0.3 of pdftotext',
      met: share === undefined ? undefined : share >= 0.3,
    });
  }
  for (const kind of ['common', 'rare'] as const)
    for (const s of searches) {
      const limit = s.postgres ? 50 : 150;
      out.push({
        measure: `Dutch document search, ${kind} words (100,000 pages)`,
        database: s.postgres ? 'PostgreSQL' : 'PGlite',
        figure: `p50 ${s[kind].p50.toFixed(0)} / p99 ${s[kind].p99.toFixed(0)} ms`,
        target: `p99 <= ${limit} ms`,
        met: s[kind].p99 <= limit,
      });
    }
  return out;
}

export async function benchDocuments(opts: { only?: string; postgres: () => Promise<{ url: string; label: string } | undefined> }): Promise<SummaryLine[]> {
  console.log(`\n== documents`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'raadwerk-bench-docs-'));
  try {
    const extraction = await benchExtraction(dir);
    const searches: Search[] = [];
    if (opts.only !== 'postgres') {
      const database = await openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'pglite') });
      try {
        searches.push(await benchSearch('PGlite (embedded)', database));
      } finally {
        await database.close();
      }
    }
    if (opts.only !== 'pglite') {
      const target = await opts.postgres();
      if (target) {
        const database = await openDatabase({ kind: 'postgres', url: target.url });
        try {
          searches.push(await benchSearch(target.label, database));
        } finally {
          await database.close();
        }
      } else console.log('(PostgreSQL search skipped: no server)');
    }
    console.log(`\ntext extraction of a ${PAGES}-page PDF`);
    const share = (r: Extraction['first']) => (extraction.poppler ? `, ${((r.pagesPerSecond / extraction.poppler.pagesPerSecond) * 100).toFixed(1)} % of pdftotext` : '');
    console.log(`  app, first file (standby process warmed at start): ${extraction.first.ms.toFixed(0)} ms, ${extraction.first.pagesPerSecond.toFixed(0)} pages/s${share(extraction.first)}`);
    console.log(`  app, next files (warm processes, median of ${RUNS}): ${extraction.next.ms.toFixed(0)} ms, ${extraction.next.pagesPerSecond.toFixed(0)} pages/s${share(extraction.next)}`);
    console.log(`  cold (no process running, pdf.js cold): ${extraction.cold.ms.toFixed(0)} ms, ${extraction.cold.pagesPerSecond.toFixed(0)} pages/s${share(extraction.cold)}`);
    console.log(`  the standby process: warmed in ${extraction.warmUp.ms.toFixed(0)} ms, its RSS ${extraction.warmUp.rssMb.toFixed(0)} MB`);
    if (extraction.poppler) console.log(`  pdftotext (poppler, median of ${RUNS}):  ${extraction.poppler.ms.toFixed(0)} ms, ${extraction.poppler.pagesPerSecond.toFixed(0)} pages/s`);
    console.log(`\nDutch search over ${(SEARCH_DOCUMENTS * PAGES_PER_DOCUMENT).toLocaleString('en')} pages (${QUERIES.length} queries x 20, first page of 20 documents with passages)`);
    // Side by side: one column per database.
    const row = (name: string, cell: (s: Search) => string) => console.log(`  ${name.padEnd(22)}${searches.map((s) => cell(s).padEnd(28)).join('')}`);
    row('', (s) => s.label);
    row('all words', (s) => `p50 ${s.p50.toFixed(0)} / p99 ${s.p99.toFixed(0)} ms`);
    row('common words', (s) => `p50 ${s.common.p50.toFixed(0)} / p99 ${s.common.p99.toFixed(0)} ms`);
    row('rare words', (s) => `p50 ${s.rare.p50.toFixed(0)} / p99 ${s.rare.p99.toFixed(0)} ms`);
    for (const s of searches) {
      console.log(`  ${s.label}: ${s.n} searches; pages written in ${s.seedSeconds.toFixed(0)} s`);
      console.log(`    median per query: ${s.detail}`);
    }
    return summaryLines(extraction, searches);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Alone: `node --import tsx bench/documents.ts [pglite|postgres URL]` (run.ts is the usual way in).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = process.argv[2];
  const url = arg && arg !== 'pglite' ? arg : undefined;
  // The policy rules (who sees which document) come with the installed modules, as in the app.
  await import('../src/modules.ts');
  await benchDocuments({ only: url ? 'postgres' : 'pglite', postgres: async () => (url ? { url, label: 'PostgreSQL' } : undefined) });
}
