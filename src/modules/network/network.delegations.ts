/**
 * Members the council sends as delegates to a regional body (one on the platform, or an outside
 * name), and their reports back: each becomes an item of the council's next meeting (through the
 * meetings module's public surface), or waits as "nog niet geagendeerd" until a meeting is planned.
 */
import { and, asc, desc, eq, gte, inArray, isNull, or } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/index.ts';
import type { Deps } from '../../core/deps.ts';
import { assertCan, can, type Actor } from '../../core/policy.ts';
import { DomainError } from '../../core/errors.ts';
import { audit } from '../../core/audit/audit.ts';
import { users } from '../../core/auth/auth.schema.ts';
import { councils, memberships, type Council } from '../../core/organisations.schema.ts';
import { todayInAmsterdam } from '../../core/dates/working-days.ts';
import { findInCouncil } from '../../core/db/find.ts';
import { translator } from '../../core/i18n/index.ts';
import { addItemToMeeting, agendaItemRefs, comingMeetings, placeOnNextMeeting, type AgendaItemRef, type ItemToPlace } from '../meetings/index.ts';
import type { DelegationInput, ReportBackInput } from './network.forms.ts';
import { delegationReports, delegations, type DelegationReport } from './network.schema.ts';

type Use = { actor: Actor | null; council: Council };

/** Regional bodies on the platform a delegate can be sent to. */
export function regionalBodies(db: DbOrTx) {
  return db.select({ id: councils.id, name: councils.name, slug: councils.slug }).from(councils).where(eq(councils.kind, 'regionaal')).orderBy(asc(councils.name));
}

/** Delegations of these councils (or these ids); `current` keeps those without an end or ending today or later. */
async function delegationRows(db: DbOrTx, where: { councilId: string; ids?: string[]; current?: boolean }) {
  const conditions = [eq(delegations.councilId, where.councilId)];
  if (where.ids) conditions.push(inArray(delegations.id, where.ids));
  if (where.current) conditions.push(or(isNull(delegations.endsOn), gte(delegations.endsOn, todayInAmsterdam()))!);
  const rows = await db
    .select({ d: delegations, member: users.name, bodyName: councils.name, bodySlug: councils.slug })
    .from(delegations)
    .innerJoin(memberships, eq(memberships.id, delegations.membershipId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(councils, eq(councils.id, delegations.bodyCouncilId))
    .where(and(...conditions))
    .orderBy(asc(delegations.startsOn));
  return rows.map((r) => ({ ...r.d, member: r.member, body: r.bodyName ?? r.d.bodyName, bodySlug: r.bodySlug }));
}

/** The council's delegations, with the delegate's name (workspace and public network page). */
export function listDelegations(db: DbOrTx, councilId: string, opts: { current?: boolean } = {}) {
  return delegationRows(db, { councilId, current: opts.current });
}
export type DelegationRow = Awaited<ReturnType<typeof listDelegations>>[number];

/** The current delegations this actor may report back on: a member their own, the board every one. */
export function reportableOf(rows: DelegationRow[], actor: Actor | null, today = todayInAmsterdam()): DelegationRow[] {
  if (!actor || !can(actor, 'network.record')) return [];
  return rows.filter((d) => (d.endsOn === null || d.endsOn >= today) && (d.membershipId === actor.membershipId || can(actor, 'network.manage')));
}

/** The current delegations for the public about page: which body, which role, since when; no names. */
export async function publicDelegations(db: DbOrTx, councilId: string) {
  return (await delegationRows(db, { councilId, current: true })).map((d) => ({ id: d.id, body: d.body, bodySlug: d.bodySlug, role: d.role, startsOn: d.startsOn }));
}
export type PublicDelegation = Awaited<ReturnType<typeof publicDelegations>>[number];

export async function addDelegation(deps: Deps, args: Use & { input: DelegationInput }): Promise<void> {
  const { actor, council, input } = args;
  assertCan(actor, 'network.manage');
  const [m] = await deps.db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.id, input.membershipId), eq(memberships.councilId, council.id), eq(memberships.active, true)));
  if (!m) throw new DomainError('unknownMember', 'network.error.unknownMember', 'membershipId');
  if (input.bodyCouncilId && !(await regionalBodies(deps.db)).some((b) => b.id === input.bodyCouncilId)) throw new DomainError('unknownBody', 'network.error.unknownBody', 'bodyCouncilId');
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(delegations)
      .values({
        councilId: council.id,
        membershipId: m.id,
        bodyCouncilId: input.bodyCouncilId,
        bodyName: input.bodyCouncilId ? '' : input.bodyName,
        role: input.role,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
      })
      .returning();
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'delegation.added', entity: 'delegation', entityId: row!.id });
  });
}

// ------------------------------------------------------------------ reports back

/** The agenda item a report becomes: "Terugkoppeling Regionaal platform Werk en Inkomen", presented by the delegate. */
function itemOf(report: Pick<DelegationReport, 'text' | 'isPublic'>, d: { body: string; member: string }): ItemToPlace {
  const t = translator('nl');
  return { title: t('network.report.itemTitle', { body: d.body }).slice(0, 200), explanation: report.text, presenter: d.member, isPublic: report.isPublic };
}

/** Records the agenda item on the report; refuses (and so rolls the item back) when another run placed it first. */
const linkItem = (reportId: string) => async (tx: DbOrTx, placed: AgendaItemRef) => {
  const done = await tx
    .update(delegationReports)
    .set({ agendaItemId: placed.id, placedAt: new Date() })
    .where(and(eq(delegationReports.id, reportId), isNull(delegationReports.agendaItemId)))
    .returning({ id: delegationReports.id });
  if (!done.length) throw new DomainError('alreadyPlaced', 'network.error.reportPlaced');
};

/**
 * The delegate (or the board for them) reports back from the regional body. The report goes on
 * the agenda of the next meeting not yet held at once; without one it waits for the next meeting
 * planned (placeWaitingReports) or for the board to place it by hand.
 */
export async function recordReportBack(deps: Deps, args: Use & { input: ReportBackInput; now?: Date }): Promise<AgendaItemRef | null> {
  const { actor, council, input } = args;
  assertCan(actor, 'network.record');
  const [d] = await delegationRows(deps.db, { councilId: council.id, ids: [input.delegationId] });
  if (!d) throw new DomainError('unknownDelegation', 'network.error.unknownDelegation', 'delegationId');
  if (d.membershipId !== actor.membershipId && !can(actor, 'network.manage')) throw new DomainError('notYourDelegation', 'network.error.notYourDelegation', 'delegationId');
  const report = await deps.db.transaction(async (tx) => {
    const [row] = await tx.insert(delegationReports).values({ councilId: council.id, delegationId: d.id, text: input.text, isPublic: !input.closed, recordedByUserId: actor.userId }).returning();
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'delegationReport.recorded', entity: 'delegationReport', entityId: row!.id, data: { delegationId: d.id } });
    return row!;
  });
  return placeOnNextMeeting(deps, { council, userId: actor.userId, item: itemOf(report, d), now: args.now, record: linkItem(report.id) });
}

/**
 * Reports still waiting go on the next meeting once one is planned. Safe on several instances:
 * a report another run placed first rolls this run's item back.
 */
export async function placeWaitingReports(deps: Deps, opts: { councilId?: string; now?: Date } = {}): Promise<number> {
  const where = [isNull(delegationReports.placedAt)];
  if (opts.councilId) where.push(eq(delegationReports.councilId, opts.councilId));
  const waiting = await deps.db
    .select({ report: delegationReports, council: councils })
    .from(delegationReports)
    .innerJoin(councils, eq(councils.id, delegationReports.councilId))
    .where(and(...where))
    .orderBy(asc(delegationReports.createdAt))
    .limit(500);
  let placed = 0;
  for (const { report, council } of waiting) {
    const [d] = await delegationRows(deps.db, { councilId: council.id, ids: [report.delegationId] });
    if (!d) continue;
    try {
      if (await placeOnNextMeeting(deps, { council, userId: report.recordedByUserId, item: itemOf(report, d), now: opts.now, record: linkItem(report.id) })) placed++;
    } catch (err) {
      if (!(err instanceof DomainError && err.code === 'alreadyPlaced')) throw err;
    }
  }
  return placed;
}

/** By hand: the board puts a waiting report on a coming meeting it chooses. */
export async function placeReportByHand(deps: Deps, args: Use & { reportId: string; meetingId: string }): Promise<void> {
  const { actor, council } = args;
  assertCan(actor, 'network.manage');
  const report = await findInCouncil(deps.db, delegationReports, council.id, args.reportId);
  if (!report) throw new DomainError('unknownReport', 'network.error.unknownReport', 'reportId');
  if (report.agendaItemId) throw new DomainError('alreadyPlaced', 'network.error.reportPlaced', 'reportId');
  if (!(await comingMeetings(deps.db, council.id, { limit: 100 })).some((m) => m.id === args.meetingId)) throw new DomainError('unknownMeeting', 'network.error.unknownMeeting', 'meetingId');
  const [d] = await delegationRows(deps.db, { councilId: council.id, ids: [report.delegationId] });
  // Claimed first: the agenda change below makes the meetings listener place waiting reports, and this one is not waiting any more.
  const claimed = await deps.db
    .update(delegationReports)
    .set({ placedAt: new Date() })
    .where(and(eq(delegationReports.id, report.id), isNull(delegationReports.agendaItemId)))
    .returning({ id: delegationReports.id });
  if (!claimed.length) throw new DomainError('alreadyPlaced', 'network.error.reportPlaced', 'reportId');
  let placed: AgendaItemRef;
  try {
    placed = await addItemToMeeting(deps, { actor, council, meetingId: args.meetingId, item: itemOf(report, d!) });
  } catch (err) {
    await deps.db.update(delegationReports).set({ placedAt: report.placedAt }).where(eq(delegationReports.id, report.id));
    throw err;
  }
  await deps.db.transaction(async (tx) => {
    await linkItem(report.id)(tx, placed);
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'delegationReport.placed', entity: 'delegationReport', entityId: report.id, data: { agendaItemId: placed.id } });
  });
}

export type ReportRow = DelegationReport & { body: string; member: string; item: AgendaItemRef | null };

/** The council's reports back, newest first, each with the agenda item it became (null: not yet on an agenda). */
export async function listReports(db: DbOrTx, councilId: string, limit = 50): Promise<ReportRow[]> {
  const rows = await db.select().from(delegationReports).where(eq(delegationReports.councilId, councilId)).orderBy(desc(delegationReports.createdAt)).limit(limit);
  if (!rows.length) return [];
  const [ds, items] = await Promise.all([
    delegationRows(db, { councilId, ids: [...new Set(rows.map((r) => r.delegationId))] }),
    agendaItemRefs(db, councilId, { ids: rows.flatMap((r) => (r.agendaItemId ? [r.agendaItemId] : [])) }),
  ]);
  return rows.map((r) => {
    const d = ds.find((x) => x.id === r.delegationId)!;
    return { ...r, body: d.body, member: d.member, item: items.find((i) => i.id === r.agendaItemId) ?? null };
  });
}
