/** The board's start page: agreements whose year still lacks a joint meeting (the rule of twice a year). */
import { usePageCtx, type PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import { Alert, LinkList, Section } from '../../../ui/components/basics.tsx';
import type { JointYear } from '../cooperation.joint.ts';

export function JointMeetingsPanel({ ctx: given, council, rows }: { ctx?: PageCtx; council: Council; rows: { id: string; title: string; year: JointYear }[] }) {
  const ctx = usePageCtx(given);
  const { t } = ctx;
  return (
    <Section id="samenwerking-vergaderingen" title={t('cooperation.dashboard.title')}>
      <Alert type="warning">
        <LinkList
          items={rows.map((r) => ({
            href: `/${council.slug}/werkruimte/samenwerking/${r.id}#vergaderingen`,
            label: t('cooperation.dashboard.short', { title: r.title, year: r.year.year, planned: r.year.planned }),
          }))}
        />
      </Alert>
    </Section>
  );
}
