/**
 * The agenda of a meeting: items in order, their guests, and their links to advices, documents and
 * signals (read through those modules, meetings.links.ts). Changing the agenda is the workflow
 * action `editAgenda` on the meeting (meetings.lifecycle.ts).
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { unionAll, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx, Tx } from '../../core/db/index.ts';
import { readAlone, type Read } from '../../core/read-together.ts';
import type { Deps } from '../../core/deps.ts';
import { assertCan, type Actor } from '../../core/policy.ts';
import { isUuid } from '../../core/http/forms.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { agendaGuests, agendaItemAdvices, agendaItemDocuments, agendaItemSignals, agendaItems, type AgendaGuest, type AgendaItem, type Meeting } from './meetings.schema.ts';
import { runMeetingAction } from './meetings.lifecycle.ts';
import { DomainError, notFound } from '../../core/errors.ts';
import { adviceChoices, documentChoices, linkedAdvices, linkedSignals, signalChoices, type LinkChoice } from './meetings.links.ts';
import type { AgendaItemInput, GuestInput } from './meetings.forms.ts';
import type { AdviceRef } from '../advice/index.ts';
import { deleteOne } from '../../core/db/queries.ts';

export type AgendaItemView = AgendaItem & {
  guests: AgendaGuest[];
  advices: AdviceRef[];
  documents: LinkChoice[];
  signalIds: string[];
  /** The signals it discusses, named (the meeting page lists them). */
  signals: LinkChoice[];
};

/** The agenda of a meeting with guests and links; only the documents this actor may see. */
export async function agendaOf(deps: Deps, council: Council, meetingId: string, actor: Actor | null, read: Read = readAlone): Promise<AgendaItemView[]> {
  const db = deps.db;
  // Guests and links by the meeting's items (a subquery), so the items, guests and links are read at once.
  const itemsOfMeeting = db
    .select({ id: agendaItems.id })
    .from(agendaItems)
    .where(and(eq(agendaItems.councilId, council.id), eq(agendaItems.meetingId, meetingId)));
  const ofItems = <T extends typeof agendaItemAdvices | typeof agendaItemDocuments | typeof agendaItemSignals>(table: T) =>
    and(eq(table.councilId, council.id), inArray(table.agendaItemId, itemsOfMeeting));
  // The three kinds of link in one statement (each row: kind, item, linked id).
  const linkRows = unionAll(
    db
      .select({ kind: sql<string>`'advice'`.as('kind'), agendaItemId: agendaItemAdvices.agendaItemId, id: agendaItemAdvices.adviceId })
      .from(agendaItemAdvices)
      .where(ofItems(agendaItemAdvices)),
    db
      .select({ kind: sql<string>`'document'`.as('kind'), agendaItemId: agendaItemDocuments.agendaItemId, id: agendaItemDocuments.documentId })
      .from(agendaItemDocuments)
      .where(ofItems(agendaItemDocuments)),
    db
      .select({ kind: sql<string>`'signal'`.as('kind'), agendaItemId: agendaItemSignals.agendaItemId, id: agendaItemSignals.signalId })
      .from(agendaItemSignals)
      .where(ofItems(agendaItemSignals)),
  );
  // The linked advices, documents and signals by the links (subqueries): read in the same round.
  const idsOf = (table: typeof agendaItemAdvices | typeof agendaItemDocuments | typeof agendaItemSignals, id: AnyPgColumn) => db.select({ id }).from(table).where(ofItems(table));
  const [items, guests, links, visible, advices, named] = await Promise.all([
    read(
      db
        .select()
        .from(agendaItems)
        .where(and(eq(agendaItems.councilId, council.id), eq(agendaItems.meetingId, meetingId)))
        .orderBy(asc(agendaItems.position)),
    ),
    read(
      db
        .select()
        .from(agendaGuests)
        .where(and(eq(agendaGuests.councilId, council.id), inArray(agendaGuests.agendaItemId, itemsOfMeeting)))
        .orderBy(asc(agendaGuests.createdAt)),
    ),
    read(linkRows),
    // Only the documents this actor may see are shown (a closed document stays hidden from members).
    documentChoices(deps, { council, actor, ids: idsOf(agendaItemDocuments, agendaItemDocuments.documentId) }, read),
    // An official sees links to sent advices only (the advice module's visibility rule).
    linkedAdvices(deps, council, idsOf(agendaItemAdvices, agendaItemAdvices.adviceId), actor, read),
    linkedSignals(deps, council, idsOf(agendaItemSignals, agendaItemSignals.signalId), read),
  ]);
  if (items.length === 0) return [];
  const linksOf = (kind: string) => links.filter((l) => l.kind === kind);
  const adviceLinks = linksOf('advice').map((l) => ({ agendaItemId: l.agendaItemId, adviceId: l.id }));
  const docLinks = linksOf('document').map((l) => ({ agendaItemId: l.agendaItemId, documentId: l.id }));
  const signalLinks = linksOf('signal').map((l) => ({ agendaItemId: l.agendaItemId, signalId: l.id }));
  return items.map((i) => ({
    ...i,
    guests: guests.filter((g) => g.agendaItemId === i.id),
    advices: advices.filter((a) => adviceLinks.some((l) => l.agendaItemId === i.id && l.adviceId === a.id)),
    documents: visible.filter((d) => docLinks.some((l) => l.agendaItemId === i.id && l.documentId === d.id)),
    signalIds: signalLinks.filter((s) => s.agendaItemId === i.id).map((s) => s.signalId),
    signals: named.filter((s) => signalLinks.some((l) => l.agendaItemId === i.id && l.signalId === s.id)),
  }));
}

/** Choices for the agenda item form: this council's advices, signals to discuss, visible documents. */
export async function agendaChoices(deps: Deps, args: { actor: Actor | null; council: Council }) {
  assertCan(args.actor, 'meetings.manage');
  const [advices, signals, documents] = await Promise.all([adviceChoices(deps, args.council), signalChoices(deps, args.council), documentChoices(deps, { council: args.council, actor: args.actor })]);
  return { advices, signals, documents };
}

export async function findAgendaItem(db: DbOrTx, council: Council, meetingId: string, itemId: string): Promise<AgendaItem | null> {
  if (!isUuid(itemId)) return null;
  const [i] = await db
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId), eq(agendaItems.councilId, council.id)))
    .limit(1);
  return i ?? null;
}

/**
 * Checks every link: advices of this council, documents the actor may see, signals the council
 * has to discuss (or already linked to this item). Unknown ids are refused, not ignored. Runs
 * before the transaction: the other modules read through their own connection (PGlite has one).
 */
async function checkLinks(deps: Deps, args: { council: Council; actor: Actor | null }, input: AgendaItemInput, itemId?: string) {
  const { council } = args;
  const tx = deps.db;
  const unknown = (field: string) => new DomainError('unknownLink', 'meetings.error.unknownLink', field);
  const adviceIds = [...new Set(input.adviceIds)];
  if (adviceIds.length && (await linkedAdvices(deps, council, adviceIds)).length !== adviceIds.length) throw unknown('adviceIds');
  const documentIds = [...new Set(input.documentIds)];
  if (documentIds.length && (await documentChoices(deps, { ...args, ids: documentIds })).length !== documentIds.length) throw unknown('documentIds');
  const signalIds = [...new Set(input.signalIds)];
  if (signalIds.length) {
    const linked = itemId ? (await tx.select({ id: agendaItemSignals.signalId }).from(agendaItemSignals).where(eq(agendaItemSignals.agendaItemId, itemId))).map((r) => r.id) : [];
    const allowed = new Set([...linked, ...(await signalChoices(deps, council)).map((c) => c.id)]);
    if (!signalIds.every((id) => allowed.has(id))) throw unknown('signalIds');
  }
}

async function writeLinks(tx: Tx, council: Council, itemId: string, input: AgendaItemInput) {
  await tx.delete(agendaItemAdvices).where(eq(agendaItemAdvices.agendaItemId, itemId));
  await tx.delete(agendaItemSignals).where(eq(agendaItemSignals.agendaItemId, itemId));
  await tx.delete(agendaItemDocuments).where(eq(agendaItemDocuments.agendaItemId, itemId));
  const base = { councilId: council.id, agendaItemId: itemId };
  for (const adviceId of new Set(input.adviceIds)) await tx.insert(agendaItemAdvices).values({ ...base, adviceId });
  for (const signalId of new Set(input.signalIds)) await tx.insert(agendaItemSignals).values({ ...base, signalId });
  for (const documentId of new Set(input.documentIds)) await tx.insert(agendaItemDocuments).values({ ...base, documentId });
}

function itemValues(input: AgendaItemInput) {
  return { title: input.title, explanation: input.explanation, startTime: input.startTime, presenter: input.presenter, isPublic: input.access === 'public' };
}

/** A new item at the end of the meeting's agenda (the meeting is locked by the caller). */
export async function appendItem(tx: DbOrTx, m: Meeting, values: Pick<typeof agendaItems.$inferInsert, 'title' | 'explanation' | 'startTime' | 'presenter' | 'isPublic'>): Promise<AgendaItem> {
  const [last] = await tx
    .select({ max: sql<number | null>`max(${agendaItems.position})` })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, m.id));
  const [item] = await tx
    .insert(agendaItems)
    .values({ ...values, councilId: m.councilId, meetingId: m.id, position: Number(last?.max ?? 0) + 1 })
    .returning();
  return item!;
}

async function agendaChange<T>(deps: Deps, args: { actor: Actor | null; council: Council; meetingId: string }, change: (tx: Tx, m: Meeting) => Promise<T>): Promise<T> {
  const { result } = await runMeetingAction(deps, { ...args, action: 'editAgenda' }, async (tx, m) => ({ result: await change(tx, m) }));
  return result as T;
}

export async function addAgendaItem(deps: Deps, args: { actor: Actor | null; council: Council; meetingId: string; input: AgendaItemInput }): Promise<AgendaItem> {
  assertCan(args.actor, 'meetings.manage');
  await checkLinks(deps, args, args.input);
  return agendaChange(deps, args, async (tx, m) => {
    const item = await appendItem(tx, m, itemValues(args.input));
    await writeLinks(tx, args.council, item.id, args.input);
    return item;
  });
}

async function lockedItem(tx: Tx, council: Council, meetingId: string, itemId: string): Promise<AgendaItem> {
  return (await findAgendaItem(tx, council, meetingId, itemId)) ?? notFound('agendaItem');
}

export async function updateAgendaItem(deps: Deps, args: { actor: Actor | null; council: Council; meetingId: string; itemId: string; input: AgendaItemInput }) {
  assertCan(args.actor, 'meetings.manage');
  // findAgendaItem checks meeting and council too.
  const existing = await findAgendaItem(deps.db, args.council, args.meetingId, args.itemId);
  if (!existing) notFound('agendaItem');
  await checkLinks(deps, args, args.input, existing.id);
  return agendaChange(deps, args, async (tx, m) => {
    const item = await lockedItem(tx, args.council, m.id, args.itemId);
    await tx.update(agendaItems).set(itemValues(args.input)).where(eq(agendaItems.id, item.id));
    await writeLinks(tx, args.council, item.id, args.input);
  });
}

/** Moves an item one place up or down by swapping positions with its neighbour. */
export async function moveAgendaItem(deps: Deps, args: { actor: Actor | null; council: Council; meetingId: string; itemId: string; direction: 'up' | 'down' }) {
  return agendaChange(deps, args, async (tx, m) => {
    const item = await lockedItem(tx, args.council, m.id, args.itemId);
    const up = args.direction === 'up';
    const [neighbour] = await tx
      .select()
      .from(agendaItems)
      .where(and(eq(agendaItems.meetingId, m.id), up ? sql`${agendaItems.position} < ${item.position}` : sql`${agendaItems.position} > ${item.position}`))
      .orderBy(up ? desc(agendaItems.position) : asc(agendaItems.position))
      .limit(1);
    if (!neighbour) return false;
    await tx.update(agendaItems).set({ position: neighbour.position }).where(eq(agendaItems.id, item.id));
    await tx.update(agendaItems).set({ position: item.position }).where(eq(agendaItems.id, neighbour.id));
    return true;
  });
}

export async function removeAgendaItem(deps: Deps, args: { actor: Actor | null; council: Council; meetingId: string; itemId: string }) {
  return agendaChange(deps, args, async (tx, m) => {
    const item = await lockedItem(tx, args.council, m.id, args.itemId);
    await tx.delete(agendaItems).where(eq(agendaItems.id, item.id));
  });
}

export async function addGuest(deps: Deps, args: { actor: Actor | null; council: Council; meetingId: string; itemId: string; input: GuestInput }) {
  return agendaChange(deps, args, async (tx, m) => {
    const item = await lockedItem(tx, args.council, m.id, args.itemId);
    await tx.insert(agendaGuests).values({ ...args.input, councilId: args.council.id, agendaItemId: item.id });
  });
}

export async function removeGuest(deps: Deps, args: { actor: Actor | null; council: Council; meetingId: string; itemId: string; guestId: string }) {
  return agendaChange(deps, args, async (tx, m) => {
    const item = await lockedItem(tx, args.council, m.id, args.itemId);
    await deleteOne(tx, agendaGuests, 'guest', args.guestId, (id) => and(eq(agendaGuests.id, id), eq(agendaGuests.agendaItemId, item.id)));
  });
}
