/** Members the council sends as delegates to a regional body (one on the platform, or an outside name). */
import { and, asc, eq, isNull, gte, or } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/index.ts';
import type { Deps } from '../../core/deps.ts';
import { assertCan, type Actor } from '../../core/policy.ts';
import { DomainError } from '../../core/errors.ts';
import { audit } from '../../core/audit/audit.ts';
import { users } from '../../core/auth/auth.schema.ts';
import { councils, memberships, type Council } from '../../core/organisations.schema.ts';
import { todayInAmsterdam } from '../../core/dates/working-days.ts';
import type { DelegationInput } from './network.forms.ts';
import { delegations } from './network.schema.ts';

/** Regional bodies on the platform a delegate can be sent to. */
export function regionalBodies(db: DbOrTx) {
  return db.select({ id: councils.id, name: councils.name, slug: councils.slug }).from(councils).where(eq(councils.kind, 'regionaal')).orderBy(asc(councils.name));
}

/** The council's delegations; `current` keeps those without an end or ending today or later. */
export async function listDelegations(db: DbOrTx, councilId: string, opts: { current?: boolean } = {}) {
  const where = [eq(delegations.councilId, councilId)];
  if (opts.current) where.push(or(isNull(delegations.endsOn), gte(delegations.endsOn, todayInAmsterdam()))!);
  const rows = await db
    .select({ d: delegations, member: users.name, bodyName: councils.name, bodySlug: councils.slug })
    .from(delegations)
    .innerJoin(memberships, eq(memberships.id, delegations.membershipId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(councils, eq(councils.id, delegations.bodyCouncilId))
    .where(and(...where))
    .orderBy(asc(delegations.startsOn));
  return rows.map((r) => ({ ...r.d, member: r.member, body: r.bodyName ?? r.d.bodyName, bodySlug: r.bodySlug }));
}
export type DelegationRow = Awaited<ReturnType<typeof listDelegations>>[number];

export async function addDelegation(deps: Deps, args: { actor: Actor | null; council: Council; input: DelegationInput }): Promise<void> {
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
      .values({ councilId: council.id, membershipId: m.id, bodyCouncilId: input.bodyCouncilId, bodyName: input.bodyCouncilId ? '' : input.bodyName, startsOn: input.startsOn, endsOn: input.endsOn })
      .returning();
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'delegation.added', entity: 'delegation', entityId: row!.id });
  });
}
