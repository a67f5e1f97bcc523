import type { PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import { Heading, Paragraph, TextBlock, DataList, Link } from '../../../ui/components/basics.tsx';
import { formatDate } from '../../../core/i18n/index.ts';
import { PublicFrame } from '../../../ui/layouts/frames.tsx';
import type { Meeting } from '../meetings.schema.ts';
import type { getPublicMeeting } from '../meetings.queries.ts';
import { MeetingStatusLine, MeetingTable, placeOf, when } from './meetings.tsx';
import { WordsHelp } from '../../../ui/components/term.tsx';

type Props = { ctx: PageCtx; council: Council };
const publicPath = (council: Council) => `/${council.slug}/vergaderingen`;

export function PublicMeetingsPage({ ctx, council, coming, past }: Props & { coming: Meeting[]; past: Meeting[] }) {
  const t = ctx.t;
  const path = publicPath(council);
  return (
    <PublicFrame ctx={ctx} council={council} title={t('meetings.public.title')} section={path} trail={[{ href: path, label: t('meetings.public.title') }]}>
      <Heading level={1}>{t('meetings.public.title')}</Heading>
      <Paragraph lead>{t('meetings.public.intro', { council: council.name })}</Paragraph>
      {/* The public calendar feed (meetings.calendar.ts). */}
      <Paragraph>
        {t('calendar.public.subscribe')} <Link href={`/${council.slug}/agenda.ics`}>{t('calendar.public.feedLink')}</Link>
      </Paragraph>
      <WordsHelp ctx={ctx} ids={['ical', 'nietOpenbaar']} />
      <Heading level={2}>{t('meetings.list.coming')}</Heading>
      <MeetingTable ctx={ctx} rows={coming} caption={t('meetings.list.coming')} empty={t('meetings.list.noneComing')} href={(m) => `${path}/${m.id}`} />
      <Heading level={2}>{t('meetings.list.past')}</Heading>
      <MeetingTable ctx={ctx} rows={past} caption={t('meetings.list.past')} empty={t('meetings.list.nonePast')} href={(m) => `${path}/${m.id}`} />
    </PublicFrame>
  );
}

/** The public agenda (the online link is for members and guests only, so only the mode is shown): public items in full; the closed part only as "Besloten deel", never its titles. */
export function PublicMeetingPage({ ctx, council, data }: Props & { data: Awaited<ReturnType<typeof getPublicMeeting>> }) {
  const t = ctx.t;
  const { meeting, agenda, minutes } = data;
  const list = publicPath(council);
  const title = `${meeting.title}, ${formatDate(data.local.date, ctx.locale)}`;
  return (
    <PublicFrame
      ctx={ctx}
      council={council}
      title={title}
      section={list}
      trail={[
        { href: list, label: t('meetings.public.title') },
        { href: `${list}/${meeting.id}`, label: formatDate(data.local.date, ctx.locale) },
      ]}
    >
      <Heading level={1}>{title}</Heading>
      <MeetingStatusLine ctx={ctx} status={meeting.status} />
      <DataList
        items={[
          { key: t('meetings.detail.when'), value: when(ctx, meeting) },
          { key: t('meetings.list.place'), value: placeOf(ctx, meeting) },
        ]}
      />
      <Paragraph>{t('meetings.public.visit', { council: council.name })}</Paragraph>
      <Heading level={2}>{t('meetings.agenda.title')}</Heading>
      {agenda.length === 0 ? (
        <Paragraph>{t('meetings.agenda.empty')}</Paragraph>
      ) : (
        <ol class="rw-agenda">
          {agenda.map((e) =>
            e.kind === 'closed' ? (
              <li class="rw-agenda-item">
                <Heading level={3}>{t('meetings.public.closedPart')}</Heading>
                <Paragraph>{t('meetings.public.closedPartHint')}</Paragraph>
              </li>
            ) : (
              <li class="rw-agenda-item">
                <Heading level={3}>
                  {e.item.startTime ? `${e.item.startTime} ` : ''}
                  {e.item.title}
                </Heading>
                {e.item.presenter && <Paragraph>{t('meetings.item.presentedBy', { name: e.item.presenter })}</Paragraph>}
                {e.item.explanation && <TextBlock text={e.item.explanation} />}
              </li>
            ),
          )}
        </ol>
      )}
      <Heading level={2}>{t('meetings.minutes.title')}</Heading>
      {minutes ? (
        <>
          {minutes.publishedAt && <Paragraph>{t('meetings.public.publishedOn', { date: formatDate(minutes.publishedAt, ctx.locale) })}</Paragraph>}
          {minutes.publicText && <TextBlock text={minutes.publicText} />}
          <Heading level={3}>{t('meetings.decisions.title')}</Heading>
          {minutes.decisions.length === 0 ? (
            <Paragraph>{t('meetings.decisions.none')}</Paragraph>
          ) : (
            <ul class="utrecht-unordered-list">
              {minutes.decisions.map((d) => (
                <li class="utrecht-unordered-list__item" lang="nl">
                  {d}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <Paragraph>{t('meetings.public.noMinutes')}</Paragraph>
      )}
    </PublicFrame>
  );
}
