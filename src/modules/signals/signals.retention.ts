/**
 * The retention of residents' data in signals, run as a job (index.ts) and shown on the
 * settings page.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Deps } from '../../core/deps.ts';
import { assertCan, type Actor } from '../../core/policy.ts';
import { audit } from '../../core/audit/audit.ts';
import { auditLog } from '../../core/audit/audit.schema.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { signalContacts, signalSettings, signals } from './signals.schema.ts';
import { eraseContacts } from './signals.privacy.ts';
import { defaultSettings } from './signals.settings.ts';
import { rowsOf } from '../../core/db/index.ts';

/**
 * The retention job: contact details go a council-set number of months after closing; the text
 * is anonymised months after closing (or after arrival, for a signal never closed). Set-based
 * and idempotent: it works from the dates in the database, so a missed or doubled run is harmless.
 * Records per council what it did (counts only).
 */
export async function runSignalRetention(deps: Deps, now = new Date()): Promise<{ contacts: number; texts: number }> {
  return deps.db.transaction(async (tx) => {
    const eraseContactsOf = (rows: { id: string }[]) =>
      eraseContacts(
        tx,
        deps.secretKey,
        rows.map((r) => r.id),
        now,
      );
    const dueRes = await tx.execute<{ id: string; council_id: string }>(sql`
      select s.id, s.council_id from ${signals} s
      join ${signalContacts} sc on sc.signal_id = s.id
      left join ${signalSettings} st on st.council_id = s.council_id
      where sc.erased_at is null and s.closed_at is not null
        and s.closed_at < ${now.toISOString()}::timestamptz - make_interval(months => coalesce(st.contact_retention_months, ${defaultSettings.contactRetentionMonths}))`);
    const contacts = rowsOf<{ id: string; council_id: string }>(dueRes);
    await eraseContactsOf(contacts);
    const textRes = await tx.execute<{ council_id: string; id: string }>(sql`
      update ${signals} s set description = '', outcome_note = '', anonymised_at = ${now.toISOString()}::timestamptz, has_contact = false
      from (select s2.id from ${signals} s2 left join ${signalSettings} st on st.council_id = s2.council_id
            where s2.anonymised_at is null
              and coalesce(s2.closed_at, s2.created_at) < ${now.toISOString()}::timestamptz - make_interval(months => coalesce(st.text_retention_months, ${defaultSettings.textRetentionMonths}))) due
      where s.id = due.id
      returning s.council_id, s.id`);
    const texts = rowsOf<{ council_id: string; id: string }>(textRes);
    // An anonymised signal keeps no contact details either, whatever its state.
    await eraseContactsOf(texts);
    const perCouncil = new Map<string, { contacts: number; texts: number }>();
    const bump = (id: string, k: 'contacts' | 'texts') => {
      const c = perCouncil.get(id) ?? { contacts: 0, texts: 0 };
      c[k]++;
      perCouncil.set(id, c);
    };
    for (const r of contacts) bump(r.council_id, 'contacts');
    for (const r of texts) bump(r.council_id, 'texts');
    for (const [councilId, c] of perCouncil) {
      await audit(tx, {
        councilId,
        actorUserId: null,
        action: 'signal.retentionApplied',
        entity: 'signal',
        data: { contactsRemoved: c.contacts, textsAnonymised: c.texts, at: now.toISOString() },
      });
    }
    return { contacts: contacts.length, texts: texts.length };
  });
}

// Runs recorded before the one naming style of audit actions are called 'signals.retention'.
const retentionActions = ['signal.retentionApplied', 'signals.retention'];

/** What the retention job did lately, for the settings page (from the audit log). */
export async function retentionRuns(deps: Deps, args: { actor: Actor | null; council: Council }) {
  assertCan(args.actor, 'signals.settings');
  return deps.db
    .select({ at: auditLog.at, data: auditLog.data })
    .from(auditLog)
    .where(and(eq(auditLog.councilId, args.council.id), inArray(auditLog.action, retentionActions)))
    .orderBy(desc(auditLog.at))
    .limit(10);
}
