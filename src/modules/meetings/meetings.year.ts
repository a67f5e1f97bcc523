/**
 * The meetings of one year with their attendance and guests, for the annual report; and the
 * agenda items of a year, which a work-plan topic can be tagged with. Read only; index.ts exports
 * them as part of the public surface.
 */
import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/index.ts';
import { localToUtc } from '../../core/dates/amsterdam.ts';
import { agendaGuests, agendaItems, meetingAttendance, meetings } from './meetings.schema.ts';
import type { MeetingStatus } from './meetings.workflow.ts';

export type YearMeeting = {
  id: string;
  title: string;
  startsAt: Date;
  status: MeetingStatus;
  /** Members who said they would come (attendance answer "yes"). */
  attending: number;
  /** Guests on the agenda, per kind. */
  officials: number;
  experts: number;
  organisations: number;
};

const inYear = (year: number) => and(gte(meetings.startsAt, localToUtc(`${year}-01-01`, '00:00')), lt(meetings.startsAt, localToUtc(`${year + 1}-01-01`, '00:00')));

/** Meetings that start in `year` (Amsterdam time), oldest first. */
export async function meetingsOfYear(db: DbOrTx, councilId: string, year: number): Promise<YearMeeting[]> {
  const attending = db
    .select({ meetingId: meetingAttendance.meetingId, n: sql<number>`count(*)::int`.as('n') })
    .from(meetingAttendance)
    .where(and(eq(meetingAttendance.councilId, councilId), eq(meetingAttendance.answer, 'yes')))
    .groupBy(meetingAttendance.meetingId)
    .as('attending');
  const guest = (kind: string) => sql<number>`(count(${agendaGuests.id}) filter (where ${agendaGuests.kind} = ${kind}))::int`;
  const guests = db
    .select({ meetingId: agendaItems.meetingId, officials: guest('official').as('officials'), experts: guest('expert').as('experts'), organisations: guest('organisation').as('organisations') })
    .from(agendaItems)
    .innerJoin(agendaGuests, eq(agendaGuests.agendaItemId, agendaItems.id))
    .where(eq(agendaItems.councilId, councilId))
    .groupBy(agendaItems.meetingId)
    .as('guests');
  const rows = await db
    .select({
      id: meetings.id,
      title: meetings.title,
      startsAt: meetings.startsAt,
      status: meetings.status,
      attending: sql<number>`coalesce(${attending.n}, 0)::int`,
      officials: sql<number>`coalesce(${guests.officials}, 0)::int`,
      experts: sql<number>`coalesce(${guests.experts}, 0)::int`,
      organisations: sql<number>`coalesce(${guests.organisations}, 0)::int`,
    })
    .from(meetings)
    .leftJoin(attending, eq(attending.meetingId, meetings.id))
    .leftJoin(guests, eq(guests.meetingId, meetings.id))
    .where(and(eq(meetings.councilId, councilId), inYear(year)))
    .orderBy(asc(meetings.startsAt));
  return rows.map((r) => ({ ...r, attending: Number(r.attending), officials: Number(r.officials), experts: Number(r.experts), organisations: Number(r.organisations) }));
}

/** Agenda items of the meetings in `year`: id, title and the meeting's date, in agenda order. */
export async function agendaItemsOfYear(db: DbOrTx, councilId: string, year: number): Promise<{ id: string; title: string; meetingId: string; startsAt: Date }[]> {
  return db
    .select({ id: agendaItems.id, title: agendaItems.title, meetingId: meetings.id, startsAt: meetings.startsAt })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(and(eq(agendaItems.councilId, councilId), inYear(year)))
    .orderBy(asc(meetings.startsAt), asc(agendaItems.position));
}
