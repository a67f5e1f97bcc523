/**
 * Joint meetings of an agreement: one party's board plans one meeting with the other parties on
 * the platform, each of them accepts it. The meeting itself is the meetings module's (one UID, one
 * agenda, one set of minutes); this module says who may plan and accept, and for which agreement.
 */
import type { Deps } from '../../core/deps.ts';
import { DomainError, notFound } from '../../core/errors.ts';
import { queueNotices } from '../../core/notices/notices.ts';
import { and, eq, inArray, ne } from 'drizzle-orm';
import { assertCan, type Actor } from '../../core/policy.ts';
import { boardRoles } from '../../core/roles.ts';
import { councils, memberships, type Council } from '../../core/organisations.schema.ts';
import { acceptJointMeeting, jointMeetingsOf, planJointMeeting, setJointAttendance, type MeetingInput } from '../meetings/index.ts';
import { inviteContactsToEvent } from '../network/index.ts';
import { invitePartnerMembers } from './cooperation.joint.ts';
import { agreementParties } from './cooperation.schema.ts';
import { findForParty } from './cooperation.queries.ts';
import { inForce } from './cooperation.workflow.ts';
import { todayInAmsterdam } from '../../core/dates/working-days.ts';

/** Plans a joint meeting; the agreement must be in force. The other parties' boards get a notice to accept it. */
export async function planMeeting(deps: Deps, args: { actor: Actor | null; council: Council; id: string; input: MeetingInput }) {
  const { council } = args;
  assertCan(args.actor, 'cooperation.manage');
  const a = (await findForParty(deps.db, council.id, args.id)) ?? notFound('agreement');
  if (!inForce(a, todayInAmsterdam())) throw new DomainError('notInForce', 'cooperation.error.meetingState', 'title');
  const partners = await deps.db
    .select({ id: agreementParties.partyCouncilId, slug: councils.slug })
    .from(agreementParties)
    .innerJoin(councils, eq(councils.id, agreementParties.partyCouncilId))
    .where(and(eq(agreementParties.agreementId, a.id), ne(agreementParties.partyCouncilId, council.id)));
  const meeting = await planJointMeeting(deps, { actor: args.actor, council, input: args.input, agreementId: a.id, partnerIds: partners.map((p) => p.id!) });
  const boards = partners.length
    ? await deps.db
        .select({ userId: memberships.userId, councilId: memberships.councilId })
        .from(memberships)
        .where(
          and(
            inArray(
              memberships.councilId,
              partners.map((p) => p.id!),
            ),
            eq(memberships.active, true),
            inArray(memberships.role, [...boardRoles]),
          ),
        )
    : [];
  await queueNotices(
    deps.db,
    boards.map((b) => ({
      userId: b.userId,
      councilId: b.councilId,
      kind: 'cooperation.jointMeeting',
      text: 'cooperation.notice.jointPlanned',
      params: { title: meeting.title, council: council.name },
      path: `/${partners.find((p) => p.id === b.councilId)!.slug}/werkruimte/samenwerking/${a.id}`,
    })),
  );
  return meeting;
}

/** The partner's board accepts a joint meeting planned under this agreement. */
export async function acceptMeeting(deps: Deps, args: { actor: Actor | null; council: Council; id: string; meetingId: string }) {
  assertCan(args.actor, 'cooperation.manage');
  const a = (await findForParty(deps.db, args.council.id, args.id)) ?? notFound('agreement');
  if (!inForce(a, todayInAmsterdam())) notFound('meeting');
  await acceptJointMeeting(deps, { actor: args.actor, council: args.council, meetingId: args.meetingId, agreementId: a.id });
  // Now it is in this organisation's workspace: its members get the invitation.
  const meeting = (await jointMeetingsOf(deps.db, { agreementId: a.id, council: args.council, inForce: true })).find((m) => m.id === args.meetingId);
  if (meeting && meeting.status === 'planned') {
    await invitePartnerMembers(deps.db, deps, { partner: args.council, agreementId: a.id, meeting });
    deps.mailer.kick();
  }
}

export const attendanceAnswers = ['yes', 'no', 'maybe'] as const;

/** A member of a partner says whether they come to a joint meeting their organisation accepted. */
export async function attendMeeting(deps: Deps, args: { actor: Actor | null; council: Council; id: string; meetingId: string; answer: string }) {
  assertCan(args.actor, 'cooperation.view');
  const a = (await findForParty(deps.db, args.council.id, args.id)) ?? notFound('agreement');
  const answer = attendanceAnswers.find((x) => x === args.answer);
  if (!answer) throw new DomainError('answer', 'cooperation.error.answer', 'answer');
  await setJointAttendance(deps, { actor: args.actor, council: args.council, meetingId: args.meetingId, agreementId: a.id, answer });
}

/**
 * The planning organisation's board invites contacts of its own network to a planned joint
 * meeting (the network checks consent and sends each one invitation, with the .ics). The link
 * in the mail is the meeting's public page. Returns how many mails were queued.
 */
export async function inviteNetworkContacts(deps: Deps, args: { actor: Actor | null; council: Council; id: string; meetingId: string; contactIds: string[] }) {
  assertCan(args.actor, 'cooperation.manage');
  const { council } = args;
  const a = (await findForParty(deps.db, council.id, args.id)) ?? notFound('agreement');
  if (!inForce(a, todayInAmsterdam())) notFound('meeting');
  const meeting = (await jointMeetingsOf(deps.db, { agreementId: a.id, council, inForce: true })).find((m) => m.id === args.meetingId && m.own && m.status === 'planned') ?? notFound('meeting');
  const url = `${deps.config.baseUrl.replace(/\/$/, '')}/${council.slug}/vergaderingen/${meeting.id}`;
  const event = { uid: meeting.uid, title: meeting.title, startsAt: meeting.startsAt, endsAt: meeting.endsAt, location: meeting.location, url };
  const sent = await deps.db.transaction((tx) => inviteContactsToEvent(tx, deps, { council, actor: args.actor, event, contactIds: args.contactIds }));
  deps.mailer.kick();
  return sent;
}
