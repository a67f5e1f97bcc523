/**
 * Working groups: the public list, and the board's pages to make and change groups, their members
 * and lead. Other modules read groups through index.ts (`workingGroupsOf`, `findWorkingGroup`,
 * `groupMembership`).
 */
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/index.ts';
import { readAlone, type Read } from '../../core/read-together.ts';
import type { Deps } from '../../core/deps.ts';
import { assertCan, can, ForbiddenError, type Actor } from '../../core/policy.ts';
import { audit, type AuditAction, type AuditEntry } from '../../core/audit/audit.ts';
import { isUuid } from '../../core/http/forms.ts';
import { users } from '../../core/auth/auth.schema.ts';
import { memberships, type Council } from '../../core/organisations.schema.ts';
import { councilRoles, isCouncilRole, type Role } from '../../core/roles.ts';
import { workingGroupMembers, workingGroups } from './members.schema.ts';
import type { WorkingGroupInput } from './members.forms.ts';
import { DomainError, notFound } from '../../core/errors.ts';
import { publicMemberFilter } from './members.memberships.ts';
import { findInCouncil } from '../../core/db/find.ts';
import { deleteOne } from '../../core/db/queries.ts';
import { activeMembersByName } from '../../core/member-lists.ts';

// ------------------------------------------------------------------ public site

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

// ------------------------------------------------------------------ working groups (workspace)

/** `open`: whether the actor may open the group's page (the board: every group; a lead: their own). */
export type WorkingGroupRow = { id: string; name: string; description: string; members: number; lead: string | null; open: boolean };

/** What the actor may do on the working groups page: make a new group. */
export function workingGroupsMay(actor: Actor | null) {
  return { create: can(actor, 'workingGroups.manage') };
}

/** The groups with their lead and size, for the council's own people; the board also makes and changes them. */
export async function listWorkingGroups(deps: Deps, args: { actor: Actor | null; council: Council }): Promise<WorkingGroupRow[]> {
  const { actor, council } = args;
  assertCan(actor, 'workingGroups.view');
  const groups = await deps.db
    .select({ id: workingGroups.id, name: workingGroups.name, description: workingGroups.description, leadId: workingGroups.leadMembershipId })
    .from(workingGroups)
    .where(eq(workingGroups.councilId, council.id))
    .orderBy(asc(workingGroups.name));
  const members = await groupMembers(deps.db, council.id, null);
  return groups.map((g) => {
    const inGroup = members.filter((m) => m.groupId === g.id && m.active);
    const lead = inGroup.find((m) => m.id === g.leadId)?.name ?? null;
    return { id: g.id, name: g.name, description: g.description, members: inGroup.length, lead, open: mayOpenGroup(actor, g.leadId) };
  });
}

async function groupMembers(db: DbOrTx, councilId: string, groupId: string | null) {
  return db
    .select({ groupId: workingGroupMembers.workingGroupId, id: memberships.id, userId: memberships.userId, name: users.name, role: memberships.role, active: memberships.active })
    .from(workingGroupMembers)
    .innerJoin(memberships, eq(memberships.id, workingGroupMembers.membershipId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(workingGroupMembers.councilId, councilId), eq(memberships.councilId, councilId), groupId ? eq(workingGroupMembers.workingGroupId, groupId) : undefined))
    .orderBy(asc(users.name));
}

/**
 * Who may open a working group's page: the board (who make and change groups), and the group's
 * own lead, who reads it (its members and its advices) without the board's right to change it.
 */
function mayOpenGroup(actor: Actor | null, leadMembershipId: string | null): boolean {
  if (can(actor, 'workingGroups.manage')) return true;
  return Boolean(actor?.membershipId && leadMembershipId === actor.membershipId && isCouncilRole(actor.role));
}

export type WorkingGroupDetail = {
  id: string;
  name: string;
  description: string;
  leadId: string | null;
  /** The actor may change the group (board); a lead only reads it. */
  mayManage: boolean;
  members: { id: string; name: string; role: Role; active: boolean }[];
  /** Active council members not in the group yet. */
  candidates: { id: string; name: string }[];
};

export async function getWorkingGroup(deps: Deps, args: { actor: Actor | null; council: Council; id: string }): Promise<WorkingGroupDetail> {
  const { actor, council } = args;
  assertCan(actor, 'workingGroups.view');
  // Unknown or another council's group: 404 before the question whether this actor may see it.
  const group = (await findWorkingGroup(deps.db, council, args.id)) ?? notFound('working group');
  if (!mayOpenGroup(actor, group.leadMembershipId)) throw new ForbiddenError('workingGroups.view');
  const members = await groupMembers(deps.db, council.id, group.id);
  const all = await activeMembersByName(deps.db, council.id, councilRoles);
  const inGroup = new Set(members.map((m) => m.id));
  return {
    id: group.id,
    name: group.name,
    description: group.description,
    leadId: group.leadMembershipId,
    mayManage: can(actor, 'workingGroups.manage'),
    members: members.map(({ id, name, role, active }) => ({ id, name, role, active })),
    candidates: all.filter((m) => !inGroup.has(m.id)),
  };
}

/** One working group of this council; null for an unknown id or another council's group. */
export function findWorkingGroup(db: DbOrTx, council: Council, id: string) {
  return findInCouncil(db, workingGroups, council.id, id);
}

async function nameTaken(db: DbOrTx, council: Council, name: string, exceptId: string | null): Promise<boolean> {
  const rows = await db
    .select({ id: workingGroups.id })
    .from(workingGroups)
    .where(and(eq(workingGroups.councilId, council.id), sql`lower(${workingGroups.name}) = lower(${name})`, exceptId ? ne(workingGroups.id, exceptId) : undefined))
    .limit(1);
  return rows.length > 0;
}

export async function createWorkingGroup(deps: Deps, args: { actor: Actor | null; council: Council; input: WorkingGroupInput }): Promise<string> {
  const { actor, council, input } = args;
  assertCan(actor, 'workingGroups.manage');
  return deps.db.transaction(async (tx) => {
    if (await nameTaken(tx, council, input.name, null)) throw new DomainError('nameTaken', 'members.wg.nameTaken', 'name');
    const [row] = await tx.insert(workingGroups).values({ councilId: council.id, name: input.name, description: input.description }).onConflictDoNothing().returning({ id: workingGroups.id });
    if (!row) throw new DomainError('nameTaken', 'members.wg.nameTaken', 'name');
    await auditGroup(tx, actor, council, row.id, 'workingGroup.created');
    return row.id;
  });
}

export async function updateWorkingGroup(deps: Deps, args: { actor: Actor | null; council: Council; id: string; input: WorkingGroupInput }): Promise<void> {
  const { actor, council, input } = args;
  assertCan(actor, 'workingGroups.manage');
  await deps.db.transaction(async (tx) => {
    const group = (await findWorkingGroup(tx, council, args.id)) ?? notFound('working group');
    if (await nameTaken(tx, council, input.name, group.id)) throw new DomainError('nameTaken', 'members.wg.nameTaken', 'name');
    const updated = await tx
      .update(workingGroups)
      .set({ name: input.name, description: input.description })
      .where(and(eq(workingGroups.id, group.id), eq(workingGroups.councilId, council.id)))
      .returning({ id: workingGroups.id })
      .catch((err: unknown) => {
        if (isUniqueViolation(err)) throw new DomainError('nameTaken', 'members.wg.nameTaken', 'name');
        throw err;
      });
    if (updated.length === 0) notFound('working group');
    const fields = (['name', 'description'] as const).filter((k) => group[k] !== input[k]);
    await auditGroup(tx, actor, council, group.id, 'workingGroup.updated', { data: { fields } });
  });
}

/** The audit entry of a change to one working group (never personal data: ids and field names). */
function auditGroup(tx: DbOrTx, actor: Actor, council: Council, groupId: string, action: AuditAction, more: Pick<AuditEntry, 'from' | 'to' | 'data'> = {}): Promise<void> {
  return audit(tx, { councilId: council.id, actorUserId: actor.userId, action, entity: 'working_group', entityId: groupId, ...more });
}

/** Sets the group's lead; null removes it. */
async function writeLead(tx: DbOrTx, council: Council, groupId: string, membershipId: string | null): Promise<void> {
  await tx
    .update(workingGroups)
    .set({ leadMembershipId: membershipId })
    .where(and(eq(workingGroups.id, groupId), eq(workingGroups.councilId, council.id)));
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/**
 * Adds active council members of this council, one or several at once, in one transaction:
 * if one of them is not an active member or is in the group already, nobody is added.
 */
export async function addGroupMembers(deps: Deps, args: { actor: Actor | null; council: Council; id: string; membershipIds: string[] }): Promise<number> {
  const { actor, council } = args;
  assertCan(actor, 'workingGroups.manage');
  const ids = [...new Set(args.membershipIds)].filter(isUuid);
  if (ids.length === 0 || ids.length !== args.membershipIds.length) throw new DomainError('notAMember', 'members.wg.notAMember', 'membershipId');
  return deps.db.transaction(async (tx) => {
    const group = (await findWorkingGroup(tx, council, args.id)) ?? notFound('working group');
    const found = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(inArray(memberships.id, ids), eq(memberships.councilId, council.id), eq(memberships.active, true), inArray(memberships.role, [...councilRoles])));
    if (found.length !== ids.length) throw new DomainError('notAMember', 'members.wg.notAMember', 'membershipId');
    const inserted = await tx
      .insert(workingGroupMembers)
      .values(ids.map((membershipId) => ({ councilId: council.id, workingGroupId: group.id, membershipId })))
      .onConflictDoNothing()
      .returning({ id: workingGroupMembers.membershipId });
    if (inserted.length !== ids.length) throw new DomainError('alreadyInGroup', ids.length === 1 ? 'members.wg.alreadyInGroup' : 'members.wg.someAlreadyInGroup', 'membershipId');
    for (const m of inserted) await auditGroup(tx, actor, council, group.id, 'workingGroup.memberAdded', { data: { membershipId: m.id } });
    return inserted.length;
  });
}

export async function removeGroupMember(deps: Deps, args: { actor: Actor | null; council: Council; id: string; membershipId: string }): Promise<void> {
  const { actor, council } = args;
  assertCan(actor, 'workingGroups.manage');
  await deps.db.transaction(async (tx) => {
    const group = (await findWorkingGroup(tx, council, args.id)) ?? notFound('working group');
    await deleteOne(tx, workingGroupMembers, 'working group member', args.membershipId, (id) =>
      and(eq(workingGroupMembers.councilId, council.id), eq(workingGroupMembers.workingGroupId, group.id), eq(workingGroupMembers.membershipId, id)),
    );
    const leadCleared = group.leadMembershipId === args.membershipId;
    if (leadCleared) await writeLead(tx, council, group.id, null);
    await auditGroup(tx, actor, council, group.id, 'workingGroup.memberRemoved', { data: { membershipId: args.membershipId, leadCleared } });
  });
}

/** The lead must be an active member of the group; null removes the lead. */
export async function setGroupLead(deps: Deps, args: { actor: Actor | null; council: Council; id: string; membershipId: string | null }): Promise<void> {
  const { actor, council, membershipId } = args;
  assertCan(actor, 'workingGroups.manage');
  await deps.db.transaction(async (tx) => {
    const group = (await findWorkingGroup(tx, council, args.id)) ?? notFound('working group');
    if (membershipId !== null) {
      const members = await groupMembers(tx, council.id, group.id);
      if (!members.some((m) => m.id === membershipId && m.active)) throw new DomainError('leadNotInGroup', 'members.wg.leadNotInGroup', 'lead');
    }
    if (group.leadMembershipId === membershipId) return;
    await writeLead(tx, council, group.id, membershipId);
    await auditGroup(tx, actor, council, group.id, 'workingGroup.leadSet', { from: group.leadMembershipId, to: membershipId });
  });
}

// ------------------------------------------------------------------ read functions for other modules

/** The council's working groups by name. */
export async function workingGroupsOf(db: DbOrTx, councilId: string, read: Read = readAlone): Promise<{ id: string; name: string }[]> {
  return read(db.select({ id: workingGroups.id, name: workingGroups.name }).from(workingGroups).where(eq(workingGroups.councilId, councilId)).orderBy(asc(workingGroups.name)));
}

/** Whether this membership is in this working group. */
export async function groupMembership(db: DbOrTx, workingGroupId: string, membershipId: string, read: Read = readAlone): Promise<boolean> {
  const [row] = await read(
    db
      .select({ id: workingGroupMembers.membershipId })
      .from(workingGroupMembers)
      .where(and(eq(workingGroupMembers.workingGroupId, workingGroupId), eq(workingGroupMembers.membershipId, membershipId)))
      .limit(1),
  );
  return Boolean(row);
}

/** The users in a working group who are still active members (to tell them about new work). */
export async function groupMemberUsers(db: DbOrTx, councilId: string, workingGroupId: string): Promise<{ userId: string; membershipId: string }[]> {
  return (await groupMembers(db, councilId, workingGroupId)).filter((m) => m.active).map((m) => ({ userId: m.userId, membershipId: m.id }));
}

/** The working groups this membership is in (ids), e.g. for the work waiting on a member. */
export async function groupsOfMember(db: DbOrTx, membershipId: string, read: Read = readAlone): Promise<string[]> {
  const rows = await read(db.select({ id: workingGroupMembers.workingGroupId }).from(workingGroupMembers).where(eq(workingGroupMembers.membershipId, membershipId)));
  return rows.map((r) => r.id);
}
