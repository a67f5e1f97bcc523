import { usePageCtx, type PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import type { Actor } from '../../../core/policy.ts';
import { Paragraph, Link, ButtonLink, ButtonGroup, StatusBadge, Alert } from '../../../ui/components/basics.tsx';
import { formatDate, formatWeekday } from '../../../core/i18n/index.ts';
import { TableSection } from '../../../ui/components/table-section.tsx';
import { WorkspacePage, type Crumb } from '../../../ui/layouts/workspace-page.tsx';
import { partnerships } from '../../../core/partnerships.ts';
import type { Meeting } from '../meetings.schema.ts';
import type { MeetingStatus } from '../meetings.workflow.ts';
import { localTimes } from '../meetings.queries.ts';

export type Props = { ctx: PageCtx; council: Council; actor: Actor };

export const wsPath = (council: Council) => `/${council.slug}/werkruimte/vergaderingen`;

/** The meetings list and the meeting: the trail above a page of one meeting (its agenda items, its confirm pages). */
export function meetingCrumbs({ ctx, council }: Pick<Props, 'ctx' | 'council'>, meeting: Meeting): [Crumb, Crumb] {
  const list = wsPath(council);
  return [
    { href: list, label: ctx.t('meetings.ws.title') },
    { href: `${list}/${meeting.id}`, label: meeting.title },
  ];
}

function MeetingStatusBadge({ ctx: given, status }: { ctx?: PageCtx; status: MeetingStatus }) {
  const ctx = usePageCtx(given);
  const look = status === 'cancelled' ? 'danger' : status === 'held' ? 'success' : 'neutral';
  return <StatusBadge status={look}>{ctx.t(`meetings.status.${status}`)}</StatusBadge>;
}

/** The status under a meeting's heading; a cancelled meeting also says so in words. */
export function MeetingStatusLine({ ctx: given, status }: { ctx?: PageCtx; status: MeetingStatus }) {
  const ctx = usePageCtx(given);
  return (
    <>
      <Paragraph>
        <MeetingStatusBadge status={status} />
      </Paragraph>
      {status === 'cancelled' && <Alert type="warning">{ctx.t('meetings.detail.cancelledNote')}</Alert>}
    </>
  );
}

/** "woensdag 21 januari 2026, 09:30-12:30" in Amsterdam time. */
export function when(ctx: PageCtx, m: Pick<Meeting, 'startsAt' | 'endsAt'>): string {
  const l = localTimes(m);
  const day = formatWeekday(m.startsAt, ctx.locale);
  return ctx.t('meetings.when', { day, date: formatDate(l.date, ctx.locale), start: l.start, end: l.end });
}

export function placeOf(ctx: PageCtx, m: Pick<Meeting, 'mode' | 'location'>): string {
  const mode = ctx.t(`meetings.mode.${m.mode}`);
  return m.mode === 'online' || !m.location ? mode : `${m.location} (${mode.toLowerCase()})`;
}

/** What a save on a meeting's page just did; its words are the message `meetings.notice.<name>`. */
export type MeetingNotice =
  | 'created'
  | 'saved'
  | 'moved'
  | 'signalsAdded'
  | 'restored'
  | 'cancelled'
  | 'invited'
  | 'held'
  | 'attendance'
  | 'note'
  | 'minutes'
  | 'approved'
  | 'published'
  | 'done'
  | 'rhythm'
  | 'removed';

/** A section of meetings: its heading, then the table (captioned by the heading for screen readers); `href` leads to the workspace or to the public page of a meeting. */
export function MeetingSection({ ctx: given, id, title, rows, empty, href }: { ctx?: PageCtx; id: string; title: string; rows: Meeting[]; empty: string; href: (m: Meeting) => string }) {
  const ctx = usePageCtx(given);
  const t = ctx.t;
  return (
    <TableSection
      id={id}
      title={title}
      empty={empty}
      rows={rows}
      columns={[
        { header: t('meetings.list.date'), cell: (m) => <Link href={href(m)}>{when(ctx, m)}</Link> },
        { header: t('meetings.list.title'), cell: (m) => m.title },
        { header: t('meetings.list.place'), cell: (m) => placeOf(ctx, m) },
        { header: t('meetings.list.status'), cell: (m) => <MeetingStatusBadge status={m.status} /> },
      ]}
    />
  );
}

export function MeetingsListPage({ ctx, council, coming, past, may, notice }: Props & { coming: Meeting[]; past: Meeting[]; may: { add: boolean }; notice?: string }) {
  const t = ctx.t;
  const path = wsPath(council);
  const href = (m: Meeting) => (m.councilId === council.id ? `${path}/${m.id}` : partnerships().jointMeetingPath(council.slug, m.id));
  return (
    <WorkspacePage title={t('meetings.ws.title')} section={path} notice={notice} intro={t('meetings.ws.intro')}>
      {may.add && (
        <ButtonGroup>
          <ButtonLink href={`${path}/ritme`}>{t('meetings.rhythm.title')}</ButtonLink>
          <ButtonLink href={`${path}/nieuw`} variant="secondary">
            {t('meetings.add.title')}
          </ButtonLink>
        </ButtonGroup>
      )}
      <MeetingSection id="komend" title={t('meetings.list.coming')} rows={coming} empty={t('meetings.list.noneComing')} href={href} />
      <MeetingSection id="geweest" title={t('meetings.list.past')} rows={past} empty={t('meetings.list.nonePast')} href={href} />
    </WorkspacePage>
  );
}
