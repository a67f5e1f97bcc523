/** A meeting's facts (when, where, invitation), its packet and its document folders. */
import { DataList, Link, LinkList, Section } from '../../../../ui/components/basics.tsx';
import { formatDate } from '../../../../core/i18n/index.ts';
import { when } from '../meetings.tsx';
import type { MeetingPart } from './part.ts';

export function MeetingFacts({ ctx, detail, path, councilSlug }: MeetingPart) {
  const { meeting } = detail;
  const t = ctx.t;
  return (
    <>
      <DataList
        items={[
          { key: t('meetings.detail.when'), value: when(ctx, meeting) },
          { key: t('meetings.field.mode'), value: t(`meetings.mode.${meeting.mode}`) },
          { key: t('meetings.field.location'), value: meeting.location || '-' },
          { key: t('meetings.field.onlineUrl'), value: meeting.onlineUrl ? <Link href={meeting.onlineUrl}>{meeting.onlineUrl}</Link> : '-' },
          {
            key: t('meetings.detail.invitation'),
            value: meeting.invitedAt ? t('meetings.detail.invitedAt', { date: formatDate(meeting.invitedAt, ctx.locale) }) : t('meetings.detail.notInvited'),
          },
        ]}
      />
      {/* The meeting packet (meetings.packet.ts): agenda and papers in one PDF. */}
      <p class="utrecht-paragraph nl-paragraph">
        <Link href={`${path}/vergaderstukken.pdf`}>{t('calendar.packet.link')}</Link>
        <br />
        {t('calendar.packet.linkHint')}
      </p>
      {detail.dossiers.length > 0 && (
        <Section id="dossiers" title={t('meetings.detail.dossiers')}>
          <LinkList items={detail.dossiers.map((f) => ({ href: `/${councilSlug}/werkruimte/documenten/mappen/${f.id}`, label: f.name }))} />
        </Section>
      )}
    </>
  );
}
