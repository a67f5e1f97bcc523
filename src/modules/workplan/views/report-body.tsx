import { usePageCtx, type PageCtx } from '../../../ui/context.ts';
import { LinkList, Paragraph, Section, Table, TextBlock } from '../../../ui/components/basics.tsx';
import { BarChart } from '../workplan.charts.tsx';
import type { ModelFigure, ModelSection } from '../workplan.model.ts';

/** The report's content, the same for the workspace preview and the public page: foreword, then each section. */
export function ReportBody({ ctx: given, foreword, sections, generated }: { ctx?: PageCtx; foreword: string; sections: ModelSection[]; generated?: string }) {
  const ctx = usePageCtx(given);
  const t = ctx.t;
  return (
    <div class="rw-report">
      {generated && <Paragraph>{generated}</Paragraph>}
      {foreword.trim() && (
        <Section id="voorwoord" title={t('workplan.section.foreword')}>
          <TextBlock text={foreword} />
        </Section>
      )}
      {sections.map((s) => (
        <Section id={`deel-${s.key}`} title={s.title}>
          {s.text.trim() && <TextBlock text={s.text} />}
          {s.notes?.map((n) => (
            <Paragraph>{n}</Paragraph>
          ))}
          {s.figures.length > 0 && (
            <Table
              caption={t('workplan.report.figuresOf', { section: s.title.toLowerCase() })}
              columns={[
                { header: t('workplan.report.figure'), cell: (f: ModelFigure) => f.label },
                { header: t('workplan.report.value'), cell: (f: ModelFigure) => f.value },
                { header: t('workplan.report.howHeader'), cell: (f: ModelFigure) => f.how },
              ]}
              rows={s.figures}
            />
          )}
          {s.charts.map((c) => (
            <BarChart chart={c} />
          ))}
          {s.list && s.list.length > 0 && (
            <ul class="utrecht-unordered-list">
              {s.list.map((l) => (
                <li class="utrecht-unordered-list__item">{l}</li>
              ))}
            </ul>
          )}
          {s.records.length > 0 && (
            <details class="rw-details">
              <summary>{t('workplan.report.records')}</summary>
              <LinkList items={s.records.map((r) => ({ href: r.href, label: r.label }))} />
            </details>
          )}
        </Section>
      ))}
    </div>
  );
}
