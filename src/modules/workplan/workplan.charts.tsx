/**
 * Charts of the annual report, drawn on the server as SVG: horizontal bars, one per row, each
 * with its value written beside it, so nothing depends on colour, JavaScript or a chart library.
 * Every chart comes with a text summary and the same data as a table beside it; on paper and on
 * a phone the table comes under the chart. The PDF draws the same bars (workplan.pdf.ts).
 */
import { usePageCtx, type PageCtx } from '../../ui/context.ts';
import type { Translate } from '../../core/i18n/index.ts';
import { Table } from '../../ui/components/basics.tsx';
import type { Masked } from './workplan.counting.ts';

export type ChartRow = { label: string; value: Masked };
export type ChartData = { id: string; title: string; summary: string; labelHeader: string; valueHeader: string; rows: ChartRow[] };

/** What a count says: the number, "fewer than 5", or "not shown" (hidden so a small one cannot be worked out). */
export function maskedText(t: Translate, value: Masked): string {
  return value === null ? t('workplan.report.fewerThan5') : value === 'hidden' ? t('workplan.report.hidden') : String(value);
}

/** The layout both the SVG and the PDF draw: per row its label, bar length (0..1) and the text after the bar; a hidden count has no bar. */
export function barLayout(rows: readonly ChartRow[], t: Translate): { label: string; share: number; text: string }[] {
  const max = Math.max(1, ...rows.map((r) => (typeof r.value === 'number' ? r.value : 0)));
  return rows.map((r) => ({ label: r.label, share: typeof r.value === 'number' ? r.value / max : 0, text: maskedText(t, r.value) }));
}

const W = 400;
const LABEL_W = 150;
const BAR_W = 170;
const ROW_H = 26;

/** Cuts a label to fit the label column (the table beside the chart has it in full). */
function short(label: string): string {
  return label.length > 22 ? `${label.slice(0, 21)}…` : label;
}

export function BarChart({ ctx: given, chart }: { ctx?: PageCtx; chart: ChartData }) {
  const ctx = usePageCtx(given);
  const bars = barLayout(chart.rows, ctx.t);
  const h = bars.length * ROW_H + 8;
  return (
    <div class="rw-chart">
      <figure class="rw-chart__figure">
        <svg class="rw-chart__svg" viewBox={`0 0 ${W} ${h}`} role="img" aria-labelledby={`${chart.id}-titel ${chart.id}-samenvatting`} xmlns="http://www.w3.org/2000/svg">
          <title id={`${chart.id}-titel`}>{chart.title}</title>
          {bars.map((b, i) => {
            const y = 4 + i * ROW_H;
            const len = Math.round(b.share * BAR_W);
            return (
              <g>
                <text x={LABEL_W - 6} y={y + 17} text-anchor="end" font-size="13" fill="currentColor">
                  {short(b.label)}
                </text>
                {len > 0 && <rect x={LABEL_W} y={y + 4} width={len} height={ROW_H - 8} fill="currentColor" />}
                <text x={LABEL_W + len + 6} y={y + 17} font-size="13" fill="currentColor">
                  {b.text}
                </text>
              </g>
            );
          })}
        </svg>
        <figcaption class="utrecht-paragraph rw-chart__summary" id={`${chart.id}-samenvatting`}>
          {chart.summary}
        </figcaption>
      </figure>
      <Table
        caption={chart.title}
        columns={[
          { header: chart.labelHeader, cell: (r: ChartRow) => r.label },
          { header: chart.valueHeader, cell: (r: ChartRow) => maskedText(ctx.t, r.value), numeric: true },
        ]}
        rows={chart.rows}
      />
    </div>
  );
}
