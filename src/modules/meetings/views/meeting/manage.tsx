/** The board's buttons for a meeting: change it, invite, mark it held; cancelling asks first on its own page; undo a cancellation. */
import { ButtonGroup, ButtonLink, Link, Paragraph, Section } from '../../../../ui/components/basics.tsx';
import { ActionForm } from '../../../../ui/components/form.tsx';
import type { MeetingPart } from './part.ts';

export function ManageMeeting({ ctx, detail, path }: MeetingPart) {
  const { meeting, may } = detail;
  const t = ctx.t;
  return (
    <Section id="beheer" title={t('meetings.detail.manage')}>
      {may.edit && (
        <ButtonGroup>
          <ButtonLink href={`${path}/wijzigen`} variant="secondary">
            {t('meetings.edit.title')}
          </ButtonLink>
        </ButtonGroup>
      )}
      {may.invite && <ActionForm action={`${path}/uitnodigen`} hint={t(meeting.invitedAt ? 'meetings.invite.again' : 'meetings.invite.hint')} variant="primary" button={t('meetings.invite.button')} />}
      {may.markHeld && <ActionForm action={`${path}/gehouden`} button={t('meetings.held.button')} />}
      {may.restore && <ActionForm action={`${path}/terugzetten`} hint={t('meetings.restore.hint')} variant="primary" button={t('meetings.restore.button')} />}
      {may.cancel && (
        <div class="rw-danger-zone">
          <Paragraph>{t(meeting.invitedAt ? 'meetings.cancel.hintInvited' : 'meetings.cancel.hint')}</Paragraph>
          <Paragraph>
            <Link href={`${path}/afzeggen`}>{t('meetings.cancel.button')}</Link>
          </Paragraph>
        </div>
      )}
    </Section>
  );
}
