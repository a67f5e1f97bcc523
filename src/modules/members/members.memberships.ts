/**
 * The people of a council: the public list of members, the members' page in the workspace
 * (invite, change role, deactivate), the dashboard figures, and the read functions other modules
 * use through index.ts (`activeMembers`, `boardOf`). Memberships are a core table (tenancy and
 * sign-in need them); the rules about them live here.
 */
import type { DashboardArgs, DashboardFigure } from '../../core/module.ts';
import { readAlone, type Read } from '../../core/read-together.ts';
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../core/db/index.ts';
import type { Deps } from '../../core/deps.ts';
import { assertCan, can, type Actor } from '../../core/policy.ts';
import { audit, type AuditEntry } from '../../core/audit/audit.ts';
import { isUuid } from '../../core/http/forms.ts';
import { users } from '../../core/auth/auth.schema.ts';
import { findOrCreateUserByEmail, issueInvitation } from '../../core/auth/auth.service.ts';
import { councils, memberships, type Council } from '../../core/organisations.schema.ts';
import { boardRoles, councilRoles, type Role } from '../../core/roles.ts';
import { todayInAmsterdam } from '../../core/dates/working-days.ts';
import { vacancies, vacancyApplications, workingGroupMembers, workingGroups } from './members.schema.ts';
import { BULK_INVITE_MAX, parseInviteLines, type BulkInviteInput, type InviteInput, type LineProblem, type MemberUpdateInput } from './members.forms.ts';
import { leavesNoBoard, passesCap, seatRoles, seatsLeft, takesSeat } from './members.workflow.ts';
import { DomainError, notFound } from '../../core/errors.ts';
import type { Locale } from '../../core/i18n/index.ts';

const roleOrder = sql`case ${memberships.role} when 'chair' then 0 when 'secretary' then 1 else 2 end`;

// ------------------------------------------------------------------ public site

export type PublicMember = { id: string; name: string; role: Role; targetGroup: string; groups: string[] };

export async function listPublicMembers(db: DbOrTx, council: Council): Promise<PublicMember[]> {
  const rows = await db
    .select({ id: memberships.id, name: users.name, role: memberships.role, targetGroup: memberships.targetGroup })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(publicMemberFilter(council.id))
    .orderBy(roleOrder, asc(users.name));
  const groups = rows.length
    ? await db
        .select({ membershipId: workingGroupMembers.membershipId, name: workingGroups.name })
        .from(workingGroupMembers)
        .innerJoin(workingGroups, eq(workingGroups.id, workingGroupMembers.workingGroupId))
        .where(and(eq(workingGroupMembers.councilId, council.id), eq(workingGroups.councilId, council.id)))
        .orderBy(asc(workingGroups.name))
    : [];
  return rows.map((r) => ({ ...r, groups: groups.filter((g) => g.membershipId === r.id).map((g) => g.name) }));
}

/** Active council members who agreed to be shown on the site. */
export function publicMemberFilter(councilId: string) {
  return and(eq(memberships.councilId, councilId), eq(memberships.active, true), eq(memberships.showOnSite, true), inArray(memberships.role, [...councilRoles]));
}

// ------------------------------------------------------------------ members (workspace)

export type MemberRow = {
  id: string;
  userId: string;
  name: string;
  email: string;
  role: Role;
  targetGroup: string;
  showOnSite: boolean;
  active: boolean;
  invitationPending: boolean;
};

const memberColumns = {
  id: memberships.id,
  userId: memberships.userId,
  name: users.name,
  email: users.email,
  role: memberships.role,
  targetGroup: memberships.targetGroup,
  showOnSite: memberships.showOnSite,
  active: memberships.active,
  invitationPending: sql<boolean>`(${users.passwordHash} is null)`,
};

/** What the actor may do on the members page: open a member, invite, change and stop members. */
export function membersMay(actor: Actor | null) {
  return { manage: can(actor, 'members.manage') };
}

export async function listMembers(deps: Deps, args: { actor: Actor | null; council: Council }): Promise<MemberRow[]> {
  assertCan(args.actor, 'members.view');
  return deps.db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.councilId, args.council.id))
    .orderBy(sql`${memberships.active} desc`, roleOrder, asc(users.name));
}

export async function getMember(deps: Deps, args: { actor: Actor | null; council: Council; id: string }): Promise<MemberRow> {
  assertCan(args.actor, 'members.manage');
  return (await findMember(deps.db, args.council, args.id)) ?? notFound('membership');
}

async function findMember(db: DbOrTx, council: Council, id: string): Promise<MemberRow | null> {
  if (!isUuid(id)) return null;
  const rows = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.id, id), eq(memberships.councilId, council.id)))
    .limit(1);
  return rows[0] ?? null;
}

/**
 * Invite someone: find or create their account, add the membership and send the invitation
 * mail, in one transaction. Someone who is (or was) a member already gets a clear message.
 */
export async function inviteMember(deps: Deps, args: { actor: Actor | null; council: Council; input: InviteInput }): Promise<{ membershipId: string; name: string; email: string }> {
  const { actor, council, input } = args;
  assertCan(actor, 'members.manage');
  const result = await deps.db.transaction(async (tx) => {
    const cap = await lockCouncil(tx, council.id);
    if (takesSeat(input.role)) await assertSeatsFree(tx, council.id, cap, 1, 'role');
    const user = await findOrCreateUserByEmail(tx, { email: input.email, name: input.name });
    const [existing] = await tx
      .select({ active: memberships.active })
      .from(memberships)
      .where(and(eq(memberships.councilId, council.id), eq(memberships.userId, user.id)))
      .limit(1);
    if (existing) throw existing.active ? new DomainError('alreadyMember', 'members.invite.alreadyMember', 'email') : new DomainError('formerMember', 'members.invite.formerMember', 'email');
    const [row] = await tx
      .insert(memberships)
      .values({ councilId: council.id, userId: user.id, role: input.role, targetGroup: input.targetGroup, joinedOn: todayInAmsterdam() })
      .onConflictDoNothing()
      .returning({ id: memberships.id });
    if (!row) throw new DomainError('alreadyMember', 'members.invite.alreadyMember', 'email');
    await sendInvitation(deps, tx, { actor, council, user, membershipId: row.id, role: input.role, inviter: await userName(tx, actor.userId) });
    return { membershipId: row.id, name: user.name, email: user.email };
  });
  deps.mailer.kick();
  return result;
}

async function sendInvitation(
  deps: Deps,
  tx: Tx,
  args: {
    actor: Actor;
    council: Council;
    user: { id: string; email: string; name: string; locale: 'nl' | 'en' };
    membershipId: string;
    role: Role;
    inviter: string;
  },
): Promise<void> {
  const { actor, council, user } = args;
  await issueInvitation(deps, tx, {
    userId: user.id,
    email: user.email,
    name: user.name,
    councilId: council.id,
    councilName: council.name,
    invitedByName: args.inviter,
    locale: user.locale,
  });
  await audit(tx, {
    councilId: council.id,
    actorUserId: actor.userId,
    action: 'member.invited',
    entity: 'membership',
    entityId: args.membershipId,
    to: args.role,
  });
}

// ------------------------------------------------------------------ member cap

/**
 * Locks the council's row, so invitations and reactivations of one council take their seats one
 * after the other (two at once cannot both take the last seat); returns the cap as it is now.
 */
async function lockCouncil(tx: Tx, councilId: string): Promise<number | null> {
  const [row] = await tx.select({ cap: councils.memberCap }).from(councils).where(eq(councils.id, councilId)).for('update');
  return row?.cap ?? null;
}

type SeatCounts = { active: number; invited: number };

/** Seats taken: chair and members who accepted, and open invitations for a seat, counted apart. */
async function seatCounts(db: DbOrTx, councilId: string, read: Read = readAlone): Promise<SeatCounts> {
  const [row] = await read(
    db
      .select({
        active: sql<number>`count(*) filter (where ${users.passwordHash} is not null)`,
        invited: sql<number>`count(*) filter (where ${users.passwordHash} is null)`,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.councilId, councilId), eq(memberships.active, true), inArray(memberships.role, [...seatRoles]))),
  );
  return { active: Number(row?.active ?? 0), invited: Number(row?.invited ?? 0) };
}

export type MemberCounts = SeatCounts & { cap: number | null; left: number | null };

/** What the members page and the dashboard say about seats: active, invited, the cap and what is left. */
export async function memberCounts(db: DbOrTx, council: Council): Promise<MemberCounts> {
  const counts = await seatCounts(db, council.id);
  return { ...counts, cap: council.memberCap, left: seatsLeft(council.memberCap, counts.active + counts.invited) };
}

/** Refuses when `adding` more seats would pass the cap. */
async function assertSeatsFree(tx: DbOrTx, councilId: string, cap: number | null, adding: number, field: string): Promise<void> {
  if (cap === null) return;
  const { active, invited } = await seatCounts(tx, councilId);
  if (passesCap(cap, active + invited, adding)) throw new DomainError('memberCapReached', 'members.cap.reached', { field, params: { cap } });
}

// ------------------------------------------------------------------ several invitations at once

type PlannedInvite = { line: number; name: string; email: string };
export type InvitePlan = { role: Role; people: PlannedInvite[]; problems: LineProblem[]; counts: MemberCounts };

/**
 * Checks a pasted list without storing anything: every line must name someone with a valid
 * address who is not (and was not) in this council, and together they must fit under the cap.
 */
export async function planInvites(deps: Deps, args: { actor: Actor | null; council: Council; input: BulkInviteInput }): Promise<InvitePlan> {
  assertCan(args.actor, 'members.manage');
  return planWith(deps.db, args.council, args.input, args.council.memberCap);
}

async function planWith(db: DbOrTx, council: Council, input: BulkInviteInput, cap: number | null): Promise<InvitePlan> {
  const lines = parseInviteLines(input.people);
  const problems: LineProblem[] = [];
  const people: PlannedInvite[] = [];
  for (const l of lines) {
    if (l.ok) people.push({ line: l.line, name: l.name, email: l.email });
    else problems.push(l.problem);
  }
  const emails = people.map((p) => p.email);
  const known = emails.length
    ? await db
        .select({ email: users.email, active: memberships.active })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.councilId, council.id), inArray(users.email, emails)))
    : [];
  for (const p of people) {
    const k = known.find((r) => r.email === p.email);
    if (k) problems.push({ key: k.active ? 'members.bulk.lineMember' : 'members.bulk.lineFormer', params: { line: p.line, email: p.email } });
  }
  problems.sort((a, b) => Number(a.params?.line ?? 0) - Number(b.params?.line ?? 0));
  if (lines.length > BULK_INVITE_MAX) problems.unshift({ key: 'members.bulk.tooMany', params: { max: BULK_INVITE_MAX, n: lines.length } });
  const seats = await seatCounts(db, council.id);
  const counts: MemberCounts = { ...seats, cap, left: seatsLeft(cap, seats.active + seats.invited) };
  const adding = takesSeat(input.role) ? people.length : 0;
  if (passesCap(cap, seats.active + seats.invited, adding)) problems.unshift({ key: 'members.bulk.capExceeded', params: { n: adding, left: counts.left ?? 0, cap: cap ?? 0 } });
  return { role: input.role, people, problems, counts };
}

/** The list was refused as a whole; `problems` says what is wrong, line by line. */
export class InvitesRefused extends DomainError {
  constructor(readonly problems: LineProblem[]) {
    super('invitesRefused', 'members.bulk.refused', 'people');
  }
}

/**
 * Invites everyone on the list with one role, in one transaction: each gets an account (if
 * needed), a membership and an invitation mail. Checked again under the council's lock; if any
 * line is wrong or the list passes the cap, nothing is stored.
 */
export async function inviteMany(deps: Deps, args: { actor: Actor | null; council: Council; input: BulkInviteInput }): Promise<{ invited: number }> {
  const { actor, council, input } = args;
  assertCan(actor, 'members.manage');
  const invited = await deps.db.transaction(async (tx) => {
    const cap = await lockCouncil(tx, council.id);
    const plan = await planWith(tx, council, input, cap);
    if (plan.problems.length || plan.people.length === 0) throw new InvitesRefused(plan.problems);
    const inviter = await userName(tx, actor.userId);
    const joinedOn = todayInAmsterdam();
    for (const p of plan.people) {
      const user = await findOrCreateUserByEmail(tx, { email: p.email, name: p.name });
      const [row] = await tx.insert(memberships).values({ councilId: council.id, userId: user.id, role: input.role, joinedOn }).onConflictDoNothing().returning({ id: memberships.id });
      if (!row) throw new InvitesRefused([{ key: 'members.bulk.lineMember', params: { line: p.line, email: p.email } }]);
      await sendInvitation(deps, tx, { actor, council, user, membershipId: row.id, role: input.role, inviter });
    }
    return plan.people.length;
  });
  deps.mailer.kick();
  return { invited };
}

async function userName(tx: DbOrTx, userId: string): Promise<string> {
  const [u] = await tx.select({ name: users.name }).from(users).where(eq(users.id, userId)).limit(1);
  return u?.name ?? '';
}

/** Locks the active chair and secretary memberships, so two changes cannot both remove "the other one". */
async function lockBoard(tx: Tx, councilId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.councilId, councilId), eq(memberships.active, true), inArray(memberships.role, [...boardRoles])))
    .for('update');
  return rows.map((r) => r.id);
}

/**
 * A board's change to one membership of this council. The active board is locked first, then the
 * membership; `change` applies the rules and says what to write and how to record it, or null when
 * nothing changes.
 */
async function changeMember(
  deps: Deps,
  args: { actor: Actor | null; council: Council; id: string },
  change: (tx: Tx, current: MemberRow, board: string[], actor: Actor) => Promise<{ set: Partial<typeof memberships.$inferInsert>; entry: Pick<AuditEntry, 'action' | 'from' | 'to' | 'data'> } | null>,
): Promise<void> {
  const { actor, council } = args;
  assertCan(actor, 'members.manage');
  await deps.db.transaction(async (tx) => {
    const board = await lockBoard(tx, council.id);
    const current = (await findMember(tx, council, args.id)) ?? notFound('membership');
    const changed = await change(tx, current, board, actor);
    if (!changed) return;
    await tx
      .update(memberships)
      .set(changed.set)
      .where(and(eq(memberships.id, current.id), eq(memberships.councilId, council.id)));
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, entity: 'membership', entityId: current.id, ...changed.entry });
  });
}

export async function updateMember(deps: Deps, args: { actor: Actor | null; council: Council; id: string; input: MemberUpdateInput }): Promise<void> {
  const { council, input } = args;
  await changeMember(deps, args, async (tx, current, board) => {
    const staysBoard = (boardRoles as readonly string[]).includes(input.role);
    if (current.active && !staysBoard && leavesNoBoard(board, current.id)) throw new DomainError('lastBoard', 'members.edit.lastBoard', 'role');
    const changed = (['role', 'targetGroup', 'showOnSite'] as const).filter((k) => current[k] !== input[k]);
    if (changed.length === 0) return null;
    if (current.active && takesSeat(input.role) && !takesSeat(current.role)) await assertSeatsFree(tx, council.id, await lockCouncil(tx, council.id), 1, 'role');
    const roleChanged = current.role !== input.role;
    return {
      set: { role: input.role, targetGroup: input.targetGroup, showOnSite: input.showOnSite },
      entry: { action: 'member.updated', from: roleChanged ? current.role : null, to: roleChanged ? input.role : null, data: { fields: changed } },
    };
  });
}

export async function setMemberActive(deps: Deps, args: { actor: Actor | null; council: Council; id: string; active: boolean }): Promise<void> {
  const { council, active } = args;
  await changeMember(deps, args, async (tx, current, board, actor) => {
    if (current.active === active) return null;
    if (active && takesSeat(current.role)) await assertSeatsFree(tx, council.id, await lockCouncil(tx, council.id), 1, 'status');
    if (!active) {
      if (current.id === actor.membershipId) throw new DomainError('notYourself', 'members.edit.notYourself', 'status');
      if (leavesNoBoard(board, current.id)) throw new DomainError('lastBoardDeactivate', 'members.edit.lastBoardDeactivate', 'status');
    }
    const state = (on: boolean) => (on ? 'active' : 'inactive');
    return { set: { active }, entry: { action: active ? 'member.reactivated' : 'member.deactivated', from: state(current.active), to: state(active) } };
  });
}

// ------------------------------------------------------------------ read functions for other modules

export type ActiveMember = { membershipId: string; userId: string; name: string; email: string; role: Role; locale: Locale };

/** The active members of a council with one of these roles (by default the council's own people), longest-serving first. */
export async function activeMembers(db: DbOrTx, councilId: string, roles: readonly Role[] = councilRoles, read: Read = readAlone): Promise<ActiveMember[]> {
  return read(
    db
      .select({ membershipId: memberships.id, userId: memberships.userId, name: users.name, email: users.email, role: memberships.role, locale: users.locale })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.councilId, councilId), eq(memberships.active, true), inArray(memberships.role, [...roles])))
      .orderBy(asc(memberships.createdAt)),
  );
}

export type BoardNames = { chair: string | null; secretary: string | null };

/** The names of the active chair and secretary (the longest-serving one, if a role is held twice). */
export async function boardOf(db: DbOrTx, councilId: string): Promise<BoardNames> {
  const rows = await activeMembers(db, councilId, boardRoles);
  return { chair: rows.find((r) => r.role === 'chair')?.name ?? null, secretary: rows.find((r) => r.role === 'secretary')?.name ?? null };
}

// ------------------------------------------------------------------ dashboard

type DashboardFigures = {
  /** Chair and members who accepted their invitation (not the secretary, officials or partner councils). */
  activeMembers: number;
  /** Invitations for a seat that nobody accepted yet. */
  openInvitations: number;
  memberCap: number | null;
  workingGroups: number;
  openVacancies: number;
  applications: number;
};

/** The members module's figures for the workspace dashboard. */
export async function dashboardFigures(db: DbOrTx, council: Council, read: Read = readAlone): Promise<DashboardFigures> {
  const [m, [w], [v], [a]] = await Promise.all([
    seatCounts(db, council.id, read),
    read(db.select({ n: count() }).from(workingGroups).where(eq(workingGroups.councilId, council.id))),
    read(
      db
        .select({ n: count() })
        .from(vacancies)
        .where(and(eq(vacancies.councilId, council.id), eq(vacancies.status, 'published'))),
    ),
    read(db.select({ n: count() }).from(vacancyApplications).where(eq(vacancyApplications.councilId, council.id))),
  ]);
  return {
    activeMembers: m.active,
    openInvitations: m.invited,
    memberCap: council.memberCap,
    workingGroups: Number(w.n),
    openVacancies: Number(v.n),
    applications: Number(a.n),
  };
}

/** The dashboard rows of this module, each linked for those who may open the page behind it. */
export async function dashboardFigureRows({ deps, ctx, council, actor, read }: DashboardArgs): Promise<DashboardFigure[]> {
  // Counts of members and vacancies are the board's business; a member's start page shows their own work.
  if (!can(actor, 'members.manage')) return [];
  const figures = await dashboardFigures(deps.db, council, read);
  const base = `/${council.slug}/werkruimte`;
  return [
    {
      label: figures.memberCap === null ? ctx.t('members.counts.activeLabel') : ctx.t('members.counts.activeOfCapLabel', { cap: figures.memberCap }),
      n: figures.activeMembers,
      href: `${base}/leden`,
      linked: can(actor, 'members.view'),
    },
    { label: ctx.t('members.counts.invitedLabel'), n: figures.openInvitations, href: `${base}/leden`, linked: can(actor, 'members.view') },
    { label: ctx.t('councils.ws.workingGroups'), n: figures.workingGroups, href: `${base}/werkgroepen`, linked: can(actor, 'workingGroups.view') },
    { label: ctx.t('councils.ws.openVacancies'), n: figures.openVacancies, href: `${base}/vacatures`, linked: can(actor, 'vacancies.manage') },
    { label: ctx.t('councils.ws.applications'), n: figures.applications, href: `${base}/vacatures`, linked: can(actor, 'applications.read') },
  ];
}
