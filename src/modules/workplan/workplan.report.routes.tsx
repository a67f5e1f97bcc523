import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf, requireRight } from '../../core/auth/guards.ts';
import { councilOf } from '../../core/tenancy.ts';
import { notFound } from '../../core/errors.ts';
import { audit } from '../../core/audit/audit.ts';
import * as report from './workplan.report.ts';
import { approvalChange, castVote } from './workplan.approval.ts';
import { reportSections, textsSchema, voteSchema } from './workplan.forms.ts';
import { pageProps, runForm } from '../../core/http/page-routes.ts';
import { noticeText, type Extra } from './workplan.routes.tsx';
import { platformOverview } from './workplan.platform.ts';
import { PlatformPage, ReportPage } from './views/report.tsx';

const WS = '/:council/werkruimte/jaarverslag';

export async function reportRoutes(app: FastifyInstance) {
  const deps = app.deps;
  const view = { preHandler: requireRight('workplan.view') };
  const manage = { preHandler: requireRight('workplan.manage') };
  const base = (req: FastifyRequest) => `/${councilOf(req).slug}/werkruimte/jaarverslag`;
  const yearOf = (req: FastifyRequest) => report.reportYear((req.params as { year: string }).year);
  const back = (req: FastifyRequest, notice: string) => `${base(req)}/${yearOf(req)}?melding=${notice}`;

  async function page(req: FastifyRequest, reply: FastifyReply, extra: Extra = {}, status = 200) {
    const council = councilOf(req);
    const actor = actorOf(req);
    const year = yearOf(req);
    const data = await report.reportPage(deps, { actor, council, year });
    return reply.header('cache-control', 'private, no-store').page(<ReportPage {...(await pageProps(req))} year={year} {...data} notice={noticeText(req)} {...extra} />, status);
  }
  const args = (req: FastifyRequest) => ({ actor: actorOf(req), council: councilOf(req), year: yearOf(req) });
  /** A step of the newest version's approval round; no version yet: 404. */
  const step = (action: 'open' | 'close', notice: string) => async (req: FastifyRequest, reply: FastifyReply) => {
    const current = await report.currentVersion(deps.db, councilOf(req).id, yearOf(req));
    return runForm(req, reply, { run: () => approvalChange(deps, { ...args(req), subject: 'annualReport', id: current.id, action }), to: back(req, notice), again: (e) => page(req, reply, e, 400) });
  };

  app.get(WS, view, async (req, reply) => reply.redirect(`${base(req)}/${report.lastYear()}`, 303));
  app.get(`${WS}/:year`, view, (req, reply) => page(req, reply));
  app.post(`${WS}/:year/genereren`, manage, (req, reply) =>
    runForm(req, reply, { run: () => report.generateReport(deps, args(req)), to: back(req, 'gemaakt'), again: (e) => page(req, reply, e, 400) }),
  );
  app.post(`${WS}/:year/teksten`, manage, async (req, reply) => {
    await report.currentVersion(deps.db, councilOf(req).id, yearOf(req));
    return runForm(req, reply, {
      schema: textsSchema,
      run: (d) => report.saveTexts(deps, { ...args(req), foreword: d.foreword, texts: Object.fromEntries(reportSections.map((s) => [`text-${s}`, d[`text-${s}`]])) }),
      to: back(req, 'opgeslagen'),
      again: (e) => page(req, reply, e, 400),
    });
  });
  app.post(`${WS}/:year/goedkeuring`, manage, step('open', 'goedkeuring'));
  app.post(`${WS}/:year/besluit`, manage, step('close', 'besluit'));
  app.post(`${WS}/:year/stem`, { preHandler: requireRight('workplan.vote') }, async (req, reply) => {
    const current = await report.currentVersion(deps.db, councilOf(req).id, yearOf(req));
    return runForm(req, reply, {
      schema: voteSchema,
      run: (d) => castVote(deps, { ...args(req), subject: 'annualReport', id: current.id, vote: d.vote, remark: d.remark }),
      to: back(req, 'stem'),
      again: (e) => page(req, reply, e, 400),
    });
  });
  app.post(`${WS}/:year/publiceren`, manage, (req, reply) =>
    runForm(req, reply, { run: () => report.publishReport(deps, args(req)), to: back(req, 'gepubliceerd'), again: (e) => page(req, reply, e, 400) }),
  );
  app.post(`${WS}/toestemming`, manage, async (req, reply) => {
    const give = z.object({ give: z.enum(['ja', 'nee']) }).safeParse(req.body);
    if (!give.success) return reply.redirect(`${base(req)}/${report.lastYear()}`, 303);
    await report.setConsent(deps, { actor: actorOf(req), council: councilOf(req), give: give.data.give === 'ja' });
    return reply.redirect(`${base(req)}/${report.lastYear()}?melding=opgeslagen#toestemming`, 303);
  });

  // The national overview, for national organisations only (another kind: 404).
  app.get('/:council/werkruimte/landelijk-overzicht', { preHandler: requireRight('workplan.platform') }, async (req, reply) => {
    const council = councilOf(req);
    if (council.kind !== 'landelijk') notFound('platformOverview');
    const raw = (req.query as Record<string, unknown>)?.jaar;
    const data = await platformOverview(deps.db, typeof raw === 'string' ? raw : undefined);
    // A read across the tenant wall (councils' published figures, with their consent) is audited.
    await audit(deps.db, { councilId: council.id, actorUserId: actorOf(req).userId, action: 'annualReport.overviewRead', entity: 'platformOverview', data: { year: data.year } });
    return reply.page(<PlatformPage ctx={await req.pageCtx()} council={council} actor={actorOf(req)} {...data} />);
  });
}
