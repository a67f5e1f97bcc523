/**
 * Joint meetings (issue 16): one meeting, planned by one organisation's board with a partner in a
 * cooperation agreement, accepted by the partner's board. It keeps one iCalendar UID, so it shows
 * in both organisations' calendar feeds as the same event, and one agenda and one set of minutes.
 * Whether the agreement is in force is asked on every read through core's sharing port.
 */
import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Deps } from '../../core/deps.ts';
import type { DbOrTx } from '../../core/db/index.ts';
import { audit } from '../../core/audit/audit.ts';
import { notFound } from '../../core/errors.ts';
import { isUuid } from '../../core/http/forms.ts';
import { assertCan, type Actor } from '../../core/policy.ts';
import { councils, type Council } from '../../core/organisations.schema.ts';
import { agendaItems, meetings, minutes, type Meeting } from './meetings.schema.ts';
import { meetingPartners } from './meetings.joint.schema.ts';
import { addMeeting } from './meetings.lifecycle.ts';
import type { MeetingInput } from './meetings.forms.ts';

/** Plans a meeting of this organisation with partners of an agreement; each partner still accepts it. */
export async function planJointMeeting(deps: Deps, args: { actor: Actor | null; council: Council; input: MeetingInput; agreementId: string; partnerIds: string[] }): Promise<Meeting> {
  const m = await addMeeting(deps, { actor: args.actor, council: args.council, input: args.input });
  if (args.partnerIds.length) {
    await deps.db.insert(meetingPartners).values(args.partnerIds.map((partnerCouncilId) => ({ councilId: args.council.id, meetingId: m.id, partnerCouncilId, agreementId: args.agreementId })));
  }
  return m;
}

/** The partner's board accepts a joint meeting: from then on it is in the partner's workspace and feeds. */
export async function acceptJointMeeting(deps: Deps, args: { actor: Actor | null; council: Council; meetingId: string; agreementId: string }): Promise<void> {
  assertCan(args.actor, 'meetings.manage');
  const actor = args.actor;
  if (!isUuid(args.meetingId)) notFound('meeting');
  await deps.db.transaction(async (tx) => {
    const done = await tx
      .update(meetingPartners)
      .set({ acceptedAt: new Date() })
      .where(
        and(
          eq(meetingPartners.meetingId, args.meetingId),
          eq(meetingPartners.partnerCouncilId, args.council.id),
          eq(meetingPartners.agreementId, args.agreementId),
          sql`${meetingPartners.acceptedAt} is null`,
        ),
      )
      .returning({ meetingId: meetingPartners.meetingId });
    if (!done.length) notFound('meeting');
    await audit(tx, { councilId: args.council.id, actorUserId: actor.userId, action: 'meeting.jointAccepted', entity: 'meeting', entityId: args.meetingId });
  });
}

export type JointMeeting = {
  id: string;
  uid: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  location: string;
  status: Meeting['status'];
  plannedBy: string;
  plannedBySlug: string;
  /** This organisation planned it. */
  own: boolean;
  /** The partners that accepted it (names). */
  accepted: string[];
  /** Waiting for this organisation to accept. */
  waitingForUs: boolean;
  agenda: { title: string; isPublic: boolean }[];
  minutesPublished: boolean;
};

/** The joint meetings of an agreement as one party sees them (a partner: while the agreement is in force). */
export async function jointMeetingsOf(db: DbOrTx, args: { agreementId: string; council: Council; inForce: boolean; publicOnly?: boolean }): Promise<JointMeeting[]> {
  const rows = await db
    .select({
      meeting: meetings,
      partner: meetingPartners,
      plannedBy: councils.name,
      plannedBySlug: councils.slug,
      partnerName: sql<string>`(select name from ${councils} c where c.id = ${meetingPartners.partnerCouncilId})`,
    })
    .from(meetingPartners)
    .innerJoin(meetings, eq(meetings.id, meetingPartners.meetingId))
    .innerJoin(councils, eq(councils.id, meetings.councilId))
    .where(eq(meetingPartners.agreementId, args.agreementId))
    .orderBy(asc(meetings.startsAt));
  const out = new Map<string, JointMeeting>();
  for (const r of rows) {
    const own = r.meeting.councilId === args.council.id;
    const mine = r.partner.partnerCouncilId === args.council.id;
    const entry = out.get(r.meeting.id) ?? {
      id: r.meeting.id,
      uid: r.meeting.uid,
      title: r.meeting.title,
      startsAt: r.meeting.startsAt,
      endsAt: r.meeting.endsAt,
      location: r.meeting.location,
      status: r.meeting.status,
      plannedBy: r.plannedBy,
      plannedBySlug: r.plannedBySlug,
      own,
      accepted: [],
      waitingForUs: false,
      agenda: [],
      minutesPublished: false,
    };
    if (r.partner.acceptedAt) entry.accepted.push(r.partnerName);
    if (mine && !r.partner.acceptedAt) entry.waitingForUs = true;
    out.set(r.meeting.id, entry);
  }
  const visible = [...out.values()].filter((m) => (m.own || args.inForce) && (!args.publicOnly || m.accepted.length > 0));
  for (const m of visible) {
    const items = await db.select({ title: agendaItems.title, isPublic: agendaItems.isPublic }).from(agendaItems).where(eq(agendaItems.meetingId, m.id)).orderBy(asc(agendaItems.position));
    m.agenda = args.publicOnly ? items.filter((i) => i.isPublic) : items;
    const [published] = await db
      .select({ id: minutes.id })
      .from(minutes)
      .where(and(eq(minutes.meetingId, m.id), isNotNull(minutes.publishedAt)))
      .limit(1);
    m.minutesPublished = Boolean(published);
  }
  return visible;
}
