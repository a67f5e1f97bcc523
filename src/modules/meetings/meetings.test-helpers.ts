/** Meetings straight in the database, for tests (the authorization matrix uses these too). */
import { eq } from 'drizzle-orm';
import type { TestApp } from '../../../test/support/factories.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { agendaItems, meetings, minutes, actionPoints, type Meeting, type AgendaItem, meetingRhythms } from './meetings.schema.ts';
import { localToUtc } from '../../core/dates/amsterdam.ts';

export * from '../../../test/support/factories.ts';

/** A meeting on a local date (09:30-12:30 Amsterdam). */
export async function makeMeeting(t: TestApp, council: Council, date: string, values: Partial<typeof meetings.$inferInsert> = {}): Promise<Meeting> {
  const id = crypto.randomUUID();
  const [m] = await t.db
    .insert(meetings)
    .values({
      id,
      councilId: council.id,
      uid: `${id}@raadwerk`,
      title: 'Vergadering',
      startsAt: localToUtc(date, '09:30'),
      endsAt: localToUtc(date, '12:30'),
      location: 'Stadhuis',
      ...values,
    })
    .returning();
  return m!;
}

export async function makeItem(t: TestApp, council: Council, meeting: Meeting, values: Partial<typeof agendaItems.$inferInsert> = {}): Promise<AgendaItem> {
  const [i] = await t.db
    .insert(agendaItems)
    .values({ councilId: council.id, meetingId: meeting.id, position: Math.floor(Math.random() * 1e6), title: 'Agendapunt', ...values })
    .returning();
  return i!;
}

/** Minutes for a meeting, in a status, with one action point of `ownerMembershipId` (if given). */
export async function makeMinutes(t: TestApp, council: Council, meeting: Pick<Meeting, 'id'>, values: Partial<typeof minutes.$inferInsert> = {}, ownerMembershipId?: string, dueOn?: string) {
  const [m] = await t.db
    .insert(minutes)
    .values({ councilId: council.id, meetingId: meeting.id, ...values })
    .returning();
  const [p] = ownerMembershipId
    ? await t.db
        .insert(actionPoints)
        .values({ councilId: council.id, minutesId: m!.id, text: 'Actiepunt', ownerMembershipId, dueOn: dueOn ?? null })
        .returning()
    : [];
  return { minutes: m!, actionPoint: p };
}

export async function meetingRow(t: TestApp, id: string): Promise<Meeting> {
  const [m] = await t.db.select().from(meetings).where(eq(meetings.id, id));
  return m!;
}

/** The council's meeting rhythm, straight in the database (for tests of other modules' pages). */
export async function makeRhythm(t: TestApp, council: Council, values: Partial<typeof meetingRhythms.$inferInsert> = {}) {
  const [r] = await t.db
    .insert(meetingRhythms)
    .values({ councilId: council.id, title: 'Raadsvergadering', nth: 3, weekday: 3, startTime: '09:30', endTime: '12:30', ...values })
    .returning();
  return r!;
}
