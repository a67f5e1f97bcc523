/**
 * The people of a council: the public list of members, the members' page in the workspace
 * (invite, change role, deactivate), the dashboard figures, and the read functions other modules
 * use through index.ts (`activeMembers`, `boardOf`). Memberships are a core table (tenancy and
 * sign-in need them); the rules about them live here.
 */
import type { DashboardArgs, DashboardFigure } from '../../core/module.ts';
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../core/db/index.ts';
import type { Deps } from '../../core/deps.ts';
import { assertCan, can, type Actor } from '../../core/policy.ts';
import { audit } from '../../core/audit/audit.ts';
import { isUuid } from '../../core/http/forms.ts';
import { users } from '../../core/auth/auth.schema.ts';
import { findOrCreateUserByEmail, issueInvitation } from '../../core/auth/auth.service.ts';
import { memberships, type Council } from '../../core/organisations.schema.ts';
import { boardRoles, councilRoles, type Role } from '../../core/roles.ts';
import { todayInAmsterdam } from '../../core/dates/working-days.ts';
import { vacancies, vacancyApplications, workingGroupMembers, workingGroups } from './members.schema.ts';
import type { InviteInput, MemberUpdateInput } from './members.forms.ts';
import { leavesNoBoard } from './members.workflow.ts';
import { DomainError, notFound } from '../../core/errors.ts';

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
  return and(
    eq(memberships.councilId, councilId),
    eq(memberships.active, true),
    eq(memberships.showOnSite, true),
    inArray(memberships.role, [...councilRoles]),
  );
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
export async function inviteMember(
  deps: Deps,
  args: { actor: Actor | null; council: Council; input: InviteInput },
): Promise<{ membershipId: string; name: string; email: string }> {
  const { actor, council, input } = args;
  assertCan(actor, 'members.manage');
  const result = await deps.db.transaction(async (tx) => {
    const user = await findOrCreateUserByEmail(tx, { email: input.email, name: input.name });
    const [existing] = await tx
      .select({ active: memberships.active })
      .from(memberships)
      .where(and(eq(memberships.councilId, council.id), eq(memberships.userId, user.id)))
      .limit(1);
    if (existing) throw (existing.active ? new DomainError('alreadyMember', 'members.invite.alreadyMember', 'email') : new DomainError('formerMember', 'members.invite.formerMember', 'email'));
    const [row] = await tx
      .insert(memberships)
      .values({ councilId: council.id, userId: user.id, role: input.role, targetGroup: input.targetGroup, joinedOn: todayInAmsterdam() })
      .onConflictDoNothing()
      .returning({ id: memberships.id });
    if (!row) throw new DomainError('alreadyMember', 'members.invite.alreadyMember', 'email');
    const inviter = await userName(tx, actor.userId);
    await issueInvitation(deps, tx, {
      userId: user.id,
      email: user.email,
      name: user.name,
      councilId: council.id,
      councilName: council.name,
      invitedByName: inviter,
      locale: user.locale,
    });
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'member.invited', entity: 'membership', entityId: row.id, to: input.role });
    return { membershipId: row.id, name: user.name, email: user.email };
  });
  deps.mailer.kick();
  return result;
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

export async function updateMember(deps: Deps, args: { actor: Actor | null; council: Council; id: string; input: MemberUpdateInput }): Promise<void> {
  const { actor, council, input } = args;
  assertCan(actor, 'members.manage');
  await deps.db.transaction(async (tx) => {
    const board = await lockBoard(tx, council.id);
    const current = (await findMember(tx, council, args.id)) ?? notFound('membership');
    const staysBoard = (boardRoles as readonly string[]).includes(input.role);
    if (current.active && !staysBoard && leavesNoBoard(board, current.id)) throw new DomainError('lastBoard', 'members.edit.lastBoard', 'role');
    const changed = (['role', 'targetGroup', 'showOnSite'] as const).filter((k) => current[k] !== input[k]);
    if (changed.length === 0) return;
    await tx
      .update(memberships)
      .set({ role: input.role, targetGroup: input.targetGroup, showOnSite: input.showOnSite })
      .where(and(eq(memberships.id, current.id), eq(memberships.councilId, council.id)));
    await audit(tx, {
      councilId: council.id,
      actorUserId: actor.userId,
      action: 'member.updated',
      entity: 'membership',
      entityId: current.id,
      from: current.role !== input.role ? current.role : null,
      to: current.role !== input.role ? input.role : null,
      data: { fields: changed },
    });
  });
}

export async function setMemberActive(deps: Deps, args: { actor: Actor | null; council: Council; id: string; active: boolean }): Promise<void> {
  const { actor, council, active } = args;
  assertCan(actor, 'members.manage');
  await deps.db.transaction(async (tx) => {
    const board = await lockBoard(tx, council.id);
    const current = (await findMember(tx, council, args.id)) ?? notFound('membership');
    if (current.active === active) return;
    if (!active) {
      if (current.id === actor.membershipId) throw new DomainError('notYourself', 'members.edit.notYourself', 'status');
      if (leavesNoBoard(board, current.id)) throw new DomainError('lastBoardDeactivate', 'members.edit.lastBoardDeactivate', 'status');
    }
    await tx.update(memberships).set({ active }).where(and(eq(memberships.id, current.id), eq(memberships.councilId, council.id)));
    await audit(tx, {
      councilId: council.id,
      actorUserId: actor.userId,
      action: active ? 'member.reactivated' : 'member.deactivated',
      entity: 'membership',
      entityId: current.id,
      from: current.active ? 'active' : 'inactive',
      to: active ? 'active' : 'inactive',
    });
  });
}

// ------------------------------------------------------------------ read functions for other modules

export type ActiveMember = { membershipId: string; userId: string; name: string; email: string; role: Role };

/** The active members of a council with one of these roles (by default the council's own people), longest-serving first. */
export async function activeMembers(db: DbOrTx, councilId: string, roles: readonly Role[] = councilRoles): Promise<ActiveMember[]> {
  return db
    .select({ membershipId: memberships.id, userId: memberships.userId, name: users.name, email: users.email, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.councilId, councilId), eq(memberships.active, true), inArray(memberships.role, [...roles])))
    .orderBy(asc(memberships.createdAt));
}

export type BoardNames = { chair: string | null; secretary: string | null };

/** The names of the active chair and secretary (the longest-serving one, if a role is held twice). */
export async function boardOf(db: DbOrTx, councilId: string): Promise<BoardNames> {
  const rows = await activeMembers(db, councilId, boardRoles);
  return { chair: rows.find((r) => r.role === 'chair')?.name ?? null, secretary: rows.find((r) => r.role === 'secretary')?.name ?? null };
}

// ------------------------------------------------------------------ dashboard

export type DashboardFigures = { activeMembers: number; workingGroups: number; openVacancies: number; applications: number };

/** The members module's figures for the workspace dashboard. */
export async function dashboardFigures(db: DbOrTx, council: Council): Promise<DashboardFigures> {
  const [[m], [w], [v], [a]] = await Promise.all([
    db.select({ n: count() }).from(memberships).where(and(eq(memberships.councilId, council.id), eq(memberships.active, true))),
    db.select({ n: count() }).from(workingGroups).where(eq(workingGroups.councilId, council.id)),
    db.select({ n: count() }).from(vacancies).where(and(eq(vacancies.councilId, council.id), eq(vacancies.status, 'published'))),
    db.select({ n: count() }).from(vacancyApplications).where(eq(vacancyApplications.councilId, council.id)),
  ]);
  return { activeMembers: Number(m.n), workingGroups: Number(w.n), openVacancies: Number(v.n), applications: Number(a.n) };
}

/** The dashboard rows of this module, each linked for those who may open the page behind it. */
export async function dashboardFigureRows({ deps, ctx, council, actor }: DashboardArgs): Promise<DashboardFigure[]> {
  const figures = await dashboardFigures(deps.db, council);
  const base = `/${council.slug}/werkruimte`;
  return [
    { label: ctx.t('councils.ws.activeMembers'), n: figures.activeMembers, href: `${base}/leden`, linked: can(actor, 'members.view') },
    { label: ctx.t('councils.ws.workingGroups'), n: figures.workingGroups, href: `${base}/werkgroepen`, linked: can(actor, 'workingGroups.manage') },
    { label: ctx.t('councils.ws.openVacancies'), n: figures.openVacancies, href: `${base}/vacatures`, linked: can(actor, 'vacancies.manage') },
    { label: ctx.t('councils.ws.applications'), n: figures.applications, href: `${base}/vacatures`, linked: can(actor, 'applications.read') },
  ];
}
