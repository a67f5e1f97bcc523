/** The meetings' part of the "for you" start page: the next meeting with the attendance question, action points, minutes to publish. */
import { usePageCtx, type PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import { formatDateTime } from '../../../core/i18n/index.ts';
import { LinkList, Section } from '../../../ui/components/basics.tsx';
import { WaitingList } from '../../../ui/components/waiting.tsx';
import { AttendanceForm } from './meeting/attendance.tsx';
import type { MeetingsForYou } from '../meetings.foryou.ts';

export function MeetingsForYouPanel({ ctx: given, council, work }: { ctx?: PageCtx; council: Council; work: MeetingsForYou }) {
  const ctx = usePageCtx(given);
  const t = ctx.t;
  const path = `/${council.slug}/werkruimte/vergaderingen`;
  const next = work.next;
  return (
    <>
      {next && (
        <Section id="voor-u-vergadering" level={3} title={t('meetings.forYou.next', { date: formatDateTime(next.startsAt, ctx.locale) })}>
          <LinkList
            items={[
              { href: `${path}/${next.id}`, label: next.title },
              { href: `${path}/${next.id}/vergaderstukken.pdf`, label: t('meetings.forYou.packet') },
            ]}
          />
          <AttendanceForm action={`${path}/${next.id}/aanwezigheid`} value={next.answer} />
        </Section>
      )}
      <WaitingList
        id="mijn-actiepunten"
        title={t('meetings.dashboard.actionPoints')}
        items={work.actionPoints.map((p) => ({ href: `${path}/${p.meetingId}#actiepunten`, label: p.text, due: p.dueOn }))}
        dueLabel="waiting.due"
      />
      <WaitingList
        id="voor-u-verslagen"
        title={t('meetings.forYou.minutes')}
        items={work.minutesToPublish.map((m) => ({ href: `${path}/${m.id}#notulen`, label: `${m.title} (${formatDateTime(m.startsAt, ctx.locale)})` }))}
        dueLabel="waiting.due"
      />
    </>
  );
}
