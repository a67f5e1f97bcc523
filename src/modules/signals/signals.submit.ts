/**
 * A new signal, from the residents' form, the API or recorded in the workspace. The council
 * comes from the request (tenancy), never from input.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../core/db/index.ts';
import type { Deps } from '../../core/deps.ts';
import { assertCan, type Actor } from '../../core/policy.ts';
import { audit } from '../../core/audit/audit.ts';
import { seal } from '../../core/crypto.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { todayInAmsterdam } from '../../core/dates/working-days.ts';
import { signalContacts, signalCounters, signalEvents, signals, type SignalSource } from './signals.schema.ts';
import { DomainError } from '../../core/errors.ts';
import { DESCRIPTION_MAX_BYTES, type ContactInput, type SignalInput } from './signals.forms.ts';
import { CONTACT_PURPOSE } from './signals.privacy.ts';
import { queueStatusMessage } from './signals.settings.ts';

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
 * one transaction.
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
  const [row] = await tx
    .insert(signals)
    .values({
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
    })
    .returning({ id: signals.id });
  const id = row!.id;
  if (contact) {
    const s = (v: string | null) => (v ? seal(deps.secretKey, CONTACT_PURPOSE, v) : null);
    await tx.insert(signalContacts).values({ signalId: id, councilId: council.id, nameSealed: s(contact.name), emailSealed: s(contact.email), phoneSealed: s(contact.phone) });
  }
  await tx.insert(signalEvents).values({ councilId: council.id, signalId: id, action: 'submit', fromState: null, toState: 'new', actorUserId: recordedBy, data: { source }, at: now });
  await audit(tx, {
    councilId: council.id,
    actorUserId: recordedBy,
    action: 'signal.submitted',
    entity: 'signal',
    entityId: id,
    from: null,
    to: 'new',
    data: { reference, source, contact: contact !== null },
  });
  // The address was just typed: handed over as it is, not read back and opened again.
  if (contact?.email) await queueStatusMessage(deps, tx, council, { id, reference }, 'received', contact.email);
  return { id, reference };
}
