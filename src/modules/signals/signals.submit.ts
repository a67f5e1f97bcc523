/**
 * A new signal, from the residents' form, the API or recorded in the workspace. The council
 * comes from the request (tenancy), never from input.
 */
import { randomUUID } from 'node:crypto';
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { rowsOf, type DbOrTx, type Tx } from '../../core/db/index.ts';
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
import { statusTemplate } from './signals.settings.ts';

/**
 * The counter's upsert, as SQL: the council's next number for the year and the signal's reference
 * made from it (RETURNING `reference`, as S-2026-0042); one atomic statement, so concurrent
 * submissions each get their own. `from`: a relation whose rows say whether it counts at all (the
 * budget's `passed`: one row, or none when the post waits).
 */
export function nextNumberSql(p: PreparedSignal, from?: SQL): SQL {
  const t = signalCounters;
  return sql`insert into ${t} (council_id, year, last) select ${p.council.id}, ${p.year}, 1 ${from ? sql`from ${from}` : sql``}
    on conflict (council_id, year) do update set last = ${t}.last + 1
    returning 'S-' || year || '-' || lpad(last::text, greatest(4, length(last::text)), '0') as reference`;
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
 * submitSignal within a transaction the caller holds (and commits; then it kicks the mailer).
 */
export async function storeSignal(deps: Deps, tx: Tx, args: SubmitArgs): Promise<{ id: string; reference: string }> {
  return storePrepared(deps, tx, await prepareSignal(deps, tx, args));
}

/** A signal checked, with its contact details sealed and its acknowledgement's template read: all that storing it needs but its number. */
export type PreparedSignal = {
  council: Council;
  source: SignalSource;
  input: SignalInput;
  description: string;
  sourceDetail: string | null;
  recordedBy: string | null;
  now: Date;
  /** The year in Amsterdam: a signal sent just after midnight on 1 January belongs to the new year. */
  year: number;
  /** The contact details sealed (as stored), and the address the acknowledgement goes to. */
  contact: { nameSealed: string | null; emailSealed: string | null; phoneSealed: string | null; to: string | null } | null;
  acknowledgement: ((reference: string) => { subject: string; body: string }) | null;
};

/**
 * Everything before the signal's number, so that a caller can do it before its transaction (the
 * residents' form: on PGlite a transaction holds the one lock while the main thread works).
 */
export async function prepareSignal(deps: Deps, db: DbOrTx, args: SubmitArgs): Promise<PreparedSignal> {
  const { council, actor, input, source } = args;
  if (source !== 'web_form' && source !== 'api') assertCan(actor, 'signals.record');
  const description = input.description.trim();
  if (description === '') throw new DomainError('descriptionRequired', 'signals.error.descriptionRequired', 'description');
  if (Buffer.byteLength(description, 'utf8') > DESCRIPTION_MAX_BYTES) throw new DomainError('descriptionTooLong', 'signals.error.descriptionTooLong', 'description');
  const contact = args.contact && (args.contact.name || args.contact.email || args.contact.phone) ? args.contact : null;
  if (contact && !args.consent) throw new DomainError('consentRequired', 'signals.error.consentRequired', 'consent');
  const now = args.now ?? new Date();
  const s = (v: string | null) => (v ? seal(deps.secretKey, CONTACT_PURPOSE, v) : null);
  return {
    council,
    source,
    input,
    description,
    sourceDetail: args.sourceDetail?.trim() || null,
    // A signed-in visitor using the public form is still a resident: nobody recorded it for them.
    recordedBy: source === 'web_form' ? null : (actor?.userId ?? null),
    now,
    year: Number(todayInAmsterdam(now).slice(0, 4)),
    contact: contact && { nameSealed: s(contact.name), emailSealed: s(contact.email), phoneSealed: s(contact.phone), to: contact.email || null },
    acknowledgement: contact?.email ? await statusTemplate(deps, db, council, 'received') : null,
  };
}

/** Stores a prepared signal: its number taken here (nextNumberSql), then its rows (storeSql). */
async function storePrepared(deps: Deps, tx: Tx, p: PreparedSignal): Promise<{ id: string; reference: string }> {
  const [{ reference }] = rowsOf<{ reference: string }>(await tx.execute(nextNumberSql(p)));
  const { id, statement } = storeSql(deps, tx, p, reference);
  await tx.execute(statement);
  return { id, reference };
}

/**
 * The statement that stores a prepared signal's rows: the signal, its contact details, its first
 * event, its acknowledgement (record and mail) and the audit entry. `reference` may be a chain's
 * marker (core/db/chain.ts), filled in when the number is taken.
 */
export function storeSql(deps: Deps, tx: Tx, p: PreparedSignal, reference: string): { id: string; statement: SQL } {
  const { council, now, recordedBy, source, contact } = p;
  // The id is made here so that the signal and the rows that point at it go in one statement.
  const id = randomUUID();
  const message = p.acknowledgement?.(reference) ?? null;
  const statement = together([
    tx.insert(signals).values({
      id,
      councilId: council.id,
      reference,
      description: p.description,
      area: p.input.area,
      since: p.input.since,
      peopleCount: p.input.peopleCount,
      source,
      sourceDetail: p.sourceDetail,
      recordedByUserId: recordedBy,
      hasContact: contact !== null,
      consentAt: contact ? now : null,
      createdAt: now,
      updatedAt: now,
    }),
    contact && tx.insert(signalContacts).values({ signalId: id, councilId: council.id, nameSealed: contact.nameSealed, emailSealed: contact.emailSealed, phoneSealed: contact.phoneSealed }),
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
    message && contact?.to ? deps.mailer.queueRow(tx, { councilId: council.id, to: contact.to, subject: message.subject, body: message.body }) : null,
  ]);
  return { id, statement };
}

/**
 * Several inserts as one statement (the others as data-modifying CTEs of the first): one round
 * trip, and on PGlite one turn, instead of one each. Foreign keys between them are checked at
 * the end of the statement, so the order does not matter.
 */
function together([first, ...rest]: [SQLWrapper, ...(SQLWrapper | null | false)[]]): SQL {
  const ctes = rest.filter((q): q is SQLWrapper => Boolean(q)).map((q, i) => sql`${sql.raw(`w${i}`)} as (${q.getSQL()})`);
  return ctes.length ? sql`with ${sql.join(ctes, sql`, `)} ${first.getSQL()}` : first.getSQL();
}
