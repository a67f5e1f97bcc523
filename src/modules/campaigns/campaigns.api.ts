/**
 * The public campaigns through the open API: the list of an organisation's campaigns and one
 * campaign with its criteria, window, meetings and, once published, the front runners per
 * province. No key needed; individual scores and nominators never leave through the API.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { OpenApiPart } from '../../core/module.ts';
import { API_PREFIX, exampleLink, exampleLinks, idParam, linksFor, publicRead, readLimit, ref, selfAndHtml, selfLinks } from '../../core/api/index.ts';
import { NotFoundError } from '../../core/policy.ts';
import { councilOf } from '../../core/tenancy.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { findCampaign, listCampaigns } from './campaigns.service.ts';
import { campaignView } from './campaigns.public.routes.tsx';
import { campaignPhases, type Campaign } from './campaigns.schema.ts';
import type { CampaignMeeting } from '../meetings/index.ts';

const read = { config: { ...readLimit, section: 'campaigns' as const } };
const iso = (d: Date | null) => (d ? d.toISOString() : null);

function summary(req: FastifyRequest, council: Council, c: Campaign) {
  return {
    id: c.id,
    title: c.title,
    phase: c.phase,
    opensAt: iso(c.opensAt),
    closesAt: iso(c.closesAt),
    _links: selfLinks(req, `/raden/${council.slug}/campagnes/${c.id}`, `/${council.slug}/campagnes/${c.id}`),
  };
}

/** A meeting of the meetings module as the API shows it, with its public page. */
function meetingOf(req: FastifyRequest, m: CampaignMeeting | null) {
  return m ? { startsAt: iso(m.startsAt), endsAt: iso(m.endsAt), place: m.location, cancelled: m.status === 'cancelled', _links: { html: linksFor(req).site(m.publicPath) } } : null;
}

export async function campaignsApiRoutes(app: FastifyInstance) {
  const deps = app.deps;

  app.get(`${API_PREFIX}/raden/:raad/campagnes`, read, async (req, reply) => {
    const council = councilOf(req);
    const list = await listCampaigns(deps.db, council.id, { publicOnly: true });
    return reply.send({ total: list.length, _embedded: { campaigns: list.map((c) => summary(req, council, c)) } });
  });

  app.get(`${API_PREFIX}/raden/:raad/campagnes/:id`, read, async (req, reply) => {
    const council = councilOf(req);
    const c = await findCampaign(deps.db, council.id, (req.params as { id: string }).id);
    if (!c || (c.phase === 'nominations' && c.opensAt.getTime() > Date.now())) throw new NotFoundError('campaign');
    const view = await campaignView(req, c);
    return reply.send({
      ...summary(req, council, c),
      purpose: c.purpose,
      organisers: view.organisers,
      nominationsOpen: view.open,
      criteria: view.criteria.map((k) => ({ number: k.position, question: k.question, explanation: k.explanation })),
      kickoff: meetingOf(req, view.meetings.kickoff),
      closing: meetingOf(req, view.meetings.closing),
      publishedAt: iso(c.publishedAt),
      uncoveredReason: c.uncoveredReason ?? '',
      frontRunners: view.frontRunners.map((f) => ({ municipalityCode: f.code, municipality: f.name, province: f.provinceName, motivation: f.motivation })),
    });
  });
}

const exampleId = idParam.example;
const str = { type: 'string' };
const dateTime = { type: ['string', 'null'], format: 'date-time' };
const meeting = {
  type: ['object', 'null'],
  description: 'A meeting of the meetings module; its page is `_links.html`.',
  properties: { startsAt: dateTime, endsAt: dateTime, place: str, cancelled: { type: 'boolean' }, _links: { type: 'object', properties: { html: ref('Link') }, required: ['html'] } },
  required: ['startsAt', 'endsAt', 'place', 'cancelled', '_links'],
};
const summaryProps = {
  id: { type: 'string', format: 'uuid' },
  title: str,
  phase: { type: 'string', enum: [...campaignPhases] },
  opensAt: dateTime,
  closesAt: dateTime,
  _links: selfAndHtml,
};
const exampleSummary = {
  id: exampleId,
  title: 'Koplopers in cliëntondersteuning',
  phase: 'published',
  opensAt: '2026-01-12T08:00:00.000Z',
  closesAt: '2026-03-01T16:00:00.000Z',
  _links: exampleLinks(`/raden/samen-sterk/campagnes/${exampleId}`, `/samen-sterk/campagnes/${exampleId}`),
};

/** The campaigns part of the OpenAPI document. */
export const campaignsOpenApi: OpenApiPart = {
  tags: [{ name: 'campagnes', description: 'Landelijke campagnes en hun uitslag (koplopers per provincie)' }],
  paths: {
    '/raden/{raad}/campagnes': publicRead({
      operationId: 'listCampagnes',
      summary: 'De openbare campagnes van een landelijke organisatie',
      tag: 'campagnes',
      ok: { description: 'De campagnes, nieuwste eerst', schema: 'CampagneLijst', example: { total: 1, _embedded: { campaigns: [exampleSummary] } } },
    }),
    '/raden/{raad}/campagnes/{id}': publicRead({
      operationId: 'getCampagne',
      summary: 'Eén campagne met criteria, bijeenkomsten en, na publicatie, de koplopers',
      tag: 'campagnes',
      parameters: [idParam],
      ok: {
        description: 'De campagne',
        schema: 'Campagne',
        example: {
          ...exampleSummary,
          purpose: 'Wij zoeken gemeenten waar cliëntondersteuning samen met inwoners goed geregeld is.',
          organisers: ['Samen Sterk', 'Cliëntenbond Nederland'],
          nominationsOpen: false,
          criteria: [{ number: 1, question: 'Leeft het onderwerp?', explanation: 'Staat cliëntondersteuning hoog op de agenda?' }],
          kickoff: {
            startsAt: '2026-01-15T14:00:00.000Z',
            endsAt: '2026-01-15T17:00:00.000Z',
            place: 'Utrecht',
            cancelled: false,
            _links: { html: exampleLink(`/samen-sterk/vergaderingen/${exampleId}`, true) },
          },
          closing: null,
          publishedAt: '2026-04-20T10:00:00.000Z',
          uncoveredReason: '',
          frontRunners: [{ municipalityCode: 'GM0344', municipality: 'Utrecht', province: 'Utrecht', motivation: 'Inwoners en vrijwilligers werken samen.' }],
        },
      },
    }),
  },
  schemas: {
    CampagneSamenvatting: { type: 'object', properties: summaryProps, required: Object.keys(summaryProps) },
    CampagneLijst: {
      type: 'object',
      properties: { total: { type: 'integer' }, _embedded: { type: 'object', properties: { campaigns: { type: 'array', items: ref('CampagneSamenvatting') } }, required: ['campaigns'] } },
      required: ['total', '_embedded'],
    },
    Campagne: {
      type: 'object',
      properties: {
        ...summaryProps,
        purpose: str,
        organisers: { type: 'array', items: str },
        nominationsOpen: { type: 'boolean' },
        criteria: { type: 'array', items: { type: 'object', properties: { number: { type: 'integer' }, question: str, explanation: str }, required: ['number', 'question', 'explanation'] } },
        kickoff: meeting,
        closing: meeting,
        publishedAt: dateTime,
        uncoveredReason: str,
        frontRunners: {
          type: 'array',
          items: { type: 'object', properties: { municipalityCode: str, municipality: str, province: str, motivation: str }, required: ['municipalityCode', 'municipality', 'province', 'motivation'] },
        },
      },
      required: [...Object.keys(summaryProps), 'purpose', 'organisers', 'nominationsOpen', 'criteria', 'kickoff', 'closing', 'publishedAt', 'uncoveredReason', 'frontRunners'],
    },
  },
};
