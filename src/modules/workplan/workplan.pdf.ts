/**
 * The published annual report as a tagged PDF (core/pdf, docs/decisions/0017): the same model as
 * the page (workplan.model.ts), in the same order: title, "generated on", foreword, then each
 * section with its text, figures and how they were counted, charts as Figures with a text
 * alternative (title, summary and every value), and the chart's data as a list.
 */
import type { Translate } from '../../core/i18n/index.ts';
import type { Locale } from '../../core/i18n/types.ts';
import { formatDate, formatDateTime } from '../../core/i18n/index.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { TaggedPdf } from '../../core/pdf/tagged.ts';
import { barLayout, type ChartData } from './workplan.charts.tsx';
import type { ReportFigures } from './workplan.counting.ts';
import { reportModel } from './workplan.model.ts';
import type { AnnualReport } from './workplan.schema.ts';

const ROW = 18;
const LABEL_W = 170;

/** Text paragraphs of a text written by the council (blank lines between paragraphs). */
const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);

function chart(pdf: TaggedPdf, c: ChartData, t: Translate): void {
  const bars = barLayout(c.rows, t);
  const alt = `${c.title}. ${c.summary} ${bars.map((b) => `${b.label}: ${b.text}`).join('; ')}.`;
  // The chart's heading stays on the page of its bars.
  pdf.ensure(bars.length * ROW + 40);
  pdf.heading(3, c.title);
  const barMax = pdf.width - LABEL_W - 60;
  pdf.drawing(alt, bars.length * ROW + 6, (doc, x, y) => {
    doc.font('regular').fontSize(9).fillColor('#1a1a1a');
    bars.forEach((b, i) => {
      const top = y + i * ROW;
      const label = b.label.length > 30 ? `${b.label.slice(0, 29)}…` : b.label;
      doc.text(pdf.printable(label).shown, x, top + 3, { width: LABEL_W - 8, align: 'right', lineBreak: false });
      const len = Math.round(b.share * barMax);
      if (len > 0) doc.rect(x + LABEL_W, top + 3, len, ROW - 6).fill('#1a1a1a');
      doc.fillColor('#1a1a1a').text(b.text, x + LABEL_W + len + 4, top + 3, { lineBreak: false });
    });
  });
  pdf.paragraph(c.summary);
  pdf.list(
    bars.map((b) => ({ label: '•', body: [{ text: `${b.label}: ${b.text}` }] })),
    { labelWidth: 14, gap: 1 },
  );
}

export async function reportPdf({ council, report, t, locale }: { council: Council; report: AnnualReport; t: Translate; locale: Locale }): Promise<Uint8Array> {
  const figures = report.figures as ReportFigures;
  const title = `${t('workplan.report.title', { year: report.year })}: ${council.name}`;
  const pdf = new TaggedPdf({ title, lang: locale === 'nl' ? 'nl-NL' : 'en-GB', author: council.name, subject: t('workplan.report.woo') });
  pdf.heading(1, title);
  pdf.paragraph(t('workplan.report.generatedOn', { date: formatDateTime(report.generatedAt, locale), upTo: formatDate(figures.countedUpTo, locale) }));
  pdf.paragraph(t('workplan.report.woo'));
  if (report.foreword.trim()) {
    pdf.section(t('workplan.section.foreword'), () => {
      pdf.heading(2, t('workplan.section.foreword'));
      for (const p of paragraphs(report.foreword)) pdf.paragraph(p);
    });
  }
  const sections = reportModel(figures, { t, locale, slug: council.slug, texts: report.texts, forMembers: false });
  for (const s of sections) {
    pdf.section(s.title, () => {
      pdf.heading(2, s.title);
      for (const p of paragraphs(s.text)) pdf.paragraph(p);
      for (const n of s.notes ?? []) pdf.paragraph(n);
      pdf.list(
        s.figures.map((f) => ({
          label: '•',
          body: [
            { text: `${f.label}: ${f.value}`, bold: true },
            { text: `${t('workplan.report.how')} ${f.how}`, size: 9 },
          ],
        })),
        { labelWidth: 14, gap: 4 },
      );
      for (const c of s.charts) chart(pdf, c, t);
      if (s.list?.length)
        pdf.list(
          s.list.map((l) => ({ label: '•', body: [{ text: l }] })),
          { labelWidth: 14, gap: 2 },
        );
    });
  }
  return pdf.end();
}
