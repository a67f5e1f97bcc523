/**
 * The network's periodic work, safe on several instances and after a missed run (each mail is
 * recorded on its row in the same transaction, and rows are claimed with SKIP LOCKED):
 * reminders to the secretary before a consent expires, and the feedback mail to contributors
 * once the college has answered the advice their experiences fed.
 */
import { and, eq, inArray, isNotNull, isNull, lte } from 'drizzle-orm';
import type { Deps } from '../../core/deps.ts';
import type { DbOrTx } from '../../core/db/index.ts';
import { open } from '../../core/crypto.ts';
import { users } from '../../core/auth/auth.schema.ts';
import { councils, memberships, type Council } from '../../core/organisations.schema.ts';
import { addDays, todayInAmsterdam } from '../../core/dates/working-days.ts';
import { formatDate, translator, type Translate } from '../../core/i18n/index.ts';
import { adviceOutcomes, type AdviceOutcome } from '../advice/index.ts';
import { reminderDue } from './network.rules.ts';
import { CONTACT_PURPOSE } from './network.organisations.ts';
import { EXPERIENCE_CONTACT_PURPOSE } from './network.experiences.ts';
import { experienceContacts, experiences, networkConsents, networkContacts, networkOrganisations } from './network.schema.ts';

const siteOf = (deps: Pick<Deps, 'config'>, council: Pick<Council, 'slug'>) => `${deps.config.baseUrl.replace(/\/$/, '')}/${council.slug}`;

/** Addresses of the council's active secretaries (the chair when there is none). */
async function secretaryAddresses(db: DbOrTx, councilId: string): Promise<string[]> {
  const rows = await db
    .select({ email: users.email, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.councilId, councilId), eq(memberships.active, true), inArray(memberships.role, ['secretary', 'chair'])));
  const secretaries = rows.filter((r) => r.role === 'secretary');
  return (secretaries.length ? secretaries : rows).map((r) => r.email);
}

/** Consents that expire within 30 or 7 days: one mail per council and moment, listing them. */
export async function sendConsentReminders(deps: Deps, now = new Date()): Promise<number> {
  const today = todayInAmsterdam(now);
  const t = translator('nl');
  let sent = 0;
  await deps.db.transaction(async (tx) => {
    const due = await tx
      .select({ consent: networkConsents, contact: networkContacts, orgName: networkOrganisations.name, council: councils })
      .from(networkConsents)
      .innerJoin(networkContacts, eq(networkContacts.id, networkConsents.contactId))
      .innerJoin(networkOrganisations, eq(networkOrganisations.id, networkContacts.organisationId))
      .innerJoin(councils, eq(councils.id, networkConsents.councilId))
      .where(and(isNull(networkConsents.withdrawnAt), lte(networkConsents.expiresOn, addDays(today, 30)), isNull(networkContacts.erasedAt)))
      .for('update', { of: networkConsents, skipLocked: true });
    const byCouncil = new Map<string, { council: Council; lines: string[]; ids30: string[]; ids7: string[] }>();
    for (const d of due) {
      const which = reminderDue(d.consent, today);
      if (!which) continue;
      const entry = byCouncil.get(d.council.id) ?? { council: d.council, lines: [], ids30: [], ids7: [] };
      const name = open(deps.secretKey, CONTACT_PURPOSE, d.contact.nameSealed) ?? '';
      entry.lines.push(`- ${name} (${d.orgName}), ${t(`network.purpose.${d.consent.purpose}`).toLowerCase()}: ${formatDate(d.consent.expiresOn, 'nl')}`);
      (which === 30 ? entry.ids30 : entry.ids7).push(d.consent.id);
      byCouncil.set(d.council.id, entry);
    }
    for (const { council, lines, ids30, ids7 } of byCouncil.values()) {
      for (const to of await secretaryAddresses(tx, council.id)) {
        await deps.mailer.queue(tx, {
          councilId: council.id,
          to,
          subject: t('network.reminder.subject', { n: lines.length }),
          body: t('network.reminder.body', { council: council.name, list: lines.join('\n'), link: `${siteOf(deps, council)}/werkruimte/netwerk` }),
        });
        sent++;
      }
      if (ids30.length) await tx.update(networkConsents).set({ reminded30At: now }).where(inArray(networkConsents.id, ids30));
      // The 7-day reminder also stands for the 30-day one, when the consent was recorded late.
      if (ids7.length) await tx.update(networkConsents).set({ reminded7At: now, reminded30At: now }).where(inArray(networkConsents.id, ids7));
    }
  });
  if (sent) deps.mailer.kick();
  return sent;
}

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
 * Contributors who asked to hear back get one mail per advice once the college has answered it.
 * An address that contributed several experiences to one advice gets one mail.
 */
export async function sendFeedback(deps: Deps): Promise<number> {
  const t = translator('nl');
  let sent = 0;
  await deps.db.transaction(async (tx) => {
    const waiting = await tx
      .select({ id: experiences.id, adviceId: experiences.adviceId, emailSealed: experienceContacts.emailSealed, council: councils })
      .from(experiences)
      .innerJoin(experienceContacts, eq(experienceContacts.experienceId, experiences.id))
      .innerJoin(councils, eq(councils.id, experiences.councilId))
      .where(and(eq(experiences.wantsFeedback, true), isNull(experiences.feedbackSentAt), isNotNull(experiences.adviceId), isNull(experienceContacts.erasedAt)))
      .for('update', { of: experiences, skipLocked: true });
    const byCouncil = new Map<string, typeof waiting>();
    for (const w of waiting) byCouncil.set(w.council.id, [...(byCouncil.get(w.council.id) ?? []), w]);
    for (const [councilId, list] of byCouncil) {
      const answered = new Map(
        (
          await adviceOutcomes(
            tx,
            councilId,
            list.map((w) => w.adviceId!),
          )
        )
          .filter((a) => a.status === 'answered')
          .map((a) => [a.id, a]),
      );
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
          body: feedbackBody(t, { council: w.council, advice, site: siteOf(deps, w.council) }),
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
