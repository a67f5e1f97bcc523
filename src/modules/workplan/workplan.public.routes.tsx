import type { FastifyInstance, FastifyRequest } from 'fastify';
import { councilOf } from '../../core/tenancy.ts';
import { attachmentDisposition } from '../../core/files/sniff.ts';
import { notFound } from '../../core/errors.ts';
import * as plans from './workplan.plans.ts';
import * as report from './workplan.report.ts';
import { hasData } from './workplan.counting.ts';
import { reportPdf } from './workplan.pdf.ts';
import { PublicPlanPage } from './views/plan.tsx';
import { PublicReportPage } from './views/report.tsx';

const publicPage = { config: { publicCache: true } };

export async function publicRoutes(app: FastifyInstance) {
  const deps = app.deps;
  const yearOf = (req: FastifyRequest) => (req.params as { year: string }).year;

  app.get('/:council/werkplan', publicPage, async (req, reply) => reply.redirect(`/${councilOf(req).slug}/werkplan/${plans.thisYear()}`, 303));
  app.get('/:council/werkplan/:year', publicPage, async (req, reply) => {
    const council = councilOf(req);
    const year = plans.planYear(yearOf(req));
    const found = await plans.publicPlan(deps, council, year);
    const page = <PublicPlanPage ctx={await req.pageCtx()} council={council} year={year} maxYear={plans.thisYear() + 1} plan={found?.plan ?? null} topics={found?.topics ?? []} />;
    return reply.page(page, found ? 200 : 404);
  });

  app.get('/:council/jaarverslag', publicPage, async (req, reply) => {
    const council = councilOf(req);
    const [newest] = await report.publishedYears(deps.db, council.id);
    return reply.redirect(`/${council.slug}/jaarverslag/${newest ?? report.lastYear()}`, 303);
  });
  // A year in the future, without data or not published: a clear page (404), never empty charts.
  app.get('/:council/jaarverslag/:year', publicPage, async (req, reply) => {
    const council = councilOf(req);
    const year = report.reportYear(yearOf(req));
    const [published, years] = await Promise.all([report.publishedReport(deps.db, council.id, year), report.publishedYears(deps.db, council.id)]);
    const state = published ? 'published' : year > plans.thisYear() ? 'future' : hasData(await report.gatherFigures(deps.db, council, year)) ? 'notPublished' : 'empty';
    return reply.page(<PublicReportPage ctx={await req.pageCtx()} council={council} year={year} report={published} state={state} years={years} />, published ? 200 : 404);
  });
  app.get('/:council/jaarverslag/:year/jaarverslag.pdf', async (req, reply) => {
    const council = councilOf(req);
    const year = report.reportYear(yearOf(req));
    const published = (await report.publishedReport(deps.db, council.id, year)) ?? notFound('annualReport');
    const bytes = await reportPdf({ council, report: published, t: req.t, locale: req.locale });
    return reply
      .header('content-disposition', attachmentDisposition(`jaarverslag-${council.slug}-${year}.pdf`))
      .header('x-content-type-options', 'nosniff')
      .type('application/pdf')
      .send(Buffer.from(bytes));
  });
}
