/** A meeting's minutes: their status and text, decisions, action points, approving and publishing. */
import { Button, Heading, Paragraph, StatusBadge, TextBlock, Section } from '../../../../ui/components/basics.tsx';
import { ActionForm, ChooseOneForm, Form, TextArea } from '../../../../ui/components/form.tsx';
import { formatDate } from '../../../../core/i18n/index.ts';
import type { MeetingPart } from './part.ts';
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
          <TextArea
            errors={errors}
            name="publicText"
            label={t('meetings.minutes.publicText')}
            hint={t('meetings.minutes.publicTextHint')}
            value={v.publicText ?? mins?.minutes.publicText ?? ''}
            rows={8}
            optional
          />
          <TextArea
            errors={errors}
            name="closedText"
            label={t('meetings.minutes.closedText')}
            hint={t('meetings.minutes.closedTextHint')}
            value={v.closedText ?? mins?.minutes.closedText ?? ''}
            rows={5}
            optional
          />
          <Button variant="secondary">{t('meetings.minutes.save')}</Button>
        </Form>
      ) : (
        mins && (
          <>
            <Heading level={3}>{t('meetings.minutes.publicText')}</Heading>
            {mins.minutes.publicText ? <TextBlock text={mins.minutes.publicText} /> : <Paragraph>-</Paragraph>}
            <Heading level={3}>{t('meetings.minutes.closedText')}</Heading>
            {mins.minutes.closedText ? <TextBlock text={mins.minutes.closedText} /> : <Paragraph>-</Paragraph>}
          </>
        )
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
