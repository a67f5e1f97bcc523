/**
 * Reminders about sent advices, run as a job (index.ts): the answer is due soon or today, a
 * recommendation's follow-up is to be reviewed.
 */
import { and, eq, gt, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Deps } from '../../core/deps.ts';
import { audit } from '../../core/audit/audit.ts';
import { auditLog } from '../../core/audit/audit.schema.ts';
import { translator, formatDate, type Locale, type Translate } from '../../core/i18n/index.ts';
import { addDays, addWorkingDays, todayInAmsterdam } from '../../core/dates/working-days.ts';
import { activeMembers } from '../members/index.ts';
import { adviceRecommendations, advices, adviceVotes } from './advice.schema.ts';
import { councils } from '../../core/organisations.schema.ts';
import { queueAdviceNotices } from './advice.notices.ts';
import { numericDateTime } from '../../core/dates/amsterdam.ts';
import { auditNamesOf, type AdviceAuditAction } from './advice.audit.ts';

const REMINDER_DAYS_BEFORE = 5;

type Recipient = { email: string; locale: Locale };
/** A reminder; its text is written per receiver, in their own language. */
type Reminder = {
  action: AdviceAuditAction;
  councilId: string;
  adviceId: string;
  key: string;
  to: Recipient[];
  text: (t: Translate, locale: Locale) => { subject: string; body: string };
};

/**
 * Daily job: mails the secretaries 5 working days before and on the answer due date, and on a
 * recommendation's review date. Each reminder is recorded in the audit log (action
 * `advice.<kind>ReminderSent`, data.key; older rows `advice.reminder.*`) and never sent twice.
 */
export async function sendAdviceReminders(deps: Deps, now = new Date()): Promise<number> {
  const today = todayInAmsterdam(now);
  const soon = addWorkingDays(today, REMINDER_DAYS_BEFORE);
  const db = deps.db;
  const due = await db
    .select()
    .from(advices)
    .where(and(eq(advices.status, 'sent'), gte(advices.answerDueOn, today), lte(advices.answerDueOn, soon)));
  const reviews = await db
    .select({ rec: adviceRecommendations, advice: advices })
    .from(adviceRecommendations)
    .innerJoin(advices, eq(advices.id, adviceRecommendations.adviceId))
    .where(and(lte(adviceRecommendations.reviewOn, today), gte(adviceRecommendations.reviewOn, addDays(today, -7))));
  const councilsById = new Map<string, { name: string; slug: string; contactEmail: string; secretaries: Recipient[] }>();
  const councilOf = async (id: string) => {
    let c = councilsById.get(id);
    if (!c) {
      const rows = await db.select({ name: sql<string>`c.name`, slug: sql<string>`c.slug`, contactEmail: sql<string>`c.contact_email` }).from(sql`councils c`).where(sql`c.id = ${id}`);
      const secs = await activeMembers(db, id, ['secretary']);
      const r = rows[0]!;
      c = { ...r, secretaries: secs.map((s) => ({ email: s.email, locale: s.locale })) };
      councilsById.set(id, c);
    }
    return c;
  };
  const reminders: Reminder[] = [];
  for (const a of due) {
    const which = a.answerDueOn === today ? 'dueToday' : a.answerDueOn === soon ? 'dueSoon' : null;
    if (!which) continue;
    const c = await councilOf(a.councilId);
    const link = `${deps.config.baseUrl}/${c.slug}/werkruimte/adviezen/${a.id}`;
    reminders.push({
      action: which === 'dueToday' ? 'advice.dueTodayReminderSent' : 'advice.dueSoonReminderSent',
      councilId: a.councilId,
      adviceId: a.id,
      key: `${which}:${a.answerDueOn}`,
      to: c.secretaries.length ? c.secretaries : [{ email: c.contactEmail, locale: 'nl' }],
      text: (t, locale) => ({
        subject: t(which === 'dueToday' ? 'advice.mail.dueToday.subject' : 'advice.mail.dueSoon.subject', { reference: a.reference }),
        body: t(which === 'dueToday' ? 'advice.mail.dueToday.body' : 'advice.mail.dueSoon.body', {
          council: c.name,
          reference: a.reference,
          subject: a.subject,
          due: formatDate(a.answerDueOn!, locale),
          link,
        }),
      }),
    });
  }
  for (const { rec, advice: a } of reviews) {
    const c = await councilOf(a.councilId);
    reminders.push({
      action: 'advice.reviewReminderSent',
      councilId: a.councilId,
      adviceId: a.id,
      key: `review:${rec.id}:${rec.reviewOn}`,
      to: c.secretaries.length ? c.secretaries : [{ email: c.contactEmail, locale: 'nl' }],
      text: (t) => ({
        subject: t('advice.mail.review.subject', { reference: a.reference, number: rec.number }),
        body: t('advice.mail.review.body', {
          council: c.name,
          reference: a.reference,
          subject: a.subject,
          number: rec.number,
          text: rec.text,
          followUp: rec.followUp || '-',
          link: `${deps.config.baseUrl}/${c.slug}/werkruimte/adviezen/${a.id}`,
        }),
      }),
    });
  }
  let sent = 0;
  for (const r of reminders) {
    const done = await db.transaction(async (tx) => {
      // One at a time per advice across instances: lock the advice, then look for the record.
      await tx.select({ id: advices.id }).from(advices).where(eq(advices.id, r.adviceId)).for('update');
      const [already] = await tx
        .select({ id: auditLog.id })
        .from(auditLog)
        .where(and(eq(auditLog.entity, 'advice'), eq(auditLog.entityId, r.adviceId), inArray(auditLog.action, auditNamesOf(r.action)), sql`${auditLog.data}->>'key' = ${r.key}`))
        .limit(1);
      if (already) return false;
      for (const to of r.to) await deps.mailer.queue(tx, { councilId: r.councilId, to: to.email, ...r.text(translator(to.locale), to.locale) });
      await audit(tx, { councilId: r.councilId, actorUserId: null, action: r.action, entity: 'advice', entityId: r.adviceId, data: { key: r.key } });
      return true;
    });
    if (done) sent++;
  }
  if (sent) deps.mailer.kick();
  return sent;
}

/** How long before a round closes those who have not voted hear of it once more. */
const VOTE_REMINDER_MS = 24 * 3600 * 1000;

/**
 * One day before an approval round closes, every member who has not voted yet gets a notice
 * (issue 9). Once per round: recorded in the audit log as `advice.voteReminderSent`.
 */
export async function sendVoteReminders(deps: Deps, now = new Date()): Promise<number> {
  const closing = await deps.db
    .select({
      id: advices.id,
      councilId: advices.councilId,
      reference: advices.reference,
      subject: advices.subject,
      round: advices.approvalRound,
      closesAt: advices.approvalClosesAt,
    })
    .from(advices)
    .where(and(eq(advices.status, 'in_approval'), gt(advices.approvalClosesAt, now), lte(advices.approvalClosesAt, new Date(now.getTime() + VOTE_REMINDER_MS))));
  let reminded = 0;
  for (const a of closing) {
    const key = `vote:${a.round}`;
    reminded += await deps.db.transaction(async (tx) => {
      await tx.select({ id: advices.id }).from(advices).where(eq(advices.id, a.id)).for('update');
      const [already] = await tx
        .select({ id: auditLog.id })
        .from(auditLog)
        .where(and(eq(auditLog.entity, 'advice'), eq(auditLog.entityId, a.id), eq(auditLog.action, 'advice.voteReminderSent'), sql`${auditLog.data}->>'key' = ${key}`))
        .limit(1);
      if (already) return 0;
      const voted = new Set(
        (
          await tx
            .select({ m: adviceVotes.membershipId })
            .from(adviceVotes)
            .where(and(eq(adviceVotes.adviceId, a.id), eq(adviceVotes.round, a.round)))
        ).map((v) => v.m),
      );
      const [council] = await tx.select({ slug: councils.slug }).from(councils).where(eq(councils.id, a.councilId));
      const waiting = (await activeMembers(tx, a.councilId)).filter((m) => !voted.has(m.membershipId));
      await queueAdviceNotices(
        tx,
        { id: a.councilId, slug: council!.slug },
        a,
        waiting.map((m) => m.userId),
        { kind: 'advice.voteClosing', text: 'advice.notice.voteClosing', params: { closes: numericDateTime(a.closesAt!) } },
      );
      await audit(tx, {
        councilId: a.councilId,
        actorUserId: null,
        action: 'advice.voteReminderSent',
        entity: 'advice',
        entityId: a.id,
        data: { key, members: waiting.length },
      });
      return waiting.length;
    });
  }
  return reminded;
}
