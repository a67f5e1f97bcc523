/** The workspace page of one meeting, built from one component per part. */
import { formatDate } from '../../../../core/i18n/index.ts';
import type { FieldErrors, FormValues } from '../../../../core/http/forms.ts';
import { WorkspacePage } from '../../../../ui/layouts/workspace-page.tsx';
import type { MeetingDetail } from '../../meetings.queries.ts';
import { MeetingStatusLine, wsPath, type MeetingNotice, type Props } from '../meetings.tsx';
import type { MeetingPart } from './part.ts';
import { MeetingFacts } from './facts.tsx';
import { ManageMeeting } from './manage.tsx';
import { AgendaSection } from './agenda.tsx';
import { AttendanceSection, NoteSection } from './attendance.tsx';
import { MinutesSection } from './minutes.tsx';

export function MeetingDetailPage(props: Props & { detail: MeetingDetail; errors?: FieldErrors; values?: FormValues; notice?: MeetingNotice }) {
  const { ctx, council, detail, notice } = props;
  const { meeting, may } = detail;
  const t = ctx.t;
  const list = wsPath(council);
  const path = `${list}/${meeting.id}`;
  const date = formatDate(detail.local.date, ctx.locale);
  const part: MeetingPart = { ctx, detail, errors: props.errors, v: props.values ?? {}, path, list, councilSlug: council.slug };
  return (
    <WorkspacePage
      title={`${meeting.title}, ${date}`}
      section={list}
      href={path}
      crumb={date}
      parent={{ href: list, label: t('meetings.ws.title') }}
      errors={props.errors}
      notice={notice && t(`meetings.notice.${notice}`)}
    >
      <MeetingStatusLine status={meeting.status} />
      <MeetingFacts {...part} />
      {(may.edit || may.invite || may.cancel || may.restore) && <ManageMeeting {...part} />}
      <AgendaSection {...part} />
      <AttendanceSection {...part} />
      {may.note && <NoteSection {...part} />}
      {may.seeMinutes && <MinutesSection {...part} />}
    </WorkspacePage>
  );
}
