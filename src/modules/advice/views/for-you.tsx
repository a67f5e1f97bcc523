/** The advice cycle's part of the "for you" start page: one list per kind of waiting work. */
import { usePageCtx, type PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import { WaitingList } from '../../../ui/components/waiting.tsx';
import type { AdviceForYou, WaitingAdvice } from '../advice.foryou.ts';

export function AdviceForYouPanel({ ctx: given, council, work }: { ctx?: PageCtx; council: Council; work: AdviceForYou }) {
  const ctx = usePageCtx(given);
  const t = ctx.t;
  const items = (rows: WaitingAdvice[], anchor = '') => rows.map((a) => ({ href: `/${council.slug}/werkruimte/adviezen/${a.id}${anchor}`, label: `${a.reference} ${a.subject}`, due: a.due }));
  return (
    <>
      <WaitingList id="voor-u-stemmen" title={t('advice.forYou.votes')} items={items(work.votes, '#stem')} dueLabel="waiting.closes" />
      <WaitingList id="voor-u-werkgroep" title={t('advice.forYou.groupWork')} items={items(work.groupWork)} dueLabel="waiting.due" />
      <WaitingList id="voor-u-aanvragen-zonder-werkgroep" title={t('advice.forYou.unassigned')} items={items(work.unassigned)} dueLabel="waiting.due" />
      <WaitingList id="voor-u-antwoorden-te-laat" title={t('advice.forYou.overdue')} items={items(work.overdue)} dueLabel="waiting.due" />
      <WaitingList id="voor-u-aanvragen" title={t('advice.forYou.requests')} items={items(work.requests)} dueLabel="waiting.due" />
      <WaitingList
        id="voor-u-gedeeld"
        title={t('advice.forYou.shared')}
        items={work.shared.map((a) => ({ href: `/${council.slug}/adviezen/${a.id}`, label: `${a.reference} ${a.subject}`, due: a.due }))}
        dueLabel="waiting.sent"
      />
    </>
  );
}
