/**
 * The council's meeting rhythm ("every second Tuesday") and the meetings of a year made from it.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/index.ts';
import type { Deps } from '../../core/deps.ts';
import { assertCan, type Actor } from '../../core/policy.ts';
import { audit } from '../../core/audit/audit.ts';
import { todayInAmsterdam } from '../../core/dates/working-days.ts';
import { localToUtc } from '../../core/dates/amsterdam.ts';
import { councils, type Council } from '../../core/organisations.schema.ts';
import { meetingRhythms, meetings, type MeetingRhythm } from './meetings.schema.ts';
import { occurrences } from './meetings.recurrence.ts';
import { DomainError } from '../../core/errors.ts';
import type { RhythmInput } from './meetings.forms.ts';

export async function getRhythm(db: DbOrTx, council: Council): Promise<MeetingRhythm | null> {
  const [r] = await db.select().from(meetingRhythms).where(eq(meetingRhythms.councilId, council.id)).limit(1);
  return r ?? null;
}

export async function saveRhythm(deps: Deps, args: { actor: Actor | null; council: Council; input: RhythmInput }): Promise<MeetingRhythm> {
  const { actor, council, input } = args;
  assertCan(actor, 'meetings.manage');
  return deps.db.transaction(async (tx) => {
    const values = { ...input, councilId: council.id, updatedAt: new Date() };
    const [row] = await tx
      .insert(meetingRhythms)
      .values(values)
      .onConflictDoUpdate({ target: meetingRhythms.councilId, set: { ...input, updatedAt: new Date() } })
      .returning();
    await audit(tx, {
      councilId: council.id,
      actorUserId: actor.userId,
      action: 'meetingRhythm.saved',
      entity: 'meeting_rhythm',
      entityId: row!.id,
      data: { nth: input.nth, weekday: input.weekday },
    });
    return row!;
  });
}

/**
 * Creates the meetings of a year from the rhythm. Idempotent: a rule date that already has a
 * meeting (even one moved or cancelled since) gets no second one. Past dates are skipped.
 */
export async function generateYear(deps: Deps, args: { actor: Actor | null; council: Council; year: number; now?: Date }): Promise<number> {
  const { actor, council, year } = args;
  assertCan(actor, 'meetings.manage');
  const today = todayInAmsterdam(args.now);
  return deps.db.transaction(async (tx) => {
    // Serialise generation per council, so two clicks at once cannot both insert.
    await tx.execute(sql`select id from ${councils} where id = ${council.id} for update`);
    const rhythm = await getRhythm(tx, council);
    if (!rhythm) throw new DomainError('noRhythm', 'meetings.error.noRhythm', 'year');
    const dates = occurrences(rhythm, year).filter((d) => d >= today);
    const existing = new Set(
      (
        await tx
          .select({ d: meetings.generatedFor })
          .from(meetings)
          .where(and(eq(meetings.councilId, council.id), inArray(meetings.generatedFor, dates.length ? dates : ['1900-01-01'])))
      ).map((r) => r.d),
    );
    const fresh = dates.filter((d) => !existing.has(d));
    for (const d of fresh) {
      const id = crypto.randomUUID();
      await tx.insert(meetings).values({
        id,
        councilId: council.id,
        rhythmId: rhythm.id,
        generatedFor: d,
        uid: `${id}@raadwerk`,
        title: rhythm.title,
        startsAt: localToUtc(d, rhythm.startTime),
        endsAt: localToUtc(d, rhythm.endTime),
        location: rhythm.location,
        mode: rhythm.mode,
        onlineUrl: rhythm.onlineUrl,
      });
    }
    await audit(tx, {
      councilId: council.id,
      actorUserId: actor.userId,
      action: 'meetingRhythm.meetingsGenerated',
      entity: 'meeting_rhythm',
      entityId: rhythm.id,
      data: { year, created: fresh.length },
    });
    return fresh.length;
  });
}
