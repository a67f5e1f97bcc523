import type { DashboardArgs, DashboardFigure } from '../../core/module.ts';
import { and, asc, count, eq, inArray, ne, sql } from 'drizzle-orm';
import { TooFastError, filledTooFast } from '../../core/errors.ts';
export { TooFastError } from '../../core/errors.ts';
import type { Db, DbOrTx, Tx } from '../../core/db/index.ts';
import type { Deps } from '../../core/deps.ts';
import { assertCan, can, NotFoundError, type Actor } from '../../core/policy.ts';
import { audit } from '../../core/audit/audit.ts';
import { isUuid } from '../../core/http/forms.ts';
import { translator, type Locale, type MessageKey } from '../../core/i18n/index.ts';
import { users } from '../../core/auth/auth.schema.ts';
import { findOrCreateUserByEmail, issueInvitation } from '../../core/auth/auth.service.ts';
import { councils, type Council } from '../../core/organisations.schema.ts';
import { vacancies, vacancyApplications, workingGroupMembers, workingGroups } from './members.schema.ts';
import { memberships } from '../../core/organisations.schema.ts';
import { type Role } from '../../core/roles.ts';
import type { ApplicationInput, InviteInput, MemberUpdateInput, VacancyInput, WorkingGroupInput } from './members.forms.ts';
import { boardRoles, closingDateAllowed, isOpenToPublic, leavesNoBoard, todayInAmsterdam, transitionBlocker, type VacancyStatus } from './members.workflow.ts';
import { open as openSealed, seal as sealWith } from '../../core/crypto.ts';

/** Applications hold residents' personal data: encrypted at rest. */
const seal = (key: string, plain: string) => sealWith(key, 'applications', plain);
const open = (key: string, sealed: string) => openSealed(key, 'applications', sealed);

/** The active membership of a user in a council, if any. */
/** Roles that make someone a member of the council itself (shown on the site, in working groups). */
export const councilRoles = ['chair', 'secretary', 'member'] as const satisfies readonly Role[];
const roleOrder = sql`case ${memberships.role} when 'chair' then 0 when 'secretary' then 1 else 2 end`;

/** A rule of the domain was not met; `field` names the form field the message belongs to. */
export class RuleError extends Error {
  constructor(
    readonly field: string,
    readonly messageKey: MessageKey,
    readonly params?: Record<string, string | number>,
  ) {
    super(`${field}: ${messageKey}`);
  }
}

function notFound(what: string): never {
  throw new NotFoundError(what);
}

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

function publicMemberFilter(councilId: string) {
  return and(
    eq(memberships.councilId, councilId),
    eq(memberships.active, true),
    eq(memberships.showOnSite, true),
    inArray(memberships.role, [...councilRoles]),
  );
}

export type PublicWorkingGroup = { id: string; name: string; description: string; lead: string | null; members: string[] };

/** Working groups with the members who are shown on the site; others are left out, by name too. */
export async function listPublicWorkingGroups(db: DbOrTx, council: Council): Promise<PublicWorkingGroup[]> {
  const groups = await db
    .select({ id: workingGroups.id, name: workingGroups.name, description: workingGroups.description, leadId: workingGroups.leadMembershipId })
    .from(workingGroups)
    .where(eq(workingGroups.councilId, council.id))
    .orderBy(asc(workingGroups.name));
  const members = groups.length
    ? await db
        .select({ groupId: workingGroupMembers.workingGroupId, membershipId: memberships.id, name: users.name })
        .from(workingGroupMembers)
        .innerJoin(memberships, eq(memberships.id, workingGroupMembers.membershipId))
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(workingGroupMembers.councilId, council.id), publicMemberFilter(council.id)))
        .orderBy(asc(users.name))
    : [];
  return groups.map((g) => {
    const inGroup = members.filter((m) => m.groupId === g.id);
    return {
      id: g.id,
      name: g.name,
      description: g.description,
      lead: inGroup.find((m) => m.membershipId === g.leadId)?.name ?? null,
      members: inGroup.map((m) => m.name),
    };
  });
}

export type Vacancy = typeof vacancies.$inferSelect;

export async function listPublicVacancies(db: DbOrTx, council: Council): Promise<Vacancy[]> {
  const rows = await db
    .select()
    .from(vacancies)
    .where(and(eq(vacancies.councilId, council.id), eq(vacancies.status, 'published')))
    .orderBy(sql`${vacancies.closesOn} asc nulls last`, asc(vacancies.title));
  const today = todayInAmsterdam();
  return rows.filter((v) => isOpenToPublic(v, today));
}

/** A vacancy the public may see; drafts, closed ones, past closing date and other councils' ids: 404. */
export async function getPublicVacancy(db: DbOrTx, council: Council, id: string): Promise<Vacancy> {
  const v = await findVacancy(db, council, id);
  if (!v || !isOpenToPublic(v, todayInAmsterdam())) notFound('vacancy');
  return v;
}

async function findVacancy(db: DbOrTx, council: Council, id: string): Promise<Vacancy | null> {
  if (!isUuid(id)) return null;
  const rows = await db
    .select()
    .from(vacancies)
    .where(and(eq(vacancies.id, id), eq(vacancies.councilId, council.id)))
    .limit(1);
  return rows[0] ?? null;
}

/**
 * A resident applies. The application is stored encrypted; the council gets a notice without
 * personal data (it reads the application in the workspace), the applicant an acknowledgement.
 */
export async function submitApplication(
  deps: Deps,
  args: { council: Council; vacancyId: string; input: ApplicationInput; formIssuedAt: number | null; locale: Locale },
): Promise<void> {
  const { council, input } = args;
  if (filledTooFast(args.formIssuedAt)) throw new TooFastError();
  await deps.db.transaction(async (tx) => {
    // Checked inside the transaction, so a vacancy closed a moment ago gets no application.
    const vacancy = await getPublicVacancy(tx, council, args.vacancyId);
    const [row] = await tx
      .insert(vacancyApplications)
      .values({
        councilId: council.id,
        vacancyId: vacancy.id,
        ...sealApplication(deps.secretKey, input),
      })
      .returning({ id: vacancyApplications.id });
    const nl = translator('nl');
    await deps.mailer.queue(tx, {
      councilId: council.id,
      to: council.contactEmail,
      subject: nl('members.apply.mailCouncil.subject', { title: vacancy.title }),
      body: nl('members.apply.mailCouncil.body', {
        council: council.name,
        title: vacancy.title,
        link: `${deps.config.baseUrl}/${council.slug}/werkruimte/vacatures/${vacancy.id}/reacties`,
      }),
    });
    const t = translator(args.locale);
    await deps.mailer.queue(tx, {
      councilId: council.id,
      to: input.email,
      replyTo: council.contactEmail,
      subject: t('members.apply.mailApplicant.subject', { council: council.name }),
      body: t('members.apply.mailApplicant.body', { name: input.name, council: council.name, title: vacancy.title, contact: council.contactEmail }),
    });
    await audit(tx, { councilId: council.id, actorUserId: null, action: 'vacancy.application.received', entity: 'vacancy_application', entityId: row!.id, data: { vacancyId: vacancy.id } });
  });
  deps.mailer.kick();
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
    if (existing) throw new RuleError('email', existing.active ? 'members.invite.alreadyMember' : 'members.invite.formerMember');
    const [row] = await tx
      .insert(memberships)
      .values({ councilId: council.id, userId: user.id, role: input.role, targetGroup: input.targetGroup, joinedOn: todayInAmsterdam() })
      .onConflictDoNothing()
      .returning({ id: memberships.id });
    if (!row) throw new RuleError('email', 'members.invite.alreadyMember');
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
    if (current.active && !staysBoard && leavesNoBoard(board, current.id)) throw new RuleError('role', 'members.edit.lastBoard');
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
      if (current.id === actor.membershipId) throw new RuleError('status', 'members.edit.notYourself');
      if (leavesNoBoard(board, current.id)) throw new RuleError('status', 'members.edit.lastBoardDeactivate');
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

// ------------------------------------------------------------------ working groups (workspace)

export type WorkingGroupRow = { id: string; name: string; description: string; members: number; lead: string | null };

export async function listWorkingGroups(deps: Deps, args: { actor: Actor | null; council: Council }): Promise<WorkingGroupRow[]> {
  assertCan(args.actor, 'workingGroups.manage');
  const { council } = args;
  const groups = await deps.db
    .select({ id: workingGroups.id, name: workingGroups.name, description: workingGroups.description, leadId: workingGroups.leadMembershipId })
    .from(workingGroups)
    .where(eq(workingGroups.councilId, council.id))
    .orderBy(asc(workingGroups.name));
  const members = await groupMembers(deps.db, council, null);
  return groups.map((g) => {
    const inGroup = members.filter((m) => m.groupId === g.id && m.active);
    return { id: g.id, name: g.name, description: g.description, members: inGroup.length, lead: inGroup.find((m) => m.id === g.leadId)?.name ?? null };
  });
}

async function groupMembers(db: DbOrTx, council: Council, groupId: string | null) {
  return db
    .select({ groupId: workingGroupMembers.workingGroupId, id: memberships.id, name: users.name, role: memberships.role, active: memberships.active })
    .from(workingGroupMembers)
    .innerJoin(memberships, eq(memberships.id, workingGroupMembers.membershipId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(workingGroupMembers.councilId, council.id),
        eq(memberships.councilId, council.id),
        groupId ? eq(workingGroupMembers.workingGroupId, groupId) : undefined,
      ),
    )
    .orderBy(asc(users.name));
}

export type WorkingGroupDetail = {
  id: string;
  name: string;
  description: string;
  leadId: string | null;
  members: { id: string; name: string; role: Role; active: boolean }[];
  /** Active council members not in the group yet. */
  candidates: { id: string; name: string }[];
};

export async function getWorkingGroup(deps: Deps, args: { actor: Actor | null; council: Council; id: string }): Promise<WorkingGroupDetail> {
  assertCan(args.actor, 'workingGroups.manage');
  const { council } = args;
  const group = (await findGroup(deps.db, council, args.id)) ?? notFound('working group');
  const members = await groupMembers(deps.db, council, group.id);
  const all = await deps.db
    .select({ id: memberships.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.councilId, council.id), eq(memberships.active, true), inArray(memberships.role, [...councilRoles])))
    .orderBy(asc(users.name));
  const inGroup = new Set(members.map((m) => m.id));
  return {
    id: group.id,
    name: group.name,
    description: group.description,
    leadId: group.leadMembershipId,
    members: members.map(({ id, name, role, active }) => ({ id, name, role, active })),
    candidates: all.filter((m) => !inGroup.has(m.id)),
  };
}

async function findGroup(db: DbOrTx, council: Council, id: string) {
  if (!isUuid(id)) return null;
  const rows = await db
    .select()
    .from(workingGroups)
    .where(and(eq(workingGroups.id, id), eq(workingGroups.councilId, council.id)))
    .limit(1);
  return rows[0] ?? null;
}

async function nameTaken(db: DbOrTx, council: Council, name: string, exceptId: string | null): Promise<boolean> {
  const rows = await db
    .select({ id: workingGroups.id })
    .from(workingGroups)
    .where(
      and(
        eq(workingGroups.councilId, council.id),
        sql`lower(${workingGroups.name}) = lower(${name})`,
        exceptId ? ne(workingGroups.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export async function createWorkingGroup(deps: Deps, args: { actor: Actor | null; council: Council; input: WorkingGroupInput }): Promise<string> {
  const { actor, council, input } = args;
  assertCan(actor, 'workingGroups.manage');
  return deps.db.transaction(async (tx) => {
    if (await nameTaken(tx, council, input.name, null)) throw new RuleError('name', 'members.wg.nameTaken');
    const [row] = await tx
      .insert(workingGroups)
      .values({ councilId: council.id, name: input.name, description: input.description })
      .onConflictDoNothing()
      .returning({ id: workingGroups.id });
    if (!row) throw new RuleError('name', 'members.wg.nameTaken');
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'workingGroup.created', entity: 'working_group', entityId: row.id });
    return row.id;
  });
}

export async function updateWorkingGroup(deps: Deps, args: { actor: Actor | null; council: Council; id: string; input: WorkingGroupInput }): Promise<void> {
  const { actor, council, input } = args;
  assertCan(actor, 'workingGroups.manage');
  await deps.db.transaction(async (tx) => {
    const group = (await findGroup(tx, council, args.id)) ?? notFound('working group');
    if (await nameTaken(tx, council, input.name, group.id)) throw new RuleError('name', 'members.wg.nameTaken');
    const updated = await tx
      .update(workingGroups)
      .set({ name: input.name, description: input.description })
      .where(and(eq(workingGroups.id, group.id), eq(workingGroups.councilId, council.id)))
      .returning({ id: workingGroups.id })
      .catch((err: unknown) => {
        if (isUniqueViolation(err)) throw new RuleError('name', 'members.wg.nameTaken');
        throw err;
      });
    if (updated.length === 0) notFound('working group');
    const fields = (['name', 'description'] as const).filter((k) => group[k] !== input[k]);
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'workingGroup.updated', entity: 'working_group', entityId: group.id, data: { fields } });
  });
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/** Adds an active council member of this council; anyone else is refused as an invalid choice. */
export async function addGroupMember(deps: Deps, args: { actor: Actor | null; council: Council; id: string; membershipId: string }): Promise<void> {
  const { actor, council } = args;
  assertCan(actor, 'workingGroups.manage');
  await deps.db.transaction(async (tx) => {
    const group = (await findGroup(tx, council, args.id)) ?? notFound('working group');
    const [m] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(
        and(
          eq(memberships.id, args.membershipId),
          eq(memberships.councilId, council.id),
          eq(memberships.active, true),
          inArray(memberships.role, [...councilRoles]),
        ),
      )
      .limit(1);
    if (!m) throw new RuleError('membershipId', 'members.wg.notAMember');
    const inserted = await tx
      .insert(workingGroupMembers)
      .values({ councilId: council.id, workingGroupId: group.id, membershipId: m.id })
      .onConflictDoNothing()
      .returning({ id: workingGroupMembers.membershipId });
    if (inserted.length === 0) throw new RuleError('membershipId', 'members.wg.alreadyInGroup');
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'workingGroup.memberAdded', entity: 'working_group', entityId: group.id, data: { membershipId: m.id } });
  });
}

export async function removeGroupMember(deps: Deps, args: { actor: Actor | null; council: Council; id: string; membershipId: string }): Promise<void> {
  const { actor, council } = args;
  assertCan(actor, 'workingGroups.manage');
  await deps.db.transaction(async (tx) => {
    const group = (await findGroup(tx, council, args.id)) ?? notFound('working group');
    if (!isUuid(args.membershipId)) notFound('working group member');
    const removed = await tx
      .delete(workingGroupMembers)
      .where(
        and(
          eq(workingGroupMembers.councilId, council.id),
          eq(workingGroupMembers.workingGroupId, group.id),
          eq(workingGroupMembers.membershipId, args.membershipId),
        ),
      )
      .returning({ id: workingGroupMembers.membershipId });
    if (removed.length === 0) notFound('working group member');
    if (group.leadMembershipId === args.membershipId) {
      await tx.update(workingGroups).set({ leadMembershipId: null }).where(and(eq(workingGroups.id, group.id), eq(workingGroups.councilId, council.id)));
    }
    await audit(tx, {
      councilId: council.id,
      actorUserId: actor.userId,
      action: 'workingGroup.memberRemoved',
      entity: 'working_group',
      entityId: group.id,
      data: { membershipId: args.membershipId, leadCleared: group.leadMembershipId === args.membershipId },
    });
  });
}

/** The lead must be an active member of the group; null removes the lead. */
export async function setGroupLead(deps: Deps, args: { actor: Actor | null; council: Council; id: string; membershipId: string | null }): Promise<void> {
  const { actor, council, membershipId } = args;
  assertCan(actor, 'workingGroups.manage');
  await deps.db.transaction(async (tx) => {
    const group = (await findGroup(tx, council, args.id)) ?? notFound('working group');
    if (membershipId !== null) {
      const members = await groupMembers(tx, council, group.id);
      if (!members.some((m) => m.id === membershipId && m.active)) throw new RuleError('lead', 'members.wg.leadNotInGroup');
    }
    if (group.leadMembershipId === membershipId) return;
    await tx.update(workingGroups).set({ leadMembershipId: membershipId }).where(and(eq(workingGroups.id, group.id), eq(workingGroups.councilId, council.id)));
    await audit(tx, {
      councilId: council.id,
      actorUserId: actor.userId,
      action: 'workingGroup.leadSet',
      entity: 'working_group',
      entityId: group.id,
      from: group.leadMembershipId,
      to: membershipId,
    });
  });
}

// ------------------------------------------------------------------ vacancies (workspace)

export type VacancyRow = Vacancy & { applications: number };

export async function listVacancies(deps: Deps, args: { actor: Actor | null; council: Council }): Promise<VacancyRow[]> {
  assertCan(args.actor, 'vacancies.manage');
  const { council } = args;
  const rows = await deps.db
    .select()
    .from(vacancies)
    .where(eq(vacancies.councilId, council.id))
    .orderBy(sql`case ${vacancies.status} when 'published' then 0 when 'draft' then 1 else 2 end`, asc(vacancies.title));
  const counts = await deps.db
    .select({ vacancyId: vacancyApplications.vacancyId, n: count() })
    .from(vacancyApplications)
    .where(eq(vacancyApplications.councilId, council.id))
    .groupBy(vacancyApplications.vacancyId);
  return rows.map((v) => ({ ...v, applications: counts.find((c) => c.vacancyId === v.id)?.n ?? 0 }));
}

export async function getVacancy(deps: Deps, args: { actor: Actor | null; council: Council; id: string }): Promise<VacancyRow> {
  assertCan(args.actor, 'vacancies.manage');
  const v = (await findVacancy(deps.db, args.council, args.id)) ?? notFound('vacancy');
  const [c] = await deps.db
    .select({ n: count() })
    .from(vacancyApplications)
    .where(and(eq(vacancyApplications.councilId, args.council.id), eq(vacancyApplications.vacancyId, v.id)));
  return { ...v, applications: c?.n ?? 0 };
}

function checkClosingDate(closesOn: string | null, previous: string | null) {
  // A date in the past is refused, unless it is the date that was already there.
  if (closesOn !== null && closesOn !== previous && !closingDateAllowed(closesOn, todayInAmsterdam())) {
    throw new RuleError('closesOn', 'members.vacancy.closesInPast');
  }
}

export async function createVacancy(deps: Deps, args: { actor: Actor | null; council: Council; input: VacancyInput }): Promise<string> {
  const { actor, council, input } = args;
  assertCan(actor, 'vacancies.manage');
  checkClosingDate(input.closesOn, null);
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(vacancies)
      .values({ councilId: council.id, ...input, status: 'draft' })
      .returning({ id: vacancies.id });
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'vacancy.created', entity: 'vacancy', entityId: row!.id, to: 'draft' });
    return row!.id;
  });
}

export async function updateVacancy(deps: Deps, args: { actor: Actor | null; council: Council; id: string; input: VacancyInput }): Promise<void> {
  const { actor, council, input } = args;
  assertCan(actor, 'vacancies.manage');
  await deps.db.transaction(async (tx) => {
    const v = (await findVacancy(tx, council, args.id)) ?? notFound('vacancy');
    checkClosingDate(input.closesOn, v.closesOn);
    const fields = (['title', 'description', 'profile', 'hoursPerMonth', 'closesOn'] as const).filter((k) => v[k] !== input[k]);
    if (fields.length === 0) return;
    await tx.update(vacancies).set(input).where(and(eq(vacancies.id, v.id), eq(vacancies.councilId, council.id)));
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'vacancy.updated', entity: 'vacancy', entityId: v.id, data: { fields } });
  });
}

export async function changeVacancyStatus(deps: Deps, args: { actor: Actor | null; council: Council; id: string; to: VacancyStatus }): Promise<void> {
  const { actor, council, to } = args;
  assertCan(actor, 'vacancies.manage');
  await deps.db.transaction(async (tx) => {
    const rows = isUuid(args.id)
      ? await tx
          .select()
          .from(vacancies)
          .where(and(eq(vacancies.id, args.id), eq(vacancies.councilId, council.id)))
          .limit(1)
          .for('update')
      : [];
    const v = rows[0] ?? notFound('vacancy');
    const blocker = transitionBlocker(v, to, todayInAmsterdam());
    if (blocker === 'notAllowed') throw new RuleError('status', 'members.vacancy.transitionNotAllowed');
    if (blocker === 'closingDatePassed') throw new RuleError('status', 'members.vacancy.closingDatePassed');
    await tx
      .update(vacancies)
      .set({ status: to, publishedAt: to === 'published' ? (v.publishedAt ?? new Date()) : v.publishedAt, closedAt: to === 'closed' ? new Date() : null })
      .where(and(eq(vacancies.id, v.id), eq(vacancies.councilId, council.id)));
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'vacancy.status', entity: 'vacancy', entityId: v.id, from: v.status, to });
  });
}

/** The privacy statement promises: applications are kept until 4 weeks after the procedure ends. */
export const APPLICATION_RETENTION_DAYS = 28;

/**
 * Removes the applications of vacancies closed more than the retention period ago, with an
 * audit entry per vacancy saying how many went. Idempotent, so every instance may run it.
 */
export async function purgeExpiredApplications(db: Db, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - APPLICATION_RETENTION_DAYS * 24 * 3600 * 1000);
  return db.transaction(async (tx) => {
    const removed = await tx
      .delete(vacancyApplications)
      .where(
        inArray(
          vacancyApplications.vacancyId,
          tx.select({ id: vacancies.id }).from(vacancies).where(and(eq(vacancies.status, 'closed'), sql`${vacancies.closedAt} < ${before}`)),
        ),
      )
      .returning({ councilId: vacancyApplications.councilId, vacancyId: vacancyApplications.vacancyId });
    const perVacancy = new Map<string, { councilId: string; n: number }>();
    for (const r of removed) {
      const e = perVacancy.get(r.vacancyId) ?? { councilId: r.councilId, n: 0 };
      e.n++;
      perVacancy.set(r.vacancyId, e);
    }
    for (const [vacancyId, e] of perVacancy) {
      await audit(tx, { councilId: e.councilId, actorUserId: null, action: 'retention.applications', entity: 'vacancy', entityId: vacancyId, data: { removed: e.n } });
    }
    return removed.length;
  });
}

/** Applications are personal data: every field is sealed at rest. */
export function sealApplication(secretKey: string, a: { name: string; email: string; phone?: string; motivation: string }) {
  return { name: seal(secretKey, a.name), email: seal(secretKey, a.email), phone: seal(secretKey, a.phone ?? ''), motivation: seal(secretKey, a.motivation) };
}

export type ApplicationRow = { id: string; name: string; email: string; phone: string; motivation: string; createdAt: Date };

/** Applications are personal data: only chair and secretary read them, and every read is logged. */
export async function listApplications(deps: Deps, args: { actor: Actor | null; council: Council; vacancyId: string }): Promise<{ vacancy: Vacancy; applications: ApplicationRow[] }> {
  const { actor, council } = args;
  assertCan(actor, 'applications.read');
  return deps.db.transaction(async (tx) => {
    const vacancy = (await findVacancy(tx, council, args.vacancyId)) ?? notFound('vacancy');
    const rows = await tx
      .select()
      .from(vacancyApplications)
      .where(and(eq(vacancyApplications.councilId, council.id), eq(vacancyApplications.vacancyId, vacancy.id)))
      .orderBy(asc(vacancyApplications.createdAt));
    const unseal = (v: string) => open(deps.secretKey, v) ?? '';
    await audit(tx, {
      councilId: council.id,
      actorUserId: actor.userId,
      action: 'vacancy.applications.read',
      entity: 'vacancy',
      entityId: vacancy.id,
      data: { applicationIds: rows.map((r) => r.id) },
    });
    return {
      vacancy,
      applications: rows.map((r) => ({
        id: r.id,
        name: unseal(r.name),
        email: unseal(r.email),
        phone: unseal(r.phone),
        motivation: unseal(r.motivation),
        createdAt: r.createdAt,
      })),
    };
  });
}

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
