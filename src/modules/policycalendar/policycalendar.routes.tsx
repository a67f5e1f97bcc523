/** The policy calendar's pages: the workspace list and moment pages, the public view and its iCalendar feed. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { actorOf, requireRight } from '../../core/auth/guards.ts';
import { councilOf } from '../../core/tenancy.ts';
import { domainErrors, echo, noticeOf, parseForm, type FieldErrors } from '../../core/http/forms.ts';
import { formatDate, translator } from '../../core/i18n/index.ts';
import * as service from './policycalendar.service.ts';
import { CalendarPage, calendarPath, MomentPage, PublicCalendarPage } from './views/calendar.tsx';

const view = { preHandler: requireRight('policyCalendar.view') };
const manage = { preHandler: requireRight('policyCalendar.manage') };
const WS = '/:council/werkruimte/beleidskalender';
type Id = { id: string };
type Extra = { errors?: FieldErrors; status?: number; notice?: string };

export async function policyCalendarRoutes(app: FastifyInstance) {
  const deps = app.deps;
  const args = (req: FastifyRequest) => ({ actor: actorOf(req), council: councilOf(req) });
  const notices = (req: FastifyRequest) => noticeOf(req, { opgeslagen: req.t('policycalendar.saved'), toegevoegd: req.t('policycalendar.added') });

  const list = async (req: FastifyRequest, reply: FastifyReply, extra: Extra = {}) =>
    reply.page(
      <CalendarPage
        ctx={await req.pageCtx()}
        {...args(req)}
        data={await service.listMoments(deps, args(req))}
        errors={extra.errors}
        values={extra.errors ? echo(req.body) : undefined}
        notice={extra.notice}
      />,
      extra.status ?? 200,
    );
  const one = async (req: FastifyRequest, reply: FastifyReply, extra: Extra = {}) =>
    reply.page(
      <MomentPage
        ctx={await req.pageCtx()}
        {...args(req)}
        data={await service.momentPage(deps, { ...args(req), id: (req.params as Id).id })}
        errors={extra.errors}
        values={extra.errors ? echo(req.body) : undefined}
        notice={extra.notice}
      />,
      extra.status ?? 200,
    );

  /** Validates, runs one change, and answers with the page again on a broken rule or with a redirect. */
  const change =
    <T,>(schema: Parameters<typeof parseForm<T>>[0], show: typeof list, run: (req: FastifyRequest, data: T) => Promise<string>) =>
    async (req: FastifyRequest, reply: FastifyReply) => {
      const form = parseForm(schema, req.body, req.t);
      if (!form.ok) return show(req, reply, { errors: form.errors, status: 400 });
      try {
        return reply.redirect(await run(req, form.data), 303);
      } catch (err) {
        const errors = domainErrors(err, req.t);
        if (errors) return show(req, reply, { errors, status: 400 });
        throw err;
      }
    };

  app.get(WS, view, async (req, reply) => list(req, reply, { notice: notices(req) }));
  app.post(
    WS,
    manage,
    change(service.momentSchema, list, async (req, input) => {
      const m = await service.addMoment(deps, { ...args(req), input });
      return `${calendarPath(councilOf(req))}/${m.id}?melding=toegevoegd`;
    }),
  );
  app.get(`${WS}/:id`, view, async (req, reply) => one(req, reply, { notice: notices(req) }));
  /** A change to one moment (its form, its status, its request for advice); back to the moment afterwards. */
  const onMoment = <T,>(schema: Parameters<typeof parseForm<T>>[0], run: (req: FastifyRequest, id: string, input: T) => Promise<unknown>) =>
    change(schema, one, async (req, input) => {
      const id = (req.params as Id).id;
      await run(req, id, input);
      return `${calendarPath(councilOf(req))}/${id}?melding=opgeslagen`;
    });
  // An unknown moment is 404 before its form is read: momentPage runs first through `one` on errors, and the use case checks too.
  app.post(
    `${WS}/:id`,
    manage,
    onMoment(service.momentSchema, (req, id, input) => service.saveMoment(deps, { ...args(req), id, input })),
  );
  app.post(
    `${WS}/:id/status`,
    manage,
    onMoment(service.statusSchema, (req, id, input) => service.setStatus(deps, { ...args(req), id, status: input.status })),
  );
  app.post(
    `${WS}/:id/adviesaanvraag`,
    manage,
    onMoment(service.linkSchema, (req, id, input) => service.linkAdvice(deps, { ...args(req), id, adviceId: input.adviceId })),
  );

  // Public: the moments the council chose to show, and their feed.
  app.get('/:council/beleidskalender', { config: { publicCache: true } }, async (req, reply) => {
    const council = councilOf(req);
    return reply.page(<PublicCalendarPage ctx={await req.pageCtx()} council={council} moments={await service.publicMoments(deps, council)} />);
  });
  app.get('/:council/beleidskalender.ics', async (req, reply) => {
    const council = councilOf(req);
    const t = translator('nl');
    const body = service.momentsIcs({
      council,
      moments: await service.publicMoments(deps, council),
      site: deps.config.baseUrl.replace(/\/$/, ''),
      name: t('policycalendar.feedName', { council: council.name }),
      describe: (m) => `${t(`policycalendar.kind.${m.kind}`)} · ${t(`policycalendar.status.${m.status}`)} · ${formatDate(m.expectedOn, 'nl')}`,
    });
    return reply.header('cache-control', 'public, max-age=300').type('text/calendar; charset=utf-8').header('content-disposition', `inline; filename="${council.slug}-beleidskalender.ics"`).send(body);
  });
}
