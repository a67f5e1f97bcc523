/**
 * A new signal, from the residents' form, the API or recorded in the workspace. The council
 * comes from the request (tenancy), never from input.
 */
import { randomUUID } from 'node:crypto';
import { sql, type SQLWrapper } from 'drizzle-orm';
import type { Tx } from '../../core/db/index.ts';
import type { Deps } from '../../core/deps.ts';
import { assertCan, type Actor } from '../../core/policy.ts';
import { auditRow } from '../../core/audit/audit.ts';
import { seal } from '../../core/crypto.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { todayInAmsterdam } from '../../core/dates/working-days.ts';
import { signalContacts, signalCounters, signalEvents, signalMessages, signals, type SignalSource } from './signals.schema.ts';
import { DomainError } from '../../core/errors.ts';
import { DESCRIPTION_MAX_BYTES, type ContactInput, type SignalInput } from './signals.forms.ts';
import { CONTACT_PURPOSE } from './signals.privacy.ts';
import { statusMessage } from './signals.settings.ts';

async function nextReference(tx: Tx, councilId: string, now: Date): Promise<string> {
  // The year in Amsterdam: a signal sent just after midnight on 1 January belongs to the new year.
  const year = Number(todayInAmsterdam(now).slice(0, 4));
  // One atomic upsert: concurrent submissions each get their own number.
  const [row] = await tx
    .insert(signalCounters)
    .values({ councilId, year, last: 1 })
    .onConflictDoUpdate({ target: [signalCounters.councilId, signalCounters.year], set: { last: sql`${signalCounters.last} + 1` } })
    .returning({ last: signalCounters.last });
  return `S-${year}-${String(row!.last).padStart(4, '0')}`;
}

type SubmitArgs = {
  council: Council;
  actor: Actor | null;
  input: SignalInput;
  contact: ContactInput;
  consent: boolean;
  source: SignalSource;
  sourceDetail?: string | null;
  now?: Date;
};

/**
 * A new signal: from a resident (actor null, web form), from the API (source 'api', the API
 * checks its token) or recorded on someone's behalf (needs 'signals.record'). Validates again,
 * seals the contact details apart, writes the audit entry and queues the acknowledgement, all in
 * one transaction; the rows themselves in one statement.
 */
export async function submitSignal(deps: Deps, args: SubmitArgs): Promise<{ id: string; reference: string }> {
  const out = await deps.db.transaction((tx) => storeSignal(deps, tx, args));
  deps.mailer.kick();
  return out;
}

/**
 * submitSignal within a transaction the caller holds (and commits; then it kicks the mailer): the
 * residents' form counts the address, the budget and stores the signal in one transaction, which
 * on PGlite is one turn behind its single lock instead of several.
 */
export async function storeSignal(deps: Deps, tx: Tx, args: SubmitArgs): Promise<{ id: string; reference: string }> {
  const { council, actor, input, source } = args;
  if (source !== 'web_form' && source !== 'api') assertCan(actor, 'signals.record');
  const description = input.description.trim();
  if (description === '') throw new DomainError('descriptionRequired', 'signals.error.descriptionRequired', 'description');
  if (Buffer.byteLength(description, 'utf8') > DESCRIPTION_MAX_BYTES) throw new DomainError('descriptionTooLong', 'signals.error.descriptionTooLong', 'description');
  const contact = args.contact && (args.contact.name || args.contact.email || args.contact.phone) ? args.contact : null;
  if (contact && !args.consent) throw new DomainError('consentRequired', 'signals.error.consentRequired', 'consent');
  const now = args.now ?? new Date();
  // A signed-in visitor using the public form is still a resident: nobody recorded it for them.
  const recordedBy = source === 'web_form' ? null : (actor?.userId ?? null);
  const reference = await nextReference(tx, council.id, now);
  // The id is made here so that the signal and the rows that point at it go in one statement.
  const id = randomUUID();
  const message = contact?.email ? await statusMessage(deps, tx, council, reference, 'received') : null;
  const s = (v: string | null) => (v ? seal(deps.secretKey, CONTACT_PURPOSE, v) : null);
  await insertTogether(tx, [
    tx.insert(signals).values({
      id,
      councilId: council.id,
      reference,
      description,
      area: input.area,
      since: input.since,
      peopleCount: input.peopleCount,
      source,
      sourceDetail: args.sourceDetail?.trim() || null,
      recordedByUserId: recordedBy,
      hasContact: contact !== null,
      consentAt: contact ? now : null,
      createdAt: now,
      updatedAt: now,
    }),
    contact && tx.insert(signalContacts).values({ signalId: id, councilId: council.id, nameSealed: s(contact.name), emailSealed: s(contact.email), phoneSealed: s(contact.phone) }),
    tx.insert(signalEvents).values({ councilId: council.id, signalId: id, action: 'submit', fromState: null, toState: 'new', actorUserId: recordedBy, data: { source }, at: now }),
    message && tx.insert(signalMessages).values({ councilId: council.id, signalId: id, status: 'received', subject: message.subject }),
    auditRow(tx, {
      councilId: council.id,
      actorUserId: recordedBy,
      action: 'signal.submitted',
      entity: 'signal',
      entityId: id,
      from: null,
      to: 'new',
      data: { reference, source, contact: contact !== null },
    }),
    // The acknowledgement: the address was just typed, so it is handed over as it is, not read back and opened.
    message && contact?.email ? deps.mailer.queueRow(tx, { councilId: council.id, to: contact.email, subject: message.subject, body: message.body }) : null,
  ]);
  return { id, reference };
}

/**
 * Several inserts as one statement (the others as data-modifying CTEs of the first): one round
 * trip, and on PGlite one turn, instead of one each. Foreign keys between them are checked at
 * the end of the statement, so the order does not matter.
 */
async function insertTogether(tx: Tx, inserts: (SQLWrapper | null | false)[]): Promise<void> {
  const [first, ...rest] = inserts.filter((q): q is SQLWrapper => Boolean(q));
  if (!first) return;
  const ctes = rest.map((q, i) => sql`${sql.raw(`w${i}`)} as (${q.getSQL()})`);
  await tx.execute(ctes.length ? sql`with ${sql.join(ctes, sql`, `)} ${first.getSQL()}` : first.getSQL());
}
