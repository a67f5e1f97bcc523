/**
 * Joint meetings (issue 16): one meeting, planned by one organisation's board with a partner in a
 * cooperation agreement, accepted by the partner's board. It keeps one iCalendar UID, so it shows
 * in both organisations' calendar feeds as the same event, and one agenda and one set of minutes.
 * Whether the agreement is in force is asked on every read through core's sharing port.
 */
import { and, asc, eq, gte, inArray, isNotNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { inIds, type Ids } from '../../core/db/find.ts';
import type { Deps } from '../../core/deps.ts';
import type { DbOrTx } from '../../core/db/index.ts';
import { readAlone, type Read } from '../../core/read-together.ts';
import { audit } from '../../core/audit/audit.ts';
import { DomainError, notFound } from '../../core/errors.ts';
import { partnerships } from '../../core/partnerships.ts';
import { isUuid } from '../../core/http/forms.ts';
import { assertCan, ForbiddenError, type Actor } from '../../core/policy.ts';
import { councils, type Council } from '../../core/organisations.schema.ts';
import { agendaItems, meetingAttendance, meetings, minutes, type Meeting } from './meetings.schema.ts';
import { jointWith } from './meetings.joint.where.ts';
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
  /** How many people of all parties said they come. */
  coming: number;
  /** The answer of the membership asked about (`membershipId`), if any. */
  myAnswer: 'yes' | 'no' | 'maybe' | null;
};

/**
 * How many joint meetings (not cancelled) each agreement has starting in [from, to), for the
 * dashboard's rule of two a year: one count per agreement, not every meeting with its agenda.
 * `agreementIds`: a list, or a subquery that selects them (then read in the same round).
 */
export async function jointMeetingCounts(db: DbOrTx, args: { agreementIds: Ids; from: Date; to: Date }, read: Read = readAlone): Promise<Map<string, number>> {
  const byIds = inIds(meetingPartners.agreementId, args.agreementIds);
  if (!byIds) return new Map();
  const rows = await read(
    db
      .select({ agreementId: meetingPartners.agreementId, n: sql<number>`count(distinct ${meetings.id})`.mapWith(Number) })
      .from(meetingPartners)
      .innerJoin(meetings, eq(meetings.id, meetingPartners.meetingId))
      .where(and(byIds, ne(meetings.status, 'cancelled'), gte(meetings.startsAt, args.from), lt(meetings.startsAt, args.to)))
      .groupBy(meetingPartners.agreementId),
  );
  return new Map(rows.map((r) => [r.agreementId, r.n]));
}

/** The joint meetings of an agreement as one party sees them (a partner: while the agreement is in force). */
export async function jointMeetingsOf(db: DbOrTx, args: { agreementId: string; council: Council; inForce: boolean; publicOnly?: boolean; membershipId?: string | null }): Promise<JointMeeting[]> {
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
      coming: 0,
      myAnswer: null,
    };
    if (r.partner.acceptedAt) entry.accepted.push(r.partnerName);
    if (mine && !r.partner.acceptedAt) entry.waitingForUs = true;
    out.set(r.meeting.id, entry);
  }
  const visible = [...out.values()].filter((m) => (m.own || args.inForce) && (!args.publicOnly || m.accepted.length > 0));
  if (visible.length === 0) return visible;
  // The agenda, published minutes and answers of every visible meeting in one statement, not three per meeting.
  const ids = visible.map((m) => m.id);
  const [items, published, answers] = await Promise.all([
    db
      .select({ meetingId: agendaItems.meetingId, title: agendaItems.title, isPublic: agendaItems.isPublic })
      .from(agendaItems)
      .where(inArray(agendaItems.meetingId, ids))
      .orderBy(asc(agendaItems.position)),
    db
      .selectDistinct({ meetingId: minutes.meetingId })
      .from(minutes)
      .where(and(inArray(minutes.meetingId, ids), isNotNull(minutes.publishedAt))),
    args.publicOnly
      ? []
      : db
          .select({ meetingId: meetingAttendance.meetingId, membershipId: meetingAttendance.membershipId, answer: meetingAttendance.answer })
          .from(meetingAttendance)
          .where(inArray(meetingAttendance.meetingId, ids)),
  ]);
  const withMinutes = new Set(published.map((p) => p.meetingId));
  for (const m of visible) {
    const own = items.filter((i) => i.meetingId === m.id).map(({ title, isPublic }) => ({ title, isPublic }));
    m.agenda = args.publicOnly ? own.filter((i) => i.isPublic) : own;
    m.minutesPublished = withMinutes.has(m.id);
    if (args.publicOnly) continue;
    const mine = answers.filter((a) => a.meetingId === m.id);
    m.coming = mine.filter((a) => a.answer === 'yes').length;
    m.myAnswer = mine.find((a) => a.membershipId === args.membershipId)?.answer ?? null;
  }
  return visible;
}

/** SQL on `meetings`: this organisation's own meetings and the joint meetings it accepted (its workspace list). */
export function ownOrJoint(councilId: string): SQL {
  return or(eq(meetings.councilId, councilId), jointWith(councilId))!;
}

/**
 * A member of a partner says whether they come to a joint meeting their organisation accepted,
 * while the meeting's agreement is in force. The answer is kept in the partner's name (its log).
 */
export async function setJointAttendance(deps: Deps, args: { actor: Actor | null; council: Council; meetingId: string; agreementId: string; answer: 'yes' | 'no' | 'maybe' }) {
  const { actor, council } = args;
  assertCan(actor, 'meetings.attend');
  const membershipId = actor.membershipId;
  if (!membershipId) throw new ForbiddenError('meetings.attend');
  if (!isUuid(args.meetingId)) notFound('meeting');
  await deps.db.transaction(async (tx) => {
    const [m] = await tx
      .select({ id: meetings.id, status: meetings.status })
      .from(meetings)
      .innerJoin(meetingPartners, eq(meetingPartners.meetingId, meetings.id))
      .where(
        and(
          eq(meetings.id, args.meetingId),
          eq(meetingPartners.partnerCouncilId, council.id),
          eq(meetingPartners.agreementId, args.agreementId),
          isNotNull(meetingPartners.acceptedAt),
          partnerships().agreementInForce(meetingPartners.agreementId, council.id),
        ),
      )
      .limit(1);
    if (!m) notFound('meeting');
    if (m.status !== 'planned') throw new DomainError('notPlanned', 'meetings.error.state');
    await tx
      .insert(meetingAttendance)
      .values({ councilId: council.id, meetingId: m.id, membershipId, answer: args.answer })
      .onConflictDoUpdate({ target: [meetingAttendance.meetingId, meetingAttendance.membershipId], set: { answer: args.answer, updatedAt: new Date() } });
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'meeting.attendanceGiven', entity: 'meeting', entityId: m.id, data: { answer: args.answer } });
  });
}

/** The agreement under which this organisation plans or joined a joint meeting (a partner: once it accepted), or null. */
export async function jointAgreementOf(db: DbOrTx, councilId: string, meetingId: string): Promise<string | null> {
  if (!isUuid(meetingId)) return null;
  const [row] = await db
    .select({ agreementId: meetingPartners.agreementId })
    .from(meetingPartners)
    .where(and(eq(meetingPartners.meetingId, meetingId), or(eq(meetingPartners.councilId, councilId), and(eq(meetingPartners.partnerCouncilId, councilId), isNotNull(meetingPartners.acceptedAt)))))
    .limit(1);
  return row?.agreementId ?? null;
}
