/**
 * Feedback to the people who spoke: contributors who left an e-mail address and asked to hear
 * back get one mail per advice with what the municipality did with each recommendation. It goes
 * when the college's answer is committed (the advice module's step; index.ts listens to it), when
 * an experience is linked to an advice already answered, and from a daily catch-up for a mail a
 * stopped instance never queued. Each mail is recorded on its experiences in the same transaction,
 * and rows are claimed with SKIP LOCKED, so nobody hears twice.
 */
import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Deps } from '../../core/deps.ts';
import { open } from '../../core/crypto.ts';
import { councils, type Council } from '../../core/organisations.schema.ts';
import { translator, type Translate } from '../../core/i18n/index.ts';
import { adviceOutcomes, type AdviceOutcome } from '../advice/index.ts';
import { EXPERIENCE_CONTACT_PURPOSE, siteOf } from './network.rules.ts';
import { experienceContacts, experiences } from './network.schema.ts';

const answerKey = { adopted: 'network.feedback.adopted', partly: 'network.feedback.partly', not_adopted: 'network.feedback.notAdopted', unanswered: 'network.feedback.unanswered' } as const;

/** The mail body: per recommendation what the municipality did, with its reason and follow-up. */
function feedbackBody(t: Translate, args: { council: Council; advice: AdviceOutcome; site: string }): string {
  const recs = args.advice.recommendations.map((r) => {
    const lines = [`${r.number}. ${r.text}`, `   ${t(answerKey[r.answer])}`];
    if (r.answerReason) lines.push(`   ${t('network.feedback.reason')}: ${r.answerReason}`);
    if (r.followUp) lines.push(`   ${t('network.feedback.followUp')}: ${r.followUp}`);
    return lines.join('\n');
  });
  return t('network.feedback.body', {
    council: args.council.name,
    subject: args.advice.subject,
    reference: args.advice.reference,
    list: recs.join('\n\n'),
    link: `${args.site}/adviezen/${args.advice.id}`,
  });
}

/**
 * Mails the contributors of answered advices who have not heard yet; `only` narrows it to one
 * advice (the one just answered). An address that contributed several experiences to one advice
 * gets one mail. Returns how many mails were queued.
 */
export async function sendFeedback(deps: Deps, only?: { councilId: string; adviceId: string }): Promise<number> {
  const t = translator('nl');
  let sent = 0;
  const where = [eq(experiences.wantsFeedback, true), isNull(experiences.feedbackSentAt), isNotNull(experiences.adviceId), isNull(experienceContacts.erasedAt)];
  if (only) where.push(eq(experiences.councilId, only.councilId), eq(experiences.adviceId, only.adviceId));
  await deps.db.transaction(async (tx) => {
    const waiting = await tx
      .select({ id: experiences.id, adviceId: experiences.adviceId, emailSealed: experienceContacts.emailSealed, council: councils })
      .from(experiences)
      .innerJoin(experienceContacts, eq(experienceContacts.experienceId, experiences.id))
      .innerJoin(councils, eq(councils.id, experiences.councilId))
      .where(and(...where))
      .for('update', { of: experiences, skipLocked: true });
    const byCouncil = new Map<string, typeof waiting>();
    for (const w of waiting) byCouncil.set(w.council.id, [...(byCouncil.get(w.council.id) ?? []), w]);
    for (const [councilId, list] of byCouncil) {
      const outcomes = await adviceOutcomes(
        tx,
        councilId,
        list.map((w) => w.adviceId!),
      );
      const answered = new Map(outcomes.filter((a) => a.status === 'answered').map((a) => [a.id, a]));
      const done: string[] = [];
      const mailed = new Set<string>();
      for (const w of list) {
        const advice = answered.get(w.adviceId!);
        if (!advice) continue;
        done.push(w.id);
        const email = open(deps.secretKey, EXPERIENCE_CONTACT_PURPOSE, w.emailSealed);
        if (!email || mailed.has(`${advice.id}:${email}`)) continue;
        mailed.add(`${advice.id}:${email}`);
        await deps.mailer.queue(tx, {
          councilId,
          to: email,
          subject: t('network.feedback.subject', { subject: advice.subject }),
          body: feedbackBody(t, { council: w.council, advice, site: siteOf(deps.config, w.council) }),
          replyTo: w.council.contactEmail,
        });
        sent++;
      }
      if (done.length) await tx.update(experiences).set({ feedbackSentAt: new Date() }).where(inArray(experiences.id, done));
    }
  });
  if (sent) deps.mailer.kick();
  return sent;
}
