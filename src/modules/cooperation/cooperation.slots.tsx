/** What this module shows on other modules' pages (docs/decisions/0013-extension-slots.md). */
import type { SlotRenderer } from '../../core/module.ts';
import { can } from '../../core/policy.ts';
import { LinkList, Section } from '../../ui/components/basics.tsx';
import { sourcesOfAdvice } from './cooperation.advice.ts';

export const cooperationSlots: Record<string, SlotRenderer> = {
  // What an advice drew on from a cooperation: shared documents and joint meetings, with their owners.
  'advice.detail.related': async ({ deps, ctx, council, actor, id, read }) => {
    if (!can(actor, 'cooperation.view')) return null;
    const rows = await read(sourcesOfAdvice(deps.db, council.id, id));
    if (!rows.length) return null;
    return (
      <Section id="samenwerking" title={ctx.t('cooperation.advice.drewOn')}>
        <LinkList
          items={rows.map((r) => ({
            href: `/${council.slug}/werkruimte/samenwerking/${r.agreementId}`,
            label: ctx.t(`cooperation.advice.source.${r.kind}`, { title: r.title, owner: r.ownerName }),
          }))}
        />
      </Section>
    );
  },
};
