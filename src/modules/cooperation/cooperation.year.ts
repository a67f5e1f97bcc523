/**
 * A council's cooperation in one year, for the annual report: the agreements in force on at least
 * one day of the year, the folders shared in them, the joint meetings of the year, and the advices
 * that drew on a cooperation. Read only; index.ts exports it as part of the public surface.
 */
import { and, asc, eq, gte, inArray, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/index.ts';
import { localToUtc } from '../../core/dates/amsterdam.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { jointMeetingsOf, type JointMeeting } from '../meetings/index.ts';
import { adviceSources, agreementParties, agreements, sharedDossiers } from './cooperation.schema.ts';
import { runningStates } from './cooperation.workflow.ts';

type YearAgreement = { id: string; title: string; startsOn: string; endsOn: string; partners: number };
/** A folder shared in one of those agreements; `own`: this council shares it. */
type YearDossier = { id: string; agreementId: string; folderName: string; own: boolean };
/** A joint meeting of the year that its partner accepted (this council planned it, or accepted it). */
type YearJointMeeting = { id: string; title: string; startsAt: Date; status: JointMeeting['status']; agreementId: string; own: boolean };
export type CooperationYear = {
  agreements: YearAgreement[];
  dossiers: YearDossier[];
  jointMeetings: YearJointMeeting[];
  /** Every advice of this council that drew on a cooperation (the report keeps those of its year). */
  adviceIds: string[];
};

export async function cooperationOfYear(db: DbOrTx, council: Council, year: number): Promise<CooperationYear> {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  // An agreement ended early stops on the day it was ended; one ended before it started never ran.
  const endedOn = sql`(${agreements.endedAt} at time zone 'Europe/Amsterdam')::date`;
  const ran = or(inArray(agreements.state, [...runningStates]), and(eq(agreements.state, 'ended'), sql`${endedOn} >= ${agreements.startsOn}`));
  const rows = await db
    .select({
      id: agreements.id,
      title: agreements.title,
      startsOn: agreements.startsOn,
      endsOn: agreements.endsOn,
      partners: sql<number>`(select count(*) from ${agreementParties} p where p.agreement_id = ${sql.raw('"cooperation_agreements"."id"')} and p.party_council_id is distinct from ${council.id})::int`,
    })
    .from(agreements)
    .innerJoin(agreementParties, and(eq(agreementParties.agreementId, agreements.id), eq(agreementParties.partyCouncilId, council.id)))
    .where(and(ran, lte(agreements.startsOn, last), gte(sql`least(${agreements.endsOn}, coalesce(${endedOn}, ${agreements.endsOn}))`, first)))
    .orderBy(asc(agreements.startsOn), asc(agreements.title));
  const ids = rows.map((r) => r.id);
  const yearEnd = localToUtc(`${year + 1}-01-01`, '00:00');
  const yearStart = localToUtc(first, '00:00');
  const [dossiers, meetings, adviceIds] = await Promise.all([
    ids.length === 0
      ? []
      : db
          .select({ id: sharedDossiers.id, agreementId: sharedDossiers.agreementId, folderName: sharedDossiers.folderName, councilId: sharedDossiers.councilId })
          .from(sharedDossiers)
          .where(and(inArray(sharedDossiers.agreementId, ids), sql`${sharedDossiers.createdAt} < ${yearEnd}`))
          .orderBy(asc(sharedDossiers.createdAt)),
    // Counting only: every joint meeting of the agreement, also when it has ended since.
    Promise.all(ids.map((agreementId) => jointMeetingsOf(db, { agreementId, council, inForce: true }).then((ms) => ms.map((m) => ({ ...m, agreementId }))))),
    advicesDrawingOnCooperation(db, council.id),
  ]);
  return {
    agreements: rows.map((r) => ({ ...r, partners: Number(r.partners) })),
    dossiers: dossiers.map((d) => ({ id: d.id, agreementId: d.agreementId, folderName: d.folderName, own: d.councilId === council.id })),
    jointMeetings: meetings
      .flat()
      .filter((m) => m.startsAt >= yearStart && m.startsAt < yearEnd && (m.own ? m.accepted.length > 0 : !m.waitingForUs))
      .map((m) => ({ id: m.id, title: m.title, startsAt: m.startsAt, status: m.status, agreementId: m.agreementId, own: m.own })),
    adviceIds,
  };
}

async function advicesDrawingOnCooperation(db: DbOrTx, councilId: string): Promise<string[]> {
  const rows = await db.selectDistinct({ adviceId: adviceSources.adviceId }).from(adviceSources).where(eq(adviceSources.councilId, councilId));
  return rows.map((r) => r.adviceId);
}
