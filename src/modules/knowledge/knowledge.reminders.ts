/**
 * The owner of an article hears 30 days before its review date (a notice, core/notices). Each
 * review date gets one reminder: the date it went out for is recorded on the article, so a
 * restart or a second instance sends nothing twice.
 */
import { and, eq, isNotNull, lte, or, isNull, ne } from 'drizzle-orm';
import type { Deps } from '../../core/deps.ts';
import { addDays } from '../../core/dates/working-days.ts';
import { queueNotices } from '../../core/notices/notices.ts';
import { councils, memberships } from '../../core/organisations.schema.ts';
import { knowledgeArticles } from './knowledge.schema.ts';
import { REMINDER_DAYS } from './knowledge.rules.ts';
import { todayOf } from './knowledge.articles.ts';

/** '6-1-2027': the same in Dutch and English, as notices write dates (docs/decisions/0019). */
const numericDate = (d: string) => d.split('-').reverse().map(Number).join('-');

export async function sendReviewReminders(deps: Pick<Deps, 'db' | 'mailer'>, now = new Date()): Promise<number> {
  const today = todayOf(now);
  const sent = await deps.db.transaction(async (tx) => {
    const due = await tx
      .select({
        id: knowledgeArticles.id,
        title: knowledgeArticles.title,
        reviewBy: knowledgeArticles.reviewBy,
        councilId: knowledgeArticles.councilId,
        ownerUserId: knowledgeArticles.ownerUserId,
        slug: councils.slug,
      })
      .from(knowledgeArticles)
      .innerJoin(councils, eq(councils.id, knowledgeArticles.councilId))
      // The owner must still be an active member of the organisation to hear of it.
      .innerJoin(memberships, and(eq(memberships.councilId, knowledgeArticles.councilId), eq(memberships.userId, knowledgeArticles.ownerUserId), eq(memberships.active, true)))
      .where(
        and(
          isNotNull(knowledgeArticles.ownerUserId),
          lte(knowledgeArticles.reviewBy, addDays(today, REMINDER_DAYS)),
          or(isNull(knowledgeArticles.reviewReminderFor), ne(knowledgeArticles.reviewReminderFor, knowledgeArticles.reviewBy)),
        ),
      )
      .limit(500)
      .for('update', { of: knowledgeArticles, skipLocked: true });
    await queueNotices(
      tx,
      due.map((a) => ({
        userId: a.ownerUserId!,
        councilId: a.councilId,
        kind: 'knowledge.reviewDue',
        text: 'knowledge.notice.reviewDue',
        params: { title: a.title, date: numericDate(a.reviewBy) },
        path: `/${a.slug}/werkruimte/kennisbank/${a.id}`,
      })),
    );
    for (const a of due) await tx.update(knowledgeArticles).set({ reviewReminderFor: a.reviewBy }).where(eq(knowledgeArticles.id, a.id));
    return due.length;
  });
  if (sent) deps.mailer.kick();
  return sent;
}
