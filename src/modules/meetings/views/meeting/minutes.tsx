/** A meeting's minutes: their status and text, decisions, action points, approving and publishing. */
import { Button, Heading, Paragraph, StatusBadge, TextBlock, Section } from '../../../../ui/components/basics.tsx';
import { ActionForm, ChooseOneForm, Form, TextArea } from '../../../../ui/components/form.tsx';
import { formatDate } from '../../../../core/i18n/index.ts';
import type { MeetingPart } from './part.ts';

/** The two texts of the minutes: the public one (residents read it) and the closed one (the board only). */
const texts = [
  { name: 'publicText', rows: 8 },
  { name: 'closedText', rows: 5 },
] as const;
import { ActionPoints, Decisions } from './decisions.tsx';

export function MinutesSection(part: MeetingPart) {
  const { ctx, detail, errors, v, path } = part;
  const { may } = detail;
  const mins = detail.minutes;
  const status = mins?.minutes.status ?? 'draft';
  const t = ctx.t;
  return (
    <Section id="notulen" title={t('meetings.minutes.title')}>
      <Paragraph>
        <StatusBadge status={status === 'published' ? 'success' : 'neutral'}>{t(`meetings.minutesStatus.${status}`)}</StatusBadge>
      </Paragraph>
      {may.draftMinutes ? (
        <Form action={`${path}/notulen`}>
          {texts.map(({ name, rows }) => (
            <TextArea errors={errors} name={name} label={t(`meetings.minutes.${name}`)} hint={t(`meetings.minutes.${name}Hint`)} value={v[name] ?? mins?.minutes[name] ?? ''} rows={rows} optional />
          ))}
          <Button variant="secondary">{t('meetings.minutes.save')}</Button>
        </Form>
      ) : (
        mins &&
        texts.map(({ name }) => (
          <>
            <Heading level={3}>{t(`meetings.minutes.${name}`)}</Heading>
            {mins.minutes[name] ? <TextBlock text={mins.minutes[name]} /> : <Paragraph>-</Paragraph>}
          </>
        ))
      )}
      <Decisions {...part} />
      <ActionPoints {...part} />
      {may.approveMinutes && (
        <Section level={3} id="vaststellen" title={t('meetings.minutes.approveTitle')} items={detail.otherMeetings} empty={t('meetings.minutes.noLaterMeeting')}>
          <ChooseOneForm
            action={`${path}/notulen/vaststellen`}
            errors={errors}
            name="approvedInMeetingId"
            label={t('meetings.minutes.approvedIn')}
            value={v.approvedInMeetingId ?? detail.otherMeetings[0]?.id}
            options={detail.otherMeetings.map((m) => ({ value: m.id, label: `${m.title}, ${formatDate(m.startsAt, ctx.locale)}` }))}
            button={t('meetings.minutes.approve')}
            variant="primary"
          />
        </Section>
      )}
      {may.publishMinutes && <ActionForm action={`${path}/notulen/publiceren`} hint={t('meetings.minutes.publishHint')} variant="primary" button={t('meetings.minutes.publish')} />}
    </Section>
  );
}
