/** Cancelling a meeting and removing an agenda item ask first: what happens, who gets an e-mail, whether it can be undone. */
import { formatDateTime } from '../../../../core/i18n/index.ts';
import { ConfirmPage } from '../../../../ui/layouts/confirm-page.tsx';
import { trail } from '../../../../ui/layouts/workspace-page.tsx';
import type { AgendaItem, Meeting } from '../../meetings.schema.ts';
import { RESTORE_DAYS } from '../../meetings.workflow.ts';
import { meetingCrumbs, type Props } from '../meetings.tsx';

export function CancelMeetingPage({ ctx, council, meeting, audience }: Props & { meeting: Meeting; audience: number }) {
  const t = ctx.t;
  const [list, record] = meetingCrumbs({ ctx, council }, meeting);
  const path = record.href;
  return (
    <ConfirmPage
      title={t('meetings.cancel.title', { title: meeting.title })}
      {...trail(list, record, { href: `${path}/afzeggen`, label: t('meetings.cancel.button') })}
      record={formatDateTime(meeting.startsAt, ctx.locale)}
      consequences={[t('meetings.cancel.stays'), audience > 0 ? t('meetings.cancel.mails', { n: audience }) : t('meetings.cancel.noMail'), t('meetings.cancel.undo', { days: RESTORE_DAYS })]}
      button={t('meetings.cancel.confirm')}
      back={{ href: path, label: t('meetings.cancel.back') }}
      blocked={meeting.status === 'planned' ? undefined : t('meetings.cancel.notNow')}
    />
  );
}

export function RemoveItemPage({ ctx, council, meeting, item }: Props & { meeting: Meeting; item: AgendaItem }) {
  const t = ctx.t;
  const [list, record] = meetingCrumbs({ ctx, council }, meeting);
  return (
    <ConfirmPage
      title={t('meetings.removeItem.title', { title: item.title })}
      {...trail(list, record, { href: `${record.href}/agenda/${item.id}/verwijderen`, label: t('meetings.item.remove') })}
      record={`${meeting.title}, ${formatDateTime(meeting.startsAt, ctx.locale)}`}
      consequences={[t('meetings.removeItem.gone'), t(meeting.invitedAt ? 'meetings.removeItem.invited' : 'meetings.removeItem.noMail'), t('meetings.removeItem.final')]}
      button={t('meetings.removeItem.confirm')}
      back={{ href: `${record.href}#agenda`, label: t('meetings.cancel.back') }}
    />
  );
}
