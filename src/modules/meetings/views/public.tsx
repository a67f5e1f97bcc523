import type { PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import { Heading, Paragraph, TextBlock, DataList, Link, Section } from '../../../ui/components/basics.tsx';
import { formatDate } from '../../../core/i18n/index.ts';
import { PublicPage } from '../../../ui/layouts/workspace-page.tsx';
import type { Meeting } from '../meetings.schema.ts';
import type { getPublicMeeting } from '../meetings.queries.ts';
import { MeetingStatusLine, MeetingSection, placeOf, when } from './meetings.tsx';
import { WordsHelp } from '../../../ui/components/term.tsx';
import { RichText } from '../../../ui/components/rich-text.tsx';

type Props = { ctx: PageCtx; council: Council };
const publicPath = (council: Council) => `/${council.slug}/vergaderingen`;

export function PublicMeetingsPage({ ctx, council, coming, past }: Props & { coming: Meeting[]; past: Meeting[] }) {
  const t = ctx.t;
  const path = publicPath(council);
  return (
    <PublicPage title={t('meetings.public.title')} section={path} intro={t('meetings.public.intro', { council: council.name })} lead>
      {/* The public calendar feed (meetings.calendar.ts). */}
      <Paragraph>
        {t('calendar.public.subscribe')} <Link href={`/${council.slug}/agenda.ics`}>{t('calendar.public.feedLink')}</Link>
      </Paragraph>
      <WordsHelp ids={['ical', 'nietOpenbaar']} />
      <MeetingSection id="komend" title={t('meetings.list.coming')} rows={coming} empty={t('meetings.list.noneComing')} href={(m) => `${path}/${m.id}`} />
      <MeetingSection id="geweest" title={t('meetings.list.past')} rows={past} empty={t('meetings.list.nonePast')} href={(m) => `${path}/${m.id}`} />
    </PublicPage>
  );
}

/** The public agenda (the online link is for members and guests only, so only the mode is shown): public items in full; the closed part only as "Besloten deel", never its titles. */
export function PublicMeetingPage({ ctx, council, data }: Props & { data: Awaited<ReturnType<typeof getPublicMeeting>> }) {
  const t = ctx.t;
  const { meeting, agenda, minutes } = data;
  const list = publicPath(council);
  const title = `${meeting.title}, ${formatDate(data.local.date, ctx.locale)}`;
  return (
    <PublicPage title={title} section={list} href={`${list}/${meeting.id}`} crumb={formatDate(data.local.date, ctx.locale)} parent={{ href: list, label: t('meetings.public.title') }}>
      <MeetingStatusLine status={meeting.status} />
      <DataList
        items={[
          { key: t('meetings.detail.when'), value: when(ctx, meeting) },
          { key: t('meetings.list.place'), value: placeOf(ctx, meeting) },
        ]}
      />
      <Paragraph>{t('meetings.public.visit', { council: council.name })}</Paragraph>
      <Section id="agenda" title={t('meetings.agenda.title')} items={agenda} empty={t('meetings.agenda.empty')}>
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
                {e.item.explanation && <RichText markdown={e.item.explanation} baseLevel={4} />}
              </li>
            ),
          )}
        </ol>
      </Section>
      <Section id="notulen" title={t('meetings.minutes.title')}>
        {minutes ? (
          <>
            {minutes.publishedAt && <Paragraph>{t('meetings.public.publishedOn', { date: formatDate(minutes.publishedAt, ctx.locale) })}</Paragraph>}
            {minutes.publicText && <TextBlock text={minutes.publicText} />}
            <Section level={3} id="besluiten" title={t('meetings.decisions.title')} items={minutes.decisions} empty={t('meetings.decisions.none')}>
              <ul class="utrecht-unordered-list">
                {minutes.decisions.map((d) => (
                  <li class="utrecht-unordered-list__item" lang="nl">
                    {d}
                  </li>
                ))}
              </ul>
            </Section>
          </>
        ) : (
          <Paragraph>{t('meetings.public.noMinutes')}</Paragraph>
        )}
      </Section>
    </PublicPage>
  );
}
