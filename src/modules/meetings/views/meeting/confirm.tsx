/** Cancelling a meeting and removing an agenda item ask first: what happens, who gets an e-mail, whether it can be undone. */
import { formatDateTime } from '../../../../core/i18n/index.ts';
import { ConfirmPage } from '../../../../ui/layouts/confirm-page.tsx';
import type { AgendaItem, Meeting } from '../../meetings.schema.ts';
import { RESTORE_DAYS } from '../../meetings.workflow.ts';
import { wsPath, type Props } from '../meetings.tsx';

export function CancelMeetingPage({ ctx, council, meeting, audience }: Props & { meeting: Meeting; audience: number }) {
  const t = ctx.t;
  const list = wsPath(council);
  const path = `${list}/${meeting.id}`;
  const when = formatDateTime(meeting.startsAt, ctx.locale);
  return (
    <ConfirmPage
      title={t('meetings.cancel.title', { title: meeting.title })}
      section={list}
      href={`${path}/afzeggen`}
      crumb={t('meetings.cancel.button')}
      parent={[
        { href: list, label: t('meetings.ws.title') },
        { href: path, label: meeting.title },
      ]}
      record={when}
      consequences={[t('meetings.cancel.stays'), audience > 0 ? t('meetings.cancel.mails', { n: audience }) : t('meetings.cancel.noMail'), t('meetings.cancel.undo', { days: RESTORE_DAYS })]}
      action={`${path}/afzeggen`}
      button={t('meetings.cancel.confirm')}
      back={{ href: path, label: t('meetings.cancel.back') }}
      blocked={meeting.status === 'planned' ? undefined : t('meetings.cancel.notNow')}
    />
  );
}

export function RemoveItemPage({ ctx, council, meeting, item }: Props & { meeting: Meeting; item: AgendaItem }) {
  const t = ctx.t;
  const list = wsPath(council);
  const path = `${list}/${meeting.id}`;
  const at = `${path}/agenda/${item.id}`;
  return (
    <ConfirmPage
      title={t('meetings.removeItem.title', { title: item.title })}
      section={list}
      href={`${at}/verwijderen`}
      crumb={t('meetings.item.remove')}
      parent={[
        { href: list, label: t('meetings.ws.title') },
        { href: path, label: meeting.title },
      ]}
      record={`${meeting.title}, ${formatDateTime(meeting.startsAt, ctx.locale)}`}
      consequences={[t('meetings.removeItem.gone'), t(meeting.invitedAt ? 'meetings.removeItem.invited' : 'meetings.removeItem.noMail'), t('meetings.removeItem.final')]}
      action={`${at}/verwijderen`}
      button={t('meetings.removeItem.confirm')}
      back={{ href: `${path}#agenda`, label: t('meetings.cancel.back') }}
    />
  );
}
