/** Joint meetings of an agreement, as a list with their agenda (workspace and public page). */
import type { ComponentChildren } from 'preact';
import type { PageCtx } from '../../../ui/context.ts';
import { formatDateTime } from '../../../core/i18n/index.ts';
import { Heading, Link, Paragraph, StatusBadge } from '../../../ui/components/basics.tsx';
import type { JointMeeting } from '../../meetings/index.ts';

export function JointMeetingList(props: { ctx: PageCtx; meetings: JointMeeting[]; href?: (m: JointMeeting) => string | null; action?: (m: JointMeeting) => ComponentChildren }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <>
      {props.meetings.map((m) => {
        const href = props.href?.(m);
        return (
          <section aria-labelledby={`vergadering-${m.id}`}>
            <Heading level={3} id={`vergadering-${m.id}`}>
              {href ? <Link href={href}>{m.title}</Link> : m.title}
            </Heading>
            <Paragraph>
              {formatDateTime(m.startsAt, ctx.locale)}
              {m.location && ` · ${m.location}`}
              {m.status === 'cancelled' && (
                <>
                  {' '}
                  <StatusBadge status="inactive">{t('cooperation.meetings.cancelled')}</StatusBadge>
                </>
              )}
            </Paragraph>
            <Paragraph>
              {t('cooperation.meetings.plannedBy', { council: m.plannedBy })} ·{' '}
              {m.accepted.length ? t('cooperation.meetings.acceptedBy', { councils: m.accepted.join(', ') }) : t('cooperation.meetings.notAccepted')}
            </Paragraph>
            {m.agenda.length ? (
              <>
                <Heading level={4}>{t('cooperation.meetings.agenda')}</Heading>
                <ol class="utrecht-ordered-list">
                  {m.agenda.map((i) => (
                    <li class="utrecht-ordered-list__item">{i.title}</li>
                  ))}
                </ol>
              </>
            ) : (
              <Paragraph>{t('cooperation.meetings.noAgenda')}</Paragraph>
            )}
            {m.minutesPublished && <Paragraph>{t('cooperation.meetings.minutes')}</Paragraph>}
            {props.action?.(m)}
          </section>
        );
      })}
    </>
  );
}
