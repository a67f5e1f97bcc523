/**
 * Residents' personal data in signals. Contact details live apart (signal_contacts), sealed with
 * AES-256-GCM; every read of them is written to the access log. On request they are erased or
 * exported (AVG art. 15, 17); the retention job (signals.retention.ts) removes them in time.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../core/db/index.ts';
import type { Deps } from '../../core/deps.ts';
import { assertCan, type Actor } from '../../core/policy.ts';
import { DomainError, notFound } from '../../core/errors.ts';
import { audit } from '../../core/audit/audit.ts';
import { open } from '../../core/crypto.ts';
import { users } from '../../core/auth/auth.schema.ts';
import { outbox } from '../../core/mail/mail.schema.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { signalAccessLog, signalContacts, signalEvents, signalMessages, signalThemes, signals, type Signal, type SignalAccessKind } from './signals.schema.ts';
import { findSignal } from './signals.queries.ts';
import { notErased } from '../../core/db/queries.ts';

/** Purpose of the key that seals contact details (see core/crypto.ts). */
export const CONTACT_PURPOSE = 'signal-contact';

// ------------------------------------------------------------------ contact details

export type Contact = { name: string | null; email: string | null; phone: string | null; erasedAt: Date | null; unreadable: boolean };

/** Opens the sealed values; a damaged value is reported as unreadable, never shown as something else. */
function openContact(secretKey: string, row: typeof signalContacts.$inferSelect | undefined): Contact | null {
  if (!row) return null;
  const one = (v: string | null) => (v === null ? { v: null, bad: false } : ((o) => ({ v: o, bad: o === null }))(open(secretKey, CONTACT_PURPOSE, v)));
  const [n, e, p] = [one(row.nameSealed), one(row.emailSealed), one(row.phoneSealed)];
  return { name: n.v, email: e.v, phone: p.v, erasedAt: row.erasedAt, unreadable: n.bad || e.bad || p.bad };
}

async function logAccess(tx: DbOrTx, args: { council: Council; actor: Actor; signal: Pick<Signal, 'id' | 'reference'>; kind: SignalAccessKind }) {
  await tx.insert(signalAccessLog).values({ councilId: args.council.id, signalId: args.signal.id, reference: args.signal.reference, userId: args.actor.userId, kind: args.kind });
}

/** The contact details of one signal, for the secretary or chair; the read is logged first. */
export async function viewContact(deps: Deps, args: { actor: Actor | null; council: Council; id: string }): Promise<{ signal: Signal; contact: Contact | null }> {
  const { actor, council } = args;
  assertCan(actor, 'signals.contact');
  return deps.db.transaction(async (tx) => {
    const signal = (await findSignal(tx, council, args.id)) ?? notFound('signal');
    const [row] = await tx
      .select()
      .from(signalContacts)
      .where(and(eq(signalContacts.signalId, signal.id), eq(signalContacts.councilId, council.id)));
    await logAccess(tx, { council, actor, signal, kind: 'view_contact' });
    return { signal, contact: openContact(deps.secretKey, row) };
  });
}

export type AccessLogRow = { at: Date; reference: string; signalId: string | null; kind: SignalAccessKind; who: string | null };

export async function accessLog(deps: Deps, args: { actor: Actor | null; council: Council }): Promise<AccessLogRow[]> {
  assertCan(args.actor, 'signals.accessLog');
  return deps.db
    .select({ at: signalAccessLog.at, reference: signalAccessLog.reference, signalId: signalAccessLog.signalId, kind: signalAccessLog.kind, who: users.name })
    .from(signalAccessLog)
    .leftJoin(users, eq(users.id, signalAccessLog.userId))
    .where(eq(signalAccessLog.councilId, args.council.id))
    .orderBy(desc(signalAccessLog.at))
    .limit(1000);
}

// ------------------------------------------------------------------ erase and export

/**
 * Removes the sealed contact details of these signals, and the mails sent to the resident about
 * them (the outbox keeps the address and text in the clear). Returns how many were removed.
 */
export async function eraseContacts(tx: Tx, secretKey: string, signalIds: string[], now: Date): Promise<number> {
  if (signalIds.length === 0) return 0;
  const due = await tx
    .select({ signalId: signalContacts.signalId, councilId: signalContacts.councilId, emailSealed: signalContacts.emailSealed, reference: signals.reference })
    .from(signalContacts)
    .innerJoin(signals, eq(signals.id, signalContacts.signalId))
    .where(and(inArray(signalContacts.signalId, signalIds), isNull(signalContacts.erasedAt)));
  for (const d of due) {
    const email = open(secretKey, CONTACT_PURPOSE, d.emailSealed);
    // Only this signal's messages: their subject or text names its reference.
    if (email) {
      await tx
        .delete(outbox)
        .where(and(eq(outbox.councilId, d.councilId), eq(outbox.toAddress, email), sql`(position(${d.reference} in ${outbox.subject}) > 0 or position(${d.reference} in ${outbox.body}) > 0)`));
    }
  }
  if (due.length) {
    await tx
      .update(signalContacts)
      .set({ nameSealed: null, emailSealed: null, phoneSealed: null, erasedAt: now })
      .where(
        inArray(
          signalContacts.signalId,
          due.map((d) => d.signalId),
        ),
      );
  }
  return due.length;
}

/** On the resident's request: contact details and text go now; a record says it happened. */
export async function eraseSignal(deps: Deps, args: { actor: Actor | null; council: Council; id: string }): Promise<Signal> {
  const { actor, council } = args;
  assertCan(actor, 'signals.contact');
  return deps.db.transaction(async (tx) => {
    const signal = await notErased(findSignal(tx, council, args.id, { lock: true }), 'signal', 'signals.error.alreadyErased');
    const now = new Date();
    await eraseContacts(tx, deps.secretKey, [signal.id], now);
    const [updated] = await tx
      .update(signals)
      .set({ description: '', outcomeNote: '', hasContact: false, anonymisedAt: signal.anonymisedAt ?? now, erasedAt: now, updatedAt: now })
      .where(eq(signals.id, signal.id))
      .returning();
    await tx.insert(signalEvents).values({ councilId: council.id, signalId: signal.id, action: 'erase', fromState: signal.status, toState: signal.status, actorUserId: actor.userId });
    await logAccess(tx, { council, actor, signal, kind: 'erase' });
    await audit(tx, {
      councilId: council.id,
      actorUserId: actor.userId,
      action: 'signal.erased',
      entity: 'signal',
      entityId: signal.id,
      data: { reference: signal.reference },
    });
    return updated!;
  });
}

export type SignalExport = {
  reference: string;
  council: string;
  exportedAt: string;
  signal: Record<string, unknown>;
  contact: { name: string | null; email: string | null; phone: string | null; erasedAt: string | null; unreadable: boolean } | null;
  history: { at: string; action: string; from: string | null; to: string | null }[];
  messages: { at: string; status: string; subject: string }[];
};

/** Everything about one reference number, for an access request (AVG art. 15); logged. */
export async function exportSignal(deps: Deps, args: { actor: Actor | null; council: Council; reference: string }): Promise<SignalExport> {
  const { actor, council } = args;
  assertCan(actor, 'signals.contact');
  return deps.db.transaction(async (tx) => {
    const [signal] = await tx
      .select()
      .from(signals)
      .where(and(eq(signals.councilId, council.id), eq(signals.reference, args.reference.trim().toUpperCase())));
    if (!signal) throw new DomainError('unknownReference', 'signals.error.unknownReference', 'reference');
    const [[contactRow], events, messages, [theme]] = await Promise.all([
      tx.select().from(signalContacts).where(eq(signalContacts.signalId, signal.id)),
      tx.select().from(signalEvents).where(eq(signalEvents.signalId, signal.id)).orderBy(asc(signalEvents.at)),
      tx.select().from(signalMessages).where(eq(signalMessages.signalId, signal.id)).orderBy(asc(signalMessages.at)),
      signal.themeId ? tx.select({ name: signalThemes.name }).from(signalThemes).where(eq(signalThemes.id, signal.themeId)) : Promise.resolve([]),
    ]);
    await logAccess(tx, { council, actor, signal, kind: 'export' });
    const contact = openContact(deps.secretKey, contactRow);
    const iso = (d: Date | null) => (d ? d.toISOString() : null);
    return {
      reference: signal.reference,
      council: council.name,
      exportedAt: new Date().toISOString(),
      signal: {
        description: signal.description,
        area: signal.area,
        since: signal.since,
        peopleCount: signal.peopleCount,
        source: signal.source,
        sourceDetail: signal.sourceDetail,
        status: signal.status,
        theme: theme?.name ?? null,
        policyField: signal.policyField,
        outcome: signal.outcome,
        outcomeNote: signal.outcomeNote,
        consentAt: iso(signal.consentAt),
        createdAt: iso(signal.createdAt),
        closedAt: iso(signal.closedAt),
        anonymisedAt: iso(signal.anonymisedAt),
        erasedAt: iso(signal.erasedAt),
      },
      contact: contact && { name: contact.name, email: contact.email, phone: contact.phone, erasedAt: iso(contact.erasedAt), unreadable: contact.unreadable },
      history: events.map((e) => ({ at: e.at.toISOString(), action: e.action, from: e.fromState, to: e.toState })),
      messages: messages.map((m) => ({ at: m.at.toISOString(), status: m.status, subject: m.subject })),
    };
  });
}
