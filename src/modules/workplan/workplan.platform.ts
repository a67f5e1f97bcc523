/**
 * The national overview: what municipalities do with advice, per policy field, across the councils
 * that gave consent, read from their published reports (the frozen figures). A field with fewer
 * than 5 councils shows no figures (adoptionAcrossCouncils in workplan.counting.ts).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/index.ts';
import { annualReports, workplanPlatformConsent } from './workplan.schema.ts';
import { adoptionAcrossCouncils, type ReportFigures } from './workplan.counting.ts';
import { lastYear } from './workplan.report.ts';

export async function platformOverview(db: DbOrTx, rawYear: string | undefined) {
  const consented = db.select({ id: workplanPlatformConsent.councilId }).from(workplanPlatformConsent);
  const years = (
    await db
      .selectDistinct({ year: annualReports.year })
      .from(annualReports)
      .where(and(eq(annualReports.status, 'published'), inArray(annualReports.councilId, consented)))
      .orderBy(sql`${annualReports.year} desc`)
  ).map((r) => r.year);
  const wanted = rawYear && /^\d{4}$/.test(rawYear) ? Number(rawYear) : (years[0] ?? lastYear());
  const year = years.includes(wanted) ? wanted : (years[0] ?? lastYear());
  const reports = await db
    .select({ councilId: annualReports.councilId, figures: annualReports.figures })
    .from(annualReports)
    .where(and(eq(annualReports.status, 'published'), eq(annualReports.year, year), inArray(annualReports.councilId, consented)));
  const rows = adoptionAcrossCouncils(reports.map((r) => ({ councilId: r.councilId, figures: r.figures as ReportFigures })));
  return { year, years: years.length ? years : [year], rows };
}
