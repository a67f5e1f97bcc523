/**
 * Workspace pages of campaigns: thin routes that validate, call one use case and render. The
 * organisers are the organisation's board; jurors are the members named on the jury. Anyone
 * else (a member not on the jury) gets 404 on a campaign's pages.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pageProps } from '../../core/http/page-routes.ts';
import { domainErrors, echo, issuesToErrors, noticeOf, parseForm, type FieldErrors, type FormValues } from '../../core/http/forms.ts';
import { actorOf, requireRight } from '../../core/auth/guards.ts';
import { councilOf } from '../../core/tenancy.ts';
import { can, ForbiddenError, type Actor } from '../../core/policy.ts';
import type { Council } from '../../core/organisations.schema.ts';
import type { Translate } from '../../core/i18n/index.ts';
import * as service from './campaigns.service.ts';
import * as jury from './campaigns.jury.ts';
import { campaignSheet } from './campaigns.export.ts';
import { nominatorOf } from './campaigns.privacy.ts';
import { encodeSheet, sheetTypes } from './campaigns.sheets.ts';
import { meetingSchema } from '../meetings/index.ts';
import { CampaignWorkspacePage, ChangeCampaignPage, DeclarationsPage, NominationWorkspacePage, WorkspaceList, wsPaths, type CampaignWorkspace } from './views/workspace.tsx';
import { publicPaths } from './views/public.tsx';

const WS = '/:council/werkruimte/campagnes';
type Params = { id: string; nominationId: string };

const notices = {
  gemaakt: 'campaigns.ws.created',
  opgeslagen: 'campaigns.ws.saved',
  verklaard: 'campaigns.ws.declared',
  beoordeeld: 'campaigns.nom.scored',
  gekozen: 'campaigns.nom.selected',
  gepubliceerd: 'campaigns.ws.published',
  teruggedraaid: 'campaigns.nom.deselected',
} as const;

export async function campaignsRoutes(app: FastifyInstance) {
  const deps = app.deps;
  const judge = { preHandler: requireRight('campaigns.judge') };
  const manage = { preHandler: requireRight('campaigns.manage') };
  const notice = (req: FastifyRequest) => {
    const key = noticeOf(req, notices);
    return key ? req.t(key) : undefined;
  };

  const showList = async (req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors, values?: FormValues) => {
    const council = councilOf(req);
    const actor = actorOf(req);
    const mayCreate = can(actor, 'campaigns.manage');
    const [campaigns, partners] = await Promise.all([service.listCampaigns(deps.db, council.id), mayCreate ? service.possiblePartners(deps.db, council) : []]);
    return reply.page(
      <WorkspaceList {...(await pageProps(req))} campaigns={campaigns} partners={partners} mayCreate={mayCreate} errors={errors} values={values} notice={notice(req)} />,
      errors ? 400 : 200,
    );
  };

  app.get(WS, judge, (req, reply) => showList(req, reply));

  app.post(WS, manage, async (req, reply) => {
    const form = parseForm(service.campaignSchema, req.body, req.t);
    if (!form.ok) return showList(req, reply, form.errors, form.values);
    try {
      const id = await service.createCampaign(deps, { actor: actorOf(req), council: councilOf(req), input: form.data });
      return reply.redirect(`${wsPaths(councilOf(req), { id }).one}?melding=gemaakt`, 303);
    } catch (err) {
      const errors = domainErrors(err, req.t);
      if (!errors) throw err;
      return showList(req, reply, errors, echo(req.body));
    }
  });

  /** The campaign's page, with what this actor may see of it (404 for a member not on the jury). */
  const showCampaign = async (req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors, values?: FormValues) => {
    const council = councilOf(req);
    const actor = actorOf(req);
    const campaign = await service.getCampaign(deps.db, council.id, (req.params as Params).id);
    const overview = await jury.juryOverview(deps.db, campaign, actor, overviewFilter(req));
    const organiser = overview.organiser;
    const view: CampaignWorkspace = {
      campaign,
      overview,
      criteria: await service.criteriaOf(deps.db, campaign.id),
      jury: await service.juryOf(deps.db, campaign.id),
      possibleJurors: organiser ? await service.possibleJurors(deps.db, council) : [],
      provinces: organiser ? await service.coverage(deps.db, campaign.id) : [],
      meetings: organiser ? await service.meetingsOf(deps, council, campaign) : null,
      locked: organiser && (campaign.phase === 'published' || (await service.hasScores(deps.db, campaign.id))),
    };
    const page = <CampaignWorkspacePage {...(await pageProps(req))} view={view} errors={errors} values={values} notice={notice(req)} publicHref={publicPaths(council, campaign).one} />;
    return reply.page(page, errors ? 400 : 200);
  };

  app.get(`${WS}/:id`, judge, (req, reply) => showCampaign(req, reply));

  /** An organisers' step on the campaign page: on a broken rule the page again with the message. */
  const organiserStep = (path: string, run: (req: FastifyRequest) => Promise<unknown>, opts: { keepValues?: boolean } = {}) =>
    app.post(`${WS}/:id/${path}`, manage, async (req, reply) => {
      try {
        await run(req);
      } catch (err) {
        const errors = errorsOf(err, req.t);
        if (!errors) throw err;
        return showCampaign(req, reply, errors, opts.keepValues ? echo(req.body) : undefined);
      }
      return reply.redirect(`${wsPaths(councilOf(req), { id: (req.params as Params).id }).one}?melding=${path === 'publiceren' ? 'gepubliceerd' : 'opgeslagen'}`, 303);
    });
  const args = (req: FastifyRequest) => ({ actor: actorOf(req), council: councilOf(req), id: (req.params as Params).id });
  const valid = <T,>(req: FastifyRequest, schema: Parameters<typeof parseForm<T>>[0]): T => {
    const form = parseForm(schema, req.body, req.t);
    if (!form.ok) throw new FormErrors(form.errors);
    return form.data;
  };

  const membershipOf = (req: FastifyRequest) => String((req.body as Record<string, unknown>)?.membershipId ?? '');
  organiserStep('fase', (req) => service.advancePhase(deps, args(req)));
  organiserStep('jury', (req) => service.addJuror(deps, { ...args(req), membershipId: membershipOf(req) }));
  organiserStep('jury/verwijderen', (req) => service.removeJuror(deps, { ...args(req), membershipId: membershipOf(req) }));
  organiserStep(
    'bijeenkomsten',
    (req) => {
      // Which meeting and the meeting's own fields, checked together so every message shows at once.
      const kind = parseForm(service.meetingKindSchema, req.body, req.t);
      const meeting = parseForm(meetingSchema, req.body, req.t);
      if (!kind.ok || !meeting.ok) throw new FormErrors({ ...(kind.ok ? {} : kind.errors), ...(meeting.ok ? {} : meeting.errors) });
      return service.planCampaignMeeting(deps, { ...args(req), kind: kind.data.kind, input: meeting.data });
    },
    { keepValues: true },
  );
  organiserStep('publiceren', (req) => service.publishCampaign(deps, { ...args(req), reason: valid(req, service.publishSchema).reason, t: req.t }));

  // Title, purpose, window, partners and criteria, on a page of their own, until the first score.
  const showChange = async (req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors, echoed?: FormValues) => {
    // The ticked partners come back with the other values (echo keeps single strings only).
    const ticked = (req.body as Record<string, unknown> | undefined)?.partnerIds;
    const values = echoed && { ...echoed, partnerIds: Array.isArray(ticked) ? ticked.map(String) : typeof ticked === 'string' ? [ticked] : [] };
    const council = councilOf(req);
    const campaign = await service.getCampaign(deps.db, council.id, (req.params as Params).id);
    const [criteria, partners, locked] = await Promise.all([
      service.criteriaOf(deps.db, campaign.id),
      service.possiblePartners(deps.db, council),
      service.hasScores(deps.db, campaign.id).then((scored) => scored || campaign.phase === 'published'),
    ]);
    const page = <ChangeCampaignPage {...(await pageProps(req))} campaign={campaign} partners={partners} locked={locked} errors={errors} form={values ?? service.campaignValues(campaign, criteria)} />;
    return reply.page(page, errors ? (locked ? 409 : 400) : 200);
  };
  app.get(`${WS}/:id/wijzigen`, manage, (req, reply) => showChange(req, reply));
  app.post(`${WS}/:id/wijzigen`, manage, async (req, reply) => {
    const form = parseForm(service.campaignSchema, req.body, req.t);
    if (!form.ok) return showChange(req, reply, form.errors, form.values);
    try {
      await service.changeCampaign(deps, { ...args(req), input: form.data });
    } catch (err) {
      const errors = domainErrors(err, req.t);
      if (!errors) throw err;
      return showChange(req, reply, errors, echo(req.body));
    }
    return reply.redirect(`${wsPaths(councilOf(req), { id: (req.params as Params).id }).one}?melding=opgeslagen`, 303);
  });

  for (const format of ['csv', 'xlsx', 'ods'] as const) {
    app.get(`${WS}/:id/export.${format}`, manage, async (req, reply) => {
      const council = councilOf(req);
      const campaign = await service.getCampaign(deps.db, council.id, (req.params as Params).id);
      return reply
        .type(sheetTypes[format])
        .header('content-disposition', `attachment; filename="voordrachten-${campaign.id.slice(0, 8)}.${format}"`)
        .header('cache-control', 'no-store')
        .send(encodeSheet(await campaignSheet(deps.db, deps.secretKey, campaign), format));
    });
  }

  // ---------------------------------------------------------------- jurors
  const showDeclarations = async (req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors) => {
    const council = councilOf(req);
    const actor = actorOf(req);
    const campaign = await service.getCampaign(deps.db, council.id, (req.params as Params).id);
    const overview = await jury.juryOverview(deps.db, campaign, actor);
    if (!overview.juror) return reply.callNotFound();
    return reply.page(<DeclarationsPage {...(await pageProps(req))} campaign={campaign} rows={overview.rows} errors={errors} notice={notice(req)} />, errors ? 400 : 200);
  };
  app.get(`${WS}/:id/verklaringen`, judge, (req, reply) => showDeclarations(req, reply));
  app.post(`${WS}/:id/verklaringen`, judge, async (req, reply) => {
    const council = councilOf(req);
    const campaign = await service.getCampaign(deps.db, council.id, (req.params as Params).id);
    try {
      await jury.declare(deps, { actor: actorOf(req), council, campaign, declarations: jury.declarationsFrom((req.body ?? {}) as Record<string, unknown>) });
    } catch (err) {
      const errors = domainErrors(err, req.t);
      if (!errors) throw err;
      return showDeclarations(req, reply, errors);
    }
    return reply.redirect(`${wsPaths(council, campaign).declarations}?melding=verklaard`, 303);
  });

  const showNomination = async (req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors, values?: FormValues) => {
    const council = councilOf(req);
    const actor = actorOf(req);
    const { id, nominationId } = req.params as Params;
    const campaign = await service.getCampaign(deps.db, council.id, id);
    const seen = await jury.nominationFor(deps.db, campaign, actor, nominationId);
    const nominators = Object.fromEntries([seen.nomination, ...seen.coNominations].map((n) => [n.id, nominatorOf(deps.secretKey, n)]));
    const view = { ...seen, nominators, campaign, criteria: await service.criteriaOf(deps.db, campaign.id), maySelect: can(actor, 'campaigns.manage') && campaign.phase === 'decision' };
    return reply.page(<NominationWorkspacePage {...(await pageProps(req))} view={view} errors={errors} values={values} notice={notice(req)} />, errors ? 400 : 200);
  };
  app.get(`${WS}/:id/nominaties/:nominationId`, judge, (req, reply) => showNomination(req, reply));

  app.post(`${WS}/:id/nominaties/:nominationId/beoordeling`, judge, async (req, reply) => {
    const council = councilOf(req);
    const { id, nominationId } = req.params as Params;
    const campaign = await service.getCampaign(deps.db, council.id, id);
    const actor = actorOf(req);
    // Unknown, another campaign's, or declared with a conflict: 404 before any form check; an organiser who is not on the jury: 403.
    await jury.nominationFor(deps.db, campaign, actor, nominationId);
    if (!(await jury.isJuror(deps.db, campaign, actor))) throw new ForbiddenError('campaigns.score');
    const criteria = await service.criteriaOf(deps.db, campaign.id);
    const parsed = jury.scoreSchema(criteria).safeParse(req.body ?? {});
    if (!parsed.success) return showNomination(req, reply, issuesToErrors(parsed.error.issues, req.t), echo(req.body));
    try {
      await jury.submitScores(deps, { actor, council, campaign, criteria, nominationId, input: parsed.data });
    } catch (err) {
      const errors = domainErrors(err, req.t);
      if (!errors) throw err;
      return showNomination(req, reply, errors, echo(req.body));
    }
    return reply.redirect(`${wsPaths(council, campaign).nomination(nominationId)}?melding=beoordeeld`, 303);
  });

  /** An organisers' step on one nomination: on a refused step, the nomination's page with the message. */
  const nominationStep = (path: string, melding: keyof typeof notices, run: (req: FastifyRequest, a: { actor: Actor; council: Council; id: string; nominationId: string }) => Promise<void>) =>
    app.post(`${WS}/:id/nominaties/:nominationId/${path}`, manage, async (req, reply) => {
      const council = councilOf(req);
      const { id, nominationId } = req.params as Params;
      const campaign = await service.getCampaign(deps.db, council.id, id);
      await jury.nominationFor(deps.db, campaign, actorOf(req), nominationId);
      try {
        await run(req, { actor: actorOf(req), council, id, nominationId });
      } catch (err) {
        const errors = errorsOf(err, req.t);
        if (!errors) throw err;
        return showNomination(req, reply, errors, echo(req.body));
      }
      return reply.redirect(`${wsPaths(council, campaign).nomination(nominationId)}?melding=${melding}`, 303);
    });
  nominationStep('koploper', 'gekozen', (req, a) => service.chooseFrontRunner(deps, { ...a, motivation: valid(req, service.selectionSchema).motivation }));
  nominationStep('terugdraaien', 'teruggedraaid', (req, a) => service.deselectFrontRunner(deps, { ...a, reason: valid(req, service.deselectionSchema).reason }));
}

/** The overview's page and province from the query (?pagina=2&provincie=PV26); anything else: the first page of all. */
function overviewFilter(req: FastifyRequest): jury.OverviewFilter {
  const q = (req.query ?? {}) as Record<string, unknown>;
  const page = typeof q.pagina === 'string' && /^\d{1,5}$/.test(q.pagina) ? Number(q.pagina) : 1;
  return { page, province: typeof q.provincie === 'string' ? q.provincie : undefined };
}

/** Field errors of a form inside an organisers' step, shown like a broken rule. */
class FormErrors extends Error {
  constructor(readonly errors: FieldErrors) {
    super('form errors');
  }
}

/** The form errors of a refused step: invalid fields or a broken domain rule; null for anything else. */
function errorsOf(err: unknown, t: Translate): FieldErrors | null {
  return err instanceof FormErrors ? err.errors : domainErrors(err, t);
}
