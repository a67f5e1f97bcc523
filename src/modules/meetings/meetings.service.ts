/**
 * Use cases of meetings: the rhythm, planning, the agenda, attendance, private notes and the
 * minutes. Every change checks policy, runs in ONE transaction with its audit entry, and every
 * change of status goes through meetings.workflow.ts. The council comes from the request.
 */
import { and, asc, desc, eq, gt, gte, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import type { DbOrTx, Tx } from '../../core/db/index.ts';
import type { Deps } from '../../core/deps.ts';
import { assertCan, can, ForbiddenError, NotFoundError, type Actor } from '../../core/policy.ts';
import { audit } from '../../core/audit/audit.ts';
import { isUuid } from '../../core/http/forms.ts';
import { formatDate, translator, type MessageKey } from '../../core/i18n/index.ts';
import { users } from '../../core/auth/auth.schema.ts';
import { addDays, todayInAmsterdam } from '../../core/dates/working-days.ts';
import { councils, type Council } from '../../core/organisations.schema.ts';
import { memberships } from '../../core/organisations.schema.ts';
import { advices } from '../advice/advice.schema.ts';
import {
  actionPointReminders,
  actionPoints,
  agendaGuests,
  agendaItemAdvices,
  agendaItemDocuments,
  agendaItemSignals,
  agendaItems,
  meetingAttendance,
  meetingNotes,
  meetingRhythms,
  meetings,
  minuteDecisions,
  minutes,
  type ActionPoint,
  type AgendaGuest,
  type AgendaItem,
  type Meeting,
  type MeetingRhythm,
  type Minutes,
} from './meetings.schema.ts';
import {
  availableMeetingActions,
  availableMinutesActions,
  meetingTransition,
  minutesTransition,
  type MeetingAction,
  type MinutesAction,
} from './meetings.workflow.ts';
import { occurrences } from './meetings.recurrence.ts';
import { localToUtc, utcToLocal } from '../../core/dates/amsterdam.ts';
import { documentChoices, dossiersOf, signalChoices, type LinkChoice } from './meetings.links.ts';
import { queueMeetingMails } from './meetings.calendar.ts';
import type { ActionPointInput, AgendaItemInput, GuestInput, MeetingInput, RhythmInput } from './meetings.forms.ts';

export type { Meeting, AgendaItem, Minutes, ActionPoint, MeetingRhythm };

/** A rule of the meetings domain was not met. */
export class MeetingError extends DomainError {}

function notFound(what: string): never {
  throw new NotFoundError(what);
}

const actorRole = (actor: Actor) => ({ role: actor.role, isPlatformAdmin: actor.isPlatformAdmin });

/** Days before the due date on which the owner of an open action point gets a reminder. */
export const ACTION_REMINDER_DAYS_BEFORE = 3;

/**
 * Invitations and change mails with the iCalendar attachment (meetings.calendar.ts), to members
 * and guests. Called inside the transaction of the change, after it, so SEQUENCE is already raised
 * and the mail goes out only if the change is committed.
 */
async function notifyAttendees(tx: Tx, deps: Deps, meetingId: string, method: 'REQUEST' | 'CANCEL', kind: 'invitation' | 'update' = 'invitation'): Promise<void> {
  await queueMeetingMails(tx, deps, meetingId, method, { kind });
}

// ------------------------------------------------------------------ reading

export async function findMeeting(db: DbOrTx, council: Council, id: string, opts: { lock?: boolean } = {}): Promise<Meeting | null> {
  if (!isUuid(id)) return null;
  const q = db
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, id), eq(meetings.councilId, council.id)))
    .limit(1);
  const rows = opts.lock ? await q.for('update') : await q;
  return rows[0] ?? null;
}

export async function getRhythm(db: DbOrTx, council: Council): Promise<MeetingRhythm | null> {
  const [r] = await db.select().from(meetingRhythms).where(eq(meetingRhythms.councilId, council.id)).limit(1);
  return r ?? null;
}

/** Every meeting of the council (workspace); coming ones first in date order, then past ones, newest first. */
export async function listMeetings(deps: Deps, args: { actor: Actor | null; council: Council; now?: Date }) {
  assertCan(args.actor, 'meetings.view');
  return splitByTime(await deps.db.select().from(meetings).where(eq(meetings.councilId, args.council.id)).orderBy(asc(meetings.startsAt)), args.now);
}

function splitByTime(rows: Meeting[], now = new Date()) {
  return {
    coming: rows.filter((m) => m.endsAt.getTime() >= now.getTime()),
    past: rows.filter((m) => m.endsAt.getTime() < now.getTime()).reverse(),
  };
}

export type AgendaItemView = AgendaItem & {
  guests: AgendaGuest[];
  advices: { id: string; reference: string; subject: string }[];
  documents: LinkChoice[];
  signalIds: string[];
};

async function agendaOf(deps: Deps, council: Council, meetingId: string, actor: Actor | null): Promise<AgendaItemView[]> {
  const db = deps.db;
  const items = await db
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.councilId, council.id), eq(agendaItems.meetingId, meetingId)))
    .orderBy(asc(agendaItems.position));
  if (items.length === 0) return [];
  const itemIds = items.map((i) => i.id);
  const [guests, adviceLinks, docLinks, signalLinks] = await Promise.all([
    db.select().from(agendaGuests).where(and(eq(agendaGuests.councilId, council.id), inArray(agendaGuests.agendaItemId, itemIds))).orderBy(asc(agendaGuests.createdAt)),
    db
      .select({ itemId: agendaItemAdvices.agendaItemId, id: advices.id, reference: advices.reference, subject: advices.subject })
      .from(agendaItemAdvices)
      .innerJoin(advices, and(eq(advices.id, agendaItemAdvices.adviceId), eq(advices.councilId, council.id)))
      .where(inArray(agendaItemAdvices.agendaItemId, itemIds))
      .orderBy(asc(advices.reference)),
    db.select().from(agendaItemDocuments).where(and(eq(agendaItemDocuments.councilId, council.id), inArray(agendaItemDocuments.agendaItemId, itemIds))),
    db.select().from(agendaItemSignals).where(and(eq(agendaItemSignals.councilId, council.id), inArray(agendaItemSignals.agendaItemId, itemIds))),
  ]);
  // Only the documents this actor may see are shown (a closed document stays hidden from members).
  const docIds = [...new Set(docLinks.map((d) => d.documentId))];
  const visible = docIds.length ? await documentChoices(deps, { council, actor, ids: docIds }) : [];
  return items.map((i) => ({
    ...i,
    guests: guests.filter((g) => g.agendaItemId === i.id),
    advices: adviceLinks.filter((a) => a.itemId === i.id).map(({ id, reference, subject }) => ({ id, reference, subject })),
    documents: visible.filter((d) => docLinks.some((l) => l.agendaItemId === i.id && l.documentId === d.id)),
    signalIds: signalLinks.filter((s) => s.agendaItemId === i.id).map((s) => s.signalId),
  }));
}

export type MemberOption = { membershipId: string; name: string };

async function councilMembers(db: DbOrTx, council: Council): Promise<MemberOption[]> {
  return db
    .select({ membershipId: memberships.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.councilId, council.id), eq(memberships.active, true), inArray(memberships.role, ['chair', 'secretary', 'member'])))
    .orderBy(asc(users.name));
}


async function minutesOf(db: DbOrTx, council: Council, meetingId: string) {
  const [m] = await db
    .select()
    .from(minutes)
    .where(and(eq(minutes.councilId, council.id), eq(minutes.meetingId, meetingId)))
    .limit(1);
  if (!m) return null;
  const [decisions, points] = await Promise.all([
    db.select().from(minuteDecisions).where(eq(minuteDecisions.minutesId, m.id)).orderBy(asc(minuteDecisions.createdAt)),
    db
      .select({ point: actionPoints, ownerName: users.name })
      .from(actionPoints)
      .leftJoin(memberships, eq(memberships.id, actionPoints.ownerMembershipId))
      .leftJoin(users, eq(users.id, memberships.userId))
      .where(eq(actionPoints.minutesId, m.id))
      .orderBy(asc(actionPoints.createdAt)),
  ]);
  return { minutes: m, decisions, actionPoints: points.map((p) => ({ ...p.point, ownerName: p.ownerName })) };
}

export type MeetingDetail = {
  meeting: Meeting;
  local: { date: string; start: string; end: string };
  agenda: AgendaItemView[];
  actions: MeetingAction[];
  minutes: Awaited<ReturnType<typeof minutesOf>>;
  minutesActions: MinutesAction[];
  attendance: { mine: 'yes' | 'no' | 'maybe' | null; yes: number; no: number; maybe: number; list: { name: string; answer: string }[] };
  myNote: string | null;
  mayAttend: boolean;
  /** For the board's forms. */
  members: MemberOption[];
  otherMeetings: { id: string; title: string; startsAt: Date }[];
  /** Document folders linked to this meeting (documents module). */
  dossiers: { id: string; name: string }[];
};

export function localTimes(m: Pick<Meeting, 'startsAt' | 'endsAt'>) {
  const s = utcToLocal(m.startsAt);
  return { date: s.date, start: s.time, end: utcToLocal(m.endsAt).time };
}

export async function getMeeting(deps: Deps, args: { actor: Actor | null; council: Council; id: string }): Promise<MeetingDetail> {
  const { actor, council } = args;
  assertCan(actor, 'meetings.view');
  const meeting = (await findMeeting(deps.db, council, args.id)) ?? notFound('meeting');
  const db = deps.db;
  const manage = can(actor, 'meetings.manage');
  const [agenda, mins, answers, note, members, others, dossiers] = await Promise.all([
    agendaOf(deps, council, meeting.id, actor),
    minutesOf(db, council, meeting.id),
    db
      .select({ membershipId: meetingAttendance.membershipId, answer: meetingAttendance.answer, name: users.name })
      .from(meetingAttendance)
      .innerJoin(memberships, eq(memberships.id, meetingAttendance.membershipId))
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(meetingAttendance.councilId, council.id), eq(meetingAttendance.meetingId, meeting.id)))
      .orderBy(asc(users.name)),
    // Private notes: only ever the actor's own.
    actor.membershipId
      ? db
          .select({ body: meetingNotes.body })
          .from(meetingNotes)
          .where(and(eq(meetingNotes.meetingId, meeting.id), eq(meetingNotes.membershipId, actor.membershipId)))
          .limit(1)
      : Promise.resolve([]),
    manage ? councilMembers(db, council) : Promise.resolve([]),
    manage
      ? db
          .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt })
          .from(meetings)
          .where(and(eq(meetings.councilId, council.id), ne(meetings.id, meeting.id), gt(meetings.startsAt, meeting.startsAt), ne(meetings.status, 'cancelled')))
          .orderBy(asc(meetings.startsAt))
          .limit(12)
      : Promise.resolve([]),
    dossiersOf(deps, { council, actor, meetingId: meeting.id }),
  ]);
  const count = (a: string) => answers.filter((x) => x.answer === a).length;
  return {
    meeting,
    local: localTimes(meeting),
    agenda,
    actions: availableMeetingActions(meeting.status, actorRole(actor)),
    minutes: mins,
    minutesActions: availableMinutesActions(mins?.minutes.status ?? 'draft', actorRole(actor)),
    attendance: {
      mine: answers.find((a) => a.membershipId === actor.membershipId)?.answer ?? null,
      yes: count('yes'),
      no: count('no'),
      maybe: count('maybe'),
      list: answers.map((a) => ({ name: a.name, answer: a.answer })),
    },
    myNote: note[0]?.body ?? null,
    mayAttend: can(actor, 'meetings.attend') && Boolean(actor.membershipId),
    members,
    otherMeetings: others,
    dossiers,
  };
}

/** Choices for the agenda item form: this council's advices, signals to discuss, visible documents. */
export async function agendaChoices(deps: Deps, args: { actor: Actor | null; council: Council }) {
  assertCan(args.actor, 'meetings.manage');
  const [adviceRows, signals, documents] = await Promise.all([
    deps.db
      .select({ id: advices.id, title: sql<string>`${advices.reference} || ' ' || ${advices.subject}` })
      .from(advices)
      .where(eq(advices.councilId, args.council.id))
      .orderBy(desc(advices.createdAt))
      .limit(200),
    signalChoices(deps, args.council),
    documentChoices(deps, { council: args.council, actor: args.actor }),
  ]);
  return { advices: adviceRows as LinkChoice[], signals, documents };
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

// ------------------------------------------------------------------ the public site

/** Public list: every meeting (cancelled ones marked), without online links. */
export async function listPublicMeetings(db: DbOrTx, council: Council, now = new Date()) {
  return splitByTime(await db.select().from(meetings).where(eq(meetings.councilId, council.id)).orderBy(asc(meetings.startsAt)), now);
}

/** A closed item shows only that there is a closed part: never its title, explanation, presenter or guests. */
export type PublicAgendaEntry = { kind: 'public'; item: AgendaItem } | { kind: 'closed' };

export async function getPublicMeeting(db: DbOrTx, council: Council, id: string) {
  const meeting = (await findMeeting(db, council, id)) ?? notFound('meeting');
  const items = await db
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.councilId, council.id), eq(agendaItems.meetingId, meeting.id)))
    .orderBy(asc(agendaItems.position));
  const agenda: PublicAgendaEntry[] = [];
  for (const item of items) {
    if (item.isPublic) agenda.push({ kind: 'public', item });
    // Consecutive closed items collapse into one line, so not even their number leaks.
    else if (agenda.at(-1)?.kind !== 'closed') agenda.push({ kind: 'closed' });
  }
  const [m] = await db
    .select()
    .from(minutes)
    .where(and(eq(minutes.councilId, council.id), eq(minutes.meetingId, meeting.id), eq(minutes.status, 'published')))
    .limit(1);
  const decisions = m
    ? await db
        .select({ text: minuteDecisions.text })
        .from(minuteDecisions)
        .where(and(eq(minuteDecisions.minutesId, m.id), eq(minuteDecisions.isPublic, true)))
        .orderBy(asc(minuteDecisions.createdAt))
    : [];
  return { meeting, local: localTimes(meeting), agenda, minutes: m ? { publicText: m.publicText, publishedAt: m.publishedAt, decisions: decisions.map((d) => d.text) } : null };
}

// ------------------------------------------------------------------ the rhythm

export async function saveRhythm(deps: Deps, args: { actor: Actor | null; council: Council; input: RhythmInput }): Promise<MeetingRhythm> {
  const { actor, council, input } = args;
  assertCan(actor, 'meetings.manage');
  return deps.db.transaction(async (tx) => {
    const values = { ...input, councilId: council.id, updatedAt: new Date() };
    const [row] = await tx
      .insert(meetingRhythms)
      .values(values)
      .onConflictDoUpdate({ target: meetingRhythms.councilId, set: { ...input, updatedAt: new Date() } })
      .returning();
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'meetings.rhythm.save', entity: 'meeting_rhythm', entityId: row!.id, data: { nth: input.nth, weekday: input.weekday } });
    return row!;
  });
}

/**
 * Creates the meetings of a year from the rhythm. Idempotent: a rule date that already has a
 * meeting (even one moved or cancelled since) gets no second one. Past dates are skipped.
 */
export async function generateYear(deps: Deps, args: { actor: Actor | null; council: Council; year: number; now?: Date }): Promise<number> {
  const { actor, council, year } = args;
  assertCan(actor, 'meetings.manage');
  const today = todayInAmsterdam(args.now);
  return deps.db.transaction(async (tx) => {
    // Serialise generation per council, so two clicks at once cannot both insert.
    await tx.execute(sql`select id from ${councils} where id = ${council.id} for update`);
    const rhythm = await getRhythm(tx, council);
    if (!rhythm) throw new MeetingError('noRhythm', 'meetings.error.noRhythm', 'year');
    const dates = occurrences(rhythm, year).filter((d) => d >= today);
    const existing = new Set(
      (await tx.select({ d: meetings.generatedFor }).from(meetings).where(and(eq(meetings.councilId, council.id), inArray(meetings.generatedFor, dates.length ? dates : ['1900-01-01'])))).map((r) => r.d),
    );
    const fresh = dates.filter((d) => !existing.has(d));
    for (const d of fresh) {
      const id = crypto.randomUUID();
      await tx.insert(meetings).values({
        id,
        councilId: council.id,
        rhythmId: rhythm.id,
        generatedFor: d,
        uid: `${id}@raadwerk`,
        title: rhythm.title,
        startsAt: localToUtc(d, rhythm.startTime),
        endsAt: localToUtc(d, rhythm.endTime),
        location: rhythm.location,
        mode: rhythm.mode,
        onlineUrl: rhythm.onlineUrl,
      });
    }
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'meetings.generate', entity: 'meeting_rhythm', entityId: rhythm.id, data: { year, created: fresh.length } });
    return fresh.length;
  });
}

// ------------------------------------------------------------------ single meetings

function checkTimes(input: MeetingInput) {
  const startsAt = localToUtc(input.date, input.startTime);
  const endsAt = localToUtc(input.date, input.endTime);
  if (endsAt.getTime() <= startsAt.getTime()) throw new MeetingError('endBeforeStart', 'meetings.error.endBeforeStart', 'endTime');
  return { startsAt, endsAt };
}

export async function addMeeting(deps: Deps, args: { actor: Actor | null; council: Council; input: MeetingInput }): Promise<Meeting> {
  const { actor, council, input } = args;
  assertCan(actor, 'meetings.manage');
  const { startsAt, endsAt } = checkTimes(input);
  return deps.db.transaction(async (tx) => {
    const id = crypto.randomUUID();
    const [m] = await tx
      .insert(meetings)
      .values({ id, councilId: council.id, uid: `${id}@raadwerk`, title: input.title, startsAt, endsAt, location: input.location, mode: input.mode, onlineUrl: input.onlineUrl })
      .returning();
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'meetings.add', entity: 'meeting', entityId: id, to: 'planned' });
    return m!;
  });
}

/** Runs one workflow action on a locked meeting, with its audit entry, in one transaction. */
async function runMeetingAction<T>(
  deps: Deps,
  args: { actor: Actor | null; council: Council; meetingId: string; action: MeetingAction },
  change: (tx: Tx, m: Meeting) => Promise<{ set?: Partial<typeof meetings.$inferInsert>; data?: Record<string, unknown>; after?: (tx: Tx, m: Meeting) => Promise<void>; result?: T }>,
): Promise<{ meeting: Meeting; result?: T }> {
  const { actor, council, action } = args;
  assertCan(actor, 'meetings.manage');
  const out = await deps.db.transaction(async (tx) => {
    const m = (await findMeeting(tx, council, args.meetingId, { lock: true })) ?? notFound('meeting');
    const step = meetingTransition(m.status, action, actorRole(actor));
    if (!step.ok) {
      if (step.reason === 'notAllowedForRole') throw new ForbiddenError(`meetings.${action}`);
      throw new MeetingError('notAllowedFromState', 'meetings.error.state');
    }
    const r = await change(tx, m);
    let meeting = m;
    if (r.set || step.to !== m.status) {
      [meeting] = (await tx
        .update(meetings)
        .set({ ...r.set, status: step.to, updatedAt: new Date() })
        .where(eq(meetings.id, m.id))
        .returning()) as [Meeting];
    }
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: `meetings.${action}`, entity: 'meeting', entityId: m.id, from: m.status, to: step.to, data: r.data });
    if (r.after) await r.after(tx, meeting);
    return { meeting, result: r.result };
  });
  deps.mailer.kick();
  return out;
}

/**
 * Moves or edits a planned meeting. A change attendees should hear about (time, place, mode, link)
 * raises the iCalendar SEQUENCE; once invited, they get the new version by mail.
 */
export async function changeMeeting(deps: Deps, args: { actor: Actor | null; council: Council; meetingId: string; input: MeetingInput }): Promise<Meeting> {
  const { input } = args;
  const { startsAt, endsAt } = checkTimes(input);
  const { meeting } = await runMeetingAction(deps, { ...args, action: 'move' }, async (_tx, m) => {
    const changed: string[] = (['title', 'location', 'mode', 'onlineUrl'] as const).filter((k) => m[k] !== input[k]);
    if (m.startsAt.getTime() !== startsAt.getTime()) changed.push('startsAt');
    if (m.endsAt.getTime() !== endsAt.getTime()) changed.push('endsAt');
    if (changed.length === 0) return {};
    return {
      set: { title: input.title, startsAt, endsAt, location: input.location, mode: input.mode, onlineUrl: input.onlineUrl, sequence: m.sequence + 1 },
      data: { changed },
      after: async (tx, updated) => {
        if (updated.invitedAt) await notifyAttendees(tx, deps, updated.id, 'REQUEST', 'update');
      },
    };
  });
  return meeting;
}

export async function cancelMeeting(deps: Deps, args: { actor: Actor | null; council: Council; meetingId: string }): Promise<Meeting> {
  const { meeting } = await runMeetingAction(deps, { ...args, action: 'cancel' }, async (_tx, m) => ({
    set: { sequence: m.sequence + 1 },
    after: async (tx, updated) => {
      if (updated.invitedAt) await notifyAttendees(tx, deps, updated.id, 'CANCEL');
    },
  }));
  return meeting;
}

/** Sends the invitation (with the agenda so far); sending again sends it again, same UID and SEQUENCE. */
export async function inviteMeeting(deps: Deps, args: { actor: Actor | null; council: Council; meetingId: string }): Promise<Meeting> {
  const { meeting } = await runMeetingAction(deps, { ...args, action: 'invite' }, async () => ({
    set: { invitedAt: new Date() },
    after: async (tx, updated) => notifyAttendees(tx, deps, updated.id, 'REQUEST'),
  }));
  return meeting;
}

export async function markHeld(deps: Deps, args: { actor: Actor | null; council: Council; meetingId: string; now?: Date }): Promise<Meeting> {
  const { meeting } = await runMeetingAction(deps, { ...args, action: 'markHeld' }, async (_tx, m) => {
    if (m.startsAt.getTime() > (args.now ?? new Date()).getTime()) throw new MeetingError('notYetHeld', 'meetings.error.notYetHeld');
    return {};
  });
  return meeting;
}

// ------------------------------------------------------------------ the agenda

/**
 * Checks every link: advices of this council, documents the actor may see, signals the council
 * has to discuss (or already linked to this item). Unknown ids are refused, not ignored. Runs
 * before the transaction: the other modules read through their own connection (PGlite has one).
 */
async function checkLinks(deps: Deps, args: { council: Council; actor: Actor | null }, input: AgendaItemInput, itemId?: string) {
  const { council } = args;
  const tx = deps.db;
  const unknown = (field: string) => new MeetingError('unknownLink', 'meetings.error.unknownLink', field);
  const adviceIds = [...new Set(input.adviceIds)];
  if (adviceIds.length) {
    const found = await tx
      .select({ id: advices.id })
      .from(advices)
      .where(and(eq(advices.councilId, council.id), inArray(advices.id, adviceIds)));
    if (found.length !== adviceIds.length) throw unknown('adviceIds');
  }
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

async function agendaChange<T>(deps: Deps, args: { actor: Actor | null; council: Council; meetingId: string }, change: (tx: Tx, m: Meeting) => Promise<T>): Promise<T> {
  const { result } = await runMeetingAction(deps, { ...args, action: 'editAgenda' }, async (tx, m) => ({ result: await change(tx, m) }));
  return result as T;
}

export async function addAgendaItem(deps: Deps, args: { actor: Actor | null; council: Council; meetingId: string; input: AgendaItemInput }): Promise<AgendaItem> {
  assertCan(args.actor, 'meetings.manage');
  await checkLinks(deps, args, args.input);
  return agendaChange(deps, args, async (tx, m) => {
    const [last] = await tx
      .select({ max: sql<number | null>`max(${agendaItems.position})` })
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, m.id));
    const [item] = await tx
      .insert(agendaItems)
      .values({ ...itemValues(args.input), councilId: args.council.id, meetingId: m.id, position: Number(last?.max ?? 0) + 1 })
      .returning();
    await writeLinks(tx, args.council, item!.id, args.input);
    return item!;
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
    if (!isUuid(args.guestId)) notFound('guest');
    const gone = await tx
      .delete(agendaGuests)
      .where(and(eq(agendaGuests.id, args.guestId), eq(agendaGuests.agendaItemId, item.id)))
      .returning({ id: agendaGuests.id });
    if (!gone.length) notFound('guest');
  });
}

// ------------------------------------------------------------------ members: attendance and notes

function ownMembership(actor: Actor | null, action: 'meetings.attend'): asserts actor is Actor & { membershipId: string } {
  assertCan(actor, action);
  // Attendance and notes belong to a membership; a platform admin without one has none.
  if (!actor.membershipId) throw new ForbiddenError(action);
}

export async function setAttendance(deps: Deps, args: { actor: Actor | null; council: Council; meetingId: string; answer: 'yes' | 'no' | 'maybe' }) {
  const { actor, council } = args;
  ownMembership(actor, 'meetings.attend');
  await deps.db.transaction(async (tx) => {
    const m = (await findMeeting(tx, council, args.meetingId)) ?? notFound('meeting');
    if (m.status !== 'planned') throw new MeetingError('notPlanned', 'meetings.error.state');
    await tx
      .insert(meetingAttendance)
      .values({ councilId: council.id, meetingId: m.id, membershipId: actor.membershipId, answer: args.answer })
      .onConflictDoUpdate({ target: [meetingAttendance.meetingId, meetingAttendance.membershipId], set: { answer: args.answer, updatedAt: new Date() } });
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'meetings.attendance', entity: 'meeting', entityId: m.id, data: { answer: args.answer } });
  });
}

/** Saves the actor's private note; an empty note is removed. The audit entry never holds the text: only the author may read it. */
export async function saveNote(deps: Deps, args: { actor: Actor | null; council: Council; meetingId: string; body: string }) {
  const { actor, council } = args;
  ownMembership(actor, 'meetings.attend');
  await deps.db.transaction(async (tx) => {
    const m = (await findMeeting(tx, council, args.meetingId)) ?? notFound('meeting');
    const key = and(eq(meetingNotes.meetingId, m.id), eq(meetingNotes.membershipId, actor.membershipId));
    if (args.body === '') await tx.delete(meetingNotes).where(key);
    else
      await tx
        .insert(meetingNotes)
        .values({ councilId: council.id, meetingId: m.id, membershipId: actor.membershipId, body: args.body })
        .onConflictDoUpdate({ target: [meetingNotes.meetingId, meetingNotes.membershipId], set: { body: args.body, updatedAt: new Date() } });
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: args.body === '' ? 'meetings.note.remove' : 'meetings.note.save', entity: 'meeting', entityId: m.id });
  });
}

// ------------------------------------------------------------------ minutes

/** Runs a minutes action (the minutes are created on first use), with its audit entry. */
async function minutesChange<T>(
  deps: Deps,
  args: { actor: Actor | null; council: Council; meetingId: string; action: MinutesAction },
  change: (tx: Tx, mins: Minutes, meeting: Meeting) => Promise<{ set?: Partial<typeof minutes.$inferInsert>; result?: T }>,
): Promise<T | undefined> {
  const { actor, council, action } = args;
  assertCan(actor, 'meetings.manage');
  return deps.db.transaction(async (tx) => {
    const meeting = (await findMeeting(tx, council, args.meetingId, { lock: true })) ?? notFound('meeting');
    if (meeting.status === 'cancelled') throw new MeetingError('cancelled', 'meetings.error.state');
    await tx.insert(minutes).values({ councilId: council.id, meetingId: meeting.id }).onConflictDoNothing();
    const [mins] = await tx.select().from(minutes).where(eq(minutes.meetingId, meeting.id)).for('update');
    const step = minutesTransition(mins!.status, action, actorRole(actor));
    if (!step.ok) {
      if (step.reason === 'notAllowedForRole') throw new ForbiddenError(`minutes.${action}`);
      throw new MeetingError('minutesState', 'meetings.error.minutesState');
    }
    const r = await change(tx, mins!, meeting);
    await tx
      .update(minutes)
      .set({ ...r.set, status: step.to, updatedAt: new Date() })
      .where(eq(minutes.id, mins!.id));
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: `minutes.${action}`, entity: 'minutes', entityId: mins!.id, from: mins!.status, to: step.to });
    return r.result;
  });
}

export async function saveMinutesText(deps: Deps, args: { actor: Actor | null; council: Council; meetingId: string; publicText: string; closedText: string }) {
  await minutesChange(deps, { ...args, action: 'draft' }, async () => ({ set: { publicText: args.publicText, closedText: args.closedText } }));
}

export async function addDecision(deps: Deps, args: { actor: Actor | null; council: Council; meetingId: string; text: string; agendaItemId: string | null; isPublic: boolean }) {
  await minutesChange(deps, { ...args, action: 'draft' }, async (tx, mins, meeting) => {
    if (args.agendaItemId && !(await findAgendaItem(tx, args.council, meeting.id, args.agendaItemId))) throw new MeetingError('unknownItem', 'meetings.error.unknownLink', 'agendaItemId');
    await tx.insert(minuteDecisions).values({ councilId: args.council.id, minutesId: mins.id, agendaItemId: args.agendaItemId, text: args.text, isPublic: args.isPublic });
    return {};
  });
}

export async function addActionPoint(deps: Deps, args: { actor: Actor | null; council: Council; meetingId: string; input: ActionPointInput }) {
  await minutesChange(deps, { ...args, action: 'draft' }, async (tx, mins) => {
    const [owner] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.id, args.input.ownerMembershipId), eq(memberships.councilId, args.council.id), eq(memberships.active, true)));
    if (!owner) throw new MeetingError('unknownOwner', 'meetings.error.unknownOwner', 'ownerMembershipId');
    await tx.insert(actionPoints).values({ councilId: args.council.id, minutesId: mins.id, text: args.input.action, ownerMembershipId: owner.id, dueOn: args.input.dueOn });
    return {};
  });
}

/** Approval happens in a later meeting of the same council; that meeting is recorded. */
export async function approveMinutes(deps: Deps, args: { actor: Actor | null; council: Council; meetingId: string; approvedInMeetingId: string }) {
  await minutesChange(deps, { ...args, action: 'approve' }, async (tx, _mins, meeting) => {
    const later = await findMeeting(tx, args.council, args.approvedInMeetingId);
    if (!later || later.status === 'cancelled' || later.startsAt.getTime() <= meeting.startsAt.getTime()) {
      throw new MeetingError('approvedIn', 'meetings.error.approvedIn', 'approvedInMeetingId');
    }
    return { set: { approvedInMeetingId: later.id, approvedAt: new Date() } };
  });
}

export async function publishMinutes(deps: Deps, args: { actor: Actor | null; council: Council; meetingId: string }) {
  await minutesChange(deps, { ...args, action: 'publish' }, async () => ({ set: { publishedAt: new Date() } }));
}

/** The owner marks an action point done (the board may too); done twice changes nothing. */
export async function markActionPointDone(deps: Deps, args: { actor: Actor | null; council: Council; actionPointId: string }) {
  const { actor, council } = args;
  assertCan(actor, 'meetings.attend');
  if (!isUuid(args.actionPointId)) notFound('actionPoint');
  await deps.db.transaction(async (tx) => {
    const [p] = await tx
      .select()
      .from(actionPoints)
      .where(and(eq(actionPoints.id, args.actionPointId), eq(actionPoints.councilId, council.id)))
      .for('update');
    if (!p) notFound('actionPoint');
    if (p.ownerMembershipId !== actor.membershipId && !can(actor, 'meetings.manage')) throw new ForbiddenError('actionPoint.done');
    if (p.doneAt) throw new MeetingError('alreadyDone', 'meetings.error.alreadyDone');
    await tx.update(actionPoints).set({ doneAt: new Date(), doneBy: actor.userId }).where(eq(actionPoints.id, p.id));
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'meetings.actionPoint.done', entity: 'action_point', entityId: p.id });
  });
}

/** Open action points of one member, for their dashboard. */
export async function openActionPointsOf(db: DbOrTx, council: Council, membershipId: string | null) {
  if (!membershipId) return [];
  return db
    .select({ id: actionPoints.id, text: actionPoints.text, dueOn: actionPoints.dueOn, meetingId: minutes.meetingId })
    .from(actionPoints)
    .innerJoin(minutes, eq(minutes.id, actionPoints.minutesId))
    .where(and(eq(actionPoints.councilId, council.id), eq(actionPoints.ownerMembershipId, membershipId), isNull(actionPoints.doneAt)))
    .orderBy(asc(actionPoints.dueOn));
}

/** The meeting an action point belongs to (to redirect back to it). */
export async function meetingOfActionPoint(db: DbOrTx, council: Council, actionPointId: string): Promise<string | null> {
  if (!isUuid(actionPointId)) return null;
  const [r] = await db
    .select({ meetingId: minutes.meetingId })
    .from(actionPoints)
    .innerJoin(minutes, eq(minutes.id, actionPoints.minutesId))
    .where(and(eq(actionPoints.id, actionPointId), eq(actionPoints.councilId, council.id)));
  return r?.meetingId ?? null;
}

/**
 * Reminders to owners of open action points: once 3 days before the due date and once on the
 * day after it (overdue). Each reminder is recorded under a unique key, so it goes out once,
 * also with several instances or after a missed run (a missed "before" day is caught up until the due date).
 */
export async function sendActionPointReminders(deps: Deps, now = new Date()): Promise<number> {
  const today = todayInAmsterdam(now);
  const nl = translator('nl');
  const open = await deps.db
    .select({ point: actionPoints, email: users.email, name: users.name, councilName: councils.name, slug: councils.slug, meetingId: minutes.meetingId })
    .from(actionPoints)
    .innerJoin(minutes, eq(minutes.id, actionPoints.minutesId))
    .innerJoin(memberships, and(eq(memberships.id, actionPoints.ownerMembershipId), eq(memberships.active, true)))
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(councils, eq(councils.id, actionPoints.councilId))
    .where(and(isNull(actionPoints.doneAt), lte(actionPoints.dueOn, addDays(today, ACTION_REMINDER_DAYS_BEFORE)), gte(actionPoints.dueOn, addDays(today, -30))));
  let sent = 0;
  for (const r of open) {
    const due = r.point.dueOn!;
    const kind = due < today ? 'overdue' : 'before';
    const done = await deps.db.transaction(async (tx) => {
      const inserted = await tx
        .insert(actionPointReminders)
        .values({ councilId: r.point.councilId, actionPointId: r.point.id, kind })
        .onConflictDoNothing()
        .returning({ id: actionPointReminders.actionPointId });
      if (!inserted.length) return false;
      const params = {
        name: r.name,
        council: r.councilName,
        text: r.point.text,
        due: formatDate(due, 'nl'),
        link: `${deps.config.baseUrl}/${r.slug}/werkruimte/vergaderingen/${r.meetingId}#actiepunten`,
      };
      await deps.mailer.queue(tx, {
        councilId: r.point.councilId,
        to: r.email,
        subject: nl(kind === 'overdue' ? 'meetings.mail.overdue.subject' : 'meetings.mail.before.subject', params),
        body: nl(kind === 'overdue' ? 'meetings.mail.overdue.body' : 'meetings.mail.before.body', params),
      });
      await audit(tx, { councilId: r.point.councilId, actorUserId: null, action: `meetings.actionPoint.reminder.${kind}`, entity: 'action_point', entityId: r.point.id });
      return true;
    });
    if (done) sent++;
  }
  if (sent) deps.mailer.kick();
  return sent;
}
