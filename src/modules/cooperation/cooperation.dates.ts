/**
 * The daily work of agreements, from what is recorded (safe after a missed day and on several
 * instances): start on the start date, up for renewal at the notice date, renewed (tacit) or ended
 * after the end date, and reminders to every party's chair and secretary 60 and 14 days before the
 * end date and the notice date, each sent once.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Deps } from '../../core/deps.ts';
import { audit } from '../../core/audit/audit.ts';
import { queueNotices, type Notice } from '../../core/notices/notices.ts';
import { formatDate } from '../../core/i18n/index.ts';
import { todayInAmsterdam } from '../../core/dates/working-days.ts';
import { agreementParties, agreementReminders, agreements } from './cooperation.schema.ts';
import { dueReminders, dueStep } from './cooperation.workflow.ts';
import { boardsOf } from '../../core/member-lists.ts';

const WATCHED = ['accepted', 'active', 'upForRenewal', 'renewed'] as const;

/** Moves agreements on by their dates and sends the reminders that are due; returns the number of changes and reminders. */
export async function runAgreementDates(deps: Deps, now = new Date()): Promise<number> {
  const today = todayInAmsterdam(now);
  const ids = await deps.db
    .select({ id: agreements.id })
    .from(agreements)
    .where(inArray(agreements.state, [...WATCHED]));
  let done = 0;
  for (const { id } of ids) {
    done += await deps.db.transaction(async (tx) => {
      const [a] = await tx.select().from(agreements).where(eq(agreements.id, id)).for('update', { skipLocked: true });
      if (!a) return 0;
      let row = a;
      let n = 0;
      // A missed run may owe several steps (active -> up for renewal -> renewed); each is audited.
      for (let step = dueStep(row, today); step && n < 4; step = dueStep(row, today)) {
        const [saved] = await tx
          .update(agreements)
          .set({ state: step.to, ...step.set, updatedAt: new Date() })
          .where(eq(agreements.id, row.id))
          .returning();
        await audit(tx, { councilId: row.councilId, actorUserId: null, action: step.action, entity: 'agreement', entityId: row.id, from: row.state, to: step.to, data: step.set });
        row = saved!;
        n++;
      }
      for (const r of dueReminders(row, today)) {
        const sent = await tx
          .insert(agreementReminders)
          .values({ agreementId: row.id, about: r.about, dueOn: r.dueOn, daysBefore: r.daysBefore })
          .onConflictDoNothing()
          .returning({ id: agreementReminders.id });
        if (!sent.length) continue;
        const board = await boardsOf(tx, tx.select({ id: agreementParties.partyCouncilId }).from(agreementParties).where(eq(agreementParties.agreementId, row.id)));
        const list: Notice[] = board.map((b) => ({
          userId: b.userId,
          councilId: b.councilId,
          kind: 'cooperation.reminder',
          text: r.about === 'end' ? 'cooperation.reminder.end' : 'cooperation.reminder.notice',
          params: { title: row.title, days: r.daysBefore, date: formatDate(r.dueOn, 'nl') },
          path: `/${b.slug}/werkruimte/samenwerking/${row.id}`,
        }));
        await queueNotices(tx, list);
        await audit(tx, {
          councilId: row.councilId,
          actorUserId: null,
          action: 'agreement.reminderSent',
          entity: 'agreement',
          entityId: row.id,
          data: { about: r.about, dueOn: r.dueOn, daysBefore: r.daysBefore, receivers: list.length },
        });
        n++;
      }
      return n;
    });
  }
  return done;
}
