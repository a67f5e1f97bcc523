/**
 * The annual report as readers get it, built once from the stored figures and texts: sections
 * with the secretary's text, figures with how each was counted, charts (summary, rows) and the
 * records behind the figures. The HTML page and the PDF both render this model, so they have the
 * same content in the same order.
 */
import type { Translate } from '../../core/i18n/index.ts';
import { formatDate, formatMonth } from '../../core/i18n/index.ts';
import type { Locale } from '../../core/i18n/types.ts';
import { maskedText, type ChartData, type ChartRow } from './workplan.charts.tsx';
import { answerKinds, type RecordRef, type ReportFigures } from './workplan.counting.ts';
import { topicStates } from './workplan.workflow.ts';
import type { ReportSection } from './workplan.forms.ts';

export type ModelFigure = { label: string; value: string; how: string };
type ModelRecord = { label: string; href: string };
/** A section of the report; 'method' is the closing note on how everything was counted (no text of the council's own). */
export type ModelSection = { key: ReportSection | 'method'; title: string; text: string; figures: ModelFigure[]; charts: ChartData[]; records: ModelRecord[]; notes?: string[]; list?: string[] };

type Opts = { t: Translate; locale: Locale; slug: string; texts: Record<string, string>; forMembers: boolean };

/** A figure: its label `workplan.fig.<key>`, the value, and how it was counted (`<key>.how` unless said). */
function figure(t: Translate, key: string, value: string | number, how = `${key}.how`): ModelFigure {
  return { label: t(`workplan.fig.${key}` as never), value: String(value), how: t(`workplan.fig.${how}` as never) };
}

/** The label of the row with the highest value, or "none". */
function top(t: Translate, rows: ChartRow[]): string {
  const n = (r: ChartRow | null) => (typeof r?.value === 'number' ? r.value : 0);
  const best = rows.reduce<ChartRow | null>((m, r) => (n(r) > n(m) ? r : m), null);
  return best ? best.label : t('workplan.report.none');
}

export function reportModel(f: ReportFigures, o: Opts): ModelSection[] {
  const { t } = o;
  const ws = `/${o.slug}/werkruimte`;
  const records = (refs: RecordRef[], path: string): ModelRecord[] => (o.forMembers ? refs.map((r) => ({ label: r.label, href: `${ws}/${path}/${r.id}` })) : []);
  const text = (k: ReportSection) => o.texts[`text-${k}`] ?? '';
  // A section with its heading and the council's text; what it has more is in `parts`.
  const section = (key: ModelSection['key'], parts: Partial<Pick<ModelSection, 'figures' | 'charts' | 'records' | 'notes' | 'list'>>): ModelSection => ({
    key,
    title: t(`workplan.section.${key}`),
    text: key === 'method' ? '' : text(key),
    figures: [],
    charts: [],
    records: [],
    ...parts,
  });
  const a = f.advices;
  const fieldLabel = (field: string) => t(`advice.policyField.${field}` as never);
  const fieldRows = a.perField.map((p) => ({ label: fieldLabel(p.field), value: p.requested + p.unsolicited }));
  const answerRows = answerKinds.map((k) => ({ label: t(`workplan.fig.answer.${k}`), value: a.answers[k] }));
  const sections: ModelSection[] = [
    section('advices', {
      figures: [
        figure(t, 'advices.total', a.total),
        figure(t, 'advices.requested', a.requested, 'advices.kind.how'),
        figure(t, 'advices.unsolicited', a.unsolicited, 'advices.kind.how'),
        figure(t, 'recs', a.recommendations),
        // Without advices there is no chart of the answers: the figures say "0" here instead.
        ...(a.total ? [] : answerKinds.map((k) => ({ label: t(`workplan.fig.answer.${k}`), value: String(a.answers[k]), how: t('workplan.fig.recs.how') }))),
        { label: t('workplan.fig.days.avg'), value: a.averageDays === null ? t('workplan.report.none') : t('workplan.fig.days', { n: a.averageDays }), how: t('workplan.fig.days.how') },
        {
          label: t('workplan.fig.days.max'),
          value: a.longestDays === null ? t('workplan.report.none') : `${t('workplan.fig.days', { n: a.longestDays })}${a.longest ? ` (${a.longest.label})` : ''}`,
          how: t('workplan.fig.days.how'),
        },
        figure(t, 'late', a.answeredLate),
        figure(t, 'openPastDue', a.openPastDue),
        { label: t('workplan.fig.followUp'), value: t('workplan.fig.followUp.value', { n: a.withFollowUp, of: a.adoptedRecommendations }), how: t('workplan.fig.followUp.how') },
      ],
      charts: a.total
        ? [
            {
              id: 'grafiek-beleidsveld',
              title: t('workplan.chart.perField'),
              summary: t('workplan.chart.perField.summary', { total: a.total, top: top(t, fieldRows) }),
              labelHeader: t('workplan.chart.field'),
              valueHeader: t('workplan.chart.count'),
              rows: fieldRows,
            },
            {
              id: 'grafiek-reactie',
              title: t('workplan.chart.answers'),
              summary: t('workplan.chart.answers.summary', { total: a.recommendations, adopted: a.answers.adopted, partly: a.answers.partly }),
              labelHeader: t('workplan.chart.answer'),
              valueHeader: t('workplan.chart.count'),
              rows: answerRows,
            },
          ]
        : [],
      records: records(a.records, 'adviezen'),
    }),
  ];
  if (f.signals) {
    const s = f.signals;
    const themeRows = (s?.perTheme ?? []).map((x) => ({ label: x.name ?? t('workplan.chart.themes.none'), value: x.count }));
    const monthRows = (s?.perMonth ?? []).map((m) => ({ label: formatMonth(`${f.year}-${String(m.month).padStart(2, '0')}-01`, o.locale), value: m.count }));
    sections.push(
      section('signals', {
        figures: [figure(t, 'signals.total', maskedText(t, s.total)), figure(t, 'signals.toAdvice', maskedText(t, s.ledToAdvice))],
        charts:
          s && s.total !== 0
            ? [
                {
                  id: 'grafiek-thema',
                  title: t('workplan.chart.themes'),
                  summary: t('workplan.chart.themes.summary', { top: top(t, themeRows) }),
                  labelHeader: t('workplan.chart.theme'),
                  valueHeader: t('workplan.chart.count'),
                  rows: themeRows,
                },
                {
                  id: 'grafiek-maand',
                  title: t('workplan.chart.months'),
                  summary: t('workplan.chart.months.summary', { top: top(t, monthRows) }),
                  labelHeader: t('workplan.chart.month'),
                  valueHeader: t('workplan.chart.count'),
                  rows: monthRows,
                },
              ]
            : [],
      }),
    );
  }
  if (f.meetings) {
    const m = f.meetings;
    sections.push(
      section('meetings', {
        figures: [
          figure(t, 'meetings.held', m?.held ?? 0),
          figure(t, 'meetings.cancelled', m?.cancelled ?? 0, 'meetings.held.how'),
          {
            label: t('workplan.fig.meetings.attending'),
            value: m?.averageAttending == null ? t('workplan.report.none') : String(m.averageAttending).replace('.', o.locale === 'nl' ? ',' : '.'),
            how: t('workplan.fig.meetings.attending.how'),
          },
          figure(t, 'meetings.officials', m?.officials ?? 0, 'meetings.guests.how'),
          figure(t, 'meetings.guests', String((m?.experts ?? 0) + (m?.organisations ?? 0))),
        ],
        records: records(m?.records ?? [], 'vergaderingen'),
      }),
    );
  }
  if (f.network) {
    const n = f.network;
    const kindRows = n.perKind.map((k) => ({ label: t(`network.kind.${k.kind}` as never), value: k.count }));
    const date = (d: string) => formatDate(d, o.locale);
    sections.push(
      section('network', {
        figures: [
          figure(t, 'network.total', n.total),
          figure(t, 'network.organisations', n.organisations),
          // Versions generated before session 5 have no attendance, head count or delegations.
          ...(n.attended === undefined ? [] : [figure(t, 'network.attended', n.attended), figure(t, 'network.headCount', n.headCount ?? 0)]),
          figure(t, 'network.experiences', n.experiences),
          ...(n.delegations ? [figure(t, 'network.delegations', n.delegations.length), figure(t, 'network.reportBacks', n.reportBacks ?? 0)] : []),
        ],
        charts: n.total
          ? [
              {
                id: 'grafiek-raadplegingen',
                title: t('workplan.chart.consultations'),
                summary: t('workplan.chart.consultations.summary', { total: n.total, top: top(t, kindRows) }),
                labelHeader: t('workplan.tag.kind'),
                valueHeader: t('workplan.chart.count'),
                rows: kindRows,
              },
            ]
          : [],
        records: records(n.records, 'netwerk/raadplegingen'),
        list: n.delegations?.map((d) =>
          t(d.endsOn ? 'workplan.fig.network.delegation' : 'workplan.fig.network.delegation.open', { body: d.body, from: date(d.startsOn), to: d.endsOn ? date(d.endsOn) : '', n: d.reports }),
        ),
      }),
    );
  }
  if (f.cooperation) {
    const c = f.cooperation;
    sections.push(
      section('cooperation', {
        // The two dossier figures share one "how it was counted".
        figures: (['agreements', 'dossiersShared', 'dossiersReceived', 'jointMeetings', 'jointAdvices'] as const).map((k) =>
          figure(t, `cooperation.${k}`, c[k], k.startsWith('dossiers') ? 'cooperation.dossiers.how' : undefined),
        ),
        records: [...records(c.records, 'samenwerking'), ...records(c.adviceRecords, 'adviezen')],
      }),
    );
  }
  for (const key of f.missing as ReportSection[]) {
    sections.push(
      section(key, {
        notes: [t('workplan.report.missing', { module: t(`workplan.module.${key}` as never) })],
      }),
    );
  }
  const tp = f.topics;
  const topicRows = topicStates.map((s) => ({ label: t(`workplan.topic.status.${s}`), value: tp.perStatus[s] }));
  sections.push(
    section('topics', {
      figures: [figure(t, 'topics.total', tp.total, 'topics.how')],
      charts: tp.total
        ? [
            {
              id: 'grafiek-onderwerpen',
              title: t('workplan.chart.topics'),
              summary: t('workplan.chart.topics.summary', { done: tp.perStatus.done, total: tp.total }),
              labelHeader: t('workplan.topic.status'),
              valueHeader: t('workplan.chart.count'),
              rows: topicRows,
            },
          ]
        : [],
      list: tp.list.map((x) => `${x.title}: ${t(`workplan.topic.status.${x.status}`)}${x.status === 'dropped' && x.dropReason ? ` (${x.dropReason})` : ''}`),
    }),
  );
  const mem = f.members;
  sections.push(
    section('members', {
      figures: [figure(t, 'members.active', mem.active), figure(t, 'members.joined', mem.joined), figure(t, 'members.left', mem.left), figure(t, 'members.vacancies', mem.vacanciesClosed)],
    }),
  );
  sections.push(
    section('method', {
      notes: [t('workplan.method.source'), t('workplan.method.small'), t('workplan.method.complement')],
    }),
  );
  return sections;
}
