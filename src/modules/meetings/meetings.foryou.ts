/**
 * What waits on this person around meetings, for the "for you" start page (issue 9, part 2): the
 * next meeting and whether they come, their open action points, and for the board the minutes
 * of held meetings still to publish.
 */
import { and, asc, desc, eq, gte, isNull, lt, ne, or } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/index.ts';
import { readAlone, type Read } from '../../core/read-together.ts';
import { can, type Actor } from '../../core/policy.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { meetingAttendance, meetings, minutes } from './meetings.schema.ts';
import { openActionPointsOf } from './meetings.minutes.ts';

const DAY = 24 * 3600_000;
const RECENT_DAYS = 92;

export type MeetingsForYou = {
  next: { id: string; title: string; startsAt: Date; answer: string | null } | null;
  actionPoints: Awaited<ReturnType<typeof openActionPointsOf>>;
  minutesToPublish: { id: string; title: string; startsAt: Date }[];
};

export async function meetingsForYou(db: DbOrTx, council: Council, actor: Actor, now = new Date(), read: Read = readAlone): Promise<MeetingsForYou> {
  const inCouncil = eq(meetings.councilId, council.id);
  const member = can(actor, 'meetings.attend') ? actor.membershipId : null;
  const next = async () => {
    if (!member) return null;
    const [m] = await read(
      db
        .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt, answer: meetingAttendance.answer })
        .from(meetings)
        .leftJoin(meetingAttendance, and(eq(meetingAttendance.meetingId, meetings.id), eq(meetingAttendance.membershipId, member)))
        .where(and(inCouncil, eq(meetings.status, 'planned'), gte(meetings.endsAt, now)))
        .orderBy(asc(meetings.startsAt))
        .limit(1),
    );
    return m ?? null;
  };
  // Meetings of the last three months whose minutes are missing or not yet published (older ones
  // are the archive's business, not today's work).
  const minutesToPublish = async () =>
    can(actor, 'meetings.manage')
      ? read(
          db
            .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt })
            .from(meetings)
            .leftJoin(minutes, eq(minutes.meetingId, meetings.id))
            .where(
              and(
                inCouncil,
                ne(meetings.status, 'cancelled'),
                lt(meetings.endsAt, now),
                gte(meetings.endsAt, new Date(now.getTime() - RECENT_DAYS * DAY)),
                or(isNull(minutes.id), ne(minutes.status, 'published')),
              ),
            )
            .orderBy(desc(meetings.startsAt))
            .limit(5),
        )
      : [];
  const [n, actionPoints, toPublish] = await Promise.all([next(), openActionPointsOf(db, council, actor.membershipId, read), minutesToPublish()]);
  return { next: n, actionPoints, minutesToPublish: toPublish };
}
