/**
 * Public pages: /{slug}/campagnes, /{slug}/campagnes/{campaign} (with the results once
 * published), the nomination form and the edit link. The meetings are the meetings module's (with
 * its public pages and calendar feed). The form has the
 * signal form's abuse protection (honeypot, minimum fill time from the form's signed token, and
 * the per-address hourly count of the public forms, through the signals module's surface).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { councilOf } from '../../core/tenancy.ts';
import { domainErrors, echo, issuesToErrors, readUploads, type FieldErrors, type UploadForm } from '../../core/http/forms.ts';
import { notFound } from '../../core/errors.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { addressKey, overLimit, recordSubmission, tooFast } from '../signals/index.ts';
import { coverage, criteriaOf, findCampaign, listCampaigns, meetingsOf, organiserNames, primaryNominations } from './campaigns.service.ts';
import { nominationByToken, nominationSchema, PDF_MAX_BYTES, submitNomination, updateNomination, valuesOf, type NominationInput } from './campaigns.nominations.ts';
import { nominationsOpen } from './campaigns.workflow.ts';
import type { Campaign } from './campaigns.schema.ts';
import { municipality } from './municipalities.ts';
import { CampaignList, CampaignPage, HONEYPOT, LimitPage, NominationPage, publicPaths, SentPage, type CampaignView } from './views/public.tsx';

const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

/**
 * The token the form was posted with (the CSRF check passed it): shown again with the errors, so
 * the minimum fill time keeps counting from the first showing and a quick fix is not "too fast".
 */
const postedToken = (req: FastifyRequest): string | undefined => {
  const token = (req.query as Record<string, unknown> | undefined)?._csrf;
  return typeof token === 'string' && token.length <= 200 ? token : undefined;
};

/** A campaign the public may see: its nominations have opened (or it moved past them). */
async function publicCampaign(req: FastifyRequest): Promise<{ council: Council; campaign: Campaign }> {
  const council = councilOf(req);
  const campaign = await findCampaign(req.server.deps.db, council.id, (req.params as { id: string }).id);
  if (!campaign || (campaign.phase === 'nominations' && campaign.opensAt.getTime() > Date.now())) notFound('campaign');
  return { council, campaign };
}

/** What the public page of a campaign shows; results only once published. */
export async function campaignView(req: FastifyRequest, campaign: Campaign): Promise<CampaignView> {
  const db = req.server.deps.db;
  const [criteria, organisers, meetings] = await Promise.all([criteriaOf(db, campaign.id), organiserNames(db, campaign), meetingsOf(req.server.deps, councilOf(req), campaign)]);
  const published = campaign.phase === 'published';
  const chosen = published ? (await primaryNominations(db, campaign.id)).filter((n) => n.selected) : [];
  return {
    campaign,
    criteria,
    organisers,
    open: nominationsOpen(campaign),
    meetings,
    provinces: published ? await coverage(db, campaign.id) : [],
    frontRunners: chosen
      .map((n) => {
        const m = municipality(n.municipalityCode);
        return { code: n.municipalityCode, name: m?.name ?? n.municipalityCode, province: n.province, provinceName: m?.provinceName ?? n.province, motivation: n.selectionMotivation ?? '' };
      })
      .sort((a, b) => a.province.localeCompare(b.province) || a.name.localeCompare(b.name, 'nl')),
  };
}

/** Reads the multipart form: fields, and the PDF if one was chosen. */
async function readNomination(req: FastifyRequest): Promise<UploadForm> {
  return readUploads(req, { field: 'bijlage', maxBytes: PDF_MAX_BYTES, maxFields: 30, fieldSize: 40_000 });
}

export async function campaignsPublicRoutes(app: FastifyInstance) {
  const deps = app.deps;

  app.get('/:council/campagnes', async (req, reply) => {
    const council = councilOf(req);
    return reply.page(<CampaignList ctx={await req.pageCtx()} council={council} campaigns={await listCampaigns(deps.db, council.id, { publicOnly: true })} />);
  });

  app.get('/:council/campagnes/:id', async (req, reply) => {
    const { council, campaign } = await publicCampaign(req);
    return reply.page(<CampaignPage ctx={await req.pageCtx()} council={council} view={await campaignView(req, campaign)} />);
  });

  const showForm = async (req: FastifyRequest, reply: FastifyReply, council: Council, campaign: Campaign, values: Record<string, string>, errors?: FieldErrors) => {
    noStore(reply);
    const criteria = await criteriaOf(deps.db, campaign.id);
    if (!nominationsOpen(campaign)) return reply.page(<CampaignPage ctx={await req.pageCtx()} council={council} view={await campaignView(req, campaign)} />, errors ? 409 : 200);
    return reply.page(
      <NominationPage ctx={await req.pageCtx()} council={council} campaign={campaign} criteria={criteria} values={values} errors={errors} token={errors ? postedToken(req) : undefined} />,
      errors ? 400 : 200,
    );
  };

  app.get('/:council/campagnes/:id/voordragen', async (req, reply) => {
    const { council, campaign } = await publicCampaign(req);
    return showForm(req, reply, council, campaign, {});
  });

  app.post('/:council/campagnes/:id/voordragen', async (req, reply) => {
    const { council, campaign } = await publicCampaign(req);
    const form = await readNomination(req);
    const values = echo(form.fields);
    const key = addressKey(deps.secretKey, req.ip);
    if (await overLimit(deps.db, key)) {
      noStore(reply);
      return reply.page(<LimitPage ctx={await req.pageCtx()} council={council} campaign={campaign} />, 429);
    }
    const paths = publicPaths(council, campaign);
    // A robot filled the hidden field: store nothing, count it, answer like a success.
    if ((form.fields[HONEYPOT] ?? '').trim() !== '') {
      await recordSubmission(deps.db, key);
      req.log.info({ code: 'NOMINATION_HONEYPOT' }, 'nomination refused');
      return reply.redirect(paths.sent, 303);
    }
    if (!nominationsOpen(campaign)) return showForm(req, reply, council, campaign, values, { form: req.t('campaigns.error.closed') });
    const criteria = await criteriaOf(deps.db, campaign.id);
    const parsed = nominationSchema(criteria).safeParse(form.fields);
    const fileError: FieldErrors = form.tooMany ? { bijlage: req.t('error.invalid') } : {};
    if (!parsed.success || form.tooMany) return showForm(req, reply, council, campaign, values, { ...(parsed.success ? {} : issuesToErrors(parsed.error.issues, req.t)), ...fileError });
    if (tooFast(req.formIssuedAt)) return showForm(req, reply, council, campaign, values, { form: req.t('campaigns.form.tooFast') });
    try {
      await submitNomination(deps, { council, campaign, criteria, input: parsed.data as NominationInput, upload: form.uploads[0], t: req.t });
    } catch (err) {
      const errors = domainErrors(err, req.t);
      if (!errors) throw err;
      return showForm(req, reply, council, campaign, values, errors);
    }
    await recordSubmission(deps.db, key);
    return reply.redirect(paths.sent, 303);
  });

  app.get('/:council/campagnes/:id/verstuurd', async (req, reply) => {
    const { council, campaign } = await publicCampaign(req);
    noStore(reply);
    return reply.page(<SentPage ctx={await req.pageCtx()} council={council} campaign={campaign} />);
  });

  /** The edit link: the token is the credential; another campaign's or an unknown token is a 404. */
  const byLink = async (req: FastifyRequest) => {
    const { council, campaign } = await publicCampaign(req);
    const nomination = (await nominationByToken(deps.db, campaign, (req.params as { token: string }).token)) ?? notFound('nomination');
    const criteria = await criteriaOf(deps.db, campaign.id);
    const action = `/${council.slug}/campagnes/${campaign.id}/nominatie/${(req.params as { token: string }).token}`;
    return { council, campaign, nomination, criteria, action, name: municipality(nomination.municipalityCode)?.name ?? nomination.municipalityCode };
  };

  app.get('/:council/campagnes/:id/nominatie/:token', async (req, reply) => {
    const l = await byLink(req);
    noStore(reply);
    reply.header('referrer-policy', 'no-referrer');
    const saved = (req.query as Record<string, unknown>).melding === 'opgeslagen';
    return reply.page(
      <NominationPage
        ctx={await req.pageCtx()}
        council={l.council}
        campaign={l.campaign}
        criteria={l.criteria}
        values={valuesOf(deps.secretKey, l.nomination, l.criteria)}
        edit={{ action: l.action, municipality: l.name, saved, open: nominationsOpen(l.campaign) }}
      />,
    );
  });

  app.post('/:council/campagnes/:id/nominatie/:token', async (req, reply) => {
    const l = await byLink(req);
    const form = await readNomination(req);
    noStore(reply);
    const values = echo(form.fields);
    const edit = { action: l.action, municipality: l.name, open: nominationsOpen(l.campaign) };
    const show = async (errors: FieldErrors, status: number) =>
      reply.page(
        <NominationPage ctx={await req.pageCtx()} council={l.council} campaign={l.campaign} criteria={l.criteria} values={values} errors={errors} edit={edit} token={postedToken(req)} />,
        status,
      );
    if (!edit.open) return show({ form: req.t('campaigns.edit.closed') }, 409);
    const parsed = nominationSchema(l.criteria).safeParse({ ...form.fields, municipality: l.nomination.municipalityCode });
    if (!parsed.success) return show(issuesToErrors(parsed.error.issues, req.t), 400);
    try {
      await updateNomination(deps, { council: l.council, campaign: l.campaign, criteria: l.criteria, nomination: l.nomination, input: parsed.data as NominationInput, upload: form.uploads[0] });
    } catch (err) {
      const errors = domainErrors(err, req.t);
      if (!errors) throw err;
      return show(errors, 400);
    }
    return reply.redirect(`${l.action}?melding=opgeslagen`, 303);
  });
}
