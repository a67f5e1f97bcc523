/**
 * Reading signals: the workspace list, one signal with what the board needs to triage it,
 * similar signals (Dutch full text), and the reads other modules use through index.ts.
 * Contact details are not read here (signals.privacy.ts).
 */
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { findInCouncil, inIds, type Ids } from '../../core/db/find.ts';
import { rowsOf, type DbOrTx } from '../../core/db/index.ts';
import { readAlone, type Read } from '../../core/read-together.ts';
import type { Deps } from '../../core/deps.ts';
import { assertCan, can, type Actor } from '../../core/policy.ts';
import { notFound } from '../../core/errors.ts';
import { users } from '../../core/auth/auth.schema.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { findAdvice, listUnsolicitedAdvices } from '../advice/index.ts';
import { signalContacts, signalEvents, signalThemes, signals, type Signal, type SignalArea, type SignalSource, type SignalTheme } from './signals.schema.ts';
import { availableActions, signalActions, type SignalAction, type SignalState } from './signals.workflow.ts';
import type { ListFilter } from './signals.forms.ts';

export function findSignal(db: DbOrTx, council: Council, id: string, opts: { lock?: boolean } = {}): Promise<Signal | null> {
  return findInCouncil(db, signals, council.id, id, opts);
}

export async function listThemes(db: DbOrTx, councilId: string, read: Read = readAlone): Promise<SignalTheme[]> {
  return read(db.select().from(signalThemes).where(eq(signalThemes.councilId, councilId)).orderBy(asc(signalThemes.name)));
}

const SUMMARY_LENGTH = 120;
/** Enough of the text for a summary even where it has runs of spaces or line breaks. */
const SUMMARY_SOURCE = SUMMARY_LENGTH * 4;

/**
 * The start of the description, all a list's summary needs: a description may be 10 kB and a
 * list has up to 500 rows. One more character than the source says whether there is more.
 */
const descriptionStart = sql<string>`left(${signals.description}, ${sql.raw(String(SUMMARY_SOURCE + 1))})`;

/** A short, single-line excerpt for lists, from the whole text or its start (descriptionStart). */
function summary(text: string, max = SUMMARY_LENGTH): string {
  const cut = text.length > SUMMARY_SOURCE;
  const flat = (cut ? text.slice(0, SUMMARY_SOURCE) : text).replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : cut ? `${flat}…` : flat;
}

export type SignalListRow = {
  id: string;
  reference: string;
  summary: string;
  area: SignalArea;
  status: SignalState;
  source: SignalSource;
  themeName: string | null;
  createdAt: Date;
  anonymised: boolean;
};

export async function listSignals(deps: Deps, args: { actor: Actor | null; council: Council; filter: ListFilter }, read: Read = readAlone): Promise<SignalListRow[]> {
  assertCan(args.actor, 'signals.view');
  const f = args.filter;
  const where = [eq(signals.councilId, args.council.id)];
  if (f.status) where.push(eq(signals.status, f.status));
  if (f.area) where.push(eq(signals.area, f.area));
  if (f.theme) where.push(eq(signals.themeId, f.theme));
  const rows = await read(
    deps.db
      .select({
        id: signals.id,
        reference: signals.reference,
        description: descriptionStart,
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
      .limit(500),
  );
  return rows.map(({ description, anonymisedAt, ...r }) => ({ ...r, summary: summary(description), anonymised: anonymisedAt !== null }));
}

/** Signals waiting for a meeting; the meetings module links agenda items to these. */
export async function listSignalsToDiscuss(db: DbOrTx, councilId: string): Promise<Array<{ id: string; reference: string; summary: string; themeName: string | null }>> {
  const rows = await db
    .select({ id: signals.id, reference: signals.reference, description: descriptionStart, themeName: signalThemes.name })
    .from(signals)
    .leftJoin(signalThemes, eq(signalThemes.id, signals.themeId))
    .where(and(eq(signals.councilId, councilId), eq(signals.status, 'to_discuss')))
    .orderBy(asc(signals.createdAt));
  return rows.map(({ description, ...r }) => ({ ...r, summary: summary(description) }));
}

/** Reference and summary of these signals of the council (what an agenda item names); `ids` a list or a subquery that selects ids. */
export async function signalRefs(db: DbOrTx, councilId: string, ids: Ids, read: Read = readAlone): Promise<Array<{ id: string; reference: string; summary: string }>> {
  const byIds = inIds(signals.id, ids);
  if (!byIds) return [];
  const rows = await read(
    db
      .select({ id: signals.id, reference: signals.reference, description: descriptionStart })
      .from(signals)
      .where(and(eq(signals.councilId, councilId), byIds))
      .orderBy(asc(signals.reference)),
  );
  return rows.map(({ description, ...r }) => ({ ...r, summary: summary(description) }));
}

/** For the board on the workspace dashboard. */
export async function countNewSignals(db: DbOrTx, councilId: string, read: Read = readAlone): Promise<number> {
  const [row] = await read(
    db
      .select({ n: count() })
      .from(signals)
      .where(and(eq(signals.councilId, councilId), eq(signals.status, 'new'))),
  );
  return Number(row?.n ?? 0);
}

/** Signals linked to one advice, for the advice detail page. */
export async function signalsForAdvice(
  db: DbOrTx,
  councilId: string,
  adviceId: string,
  read: Read = readAlone,
): Promise<Array<{ id: string; reference: string; themeName: string | null; status: SignalState }>> {
  return read(
    db
      .select({ id: signals.id, reference: signals.reference, themeName: signalThemes.name, status: signals.status })
      .from(signals)
      .leftJoin(signalThemes, eq(signalThemes.id, signals.themeId))
      .where(and(eq(signals.councilId, councilId), eq(signals.adviceId, adviceId)))
      .orderBy(asc(signals.reference)),
  );
}

type Similar = { id: string; reference: string; summary: string; status: SignalState; themeName: string | null; shared: number };

/**
 * Similar signals by Dutch full text: the signal's own lexemes (stemmed, stop words removed) as
 * an OR query, ranked with ts_rank; a candidate must share at least two lexemes (or all, for a
 * very short text) so one common word does not make a match.
 */
async function similarSignals(db: DbOrTx, council: Council, signal: Pick<Signal, 'id' | 'description'>, limit = 5): Promise<Similar[]> {
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
  return rowsOf<{ id: string; reference: string; description: string; status: SignalState; theme_name: string | null; shared: number }>(res).map((r) => ({
    id: r.id,
    reference: r.reference,
    summary: summary(r.description),
    status: r.status,
    themeName: r.theme_name,
    shared: Number(r.shared),
  }));
}

type SignalEventRow = { at: Date; action: string; from: string | null; to: string | null; who: string | null };

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
  recordedBy: string | null;
  /** Whether sealed contact details exist (never the details themselves). */
  contactStored: boolean;
  /** What the actor may do with this signal now: its rights and the signal's state together. */
  may: SignalMay;
};

/** Each step of the workflow that may happen now, and the privacy parts. */
type SignalMay = Record<SignalAction, boolean> & {
  /** Any step at all: the triage part of the page. */
  triage: boolean;
  /** Open the sealed contact details (the read is logged). */
  viewContact: boolean;
  /** Export or erase the resident's data. */
  privacy: boolean;
};

/** What the actor may do in the signals section: the links beside the list. */
export function signalsSectionMay(actor: Actor | null) {
  return {
    record: can(actor, 'signals.record'),
    themes: can(actor, 'signals.view'),
    export: can(actor, 'signals.contact'),
    accessLog: can(actor, 'signals.accessLog'),
    settings: can(actor, 'signals.settings'),
  };
}

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
  const actions = availableActions(signal.status, actor, { anonymised: signal.anonymisedAt !== null });
  const contactStored = contact !== undefined && contact.erasedAt === null;
  return {
    signal,
    theme: themes.find((t) => t.id === signal.themeId) ?? null,
    themes,
    duplicateOf: dup ?? null,
    advice: advice ?? null,
    adviceOptions,
    similar,
    events,
    recordedBy: recorder?.name ?? null,
    contactStored,
    may: {
      ...(Object.fromEntries(signalActions.map((a) => [a, actions.includes(a)])) as Record<SignalAction, boolean>),
      triage: actions.length > 0,
      viewContact: contactStored && can(actor, 'signals.contact'),
      privacy: !signal.erasedAt && can(actor, 'signals.contact'),
    },
  };
}
