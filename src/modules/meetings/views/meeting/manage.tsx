/** The board's buttons for a meeting: change it, invite, mark it held, cancel it. */
import { ButtonGroup, ButtonLink, Section } from '../../../../ui/components/basics.tsx';
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
      {may.invite && (
        <ActionForm ctx={ctx} action={`${path}/uitnodigen`} hint={t(meeting.invitedAt ? 'meetings.invite.again' : 'meetings.invite.hint')} variant="primary" button={t('meetings.invite.button')} />
      )}
      {may.markHeld && <ActionForm ctx={ctx} action={`${path}/gehouden`} button={t('meetings.held.button')} />}
      {may.cancel && (
        <ActionForm ctx={ctx} action={`${path}/afzeggen`} hint={t(meeting.invitedAt ? 'meetings.cancel.hintInvited' : 'meetings.cancel.hint')} danger button={t('meetings.cancel.button')} />
      )}
    </Section>
  );
}
