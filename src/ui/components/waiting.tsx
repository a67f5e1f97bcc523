/**
 * A list of work waiting on someone, for the "for you" start page: each item a link with its
 * date, and a "te laat" badge once that date has passed. Shows nothing when nothing waits.
 */
import { formatDate, formatDateTime } from '../../core/i18n/index.ts';
import { todayInAmsterdam } from '../../core/dates/working-days.ts';
import { usePageCtx, type PageCtx } from '../context.ts';
import { LinkList, Section, StatusBadge } from './basics.tsx';

export type WaitingItem = { href: string; label: string; due?: Date | string | null };

export function WaitingList({
  ctx: given,
  id,
  title,
  items,
  dueLabel,
}: {
  ctx?: PageCtx;
  id: string;
  title: string;
  items: WaitingItem[];
  dueLabel: 'waiting.due' | 'waiting.closes' | 'waiting.sent';
}) {
  const ctx = usePageCtx(given);
  if (items.length === 0) return null;
  const now = new Date();
  // The council's day: a date is past from midnight in the Netherlands, not in UTC.
  const today = todayInAmsterdam(now);
  return (
    <Section id={id} title={title} level={3}>
      <LinkList
        items={items.map((i) => ({
          href: i.href,
          label: i.label,
          after: i.due && (
            <>
              {` (${ctx.t(dueLabel, { date: typeof i.due === 'string' ? formatDate(i.due, ctx.locale) : formatDateTime(i.due, ctx.locale) })})`}
              {dueLabel !== 'waiting.sent' && (typeof i.due === 'string' ? i.due < today : i.due < now) && (
                <>
                  {' '}
                  <StatusBadge status="danger">{ctx.t('waiting.late')}</StatusBadge>
                </>
              )}
            </>
          ),
        }))}
      />
    </Section>
  );
}
