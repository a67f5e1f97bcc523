/** Delegations and their reports back, in the workspace. Thin: validate, call one use case, render. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pageProps } from '../../core/http/page-routes.ts';
import type { FieldErrors, FormValues } from '../../core/http/forms.ts';
import { can } from '../../core/policy.ts';
import { councilOf } from '../../core/tenancy.ts';
import { comingMeetings } from '../meetings/index.ts';
import { delegationSchema, placeReportSchema, reportBackSchema } from './network.forms.ts';
import { addDelegation, listDelegations, listReports, reportableOf, placeReportByHand, recordReportBack, regionalBodies } from './network.delegations.ts';
import { activeMembers } from './network.queries.ts';
import { routeKit, submit, WS } from './network.http.ts';
import { DelegationsPage, delegationsPath, type DelegationsForm } from './views/delegations.tsx';

const notices = {
  afvaardiging: 'network.notice.delegation',
  terugkoppeling: 'network.notice.report',
  wacht: 'network.notice.reportWaiting',
  geagendeerd: 'network.notice.reportPlaced',
} as const;

export async function networkDelegationRoutes(app: FastifyInstance) {
  const { deps, view, manage, record, ctxOf, notice } = routeKit(app, notices);

  const page = async (req: FastifyRequest, reply: FastifyReply, form?: { which: DelegationsForm; errors: FieldErrors; values: FormValues }) => {
    const { council, actor } = ctxOf(req);
    const mayManage = can(actor, 'network.manage');
    const [rows, reports, bodies, members, meetings] = await Promise.all([
      listDelegations(deps.db, council.id),
      listReports(deps.db, council.id),
      mayManage ? regionalBodies(deps.db) : [],
      mayManage ? activeMembers(deps.db, council.id) : [],
      mayManage ? comingMeetings(deps.db, council.id) : [],
    ]);
    return reply.page(
      <DelegationsPage
        {...(await pageProps(req))}
        rows={rows}
        reports={reports}
        reportable={reportableOf(rows, actor)}
        meetings={meetings}
        bodies={bodies.filter((b) => b.id !== council.id)}
        members={members}
        mayManage={mayManage}
        form={form}
        notice={form ? undefined : notice(req)}
      />,
      form ? 400 : 200,
    );
  };
  const again = (req: FastifyRequest, reply: FastifyReply, which: DelegationsForm) => (errors: FieldErrors, values: FormValues) => page(req, reply, { which, errors, values });
  const back = (req: FastifyRequest, melding: keyof typeof notices) => `${delegationsPath(councilOf(req))}?melding=${melding}`;

  app.get(`${WS}/afvaardigingen`, view, (req, reply) => page(req, reply));
  app.post(`${WS}/afvaardigingen`, manage, (req, reply) =>
    submit(req, reply, {
      schema: delegationSchema,
      run: async (input) => {
        await addDelegation(deps, { ...ctxOf(req), input });
        return back(req, 'afvaardiging');
      },
      again: again(req, reply, 'delegation'),
    }),
  );
  app.post(`${WS}/afvaardigingen/terugkoppeling`, record, (req, reply) =>
    submit(req, reply, {
      schema: reportBackSchema,
      run: async (input) => back(req, (await recordReportBack(deps, { ...ctxOf(req), input })) ? 'terugkoppeling' : 'wacht'),
      again: again(req, reply, 'report'),
    }),
  );
  app.post(`${WS}/afvaardigingen/agenderen`, manage, (req, reply) =>
    submit(req, reply, {
      schema: placeReportSchema,
      run: async (input) => {
        await placeReportByHand(deps, { ...ctxOf(req), ...input });
        return back(req, 'geagendeerd');
      },
      again: again(req, reply, 'place'),
    }),
  );
}
