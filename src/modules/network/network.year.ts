/**
 * The network's year, for the annual report: the consultations held in a year with who was
 * invited, who came and the experiences they gave, and the delegations that ran during the year
 * with the report-backs recorded in it.
 * Counts only, no person's details. Read only; index.ts exports it as part of the public surface.
 */
import { and, asc, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/index.ts';
import { councils } from '../../core/organisations.schema.ts';
import { localToUtc } from '../../core/dates/amsterdam.ts';
import { consultationOrganisations, consultations, delegationReports, delegations, experiences, type ConsultationKind } from './network.schema.ts';

export type YearConsultation = {
  id: string;
  topic: string;
  kind: ConsultationKind;
  heldOn: string;
  /** Organisations invited, and of them those that came. */
  invited: number;
  attended: number;
  /** The head count written down after the consultation (null: not recorded). */
  headCount: number | null;
  /** Experiences collected through it (erased ones too: erasure keeps the count). */
  experiences: number;
};
/** `reports`: the delegate's report-backs recorded in the year. */
export type YearDelegation = { id: string; body: string; startsOn: string; endsOn: string | null; reports: number };
export type NetworkYear = { consultations: YearConsultation[]; delegations: YearDelegation[] };

/** Consultations held in `year` (their date) and delegations running on at least one day of it. */
export async function networkOfYear(db: DbOrTx, councilId: string, year: number): Promise<NetworkYear> {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const outerId = sql.raw('"consultations"."id"');
  const [from, to] = [localToUtc(first, '00:00'), localToUtc(`${year + 1}-01-01`, '00:00')];
  const [held, sent] = await Promise.all([
    db
      .select({
        id: consultations.id,
        topic: consultations.topic,
        kind: consultations.kind,
        heldOn: consultations.heldOn,
        headCount: consultations.headCount,
        invited: sql<number>`(select count(*) from ${consultationOrganisations} o where o.consultation_id = ${outerId})::int`,
        attended: sql<number>`(select count(*) from ${consultationOrganisations} o where o.consultation_id = ${outerId} and o.attended)::int`,
        experiences: sql<number>`(select count(*) from ${experiences} e where e.consultation_id = ${outerId})::int`,
      })
      .from(consultations)
      .where(and(eq(consultations.councilId, councilId), gte(consultations.heldOn, first), lte(consultations.heldOn, last)))
      .orderBy(asc(consultations.heldOn)),
    db
      .select({
        id: delegations.id,
        body: sql<string>`coalesce(${councils.name}, ${delegations.bodyName})`,
        startsOn: delegations.startsOn,
        endsOn: delegations.endsOn,
        reports: sql<number>`(select count(*) from ${delegationReports} r where r.delegation_id = ${sql.raw('"delegations"."id"')} and r.created_at >= ${from} and r.created_at < ${to})::int`,
      })
      .from(delegations)
      .leftJoin(councils, eq(councils.id, delegations.bodyCouncilId))
      .where(and(eq(delegations.councilId, councilId), lte(delegations.startsOn, last), or(isNull(delegations.endsOn), gte(delegations.endsOn, first))))
      .orderBy(asc(delegations.startsOn)),
  ]);
  return {
    consultations: held.map((c) => ({ ...c, invited: Number(c.invited), attended: Number(c.attended), experiences: Number(c.experiences) })),
    delegations: sent.map((d) => ({ ...d, reports: Number(d.reports) })),
  };
}
