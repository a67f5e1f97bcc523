/**
 * Use cases of the annual report: gather a year's data through the other modules' public
 * surfaces, count it (workplan.counting.ts), store it as a version (a snapshot with "generated
 * on"), the secretary's texts, the approval round, publishing (which freezes the figures: a new
 * generation makes a new version, the published one stays until the next is published).
 */
import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Deps } from '../../core/deps.ts';
import type { DbOrTx } from '../../core/db/index.ts';
import { DomainError, notFound } from '../../core/errors.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { assertCan, can, type Actor } from '../../core/policy.ts';
import { audit } from '../../core/audit/audit.ts';
import { todayInAmsterdam } from '../../core/dates/working-days.ts';
import { hasSection } from '../../core/organisation-kinds.ts';
import { advicesOfYear } from '../advice/index.ts';
import { signalCountsOfYear } from '../signals/index.ts';
import { meetingsOfYear } from '../meetings/index.ts';
import { membersOfYear } from '../members/index.ts';
import { networkOfYear } from '../network/index.ts';
import { cooperationOfYear } from '../cooperation/index.ts';
import { annualReports, workplanPlatformConsent, workplanTopics, type AnnualReport } from './workplan.schema.ts';
import { countAdvices, countCooperation, countedUpToOf, countMeetings, countNetwork, countSignals, countTopics, type ReportFigures } from './workplan.counting.ts';
import { approvalChange, votesOf } from './workplan.approval.ts';
import { findPlan, thisYear } from './workplan.plans.ts';
import { FIRST_YEAR } from './workplan.workflow.ts';

type Args = { actor: Actor; council: Council };

/** A report year from the address: 2000 up to next year (a future year gets a clear page, not a 404). */
export function reportYear(raw: string): number {
  const year = /^\d{4}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > thisYear() + 1) notFound('annualReport');
  return year;
}

/** Counts one year of a council from every module it has (its kind decides which). */
export async function gatherFigures(db: DbOrTx, council: Council, year: number, today = todayInAmsterdam()): Promise<ReportFigures> {
  const countedUpTo = countedUpToOf(year, today);
  const plan = await findPlan(db, council.id, year);
  const [advices, signals, meetings, network, cooperation, members, topics] = await Promise.all([
    hasSection(council.kind, 'advice') ? advicesOfYear(db, council.id, year) : [],
    hasSection(council.kind, 'signals') ? signalCountsOfYear(db, council.id, year) : null,
    hasSection(council.kind, 'meetings') ? meetingsOfYear(db, council.id, year) : null,
    hasSection(council.kind, 'network') ? networkOfYear(db, council.id, year) : null,
    hasSection(council.kind, 'cooperation') ? cooperationOfYear(db, council, year) : null,
    membersOfYear(db, council.id, year),
    plan ? db.select().from(workplanTopics).where(eq(workplanTopics.planId, plan.id)).orderBy(workplanTopics.createdAt) : [],
  ]);
  return {
    year,
    countedUpTo,
    advices: countAdvices(advices, countedUpTo),
    signals: signals && countSignals(signals),
    meetings: meetings && countMeetings(meetings, countedUpTo),
    network: network && countNetwork(network.consultations, network.delegations, year),
    cooperation: cooperation && countCooperation(cooperation, advices, countedUpTo),
    members,
    topics: countTopics(topics.map((t) => ({ id: t.id, title: t.title, policyField: t.policyField, status: t.status, dropReason: t.dropReason }))),
    missing: [],
  };
}

async function versionsOf(db: DbOrTx, councilId: string, year: number): Promise<AnnualReport[]> {
  return db
    .select()
    .from(annualReports)
    .where(and(eq(annualReports.councilId, councilId), eq(annualReports.year, year)))
    .orderBy(desc(annualReports.version));
}

/** The workspace page of a year: the newest version (or live figures when there is none yet), the versions, the round. */
export async function reportPage(deps: Deps, { actor, council, year }: Args & { year: number }) {
  assertCan(actor, 'workplan.view');
  const versions = await versionsOf(deps.db, council.id, year);
  const current = versions[0] ?? null;
  const future = year > thisYear();
  const figures = current ? (current.figures as ReportFigures) : future ? null : await gatherFigures(deps.db, council, year);
  const votes = current?.status === 'in_approval' ? await votesOf(deps.db, council.id, current.id, current.approvalRound) : [];
  const manage = can(actor, 'workplan.manage');
  const [consent] = await deps.db.select().from(workplanPlatformConsent).where(eq(workplanPlatformConsent.councilId, council.id));
  return {
    current,
    figures,
    future,
    versions,
    votes,
    consent: Boolean(consent),
    ownVote: votes.find((v) => v.membershipId === actor.membershipId)?.vote ?? null,
    may: {
      generate: manage && !future,
      write: manage && current?.status === 'draft',
      openApproval: manage && current?.status === 'draft',
      vote: can(actor, 'workplan.vote') && current?.status === 'in_approval' && Boolean(actor.membershipId),
      closeApproval: manage && current?.status === 'in_approval',
      publish: manage && current?.status === 'approved',
      consent: manage,
    },
  };
}

/**
 * Generates a new version from the data as it is now (texts carried over from the version before).
 * Earlier unpublished versions are superseded; a published version stays public until this one is
 * published. A future year is refused.
 */
export async function generateReport(deps: Deps, { actor, council, year }: Args & { year: number }): Promise<AnnualReport> {
  assertCan(actor, 'workplan.manage');
  if (year > thisYear()) throw new DomainError('futureYear', 'workplan.report.future');
  const figures = await gatherFigures(deps.db, council, year);
  return deps.db.transaction(async (tx) => {
    const [last] = await versionsOf(tx, council.id, year);
    if (last) {
      await tx
        .update(annualReports)
        .set({ status: 'superseded', updatedAt: new Date() })
        .where(and(eq(annualReports.councilId, council.id), eq(annualReports.year, year), inArray(annualReports.status, ['draft', 'in_approval', 'approved'])));
    }
    const [row] = await tx
      .insert(annualReports)
      .values({ councilId: council.id, year, version: (last?.version ?? 0) + 1, foreword: last?.foreword ?? '', texts: last?.texts ?? {}, figures, generatedAt: new Date() })
      .returning();
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'annualReport.generated', entity: 'annualReport', entityId: row!.id, data: { year, version: row!.version } });
    return row!;
  });
}

/** The newest version of a year, or a 404 (nothing generated yet). */
export async function currentVersion(db: DbOrTx, councilId: string, year: number): Promise<AnnualReport> {
  const [current] = await versionsOf(db, councilId, year);
  return current ?? notFound('annualReport');
}

/** The foreword and section texts of the newest version, while it is a draft. */
export async function saveTexts(deps: Deps, { actor, council, year, foreword, texts }: Args & { year: number; foreword: string; texts: Record<string, string> }): Promise<void> {
  assertCan(actor, 'workplan.manage');
  await deps.db.transaction(async (tx) => {
    const current = await currentVersion(tx, council.id, year);
    if (current.status !== 'draft') throw new DomainError('notAllowedFromState', 'workplan.report.notDraft', 'foreword');
    await tx.update(annualReports).set({ foreword, texts, updatedAt: new Date() }).where(eq(annualReports.id, current.id));
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'annualReport.textsSaved', entity: 'annualReport', entityId: current.id });
  });
}

/** Publishes the approved newest version; the version published before is superseded. */
export async function publishReport(deps: Deps, { actor, council, year }: Args & { year: number }): Promise<void> {
  const current = await currentVersion(deps.db, council.id, year);
  await approvalChange(deps, {
    actor,
    council,
    subject: 'annualReport',
    id: current.id,
    action: 'publish',
    after: async (tx, row) => {
      await tx
        .update(annualReports)
        .set({ status: 'superseded' })
        .where(and(eq(annualReports.councilId, council.id), eq(annualReports.year, year), eq(annualReports.status, 'published'), ne(annualReports.id, row.id)));
    },
  });
}

/** The published version of a year (null when none), for the public page and the PDF. */
export async function publishedReport(db: DbOrTx, councilId: string, year: number): Promise<AnnualReport | null> {
  const [row] = await db
    .select()
    .from(annualReports)
    .where(and(eq(annualReports.councilId, councilId), eq(annualReports.year, year), eq(annualReports.status, 'published')))
    .orderBy(desc(annualReports.version))
    .limit(1);
  return row ?? null;
}

/** Gives or withdraws the council's consent to count its published reports in the national overview. */
export async function setConsent(deps: Deps, { actor, council, give }: Args & { give: boolean }): Promise<void> {
  assertCan(actor, 'workplan.manage');
  await deps.db.transaction(async (tx) => {
    if (give) await tx.insert(workplanPlatformConsent).values({ councilId: council.id, givenBy: actor.userId }).onConflictDoNothing();
    else await tx.delete(workplanPlatformConsent).where(eq(workplanPlatformConsent.councilId, council.id));
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: give ? 'annualReport.consentGiven' : 'annualReport.consentWithdrawn', entity: 'council', entityId: council.id });
  });
}

/** The year a report is usually about: last year. */
export function lastYear(): number {
  return thisYear() - 1;
}

/** Years with a published report, newest first. */
export async function publishedYears(db: DbOrTx, councilId: string): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: annualReports.year })
    .from(annualReports)
    .where(and(eq(annualReports.councilId, councilId), eq(annualReports.status, 'published')))
    .orderBy(desc(annualReports.year));
  return rows.map((r) => r.year);
}
