import type { PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import type { Actor } from '../../../core/policy.ts';
import { WorkspaceFrame } from '../../../ui/layouts/frames.tsx';
import { Heading, Link, Paragraph, StatusBadge, Table, Section } from '../../../ui/components/basics.tsx';
import { formatDate } from '../../../core/i18n/index.ts';
import type { Overview, OverviewRow } from '../advice.register.ts';
import { DateText } from '../../../ui/components/date-text.tsx';

export function OverviewPage({ ctx, council, overview }: { ctx: PageCtx; council: Council; actor: Actor; overview: Overview }) {
  const t = ctx.t;
  const path = `/${council.slug}/werkruimte/adviezen/overzicht`;
  const numbers = [
    { header: t('register.overview.advices'), numeric: true, cell: (r: OverviewRow) => r.advices },
    { header: t('register.overview.adopted'), numeric: true, cell: (r: OverviewRow) => r.adopted },
    { header: t('register.overview.partly'), numeric: true, cell: (r: OverviewRow) => r.partly },
    { header: t('register.overview.notAdopted'), numeric: true, cell: (r: OverviewRow) => r.notAdopted },
    { header: t('register.overview.unanswered'), numeric: true, cell: (r: OverviewRow) => r.unanswered },
    { header: t('register.overview.averageDays'), numeric: true, cell: (r: OverviewRow) => (r.averageDays === null ? '-' : r.averageDays) },
  ];
  return (
    <WorkspaceFrame title={t('register.overview.title')} section={path} trail={[{ href: path, label: t('register.overview.title') }]}>
      <Heading level={1}>{t('register.overview.title')}</Heading>
      <Paragraph lead>{t('register.overview.intro')}</Paragraph>
      <Section id="per-jaar" title={t('register.overview.perYear')}>
        <Table
          caption={t('register.overview.perYearCaption')}
          empty={t('register.overview.empty')}
          rows={overview.totals}
          columns={[{ header: t('register.overview.year'), cell: (r) => String(r.year) }, ...numbers]}
        />
      </Section>
      {overview.rows.length > 0 && (
        <Section id="per-beleidsveld" title={t('register.overview.perField')}>
          <Table
            caption={t('register.overview.perFieldCaption')}
            rows={overview.rows}
            columns={[
              { header: t('register.overview.year'), cell: (r) => String(r.year) },
              { header: t('register.overview.field'), cell: (r) => t(`register.policyField.${r.policyField}`) },
              ...numbers,
            ]}
          />
        </Section>
      )}
      <Section id="te-laat" title={t('register.overview.overdue')}>
        <Table
          caption={t('register.overview.overdueCaption')}
          empty={t('register.overview.overdueNone')}
          rows={overview.overdue}
          columns={[
            { header: t('register.list.subject'), cell: (a) => <Link href={`/${council.slug}/werkruimte/adviezen/${a.id}`}>{a.subject}</Link> },
            { header: t('register.list.reference'), cell: (a) => a.reference },
            { header: t('register.list.sent'), cell: (a) => <DateText value={a.sentAt} /> },
            { header: t('register.overview.dueOn'), cell: (a) => <StatusBadge status="danger">{formatDate(a.answerDueOn, ctx.locale)}</StatusBadge> },
            { header: t('register.overview.openCount'), numeric: true, cell: (a) => a.unanswered },
          ]}
        />
      </Section>
    </WorkspaceFrame>
  );
}
