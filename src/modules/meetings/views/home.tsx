import { usePageCtx, type PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import { Link, Paragraph, Section } from '../../../ui/components/basics.tsx';
import { formatDate, formatWeekday, type MessageKey } from '../../../core/i18n/index.ts';
import type { Meeting, MeetingRhythm } from '../meetings.schema.ts';
import { localTimes } from '../meetings.queries.ts';

/** "Wij vergaderen elke derde woensdag van de maand, van 09:30 tot 12:30 uur.", from the rule itself. */
function rhythmSentence(ctx: PageCtx, r: Pick<MeetingRhythm, 'nth' | 'weekday' | 'startTime' | 'endTime'>): string {
  // 5 January 2026 is a Monday: ISO weekday n is that date plus n - 1 days.
  const weekday = formatWeekday(`2026-01-0${4 + r.weekday}`, ctx.locale);
  return ctx.t('meetings.home.rhythm', {
    nth: ctx.t(`meetings.home.nth.${r.nth === -1 ? 'last' : r.nth}` as MessageKey),
    weekday,
    start: r.startTime,
    end: r.endTime,
  });
}

/** On the organisation's home page: how often the council meets and when the next meeting is. */
export function MeetingsOnHome({ ctx: given, council, rhythm, next }: { ctx?: PageCtx; council: Council; rhythm: MeetingRhythm | null; next: Meeting | null }) {
  const ctx = usePageCtx(given);
  const t = ctx.t;
  return (
    <Section id="vergaderen" title={t('councils.home.meetings')}>
      {rhythm ? <Paragraph>{rhythmSentence(ctx, rhythm)}</Paragraph> : council.meetingRhythm && <Paragraph>{council.meetingRhythm}</Paragraph>}
      {next && (
        <Paragraph>
          {t('meetings.home.next')}{' '}
          <Link href={`/${council.slug}/vergaderingen/${next.id}`}>{t('meetings.home.nextWhen', { date: formatDate(next.startsAt, ctx.locale), start: localTimes(next).start })}</Link>
          {next.location && ` ${t('meetings.home.nextWhere', { location: next.location })}`}
        </Paragraph>
      )}
      <Paragraph>
        <Link href={`/${council.slug}/vergaderingen`}>{t('meetings.home.all')}</Link>
      </Paragraph>
    </Section>
  );
}
