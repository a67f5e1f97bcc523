/**
 * Members and changes in the council in one year, for the annual report. Read only; index.ts
 * exports it as part of the public surface.
 */
import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/index.ts';
import { localToUtc } from '../../core/dates/amsterdam.ts';
import { auditLog } from '../../core/audit/audit.schema.ts';
import { memberships } from '../../core/organisations.schema.ts';
import { councilRoles } from '../../core/roles.ts';
import { vacancies } from './members.schema.ts';

export type MembersOfYear = {
  /** Chair, secretary and members active now (for a past year: active now and joined before its end). */
  active: number;
  /** Joined in the year (their joining date, or when they were added without one). */
  joined: number;
  /** Deactivated in the year (the audit log's `member.deactivated`). */
  left: number;
  /** Vacancies closed in the year. */
  vacanciesClosed: number;
};

export async function membersOfYear(db: DbOrTx, councilId: string, year: number): Promise<MembersOfYear> {
  const from = localToUtc(`${year}-01-01`, '00:00');
  const to = localToUtc(`${year + 1}-01-01`, '00:00');
  const joinedOn = sql`coalesce(${memberships.joinedOn}, (${memberships.createdAt} at time zone 'Europe/Amsterdam')::date)`;
  const [m] = await db
    .select({
      active: sql<number>`(count(*) filter (where ${memberships.active} and ${joinedOn} < ${`${year + 1}-01-01`}::date))::int`,
      joined: sql<number>`(count(*) filter (where ${joinedOn} >= ${`${year}-01-01`}::date and ${joinedOn} < ${`${year + 1}-01-01`}::date))::int`,
    })
    .from(memberships)
    .where(and(eq(memberships.councilId, councilId), inArray(memberships.role, [...councilRoles])));
  const [left] = await db
    .select({ n: sql<number>`count(distinct ${auditLog.entityId})::int` })
    .from(auditLog)
    .where(and(eq(auditLog.councilId, councilId), eq(auditLog.action, 'member.deactivated'), gte(auditLog.at, from), lt(auditLog.at, to)));
  const [v] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(vacancies)
    .where(and(eq(vacancies.councilId, councilId), eq(vacancies.status, 'closed'), gte(vacancies.closedAt, from), lt(vacancies.closedAt, to)));
  return { active: Number(m?.active ?? 0), joined: Number(m?.joined ?? 0), left: Number(left?.n ?? 0), vacanciesClosed: Number(v?.n ?? 0) };
}
