/** The policy calendar: moments of influence, their date shifts, status, linked advice request, reminders and feed. */
import { and, asc, desc, eq } from 'drizzle-orm';
import ical, { ICalEventRepeatingFreq } from 'ical-generator';
import { z } from 'zod';
import type { Deps } from '../../core/deps.ts';
import { assertCan, can, type Actor } from '../../core/policy.ts';
import { DomainError, notFound } from '../../core/errors.ts';
import { audit } from '../../core/audit/audit.ts';
import { findInCouncil } from '../../core/db/find.ts';
import { field } from '../../core/http/forms.ts';
import { wholeNumber } from '../../core/forms/fields.ts';
import { queueNotices } from '../../core/notices/notices.ts';
import { councils, type Council } from '../../core/organisations.schema.ts';
import { utcToLocal } from '../../core/dates/amsterdam.ts';
import { adviceRefs } from '../advice/index.ts';
import { findWorkingGroup, groupMemberUsers, workingGroupsOf } from '../members/index.ts';
import { momentKinds, momentStatuses, policyMomentShifts, policyMoments } from './policycalendar.schema.ts';
import { reminderDue } from './policycalendar.rules.ts';

export type Moment = typeof policyMoments.$inferSelect;

const optionalUuid = z
  .string({ error: 'error.invalid' })
  .optional()
  .transform((v) => v || null)
  .refine((v) => v === null || /^[0-9a-f-]{36}$/i.test(v), 'error.invalid');

export const momentSchema = z.object({
  kind: field.choice(momentKinds),
  title: field.text(200),
  expectedOn: field.date(),
  recurrenceYears: z
    .string({ error: 'error.invalid' })
    .optional()
    .transform((v) => (v ? Number(v) : null))
    .refine((v) => v === null || (Number.isInteger(v) && v >= 1 && v <= 10), 'policycalendar.error.recurrence'),
  remindWeeks: wholeNumber(1, 52, 'policycalendar.error.weeks'),
  workingGroupId: optionalUuid,
  isPublic: field.checkbox(),
  reason: field.optionalText(300),
});
export type MomentInput = z.infer<typeof momentSchema>;
export const statusSchema = z.object({ status: field.choice(momentStatuses) });
export const linkSchema = z.object({ adviceId: field.uuid() });

/** A working group of this council, or a form error. */
async function checkGroup(deps: Pick<Deps, 'db'>, council: Council, id: string | null) {
  if (id && !(await findWorkingGroup(deps.db, council, id))) throw new DomainError('unknownGroup', 'error.invalidChoice', 'workingGroupId');
}

export async function listMoments(deps: Pick<Deps, 'db'>, args: { actor: Actor | null; council: Council }) {
  assertCan(args.actor, 'policyCalendar.view');
  const [moments, groups] = await Promise.all([
    deps.db.select().from(policyMoments).where(eq(policyMoments.councilId, args.council.id)).orderBy(asc(policyMoments.expectedOn)),
    workingGroupsOf(deps.db, args.council.id),
  ]);
  return { moments, groups, may: { manage: can(args.actor, 'policyCalendar.manage') } };
}

export async function addMoment(deps: Deps, args: { actor: Actor | null; council: Council; input: MomentInput }): Promise<Moment> {
  assertCan(args.actor, 'policyCalendar.manage');
  const actor = args.actor;
  await checkGroup(deps, args.council, args.input.workingGroupId);
  const { reason: _r, ...values } = args.input;
  return deps.db.transaction(async (tx) => {
    const [m] = await tx
      .insert(policyMoments)
      .values({ councilId: args.council.id, ...values })
      .returning();
    await audit(tx, { councilId: args.council.id, actorUserId: actor.userId, action: 'policyMoment.added', entity: 'policyMoment', entityId: m!.id });
    return m!;
  });
}

/** A moment with its date history, the linked advice and what the actor may do. */
export async function momentPage(deps: Pick<Deps, 'db'>, args: { actor: Actor | null; council: Council; id: string }) {
  assertCan(args.actor, 'policyCalendar.view');
  const moment = await findInCouncil(deps.db, policyMoments, args.council.id, args.id);
  if (!moment) notFound('moment');
  const [shifts, groups, advices] = await Promise.all([
    deps.db.select().from(policyMomentShifts).where(eq(policyMomentShifts.momentId, moment.id)).orderBy(desc(policyMomentShifts.at)),
    workingGroupsOf(deps.db, args.council.id),
    adviceRefs(deps.db, args.council, { order: 'newest', limit: 200 }),
  ]);
  return { moment, shifts, groups, advices, group: groups.find((g) => g.id === moment.workingGroupId) ?? null, may: { manage: can(args.actor, 'policyCalendar.manage') } };
}

/** Saves a moment; a new expected date is recorded in its history with the reason. */
export async function saveMoment(deps: Deps, args: { actor: Actor | null; council: Council; id: string; input: MomentInput }): Promise<void> {
  assertCan(args.actor, 'policyCalendar.manage');
  const actor = args.actor;
  await checkGroup(deps, args.council, args.input.workingGroupId);
  const { reason, ...values } = args.input;
  await deps.db.transaction(async (tx) => {
    const before = await findInCouncil(tx, policyMoments, args.council.id, args.id, { lock: true });
    if (!before) notFound('moment');
    await tx
      .update(policyMoments)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(policyMoments.id, before.id));
    if (before.expectedOn !== values.expectedOn) {
      await tx.insert(policyMomentShifts).values({ councilId: args.council.id, momentId: before.id, fromDate: before.expectedOn, toDate: values.expectedOn, reason, byUserId: actor.userId });
    }
    await audit(tx, {
      councilId: args.council.id,
      actorUserId: actor.userId,
      action: 'policyMoment.saved',
      entity: 'policyMoment',
      entityId: before.id,
      from: before.expectedOn,
      to: values.expectedOn,
    });
  });
}

export async function setStatus(deps: Deps, args: { actor: Actor | null; council: Council; id: string; status: Moment['status'] }): Promise<void> {
  assertCan(args.actor, 'policyCalendar.manage');
  const actor = args.actor;
  await deps.db.transaction(async (tx) => {
    const before = await findInCouncil(tx, policyMoments, args.council.id, args.id, { lock: true });
    if (!before) notFound('moment');
    await tx.update(policyMoments).set({ status: args.status, updatedAt: new Date() }).where(eq(policyMoments.id, before.id));
    await audit(tx, { councilId: args.council.id, actorUserId: actor.userId, action: 'policyMoment.statusChanged', entity: 'policyMoment', entityId: before.id, from: before.status, to: args.status });
  });
}

/** The secretary links a request for advice (an advice of this council) to its moment: the request has arrived. */
export async function linkAdvice(deps: Deps, args: { actor: Actor | null; council: Council; id: string; adviceId: string }): Promise<void> {
  assertCan(args.actor, 'policyCalendar.manage');
  const actor = args.actor;
  const [advice] = await adviceRefs(deps.db, args.council, { ids: [args.adviceId] });
  if (!advice) throw new DomainError('unknownAdvice', 'policycalendar.error.unknownAdvice', 'adviceId');
  await deps.db.transaction(async (tx) => {
    const before = await findInCouncil(tx, policyMoments, args.council.id, args.id, { lock: true });
    if (!before) notFound('moment');
    const status = before.status === 'expected' ? 'request_received' : before.status;
    await tx.update(policyMoments).set({ adviceId: advice.id, status, updatedAt: new Date() }).where(eq(policyMoments.id, before.id));
    await audit(tx, { councilId: args.council.id, actorUserId: actor.userId, action: 'policyMoment.adviceLinked', entity: 'policyMoment', entityId: before.id, data: { adviceId: advice.id } });
  });
}

/** The public moments of a council, for its public page, the feed and the API. */
export async function publicMoments(deps: Pick<Deps, 'db'>, council: Council): Promise<Moment[]> {
  return deps.db
    .select()
    .from(policyMoments)
    .where(and(eq(policyMoments.councilId, council.id), eq(policyMoments.isPublic, true)))
    .orderBy(asc(policyMoments.expectedOn));
}

/** iCalendar of the public moments: all-day events, repeating every N years where they recur. */
export function momentsIcs(args: { council: Council; moments: Moment[]; site: string; name: string; describe: (m: Moment) => string }): string {
  const cal = ical({ name: args.name, prodId: { company: 'Raadwerk', product: 'Raadwerk', language: 'NL' } });
  for (const m of args.moments) {
    cal.createEvent({
      id: `${m.id}@raadwerk-beleidskalender`,
      // Noon UTC keeps the day the same in every time zone of the reader.
      start: new Date(`${m.expectedOn}T12:00:00Z`),
      allDay: true,
      summary: m.title,
      description: args.describe(m),
      url: `${args.site}/${args.council.slug}/beleidskalender`,
      repeating: m.recurrenceYears ? { freq: ICalEventRepeatingFreq.YEARLY, interval: m.recurrenceYears } : null,
      lastModified: m.updatedAt,
    });
  }
  return cal.toString();
}

/** N weeks before a moment the working group gets a notice; the moment's page holds the draft letter. */
export async function sendMomentReminders(deps: Pick<Deps, 'db'>, now = new Date()): Promise<number> {
  const day = utcToLocal(now).date;
  return deps.db.transaction(async (tx) => {
    const rows = await tx
      .select({ moment: policyMoments, slug: councils.slug })
      .from(policyMoments)
      .innerJoin(councils, eq(councils.id, policyMoments.councilId))
      .where(eq(policyMoments.status, 'expected'))
      .for('update', { of: policyMoments, skipLocked: true });
    let sent = 0;
    for (const { moment: m, slug } of rows) {
      if (!m.workingGroupId || !reminderDue(m, day)) continue;
      const people = await groupMemberUsers(tx, m.councilId, m.workingGroupId);
      await queueNotices(
        tx,
        people.map((p) => ({
          userId: p.userId,
          councilId: m.councilId,
          kind: 'policycalendar.reminder',
          text: 'policycalendar.notice.reminder',
          params: { title: m.title, date: m.expectedOn.split('-').reverse().map(Number).join('-') },
          path: `/${slug}/werkruimte/beleidskalender/${m.id}`,
        })),
      );
      await tx.update(policyMoments).set({ remindedFor: m.expectedOn }).where(eq(policyMoments.id, m.id));
      sent++;
    }
    return sent;
  });
}
