/** Work-plan defaults on top of the shared factories: a plan with topics, straight in the database. */
import type { TestApp } from '../../../test/support/factories.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { and, eq } from 'drizzle-orm';
import { annualReports, workplans, workplanTopics, type AnnualReport, type Workplan, type WorkplanTopic } from './workplan.schema.ts';
import { gatherFigures } from './workplan.report.ts';

export * from '../advice/advice.test-helpers.ts';

/** A plan for `year` in `status`, with topics by title (planned, wmo). */
export async function makePlan(
  t: TestApp,
  council: Pick<Council, 'id'>,
  year: number,
  titles: string[] = [],
  status: Workplan['status'] = 'draft',
): Promise<{ plan: Workplan; topics: WorkplanTopic[] }> {
  const [plan] = await t.db
    .insert(workplans)
    .values({ councilId: council.id, year, status, approvedAt: status === 'approved' ? new Date() : null })
    .returning();
  const topics = titles.length
    ? await t.db
        .insert(workplanTopics)
        .values(titles.map((title) => ({ councilId: council.id, planId: plan!.id, title, policyField: 'wmo' })))
        .returning()
    : [];
  return { plan: plan!, topics };
}

/** A report version of `year` in `status`, with the figures of that year; the versions before it are removed. */
export async function makeReport(t: TestApp, council: Council, year: number, status: AnnualReport['status'], values: Partial<typeof annualReports.$inferInsert> = {}): Promise<AnnualReport> {
  await t.db.delete(annualReports).where(and(eq(annualReports.councilId, council.id), eq(annualReports.year, year)));
  const figures = await gatherFigures(t.db, council, year);
  const [row] = await t.db
    .insert(annualReports)
    .values({
      councilId: council.id,
      year,
      version: 1,
      status,
      figures,
      generatedAt: new Date(),
      approvalRound: status === 'in_approval' ? 1 : 0,
      publishedAt: status === 'published' ? new Date() : null,
      ...values,
    })
    .returning();
  return row!;
}

/** A fresh plan of `year` in `status` (the plan that year had is removed, with its topics). */
export async function freshPlan(t: TestApp, council: Council, year: number, titles: string[] = [], status: Workplan['status'] = 'draft') {
  await t.db.delete(workplans).where(and(eq(workplans.councilId, council.id), eq(workplans.year, year)));
  const made = await makePlan(t, council, year, titles, status);
  if (status === 'in_approval') await t.db.update(workplans).set({ approvalRound: 1 }).where(eq(workplans.id, made.plan.id));
  return made;
}
