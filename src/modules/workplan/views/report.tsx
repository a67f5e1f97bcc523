import type { PageCtx } from '../../../ui/context.ts';
import type { FieldErrors, FormValues } from '../../../core/http/forms.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import type { Actor } from '../../../core/policy.ts';
import { formatDate, formatDateTime } from '../../../core/i18n/index.ts';
import { PublicPage, WorkspacePage } from '../../../ui/layouts/workspace-page.tsx';
import { ActionForm, Form, SelectField, TextArea } from '../../../ui/components/form.tsx';
import { Button, LinkList, Paragraph, Section, Table } from '../../../ui/components/basics.tsx';
import type { AnnualReport } from '../workplan.schema.ts';
import type { Answers, ReportFigures } from '../workplan.counting.ts';
import { answerKinds } from '../workplan.counting.ts';
import { reportModel, type ModelSection } from '../workplan.model.ts';
import { reportSections } from '../workplan.forms.ts';
import type { Vote } from '../workplan.workflow.ts';
import { ApprovalSection, type ApprovalMay } from './approval.tsx';
import { ReportBody } from './report-body.tsx';

type Common = { ctx: PageCtx; council: Council; errors?: FieldErrors; values?: FormValues; notice?: string };
const wsBase = (c: Council) => `/${c.slug}/werkruimte/jaarverslag`;

/** "Gegenereerd op 3 februari 2026 10:15. Geteld tot en met 31 december 2025." */
function generatedLine(ctx: PageCtx, report: Pick<AnnualReport, 'generatedAt'>, figures: ReportFigures): string {
  return ctx.t('workplan.report.generatedOn', { date: formatDateTime(report.generatedAt, ctx.locale), upTo: formatDate(figures.countedUpTo, ctx.locale) });
}

export function sectionsOf(ctx: PageCtx, council: Council, figures: ReportFigures, texts: Record<string, string>, forMembers: boolean): ModelSection[] {
  return reportModel(figures, { t: ctx.t, locale: ctx.locale, slug: council.slug, texts, forMembers });
}

export function ReportPage(
  props: Common & {
    actor: Actor;
    year: number;
    current: AnnualReport | null;
    figures: ReportFigures | null;
    future: boolean;
    versions: AnnualReport[];
    votes: { vote: Vote }[];
    ownVote: Vote | null;
    consent: boolean;
    may: ApprovalMay & { generate: boolean; write: boolean; publish: boolean; consent: boolean };
  },
) {
  const { ctx, council, current, figures, may, year } = props;
  const t = ctx.t;
  const base = `${wsBase(council)}/${year}`;
  const texts = current?.texts ?? {};
  const values = props.values ?? { foreword: current?.foreword ?? '', ...texts };
  return (
    <WorkspacePage title={t('workplan.report.title', { year })} section={wsBase(council)} href={base} errors={props.errors} notice={props.notice} intro={t('workplan.report.intro')}>
      <nav aria-label={t('workplan.report.other')}>
        <LinkList
          inline
          items={[
            { href: `${wsBase(council)}/${year - 1}`, label: t('workplan.report.title', { year: year - 1 }) },
            !props.future && { href: `${wsBase(council)}/${year + 1}`, label: t('workplan.report.title', { year: year + 1 }) },
          ]}
        />
      </nav>
      {props.future && <Paragraph>{t('workplan.report.future')}</Paragraph>}
      {current && <Paragraph>{t('workplan.report.version', { version: current.version, status: t(`workplan.status.${current.status}`) })}</Paragraph>}
      {!current && figures && <Paragraph>{t('workplan.report.live')}</Paragraph>}
      {current?.status === 'published' && (
        <Paragraph>
          <a class="utrecht-link nl-link" href={`/${council.slug}/jaarverslag/${year}`}>
            {t('workplan.report.viewPublished')}
          </a>
        </Paragraph>
      )}
      {may.generate && (
        <ActionForm
          action={`${base}/genereren`}
          button={current ? t('workplan.report.generate') : t('workplan.report.generate.first')}
          hint={t('workplan.report.generate.hint')}
          variant={current ? 'secondary' : 'primary'}
        />
      )}
      {figures && <ReportBody foreword={current?.foreword ?? ''} sections={sectionsOf(ctx, council, figures, texts, true)} generated={current ? generatedLine(ctx, current, figures) : undefined} />}
      {may.write && (
        <Section id="teksten" title={t('workplan.report.texts')}>
          <Form action={`${base}/teksten`}>
            <TextArea name="foreword" label={t('workplan.report.foreword')} optional value={values.foreword} errors={props.errors} rows={5} />
            {reportSections.map((s) => (
              <TextArea name={`text-${s}`} label={t('workplan.report.sectionText', { section: t(`workplan.section.${s}`) })} optional value={values[`text-${s}`]} errors={props.errors} rows={3} />
            ))}
            <Button variant="secondary">{t('workplan.report.saveTexts')}</Button>
          </Form>
        </Section>
      )}
      {current && (
        <ApprovalSection ctx={ctx} council={council} base={base} status={current.status} votes={props.votes} ownVote={props.ownVote} may={props.may} errors={props.errors} values={props.values} />
      )}
      {may.publish && (
        <Section id="publiceren" title={t('workplan.report.publish')}>
          <ActionForm action={`${base}/publiceren`} button={t('workplan.report.publish')} hint={t('workplan.report.publish.hint')} variant="primary" />
        </Section>
      )}
      {props.versions.length > 1 && (
        <Section id="versies" title={t('workplan.report.versions')} level={2}>
          <ul class="utrecht-unordered-list">
            {props.versions.map((v) => (
              <li class="utrecht-unordered-list__item">
                {t('workplan.report.version', { version: v.version, status: t(`workplan.status.${v.status}`) })} ({formatDateTime(v.generatedAt, ctx.locale)})
              </li>
            ))}
          </ul>
        </Section>
      )}
      {may.consent && (
        <Section id="toestemming" title={t('workplan.report.consent')} level={2}>
          <Paragraph>{t('workplan.report.consent.text')}</Paragraph>
          <Paragraph>{props.consent ? t('workplan.report.consent.given') : t('workplan.report.consent.none')}</Paragraph>
          <ActionForm
            action={`${wsBase(council)}/toestemming`}
            name="give"
            value={props.consent ? 'nee' : 'ja'}
            button={props.consent ? t('workplan.report.consent.withdraw') : t('workplan.report.consent.give')}
          />
        </Section>
      )}
    </WorkspacePage>
  );
}

/** The published report on the public site; or a clear page for a future year, a year without data, or one not published yet. */
export function PublicReportPage(props: { ctx: PageCtx; council: Council; year: number; report: AnnualReport | null; state: 'published' | 'future' | 'empty' | 'notPublished'; years: number[] }) {
  const { ctx, council, report, year } = props;
  const t = ctx.t;
  const section = `/${council.slug}/jaarverslag`;
  const figures = report?.figures as ReportFigures | undefined;
  const title =
    props.state === 'published' ? t('workplan.report.title', { year }) : props.state === 'future' ? t('workplan.report.future.title', { year }) : t('workplan.report.notPublished', { year });
  const intro =
    props.state === 'future'
      ? t('workplan.report.future')
      : props.state === 'empty'
        ? t('workplan.report.empty', { year })
        : props.state === 'notPublished'
          ? t('workplan.report.notPublished.text')
          : t('workplan.report.woo');
  return (
    <PublicPage title={title} section={section} href={`${section}/${year}`} intro={intro}>
      {report && figures && (
        <>
          <Paragraph>
            <a class="utrecht-link nl-link" href={`${section}/${year}/jaarverslag.pdf`} type="application/pdf">
              {t('workplan.report.pdf')}
            </a>{' '}
            {t('workplan.report.pdf.size')}
          </Paragraph>
          <ReportBody foreword={report.foreword} sections={sectionsOf(ctx, council, figures, report.texts, false)} generated={generatedLine(ctx, report, figures)} />
        </>
      )}
      {props.years.length > 0 && (
        <Section id="andere-jaren" title={t('workplan.report.other')}>
          <LinkList items={props.years.filter((y) => y !== year).map((y) => ({ href: `${section}/${y}`, label: t('workplan.report.title', { year: y }) }))} empty={t('workplan.chart.empty')} />
        </Section>
      )}
    </PublicPage>
  );
}

type FieldRow = { field: string; councils: number; answers: Answers | null };

/** The national overview: adoption per policy field across the councils that gave consent. */
export function PlatformPage(props: Common & { actor: Actor; year: number; years: number[]; rows: FieldRow[] }) {
  const { ctx, council } = props;
  const t = ctx.t;
  const hidden = t('workplan.platform.hidden');
  return (
    <WorkspacePage title={t('workplan.platform.title')} section={`/${council.slug}/werkruimte/landelijk-overzicht`} intro={t('workplan.platform.intro')}>
      <form method="get" action={`/${council.slug}/werkruimte/landelijk-overzicht`} class="rw-form">
        <SelectField name="jaar" label={t('workplan.platform.year')} value={String(props.year)} options={props.years.map((y) => ({ value: String(y), label: String(y) }))} />
        <Button variant="secondary">{t('workplan.platform.show')}</Button>
      </form>
      <Table
        caption={t('workplan.platform.caption', { year: props.year })}
        empty={t('workplan.platform.empty')}
        columns={[
          { header: t('workplan.chart.field'), cell: (r: FieldRow) => t(`advice.policyField.${r.field}` as never) },
          { header: t('workplan.platform.councils'), cell: (r: FieldRow) => (r.answers ? r.councils : hidden), numeric: true },
          ...answerKinds.map((k) => ({ header: t(`workplan.fig.answer.${k}`), cell: (r: FieldRow) => (r.answers ? r.answers[k] : hidden), numeric: true })),
        ]}
        rows={props.rows}
      />
    </WorkspacePage>
  );
}
