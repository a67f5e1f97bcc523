/**
 * The summary at the end of `npm run bench`: one line per measure of issue 14 and database, with
 * its figure, its ratio to the baseline measured in the same run (a bare node:http server,
 * `pdftotext`) where there is one, and the target beside it (met / not met).
 *
 * A part may return its lines itself (`SummaryLine[]`); bench/documents.ts and bench/startup.ts
 * print their figures only, so their lines are read back from what they printed
 * (`documentsSummary`, `startupSummary`): a line that cannot be found says so instead of guessing.
 */
import util from 'node:util';

export type SummaryLine = {
  measure: string;
  database: string;
  figure: string;
  /** The ratio to the same run's baseline, e.g. "0.66 % of bare", "0.31 of pdftotext". */
  ratio?: string;
  target?: string;
  /** undefined: no target, or no figure to judge. */
  met?: boolean;
};

/** Runs `fn`, keeping every line it prints (and still printing it). */
export async function capturing<T>(fn: () => Promise<T>): Promise<{ value: T; lines: string[] }> {
  const lines: string[] = [];
  const original = console.log;
  console.log = (...args: unknown[]) => {
    lines.push(...util.format(...args).split('\n'));
    original(...args);
  };
  try {
    return { value: await fn(), lines };
  } finally {
    console.log = original;
  }
}

const isLines = (v: unknown): v is SummaryLine[] => Array.isArray(v) && v.every((l) => typeof l === 'object' && l !== null && 'measure' in l && 'figure' in l);

/** PostgreSQL targets are tighter than PGlite's in the issue; the label says which database a figure is from. */
export const isPostgres = (database: string) => /postgres/i.test(database);
const shortName = (database: string) => (isPostgres(database) ? 'PostgreSQL' : 'PGlite');

/**
 * Documents (bench/documents.ts): common and rare words' p99 per database (target 50 ms on
 * PostgreSQL, 150 ms on PGlite) and the PDF extraction as a share of pdftotext (target 0.3).
 */
export function documentsSummary(returned: unknown, printed: string[], databases: string[]): SummaryLine[] {
  if (isLines(returned)) return returned;
  const out: SummaryLine[] = [];
  const ratio = /app\/pdftotext:\s+([\d.]+) %/.exec(printed.join('\n'));
  const app = /app \(pdf\.js[^:]*:\s+\d+ ms, (\d+) pages\/s/.exec(printed.join('\n'));
  out.push({
    measure: 'PDF text extraction, 300 pages',
    database: '-',
    figure: app ? `${app[1]} pages/s` : 'not printed',
    ratio: ratio ? `${(Number(ratio[1]) / 100).toFixed(3)} of pdftotext` : 'no pdftotext',
    target: '>= 0.3 of pdftotext',
    met: ratio ? Number(ratio[1]) / 100 >= 0.3 : undefined,
  });
  for (const [kind, words] of [
    ['common', 'common words'],
    ['rare', 'rare words'],
  ] as const) {
    const line = printed.find((l) => l.trimStart().startsWith(words));
    const cells = line ? [...line.matchAll(/p50 (\d+) \/ p99 (\d+) ms/g)] : [];
    databases.forEach((database, i) => {
      const cell = cells[i];
      const limit = isPostgres(database) ? 50 : 150;
      out.push({
        measure: `Dutch document search, ${kind} words (100,000 pages)`,
        database: shortName(database),
        figure: cell ? `p50 ${cell[1]} / p99 ${cell[2]} ms` : 'not printed',
        target: `p99 <= ${limit} ms`,
        met: cell ? Number(cell[2]) <= limit : undefined,
      });
    });
  }
  return out;
}

/** Start-up (bench/startup.ts): cold (target 10 s) and warm (2 s) per database, as a multiple of a bare server's start. */
export function startupSummary(returned: unknown, printed: string[], databases: string[]): SummaryLine[] {
  if (isLines(returned)) return returned;
  const out: SummaryLine[] = [];
  for (const [kind, prefix, limit] of [
    ['cold start (fresh clone: create, migrate, demo)', 'cold (', 10],
    ['warm start', 'warm (', 2],
  ] as const) {
    const line = printed.find((l) => l.trimStart().startsWith(prefix));
    const cells = line ? [...line.matchAll(/([\d.]+) s \(([\d.]+)x bare\)/g)] : [];
    databases.forEach((database, i) => {
      const cell = cells[i];
      out.push({
        measure: kind,
        database: shortName(database),
        figure: cell ? `${cell[1]} s` : 'not printed',
        ratio: cell ? `${cell[2]}x bare start` : undefined,
        target: `<= ${limit} s`,
        met: cell ? Number(cell[1]) <= limit : undefined,
      });
    });
  }
  return out;
}

export function printSummary(lines: SummaryLine[], note: string) {
  const header = ['measure', 'database', 'figure', 'vs baseline', 'target', 'met'];
  const cells = lines.map((l) => [l.measure, l.database, l.figure, l.ratio ?? '', l.target ?? '', l.met === undefined ? (l.target ? '?' : '') : l.met ? 'met' : 'NOT MET']);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const fmt = (c: string[]) =>
    c
      .map((x, i) => x.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  console.log(`\n== summary (issue 14): ${note}`);
  console.log(fmt(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) console.log(fmt(c));
}
