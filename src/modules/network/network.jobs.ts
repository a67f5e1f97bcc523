/**
 * Reminders to the secretary before a consent expires: periodic, safe on several instances and
 * after a missed run (each reminder is recorded on its consent in the same transaction, and rows
 * are claimed with SKIP LOCKED).
 */
import { and, eq, inArray, isNull, lte } from 'drizzle-orm';
import type { Deps } from '../../core/deps.ts';
import type { DbOrTx } from '../../core/db/index.ts';
import { open } from '../../core/crypto.ts';
import { users } from '../../core/auth/auth.schema.ts';
import { councils, memberships, type Council } from '../../core/organisations.schema.ts';
import { addDays, todayInAmsterdam } from '../../core/dates/working-days.ts';
import { formatDate, translator } from '../../core/i18n/index.ts';
import { CONTACT_PURPOSE, reminderDue, siteOf } from './network.rules.ts';
import { networkConsents, networkContacts, networkOrganisations } from './network.schema.ts';

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
          body: t('network.reminder.body', { council: council.name, list: lines.join('\n'), link: `${siteOf(deps.config, council)}/werkruimte/netwerk` }),
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
