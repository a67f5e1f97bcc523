/**
 * Use cases of signals. Every change of state goes through `transition()` of signals.workflow.ts
 * and writes its audit entry and status event in the same transaction. Contact details live
 * apart (signal_contacts), sealed with AES-256-GCM; every read of them is written to the access
 * log. The council comes from the request (tenancy), never from input.
 */
import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import type { DbOrTx, Tx } from '../../core/db/index.ts';
import type { Deps } from '../../core/deps.ts';
import { assertCan, can, ForbiddenError, NotFoundError, type Actor } from '../../core/policy.ts';
import { audit } from '../../core/audit/audit.ts';
import { auditLog } from '../../core/audit/audit.schema.ts';
import { isUuid } from '../../core/http/forms.ts';
import { translator, type MessageKey } from '../../core/i18n/index.ts';
import { open, seal } from '../../core/crypto.ts';
import { users } from '../../core/auth/auth.schema.ts';
import { outbox } from '../../core/mail/mail.schema.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { findAdvice, listUnsolicitedAdvices } from '../advice/advice.service.ts';
import { todayInAmsterdam } from '../../core/dates/working-days.ts';
import {
  signalAccessLog,
  signalContacts,
  signalCounters,
  signalEvents,
  signalMessageTemplates,
  signalMessages,
  signalSettings,
  signalThemes,
  signals,
  type Signal,
  type SignalAccessKind,
  type SignalArea,
  type SignalSince,
  type SignalSource,
  type SignalTheme,
} from './signals.schema.ts';
import { availableActions, messageFor, transition, type MessageStatus, type SignalAction, type SignalState } from './signals.workflow.ts';
import { buildThemeView, monthsBack, nextMonth, type ThemeView } from './signals.themes.ts';
import { DESCRIPTION_MAX_BYTES, type ClassifyInput, type CloseInput, type ListFilter, type SettingsInput, type TemplateInput } from './signals.forms.ts';

export type { Signal, SignalTheme, SignalArea, SignalSince, SignalSource };
export type SignalInput = { description: string; area: SignalArea; since: SignalSince; peopleCount: number | null };
export type ContactInput = { name: string | null; email: string | null; phone: string | null } | null;

/** Purpose of the key that seals contact details (see core/crypto.ts). */
export const CONTACT_PURPOSE = 'signal-contact';

/** A rule of the signals domain was not met. */
export class SignalError extends DomainError {}

function notFound(what: string): never {
  throw new NotFoundError(what);
}

// ------------------------------------------------------------------ settings and templates

export type EffectiveSettings = Omit<typeof signalSettings.$inferSelect, 'councilId' | 'updatedAt'>;
export const defaultSettings: EffectiveSettings = { thresholdCount: 5, thresholdSources: 3, thresholdMonths: 3, contactRetentionMonths: 3, textRetentionMonths: 24 };

export async function settingsOf(db: DbOrTx, councilId: string): Promise<EffectiveSettings> {
  const [row] = await db.select().from(signalSettings).where(eq(signalSettings.councilId, councilId)).limit(1);
  if (!row) return { ...defaultSettings };
  const { councilId: _c, updatedAt: _u, ...rest } = row;
  return rest;
}

export type Template = { status: MessageStatus; subject: string; body: string; custom: boolean };

const defaultTemplateKeys: Record<MessageStatus, { subject: MessageKey; body: MessageKey }> = {
  received: { subject: 'signals.template.received.subject', body: 'signals.template.received.body' },
  discussed: { subject: 'signals.template.discussed.subject', body: 'signals.template.discussed.body' },
  closed: { subject: 'signals.template.closed.subject', body: 'signals.template.closed.body' },
};

export async function templatesOf(db: DbOrTx, councilId: string): Promise<Template[]> {
  const rows = await db.select().from(signalMessageTemplates).where(eq(signalMessageTemplates.councilId, councilId));
  const t = translator('nl');
  return (Object.keys(defaultTemplateKeys) as MessageStatus[]).map((status) => {
    const row = rows.find((r) => r.status === status);
    if (row) return { status, subject: row.subject, body: row.body, custom: true };
    return { status, subject: t(defaultTemplateKeys[status].subject), body: t(defaultTemplateKeys[status].body), custom: false };
  });
}

/** Fills {referentie} and {raad}; other braces stay as written. */
export function fillTemplate(text: string, values: { referentie: string; raad: string }): string {
  return text.replace(/\{(referentie|raad)\}/g, (_m, k: 'referentie' | 'raad') => values[k]);
}

/** Queues the council's message for this status to the resident, if they left an e-mail address. */
async function queueStatusMessage(deps: Deps, tx: Tx, council: Council, signal: Pick<Signal, 'id' | 'reference'>, status: MessageStatus): Promise<boolean> {
  const [contact] = await tx
    .select({ emailSealed: signalContacts.emailSealed })
    .from(signalContacts)
    .where(and(eq(signalContacts.signalId, signal.id), isNull(signalContacts.erasedAt)))
    .limit(1);
  const email = open(deps.secretKey, CONTACT_PURPOSE, contact?.emailSealed ?? null);
  if (!email) return false;
  const template = (await templatesOf(tx, council.id)).find((x) => x.status === status)!;
  const values = { referentie: signal.reference, raad: council.name };
  const subject = fillTemplate(template.subject, values);
  await deps.mailer.queue(tx, { councilId: council.id, to: email, subject, body: fillTemplate(template.body, values) });
  await tx.insert(signalMessages).values({ councilId: council.id, signalId: signal.id, status, subject });
  return true;
}

// ------------------------------------------------------------------ submitting

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

/**
 * A new signal: from a resident (actor null, web form), from the API (source 'api', the API
 * checks its token) or recorded on someone's behalf (needs 'signals.record'). Validates again,
 * seals the contact details apart, writes the audit entry and queues the acknowledgement, all in
 * one transaction.
 */
export async function submitSignal(
  deps: Deps,
  args: { council: Council; actor: Actor | null; input: SignalInput; contact: ContactInput; consent: boolean; source: SignalSource; sourceDetail?: string | null; now?: Date },
): Promise<{ id: string; reference: string }> {
  const { council, actor, input, source } = args;
  if (source !== 'web_form' && source !== 'api') assertCan(actor, 'signals.record');
  const description = input.description.trim();
  if (description === '') throw new SignalError('descriptionRequired', 'signals.error.descriptionRequired', 'description');
  if (Buffer.byteLength(description, 'utf8') > DESCRIPTION_MAX_BYTES) throw new SignalError('descriptionTooLong', 'signals.error.descriptionTooLong', 'description');
  const contact = args.contact && (args.contact.name || args.contact.email || args.contact.phone) ? args.contact : null;
  if (contact && !args.consent) throw new SignalError('consentRequired', 'signals.error.consentRequired', 'consent');
  const now = args.now ?? new Date();
  // A signed-in visitor using the public form is still a resident: nobody recorded it for them.
  const recordedBy = source === 'web_form' ? null : (actor?.userId ?? null);
  const out = await deps.db.transaction(async (tx) => {
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
    await audit(tx, { councilId: council.id, actorUserId: recordedBy, action: 'signals.submit', entity: 'signal', entityId: id, from: null, to: 'new', data: { reference, source, contact: contact !== null } });
    if (contact?.email) await queueStatusMessage(deps, tx, council, { id, reference }, 'received');
    return { id, reference };
  });
  deps.mailer.kick();
  return out;
}

// ------------------------------------------------------------------ reading

export async function findSignal(db: DbOrTx, council: Council, id: string, opts: { lock?: boolean } = {}): Promise<Signal | null> {
  if (!isUuid(id)) return null;
  const q = db
    .select()
    .from(signals)
    .where(and(eq(signals.id, id), eq(signals.councilId, council.id)))
    .limit(1);
  const rows = opts.lock ? await q.for('update') : await q;
  return rows[0] ?? null;
}

export async function listThemes(db: DbOrTx, councilId: string): Promise<SignalTheme[]> {
  return db.select().from(signalThemes).where(eq(signalThemes.councilId, councilId)).orderBy(asc(signalThemes.name));
}

/** A short, single-line excerpt for lists (the text may be long). */
export function summary(description: string, max = 120): string {
  const flat = description.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export type SignalListRow = { id: string; reference: string; summary: string; area: SignalArea; status: SignalState; source: SignalSource; themeName: string | null; createdAt: Date; anonymised: boolean };

export async function listSignals(deps: Deps, args: { actor: Actor | null; council: Council; filter: ListFilter }): Promise<SignalListRow[]> {
  assertCan(args.actor, 'signals.view');
  const f = args.filter;
  const where = [eq(signals.councilId, args.council.id)];
  if (f.status) where.push(eq(signals.status, f.status));
  if (f.area) where.push(eq(signals.area, f.area));
  if (f.theme) where.push(eq(signals.themeId, f.theme));
  const rows = await deps.db
    .select({
      id: signals.id,
      reference: signals.reference,
      description: signals.description,
      area: signals.area,
      status: signals.status,
      source: signals.source,
      themeName: signalThemes.name,
      createdAt: signals.createdAt,
      anonymisedAt: signals.anonymisedAt,
    })
    .from(signals)
    .leftJoin(signalThemes, eq(signalThemes.id, signals.themeId))
    .where(and(...where))
    .orderBy(desc(signals.createdAt))
    .limit(500);
  return rows.map(({ description, anonymisedAt, ...r }) => ({ ...r, summary: summary(description), anonymised: anonymisedAt !== null }));
}

/** Signals waiting for a meeting; the meetings module links agenda items to these. */
export async function listSignalsToDiscuss(db: DbOrTx, councilId: string): Promise<Array<{ id: string; reference: string; summary: string; themeName: string | null }>> {
  const rows = await db
    .select({ id: signals.id, reference: signals.reference, description: signals.description, themeName: signalThemes.name })
    .from(signals)
    .leftJoin(signalThemes, eq(signalThemes.id, signals.themeId))
    .where(and(eq(signals.councilId, councilId), eq(signals.status, 'to_discuss')))
    .orderBy(asc(signals.createdAt));
  return rows.map(({ description, ...r }) => ({ ...r, summary: summary(description) }));
}

/** For the board on the workspace dashboard. */
export async function countNewSignals(db: DbOrTx, councilId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(signals)
    .where(and(eq(signals.councilId, councilId), eq(signals.status, 'new')));
  return Number(row?.n ?? 0);
}

/** Signals linked to one advice, for the advice detail page. */
export async function signalsForAdvice(db: DbOrTx, councilId: string, adviceId: string): Promise<Array<{ id: string; reference: string; themeName: string | null; status: SignalState }>> {
  return db
    .select({ id: signals.id, reference: signals.reference, themeName: signalThemes.name, status: signals.status })
    .from(signals)
    .leftJoin(signalThemes, eq(signalThemes.id, signals.themeId))
    .where(and(eq(signals.councilId, councilId), eq(signals.adviceId, adviceId)))
    .orderBy(asc(signals.reference));
}

export type Similar = { id: string; reference: string; summary: string; status: SignalState; themeName: string | null; shared: number };

/**
 * Similar signals by Dutch full text: the signal's own lexemes (stemmed, stop words removed) as
 * an OR query, ranked with ts_rank; a candidate must share at least two lexemes (or all, for a
 * very short text) so one common word does not make a match.
 */
export async function similarSignals(db: DbOrTx, council: Council, signal: Pick<Signal, 'id' | 'description'>, limit = 5): Promise<Similar[]> {
  if (signal.description.trim() === '') return [];
  const lexRows = await db.execute<{ lexeme: string }>(sql`select lexeme from unnest(to_tsvector('dutch', ${signal.description}))`);
  const lexemes = rowsOf<{ lexeme: string }>(lexRows)
    .map((r) => r.lexeme)
    .filter((l) => /^[\p{L}\p{N}]+$/u.test(l))
    .slice(0, 64);
  if (lexemes.length === 0) return [];
  const query = lexemes.join(' | ');
  const minShared = Math.min(2, lexemes.length);
  const vector = sql`to_tsvector('dutch', ${signals.description})`;
  const res = await db.execute<{ id: string; reference: string; description: string; status: SignalState; theme_name: string | null; shared: number }>(sql`
    select c.id, c.reference, c.description, c.status, t.name as theme_name, c.shared from (
      select s.id, s.reference, s.description, s.status, s.theme_id, s.rank,
        (select count(*) from unnest(to_tsvector('dutch', s.description)) u where u.lexeme = any(string_to_array(${lexemes.join(' ')}, ' ')))::int as shared
      from (
        select ${signals.id} as id, ${signals.reference} as reference, ${signals.description} as description, ${signals.status} as status, ${signals.themeId} as theme_id,
          ts_rank(${vector}, to_tsquery('simple', ${query})) as rank
        from ${signals}
        where ${signals.councilId} = ${council.id} and ${signals.id} <> ${signal.id} and ${signals.anonymisedAt} is null
          and ${vector} @@ to_tsquery('simple', ${query})
        order by rank desc
        limit 50
      ) s
    ) c
    left join ${signalThemes} t on t.id = c.theme_id
    where c.shared >= ${minShared}
    order by c.shared desc, c.rank desc
    limit ${limit}`);
  return rowsOf<{ id: string; reference: string; description: string; status: SignalState; theme_name: string | null; shared: number }>(res).map((r) => ({ id: r.id, reference: r.reference, summary: summary(r.description), status: r.status, themeName: r.theme_name, shared: Number(r.shared) }));
}

/** drizzle returns rows directly (PGlite) or in `.rows` (node-postgres). */
function rowsOf<T>(res: unknown): T[] {
  return Array.isArray(res) ? (res as T[]) : ((res as { rows: T[] }).rows ?? []);
}

export type SignalEventRow = { at: Date; action: string; from: string | null; to: string | null; who: string | null };

async function eventsOf(db: DbOrTx, councilId: string, signalId: string): Promise<SignalEventRow[]> {
  return db
    .select({ at: signalEvents.at, action: signalEvents.action, from: signalEvents.fromState, to: signalEvents.toState, who: users.name })
    .from(signalEvents)
    .leftJoin(users, eq(users.id, signalEvents.actorUserId))
    .where(and(eq(signalEvents.councilId, councilId), eq(signalEvents.signalId, signalId)))
    .orderBy(asc(signalEvents.at));
}

export type SignalDetail = {
  signal: Signal;
  theme: SignalTheme | null;
  themes: SignalTheme[];
  duplicateOf: { id: string; reference: string } | null;
  advice: { id: string; reference: string; subject: string } | null;
  /** Unsolicited advices of this council, to link to. */
  adviceOptions: { id: string; reference: string; subject: string }[];
  similar: Similar[];
  events: SignalEventRow[];
  actions: SignalAction[];
  recordedBy: string | null;
  /** Whether sealed contact details exist (never the details themselves). */
  contactStored: boolean;
  mayViewContact: boolean;
};

export async function getSignal(deps: Deps, args: { actor: Actor | null; council: Council; id: string }): Promise<SignalDetail> {
  const { actor, council } = args;
  assertCan(actor, 'signals.view');
  const db = deps.db;
  const signal = (await findSignal(db, council, args.id)) ?? notFound('signal');
  const mayTriage = can(actor, 'signals.triage');
  const [themes, events, similar, [dup], [advice], adviceOptions, [recorder], [contact]] = await Promise.all([
    listThemes(db, council.id),
    eventsOf(db, council.id, signal.id),
    mayTriage && !signal.anonymisedAt ? similarSignals(db, council, signal) : Promise.resolve([]),
    signal.duplicateOfId
      ? db
          .select({ id: signals.id, reference: signals.reference })
          .from(signals)
          .where(and(eq(signals.id, signal.duplicateOfId), eq(signals.councilId, council.id)))
      : Promise.resolve([]),
    signal.adviceId ? findAdvice(db, council, signal.adviceId).then((a) => (a ? [{ id: a.id, reference: a.reference, subject: a.subject }] : [])) : Promise.resolve([]),
    mayTriage ? listUnsolicitedAdvices(db, council) : Promise.resolve([]),
    signal.recordedByUserId ? db.select({ name: users.name }).from(users).where(eq(users.id, signal.recordedByUserId)) : Promise.resolve([]),
    db
      .select({ erasedAt: signalContacts.erasedAt })
      .from(signalContacts)
      .where(and(eq(signalContacts.signalId, signal.id), eq(signalContacts.councilId, council.id))),
  ]);
  return {
    signal,
    theme: themes.find((t) => t.id === signal.themeId) ?? null,
    themes,
    duplicateOf: dup ?? null,
    advice: advice ?? null,
    adviceOptions,
    similar,
    events,
    actions: availableActions(signal.status, actor, { anonymised: signal.anonymisedAt !== null }),
    recordedBy: recorder?.name ?? null,
    contactStored: contact !== undefined && contact.erasedAt === null,
    mayViewContact: can(actor, 'signals.contact'),
  };
}

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
    const [row] = await tx.select().from(signalContacts).where(and(eq(signalContacts.signalId, signal.id), eq(signalContacts.councilId, council.id)));
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

// ------------------------------------------------------------------ transitions

/**
 * Runs one transition: locks the signal, checks the table, applies `change`, writes the status
 * event and audit entry, and queues the resident's status message, all in one transaction.
 */
async function runTransition(
  deps: Deps,
  args: { actor: Actor | null; council: Council; id: string; action: SignalAction },
  change: (tx: Tx, signal: Signal, to: SignalState) => Promise<{ set?: Partial<typeof signals.$inferInsert>; data?: Record<string, unknown> } | void>,
): Promise<Signal> {
  const { council } = args;
  assertCan(args.actor, 'signals.triage');
  const actor = args.actor;
  const out = await deps.db.transaction(async (tx) => {
    const signal = (await findSignal(tx, council, args.id, { lock: true })) ?? notFound('signal');
    const res = transition(signal.status, args.action, actor, { anonymised: signal.anonymisedAt !== null });
    if (!res.ok) {
      if (res.reason === 'notAllowedForRole') throw new ForbiddenError(args.action);
      throw new SignalError(res.reason, res.reason === 'anonymised' ? 'signals.error.anonymised' : 'signals.error.notAllowedFromState');
    }
    const done = (await change(tx, signal, res.to)) ?? {};
    const now = new Date();
    const [updated] = await tx
      .update(signals)
      .set({ ...done.set, status: res.to, updatedAt: now, ...(res.to === 'closed' || res.to === 'duplicate' ? { closedAt: now } : res.to !== signal.status ? { closedAt: null } : {}) })
      .where(and(eq(signals.id, signal.id), eq(signals.councilId, council.id)))
      .returning();
    await tx.insert(signalEvents).values({ councilId: council.id, signalId: signal.id, action: args.action, fromState: signal.status, toState: res.to, actorUserId: actor.userId, data: done.data ?? null });
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: `signals.${args.action}`, entity: 'signal', entityId: signal.id, from: signal.status, to: res.to, data: done.data });
    const message = res.to !== signal.status ? messageFor(res.to) : null;
    if (message) await queueStatusMessage(deps, tx, council, signal, message);
    return updated!;
  });
  deps.mailer.kick();
  return out;
}

/** Theme (existing or new) and policy field; starts the triage of a new signal. */
export async function classify(deps: Deps, args: { actor: Actor | null; council: Council; id: string; input: ClassifyInput }): Promise<Signal> {
  const { council, input } = args;
  return runTransition(deps, { ...args, action: 'classify' }, async (tx) => {
    let themeId: string | null = null;
    if (input.themeId === 'nieuw') {
      const name = input.newTheme.trim();
      const [existing] = await tx
        .select({ id: signalThemes.id })
        .from(signalThemes)
        .where(and(eq(signalThemes.councilId, council.id), sql`lower(${signalThemes.name}) = lower(${name})`));
      themeId = existing?.id ?? (await tx.insert(signalThemes).values({ councilId: council.id, name }).returning({ id: signalThemes.id }))[0]!.id;
    } else if (input.themeId !== '') {
      const [theme] = await tx
        .select({ id: signalThemes.id })
        .from(signalThemes)
        .where(and(eq(signalThemes.id, input.themeId), eq(signalThemes.councilId, council.id)));
      if (!theme) throw new SignalError('unknownTheme', 'signals.error.unknownTheme', 'themeId');
      themeId = theme.id;
    }
    return { set: { themeId, policyField: input.policyField }, data: { themeId, policyField: input.policyField } };
  });
}

export async function toDiscuss(deps: Deps, args: { actor: Actor | null; council: Council; id: string }): Promise<Signal> {
  return runTransition(deps, { ...args, action: 'toDiscuss' }, async () => {});
}

export async function markDiscussed(deps: Deps, args: { actor: Actor | null; council: Council; id: string }): Promise<Signal> {
  return runTransition(deps, { ...args, action: 'markDiscussed' }, async () => {});
}

export async function closeSignal(deps: Deps, args: { actor: Actor | null; council: Council; id: string; input: CloseInput }): Promise<Signal> {
  return runTransition(deps, { ...args, action: 'close' }, async () => ({
    set: { outcome: args.input.outcome, outcomeNote: args.input.outcomeNote },
    data: { outcome: args.input.outcome },
  }));
}

export async function reopenSignal(deps: Deps, args: { actor: Actor | null; council: Council; id: string }): Promise<Signal> {
  return runTransition(deps, { ...args, action: 'reopen' }, async () => ({ set: { outcome: null, duplicateOfId: null } }));
}

/** Marks a duplicate of an earlier signal of the same council, found by its reference. */
export async function markDuplicate(deps: Deps, args: { actor: Actor | null; council: Council; id: string; duplicateOf: string }): Promise<Signal> {
  const { council } = args;
  return runTransition(deps, { ...args, action: 'markDuplicate' }, async (tx, signal) => {
    const [original] = await tx
      .select({ id: signals.id, status: signals.status })
      .from(signals)
      .where(and(eq(signals.councilId, council.id), eq(signals.reference, args.duplicateOf.trim().toUpperCase())));
    if (!original) throw new SignalError('unknownReference', 'signals.error.unknownReference', 'duplicateOf');
    if (original.id === signal.id) throw new SignalError('selfDuplicate', 'signals.error.selfDuplicate', 'duplicateOf');
    if (original.status === 'duplicate') throw new SignalError('chainedDuplicate', 'signals.error.chainedDuplicate', 'duplicateOf');
    return { set: { duplicateOfId: original.id }, data: { duplicateOfId: original.id } };
  });
}

/** Links the signal to an unsolicited advice of this council. */
export async function linkAdvice(deps: Deps, args: { actor: Actor | null; council: Council; id: string; adviceId: string }): Promise<Signal> {
  const { council } = args;
  return runTransition(deps, { ...args, action: 'linkAdvice' }, async (tx) => {
    const advice = await findAdvice(tx, council, args.adviceId);
    if (advice?.kind !== 'unsolicited') throw new SignalError('unknownAdvice', 'signals.error.unknownAdvice', 'adviceId');
    return { set: { adviceId: advice.id }, data: { adviceId: advice.id } };
  });
}

// ------------------------------------------------------------------ themes view

/** Counts per theme and month (last 12 months) and per source, with the threshold flag. */
export async function themeOverview(deps: Deps, args: { actor: Actor | null; council: Council; now?: Date }): Promise<{ view: ThemeView; settings: EffectiveSettings; exact: boolean }> {
  const { actor, council } = args;
  assertCan(actor, 'signals.view');
  const now = args.now ?? new Date();
  const db = deps.db;
  const settings = await settingsOf(db, council.id);
  const months = monthsBack(now, 12);
  const windowStart = new Date(now);
  windowStart.setUTCMonth(windowStart.getUTCMonth() - settings.thresholdMonths);
  // Month buckets by their Amsterdam boundaries (width_bucket over 13 instants the database
  // works out once): cheaper per row than converting every timestamp to local time.
  const bound = (m: string) => sql`(${`${m}-01 00:00`}::timestamp at time zone 'Europe/Amsterdam')`;
  const bounds = sql.join([...months, nextMonth(months[months.length - 1]!)].map(bound), sql`, `);
  const bucket = sql<number>`width_bucket(${signals.createdAt}, array[${bounds}])`;
  // One pass over the council's signals (index on council, theme, created_at), grouped by theme,
  // month and source; duplicates are left out: one problem reported twice is one signal.
  // Kept until the next change (any POST moves the cache generation on, on every instance); the
  // hour and the window are in the key because the months and the window move with the clock.
  const memoKey = `signal-themes:${council.id}:${now.toISOString().slice(0, 13)}:${settings.thresholdMonths}`;
  const [themes, rows] = await deps.cache.memo(memoKey, () => Promise.all([
    listThemes(db, council.id),
    db
      .select({
        themeId: signals.themeId,
        bucket,
        source: signals.source,
        n: count(),
        inWindow: sql<number>`count(*) filter (where ${signals.createdAt} >= ${windowStart.toISOString()}::timestamptz)`,
      })
      .from(signals)
      .where(
        and(
          eq(signals.councilId, council.id),
          isNotNull(signals.themeId),
          ne(signals.status, 'duplicate'),
          gte(signals.createdAt, sql`least(${windowStart.toISOString()}::timestamptz, ${bound(months[0]!)})`),
        ),
      )
      // By position: the bucket expression carries parameters, so it cannot be repeated here.
      .groupBy(sql`1`, sql`2`, sql`3`),
  ]));
  // Members see small numbers as "fewer than 3"; the board, who see the signals anyway, exact ones.
  const exact = can(actor, 'signals.triage');
  const view = buildThemeView({
    themes,
    months,
    // Bucket 1..12 is a month shown; 0 lies before them (window only), 13 after (clock skew).
    rows: rows.map((r) => {
      const b = Number(r.bucket);
      const shown = b >= 1 && b <= months.length;
      return { themeId: r.themeId!, month: shown ? months[b - 1]! : '', source: r.source, n: shown ? Number(r.n) : 0, inWindow: Number(r.inWindow) };
    }),
    settings,
    exact,
  });
  return { view, settings, exact };
}

// ------------------------------------------------------------------ settings

export async function getSettingsPage(deps: Deps, args: { actor: Actor | null; council: Council }): Promise<{ settings: EffectiveSettings; templates: Template[] }> {
  assertCan(args.actor, 'signals.settings');
  const [settings, templates] = await Promise.all([settingsOf(deps.db, args.council.id), templatesOf(deps.db, args.council.id)]);
  return { settings, templates };
}

export async function saveSettings(deps: Deps, args: { actor: Actor | null; council: Council; input: SettingsInput }): Promise<void> {
  const { actor, council, input } = args;
  assertCan(actor, 'signals.settings');
  if (input.textRetentionMonths < input.contactRetentionMonths) throw new SignalError('textBeforeContact', 'signals.error.textBeforeContact', 'textRetentionMonths');
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(signalSettings)
      .values({ councilId: council.id, ...input, updatedAt: new Date() })
      .onConflictDoUpdate({ target: signalSettings.councilId, set: { ...input, updatedAt: new Date() } });
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'signals.settings', entity: 'signal_settings', entityId: council.id, data: { ...input } });
  });
}

export async function saveTemplate(deps: Deps, args: { actor: Actor | null; council: Council; status: MessageStatus; input: TemplateInput }): Promise<void> {
  const { actor, council, input, status } = args;
  assertCan(actor, 'signals.settings');
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(signalMessageTemplates)
      .values({ councilId: council.id, status, subject: input.subject, body: input.body })
      .onConflictDoUpdate({ target: [signalMessageTemplates.councilId, signalMessageTemplates.status], set: { subject: input.subject, body: input.body, updatedAt: new Date() } });
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'signals.template', entity: 'signal_message_template', entityId: status });
  });
}

// ------------------------------------------------------------------ privacy: erase, export, retention

/**
 * Removes the sealed contact details of these signals, and the mails sent to the resident about
 * them (the outbox keeps the address and text in the clear). Returns how many were removed.
 */
async function eraseContacts(tx: Tx, secretKey: string, signalIds: string[], now: Date): Promise<number> {
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
    const signal = (await findSignal(tx, council, args.id, { lock: true })) ?? notFound('signal');
    if (signal.erasedAt) throw new SignalError('alreadyErased', 'signals.error.alreadyErased');
    const now = new Date();
    await eraseContacts(tx, deps.secretKey, [signal.id], now);
    const [updated] = await tx
      .update(signals)
      .set({ description: '', outcomeNote: '', hasContact: false, anonymisedAt: signal.anonymisedAt ?? now, erasedAt: now, updatedAt: now })
      .where(eq(signals.id, signal.id))
      .returning();
    await tx.insert(signalEvents).values({ councilId: council.id, signalId: signal.id, action: 'erase', fromState: signal.status, toState: signal.status, actorUserId: actor.userId });
    await logAccess(tx, { council, actor, signal, kind: 'erase' });
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'signals.erase', entity: 'signal', entityId: signal.id, data: { reference: signal.reference } });
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
    if (!signal) throw new SignalError('unknownReference', 'signals.error.unknownReference', 'reference');
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

/**
 * The retention job: contact details go a council-set number of months after closing; the text
 * is anonymised months after closing (or after arrival, for a signal never closed). Set-based
 * and idempotent: it works from the dates in the database, so a missed or doubled run is harmless.
 * Records per council what it did (counts only).
 */
export async function runSignalRetention(deps: Deps, now = new Date()): Promise<{ contacts: number; texts: number }> {
  return deps.db.transaction(async (tx) => {
    const dueRes = await tx.execute<{ id: string; council_id: string }>(sql`
      select s.id, s.council_id from ${signals} s
      join ${signalContacts} sc on sc.signal_id = s.id
      left join ${signalSettings} st on st.council_id = s.council_id
      where sc.erased_at is null and s.closed_at is not null
        and s.closed_at < ${now.toISOString()}::timestamptz - make_interval(months => coalesce(st.contact_retention_months, ${defaultSettings.contactRetentionMonths}))`);
    const contacts = rowsOf<{ id: string; council_id: string }>(dueRes);
    await eraseContacts(tx, deps.secretKey, contacts.map((c) => c.id), now);
    const textRes = await tx.execute<{ council_id: string; id: string }>(sql`
      update ${signals} s set description = '', outcome_note = '', anonymised_at = ${now.toISOString()}::timestamptz, has_contact = false
      from (select s2.id from ${signals} s2 left join ${signalSettings} st on st.council_id = s2.council_id
            where s2.anonymised_at is null
              and coalesce(s2.closed_at, s2.created_at) < ${now.toISOString()}::timestamptz - make_interval(months => coalesce(st.text_retention_months, ${defaultSettings.textRetentionMonths}))) due
      where s.id = due.id
      returning s.council_id, s.id`);
    const texts = rowsOf<{ council_id: string; id: string }>(textRes);
    // An anonymised signal keeps no contact details either, whatever its state.
    await eraseContacts(tx, deps.secretKey, texts.map((t) => t.id), now);
    const perCouncil = new Map<string, { contacts: number; texts: number }>();
    const bump = (id: string, k: 'contacts' | 'texts') => {
      const c = perCouncil.get(id) ?? { contacts: 0, texts: 0 };
      c[k]++;
      perCouncil.set(id, c);
    };
    for (const r of contacts) bump(r.council_id, 'contacts');
    for (const r of texts) bump(r.council_id, 'texts');
    for (const [councilId, c] of perCouncil) {
      await audit(tx, { councilId, actorUserId: null, action: 'signals.retention', entity: 'signal', data: { contactsRemoved: c.contacts, textsAnonymised: c.texts, at: now.toISOString() } });
    }
    return { contacts: contacts.length, texts: texts.length };
  });
}

/** What the retention job did lately, for the settings page (from the audit log). */
export async function retentionRuns(deps: Deps, args: { actor: Actor | null; council: Council }) {
  assertCan(args.actor, 'signals.settings');
  return deps.db
    .select({ at: auditLog.at, data: auditLog.data })
    .from(auditLog)
    .where(and(eq(auditLog.councilId, args.council.id), eq(auditLog.action, 'signals.retention')))
    .orderBy(desc(auditLog.at))
    .limit(10);
}
