import type { ModuleManifest } from '../../core/module.ts';
import type { Declares, Named } from '../../core/module-types.ts';
import { board, can, councilMembers } from '../../core/policy.ts';
import { hasSection } from '../../core/organisation-kinds.ts';
import meetingsMessages from './meetings.messages.json' with { type: 'json' };
import meetingsCalendarMessages from './meetings.calendar.messages.json' with { type: 'json' };
import { meetingsRoutes } from './meetings.routes.tsx';
import { meetingsCalendarRoutes } from './meetings.calendar.routes.tsx';
import { meetingsForYou } from './meetings.foryou.ts';
import { sendActionPointReminders } from './meetings.reminders.ts';
import { folderMeetings } from './meetings.dossiers.ts';
import { MeetingsForYouPanel } from './views/for-you.tsx';
import { SignalsOnAgendaLink } from './views/signals-on-agenda.tsx';
import { FolderMeetings } from './views/dossiers.tsx';
import { meetingsSearch } from './meetings.search.ts';
import type { meetingAuditActions, minutesAuditActions, MeetingAction, MinutesAction } from './meetings.workflow.ts';
import { MeetingsOnHome } from './views/home.tsx';
import { getRhythm } from './meetings.rhythm.ts';
import { nextPublicMeeting } from './meetings.queries.ts';

const policy = {
  'meetings.view': councilMembers,
  'meetings.manage': board,
  'meetings.attend': councilMembers,
  'calendar.subscribe': councilMembers,
} as const;

/** What the audit log records of meetings (core/audit/audit.ts); the workflow's steps name theirs there. */
type Audit =
  | (typeof meetingAuditActions)[MeetingAction]
  | (typeof minutesAuditActions)[MinutesAction]
  | Named<{
      meeting: 'added' | 'attendanceGiven' | 'noteSaved' | 'noteRemoved' | 'jointAccepted';
      meetingRhythm: 'saved' | 'meetingsGenerated';
      actionPoint: 'done' | 'reminderSent' | 'overdueReminderSent';
      calendarToken: 'created' | 'revoked';
    }>;
/** This module's message keys, policy actions and audit names: src/modules.ts hands them to core (core/module-types.ts). */
export type MeetingsTypes = Declares<typeof meetingsMessages & typeof meetingsCalendarMessages, typeof policy, Audit>;

const HOUR = 60 * 60 * 1000;

/** Meetings: rhythm, agenda, attendance, minutes with action points, calendar feeds, packet. */
export const meetingsModule: ModuleManifest = {
  name: 'meetings',
  search: meetingsSearch,
  routes: [meetingsRoutes, meetingsCalendarRoutes],
  messages: [meetingsMessages, meetingsCalendarMessages],
  policy,
  // Action point reminders are recorded per point and kind, so each goes out once.
  jobs: [{ name: 'action-point-reminders', everyMs: HOUR, firstAfterMs: 45_000, run: sendActionPointReminders }],
  // The public calendar feed and members' private feeds (/agenda/{token}.ics).
  sectionPaths: { 'agenda.ics': 'meetings', agenda: 'meetings' },
  nav: {
    public: [{ path: 'vergaderingen', label: 'meetings.nav.public', order: 40, section: 'meetings' }],
    workspace: [
      { path: 'vergaderingen', label: 'meetings.nav.workspace', order: 20, action: 'meetings.view', section: 'meetings' },
      { path: 'agenda', label: 'calendar.nav', order: 100, action: 'calendar.subscribe', section: 'meetings', more: true },
    ],
  },
  dashboard: [
    {
      order: 20,
      // The "for you" start page: the next meeting and whether I come, my action points, minutes to publish.
      panel: async ({ deps, ctx, council, actor, read }) => {
        if (!hasSection(council.kind, 'meetings')) return null;
        const work = await meetingsForYou(deps.db, council, actor, new Date(), read);
        return work.next || work.actionPoints.length > 0 || work.minutesToPublish.length > 0 ? MeetingsForYouPanel({ ctx, council, work }) : null;
      },
    },
  ],
  slots: {
    // The signal list: the board puts signals to discuss on a coming meeting's agenda.
    'signals.list.actions': async ({ ctx, council, actor }) => (can(actor, 'meetings.manage') && hasSection(council.kind, 'meetings') ? SignalsOnAgendaLink({ ctx, council }) : null),
    // The organisation's home page: when the council meets (from the rhythm rule) and the next meeting.
    'organisation.home': async ({ deps, ctx, council }) => {
      if (!hasSection(council.kind, 'meetings')) return null;
      const [rhythm, next] = await Promise.all([getRhythm(deps.db, council), nextPublicMeeting(deps.db, council)]);
      return rhythm || next || council.meetingRhythm ? MeetingsOnHome({ ctx, council, rhythm, next }) : null;
    },
    // A dossier's page lists the meetings linked to it; the board links and unlinks them there.
    'documents.folder.related': async ({ deps, ctx, council, actor, id, form }) =>
      can(actor, 'meetings.view') && hasSection(council.kind, 'meetings')
        ? FolderMeetings({ ctx, council, folderId: id, form, ...(await folderMeetings(deps, { council, actor, folderId: id })) })
        : null,
  },
};
/** Meetings of one year with attendance and guests, and a year's agenda items (the annual report and work plan). */
export { agendaItemsOfYear, meetingsOfYear, type YearMeeting } from './meetings.year.ts';

// Public surface: read functions other modules may call.
/** Agenda items with their meeting, for what is held during a meeting (a consultation of the network module). */
export { agendaItemRefs, type AgendaItemRef } from './meetings.refs.ts';
/** Items other modules put on the agenda: the next meeting on its own, or one the board chooses (a delegate's report-back). */
export { addItemToMeeting, comingMeetings, placeOnNextMeeting, type ItemToPlace } from './meetings.agenda-api.ts';
/** Joint meetings with partners of a cooperation agreement (issue 16): plan, accept, list per agreement. */
export { planJointMeeting, acceptJointMeeting, jointMeetingsOf, jointMeetingCounts, setJointAttendance, jointAgreementOf, type JointMeeting } from './meetings.joint.ts';
/** The meeting form's rules (the cooperation module plans a joint meeting with them). */
export { meetingSchema, type MeetingInput } from './meetings.forms.ts';
/** The meeting form's fields, for a form of another module (a joint meeting). */
export { MeetingFields } from './views/meeting-fields.tsx';
/** A national campaign's kick-off and closing meetings (issue 12): plan one, read them back. */
export { campaignMeetings, type CampaignMeeting } from './meetings.campaign-api.ts';
