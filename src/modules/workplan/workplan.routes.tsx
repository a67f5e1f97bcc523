import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodType } from 'zod';
import { noticeOf, type FieldErrors, type FormValues } from '../../core/http/forms.ts';
import { pageProps, runForm } from '../../core/http/page-routes.ts';
import { actorOf, requireRight } from '../../core/auth/guards.ts';
import { councilOf } from '../../core/tenancy.ts';
import { todayInAmsterdam } from '../../core/dates/working-days.ts';
import type { MessageKey } from '../../core/i18n/index.ts';
import * as plans from './workplan.plans.ts';
import { approvalChange, castVote } from './workplan.approval.ts';
import { noteSchema, statusSchema, tagSchema, topicSchema, untagSchema, voteSchema } from './workplan.forms.ts';
import { PlanPage, TopicPage } from './views/plan.tsx';

const WS = '/:council/werkruimte/werkplan';
export type Extra = { errors?: FieldErrors; values?: FormValues; notice?: string };

/** Notices after a post/redirect/get, by the word in the address (work plan and report pages). */
const notices: Record<string, MessageKey> = {
  gemaakt: 'workplan.created',
  toegevoegd: 'workplan.topic.added',
  opgeslagen: 'workplan.saved',
  doorgezet: 'workplan.saved',
  stem: 'workplan.vote.sent',
  goedkeuring: 'workplan.approval.opened',
  besluit: 'workplan.saved',
  gepubliceerd: 'workplan.report.published',
};

export const noticeText = (req: FastifyRequest) => {
  const key = noticeOf(req, notices);
  return key ? req.t(key) : undefined;
};

export async function workplanRoutes(app: FastifyInstance) {
  const deps = app.deps;
  const view = { preHandler: requireRight('workplan.view') };
  const manage = { preHandler: requireRight('workplan.manage') };
  const base = (req: FastifyRequest) => `/${councilOf(req).slug}/werkruimte/werkplan`;
  const yearOf = (req: FastifyRequest) => plans.planYear((req.params as { year: string }).year);
  const idOf = (req: FastifyRequest) => (req.params as { id: string }).id;

  async function planPage(req: FastifyRequest, reply: FastifyReply, extra: Extra = {}, status = 200) {
    const council = councilOf(req);
    const actor = actorOf(req);
    const year = yearOf(req);
    const data = await plans.planPage(deps, { actor, council, year });
    return reply.page(<PlanPage {...(await pageProps(req))} year={year} maxYear={plans.thisYear() + 1} {...data} notice={extra.notice ?? noticeText(req)} {...extra} />, status);
  }
  async function topicPage(req: FastifyRequest, reply: FastifyReply, extra: Extra = {}, status = 200) {
    const council = councilOf(req);
    const actor = actorOf(req);
    const data = await plans.topicPage(deps, { actor, council, id: idOf(req) });
    return reply.page(<TopicPage {...(await pageProps(req))} today={todayInAmsterdam()} {...data} notice={noticeText(req)} {...extra} />, status);
  }
  /** A form of a topic's page: the topic is looked up first, so an unknown id is a 404 before the form is read. */
  const topicForm = <T,>(req: FastifyRequest, reply: FastifyReply, schema: ZodType<T> | undefined, run: (data: T) => Promise<unknown>) =>
    plans
      .topicPage(deps, { actor: actorOf(req), council: councilOf(req), id: idOf(req) })
      .then(() => runForm(req, reply, { schema, run, to: `${base(req)}/onderwerpen/${idOf(req)}?melding=opgeslagen`, again: (extra) => topicPage(req, reply, extra, 400) }));

  app.get(WS, view, async (req, reply) => reply.redirect(`${base(req)}/${plans.thisYear()}`, 303));
  app.get(`${WS}/:year`, view, (req, reply) => planPage(req, reply));
  app.post(`${WS}/:year`, manage, async (req, reply) =>
    runForm(req, reply, {
      run: () => plans.createPlan(deps, { actor: actorOf(req), council: councilOf(req), year: yearOf(req) }),
      to: `${base(req)}/${yearOf(req)}?melding=gemaakt`,
      again: (e) => planPage(req, reply, e, 400),
    }),
  );
  app.post(`${WS}/:year/onderwerpen`, manage, async (req, reply) =>
    runForm(req, reply, {
      schema: topicSchema,
      run: (input) => plans.addTopic(deps, { actor: actorOf(req), council: councilOf(req), year: yearOf(req), input }),
      to: `${base(req)}/${yearOf(req)}?melding=toegevoegd`,
      again: (e) => planPage(req, reply, e, 400),
    }),
  );
  app.post(`${WS}/:year/doorzetten`, manage, async (req, reply) =>
    runForm(req, reply, {
      run: () => plans.carryOver(deps, { actor: actorOf(req), council: councilOf(req), year: yearOf(req) }),
      to: `${base(req)}/${yearOf(req) + 1}?melding=doorgezet`,
      again: (e) => planPage(req, reply, e, 400),
    }),
  );
  /** A step of the plan's approval round; without a plan for the year: 404. */
  const planStep = (action: 'open' | 'close', notice: string) => async (req: FastifyRequest, reply: FastifyReply) => {
    const plan = (await plans.findPlan(deps.db, councilOf(req).id, yearOf(req))) ?? plans.noPlan();
    return runForm(req, reply, {
      run: () => approvalChange(deps, { actor: actorOf(req), council: councilOf(req), subject: 'workplan', id: plan.id, action }),
      to: `${base(req)}/${yearOf(req)}?melding=${notice}`,
      again: (e) => planPage(req, reply, e, 400),
    });
  };
  app.post(`${WS}/:year/goedkeuring`, manage, planStep('open', 'goedkeuring'));
  app.post(`${WS}/:year/besluit`, manage, planStep('close', 'besluit'));
  app.post(`${WS}/:year/stem`, { preHandler: requireRight('workplan.vote') }, async (req, reply) => {
    const plan = (await plans.findPlan(deps.db, councilOf(req).id, yearOf(req))) ?? plans.noPlan();
    return runForm(req, reply, {
      schema: voteSchema,
      run: (d) => castVote(deps, { actor: actorOf(req), council: councilOf(req), subject: 'workplan', id: plan.id, vote: d.vote, remark: d.remark }),
      to: `${base(req)}/${yearOf(req)}?melding=stem`,
      again: (e) => planPage(req, reply, e, 400),
    });
  });

  app.get(`${WS}/onderwerpen/:id`, view, (req, reply) => topicPage(req, reply));
  app.post(`${WS}/onderwerpen/:id`, manage, (req, reply) =>
    topicForm(req, reply, topicSchema, (input) => plans.updateTopic(deps, { actor: actorOf(req), council: councilOf(req), id: idOf(req), input })),
  );
  app.post(`${WS}/onderwerpen/:id/status`, manage, (req, reply) =>
    topicForm(req, reply, statusSchema, (d) => plans.setTopicStatus(deps, { actor: actorOf(req), council: councilOf(req), id: idOf(req), status: d.status, dropReason: d.dropReason })),
  );
  app.post(`${WS}/onderwerpen/:id/voortgang`, { preHandler: requireRight('workplan.note') }, (req, reply) =>
    topicForm(req, reply, noteSchema, (d) => plans.addNote(deps, { actor: actorOf(req), council: councilOf(req), id: idOf(req), notedOn: d.notedOn, text: d.text })),
  );
  app.post(`${WS}/onderwerpen/:id/koppelen`, manage, (req, reply) =>
    topicForm(req, reply, tagSchema, (d) => plans.tagRecord(deps, { actor: actorOf(req), council: councilOf(req), id: idOf(req), ...d.record })),
  );
  app.post(`${WS}/onderwerpen/:id/ontkoppelen`, manage, (req, reply) =>
    topicForm(req, reply, untagSchema, (d) => plans.tagRecord(deps, { actor: actorOf(req), council: councilOf(req), id: idOf(req), recordId: d.recordId, remove: true })),
  );
}
