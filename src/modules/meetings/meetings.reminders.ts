/** Reminder mails to owners of open action points (a job, see index.ts). */
import { and, eq, gte, isNull, lte } from 'drizzle-orm';
import type { Deps } from '../../core/deps.ts';
import { audit } from '../../core/audit/audit.ts';
import { formatDate, translator } from '../../core/i18n/index.ts';
import { users } from '../../core/auth/auth.schema.ts';
import { addDays, todayInAmsterdam } from '../../core/dates/working-days.ts';
import { councils, memberships } from '../../core/organisations.schema.ts';
import { actionPointReminders, actionPoints, minutes } from './meetings.schema.ts';

/** Days before the due date on which the owner of an open action point gets a reminder. */
const ACTION_REMINDER_DAYS_BEFORE = 3;

/**
 * Reminders to owners of open action points: once 3 days before the due date and once on the
 * day after it (overdue). Each reminder is recorded under a unique key, so it goes out once,
 * also with several instances or after a missed run (a missed "before" day is caught up until the due date).
 */
export async function sendActionPointReminders(deps: Deps, now = new Date()): Promise<number> {
  const today = todayInAmsterdam(now);
  const open = await deps.db
    .select({
      point: actionPoints,
      email: users.email,
      name: users.name,
      locale: users.locale,
      councilName: councils.name,
      slug: councils.slug,
      meetingId: minutes.meetingId,
    })
    .from(actionPoints)
    .innerJoin(minutes, eq(minutes.id, actionPoints.minutesId))
    .innerJoin(memberships, and(eq(memberships.id, actionPoints.ownerMembershipId), eq(memberships.active, true)))
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(councils, eq(councils.id, actionPoints.councilId))
    .where(and(isNull(actionPoints.doneAt), lte(actionPoints.dueOn, addDays(today, ACTION_REMINDER_DAYS_BEFORE)), gte(actionPoints.dueOn, addDays(today, -30))));
  let sent = 0;
  for (const r of open) {
    const due = r.point.dueOn!;
    const kind = due < today ? 'overdue' : 'before';
    const done = await deps.db.transaction(async (tx) => {
      const inserted = await tx
        .insert(actionPointReminders)
        .values({ councilId: r.point.councilId, actionPointId: r.point.id, kind })
        .onConflictDoNothing()
        .returning({ id: actionPointReminders.actionPointId });
      if (!inserted.length) return false;
      // In the owner's own language.
      const t = translator(r.locale);
      const params = {
        name: r.name,
        council: r.councilName,
        text: r.point.text,
        due: formatDate(due, r.locale),
        link: `${deps.config.baseUrl}/${r.slug}/werkruimte/vergaderingen/${r.meetingId}#actiepunten`,
      };
      await deps.mailer.queue(tx, {
        councilId: r.point.councilId,
        to: r.email,
        subject: t(kind === 'overdue' ? 'meetings.mail.overdue.subject' : 'meetings.mail.before.subject', params),
        body: t(kind === 'overdue' ? 'meetings.mail.overdue.body' : 'meetings.mail.before.body', params),
      });
      await audit(tx, {
        councilId: r.point.councilId,
        actorUserId: null,
        action: kind === 'overdue' ? 'actionPoint.overdueReminderSent' : 'actionPoint.reminderSent',
        entity: 'action_point',
        entityId: r.point.id,
      });
      return true;
    });
    if (done) sent++;
  }
  if (sent) deps.mailer.kick();
  return sent;
}
