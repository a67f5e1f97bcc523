import type { PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import type { Actor } from '../../../core/policy.ts';
import { WorkspacePage } from '../../../ui/layouts/workspace-page.tsx';
import { LinkList, Paragraph } from '../../../ui/components/basics.tsx';

/** Said instead of the packet while it is being made in the background, or when it could not be made. */
export function PacketStatePage(props: { ctx: PageCtx; council: Council; actor: Actor; meetingId: string; state: 'building' | 'failed' }) {
  const { ctx, council, meetingId, state } = props;
  const t = ctx.t;
  const list = `/${council.slug}/werkruimte/vergaderingen`;
  const meeting = `${list}/${meetingId}`;
  return (
    <WorkspacePage title={t(state === 'building' ? 'calendar.packet.buildingTitle' : 'calendar.packet.failedTitle')} section={list} parent={{ href: list, label: t('meetings.ws.title') }}>
      <Paragraph>{t(state === 'building' ? 'calendar.packet.building' : 'calendar.packet.failed')}</Paragraph>
      <LinkList items={[state === 'building' && { href: `${meeting}/vergaderstukken.pdf`, label: t('calendar.packet.retry') }, { href: meeting, label: t('calendar.packet.backToMeeting') }]} />
    </WorkspacePage>
  );
}
