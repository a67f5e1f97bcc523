/**
 * The summary at the end of `npm run bench`: one line per measure of issue 14 and database, with
 * its figure, its ratio to the baseline measured in the same run (a bare node:http server,
 * `pdftotext`) where there is one, and the target beside it (met / not met).
 *
 * Every part returns its lines (`SummaryLine[]`); bench/run.ts makes those of the app parts
 * (pages, signals) and the scale run from their rows.
 */
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

/** PostgreSQL targets are tighter than PGlite's in the issue; the label says which database a figure is from. */
export const isPostgres = (database: string) => /postgres/i.test(database);

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
