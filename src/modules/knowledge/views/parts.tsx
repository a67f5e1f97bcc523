/** Parts the public and workspace pages of the knowledge base share. */
import { usePageCtx, type PageCtx } from '../../../ui/context.ts';
import { StatusBadge } from '../../../ui/components/basics.tsx';
import { formatDate } from '../../../core/i18n/index.ts';

/** "Mogelijk verouderd" with the review date, as a badge with words (never colour alone). */
export function OverdueBadge({ ctx: given, reviewBy }: { ctx?: PageCtx; reviewBy: string }) {
  const ctx = usePageCtx(given);
  return <StatusBadge status="warning">{ctx.t('knowledge.overdue', { date: formatDate(reviewBy, ctx.locale) })}</StatusBadge>;
}
