/** Parts the public and workspace pages of the knowledge base share. */
import type { ComponentChildren } from 'preact';
import { usePageCtx, type PageCtx } from '../../../ui/context.ts';
import { Link, StatusBadge } from '../../../ui/components/basics.tsx';
import { formatDate } from '../../../core/i18n/index.ts';

/** "Mogelijk verouderd" with the review date, as a badge with words (never colour alone). */
export function OverdueBadge({ ctx: given, reviewBy }: { ctx?: PageCtx; reviewBy: string }) {
  const ctx = usePageCtx(given);
  return <StatusBadge status="warning">{ctx.t('knowledge.overdue', { date: formatDate(reviewBy, ctx.locale) })}</StatusBadge>;
}

/** Articles or news items as cards: the title as a link, a line of facts (source, date, badges), then the summary. */
export function CardList({ items }: { items: { href: string; title: string; meta: ComponentChildren; text: ComponentChildren }[] }) {
  return (
    <ul class="rw-card-list">
      {items.map((c) => (
        <li class="rw-card">
          <h3 class="utrecht-heading-3">
            <Link href={c.href}>{c.title}</Link>
          </h3>
          <p class="utrecht-paragraph nl-paragraph rw-meta">{c.meta}</p>
          <p class="utrecht-paragraph nl-paragraph">{c.text}</p>
        </li>
      ))}
    </ul>
  );
}
