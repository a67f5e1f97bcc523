/**
 * What the advice module shows on other modules' pages (docs/decisions/0013-extension-slots.md).
 * The members module does not know advices exist; its working-group page renders the slot
 * 'members.workingGroup.related', and this fills it with the group's advices.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { SlotRenderer } from '../../core/module.ts';
import { can } from '../../core/policy.ts';
import { Section, StatusBadge, Table, Link } from '../../ui/components/basics.tsx';
import { advices } from './advice.schema.ts';
import { isOverdue } from './advice.queries.ts';
import { adviceVisibleTo } from './advice.visibility.ts';

export const adviceSlots: Record<string, SlotRenderer> = {
  // The advices assigned to a working group, newest first, for those who may read advice.
  'members.workingGroup.related': async ({ deps, ctx, council, actor, id }) => {
    if (!actor || !can(actor, 'advice.view')) return null;
    const rows = await deps.db
      .select({ id: advices.id, reference: advices.reference, subject: advices.subject, status: advices.status, answerDueOn: advices.answerDueOn })
      .from(advices)
      // Only what the actor may see: an official sees sent advices and their own requests (advice.visibility.ts).
      .where(and(adviceVisibleTo(actor, council), eq(advices.workingGroupId, id)))
      .orderBy(desc(advices.createdAt))
      .limit(100);
    const t = ctx.t;
    const base = `/${council.slug}/werkruimte/adviezen`;
    return (
      <Section id="werkgroep-adviezen" title={t('advice.group.title')} items={rows} empty={t('advice.group.empty')}>
        <Table
          caption={t('advice.group.caption')}
          rows={rows}
          columns={[
            { header: t('advice.list.subject'), cell: (a) => <Link href={`${base}/${a.id}`}>{a.subject}</Link> },
            { header: t('advice.list.reference'), cell: (a) => a.reference },
            {
              header: t('advice.list.status'),
              cell: (a) => <StatusBadge>{t(isOverdue(a) ? 'advice.status.overdue' : `advice.status.${a.status}`)}</StatusBadge>,
            },
          ]}
        />
      </Section>
    );
  },
};
