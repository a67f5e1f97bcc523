/**
 * Cooperations through the open API: the public agreements an organisation is a party to. Read
 * only, no key: the same agreements its public site shows (running and marked public).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { OpenApiPart } from '../../core/module.ts';
import { API_PREFIX, exampleLinks, publicRead, readLimit, ref, selfLinks } from '../../core/api/index.ts';
import { councilOf } from '../../core/tenancy.ts';
import { notFound } from '../../core/errors.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { publicAgreement, publicAgreements, type AgreementSummary } from './cooperation.queries.ts';
import { agreementStates, renewalKinds } from './cooperation.schema.ts';

const read = { config: { ...readLimit, section: 'cooperation' as const } };

function representation(req: FastifyRequest, council: Council, a: AgreementSummary) {
  return {
    name: a.name,
    title: a.title,
    purpose: a.purpose,
    startsOn: a.startsOn,
    endsOn: a.endsOn,
    renewal: a.renewal,
    noticeDays: a.noticeDays,
    status: a.state,
    wooCategory: 'convenanten',
    parties: a.parties.map((p) => ({ name: p.name, organisation: p.slug, contribution: p.contribution })),
    _links: selfLinks(req, `/raden/${council.slug}/samenwerkingen/${a.name}`, `/${council.slug}/samenwerking/${a.name}`),
  };
}

export async function cooperationApiRoutes(app: FastifyInstance) {
  const deps = app.deps;
  app.get(`${API_PREFIX}/raden/:raad/samenwerkingen`, read, async (req, reply) => {
    const council = councilOf(req);
    const rows = await publicAgreements(deps.db, council);
    return reply.send({ items: rows.map((a) => representation(req, council, a)) });
  });
  app.get(`${API_PREFIX}/raden/:raad/samenwerkingen/:naam`, read, async (req, reply) => {
    const council = councilOf(req);
    const a = (await publicAgreement(deps.db, council, (req.params as { naam: string }).naam)) ?? notFound('agreement');
    return reply.send(representation(req, council, a));
  });
}

const exampleName = 'samenwerking-wmo-en-jeugd-2027';
const example = {
  name: exampleName,
  title: 'Samenwerking Wmo en jeugd 2027',
  purpose: 'Samen ervaringen ophalen bij cliënten van de wijkteams.',
  startsOn: '2027-01-01',
  endsOn: '2027-12-31',
  renewal: 'tacit',
  noticeDays: 30,
  status: 'active',
  wooCategory: 'convenanten',
  parties: [
    { name: 'Adviesraad Sociaal Domein Lindewijk', organisation: 'lindewijk', contribution: 'Kennis van de Wmo' },
    { name: 'Cliëntenraad Zorggroep Lindewijk', organisation: 'zorggroep-lindewijk', contribution: 'Gesprekken met cliënten' },
  ],
  _links: exampleLinks(`/raden/lindewijk/samenwerkingen/${exampleName}`, `/lindewijk/samenwerking/${exampleName}`),
};
const text = { type: 'string' };
const naamParam = {
  name: 'naam',
  in: 'path',
  required: true,
  description: 'De korte naam van de samenwerking, zoals in het webadres.',
  schema: { type: 'string', pattern: '^[a-z0-9-]+$' },
  example: exampleName,
};

/** The cooperation part of the OpenAPI document. */
export const cooperationOpenApi: OpenApiPart = {
  tags: [{ name: 'samenwerkingen', description: 'Openbare samenwerkingsafspraken tussen raden (Woo-categorie convenanten)' }],
  paths: {
    '/raden/{raad}/samenwerkingen': publicRead({
      operationId: 'listSamenwerkingen',
      summary: 'Openbare samenwerkingen van een organisatie',
      description: 'De lopende samenwerkingsafspraken waarin de organisatie partij is en die openbaar zijn.',
      tag: 'samenwerkingen',
      ok: { description: 'De samenwerkingen', schema: 'SamenwerkingLijst', example: { items: [example] } },
    }),
    '/raden/{raad}/samenwerkingen/{naam}': publicRead({
      operationId: 'getSamenwerking',
      summary: 'Eén openbare samenwerking',
      tag: 'samenwerkingen',
      parameters: [naamParam],
      ok: { description: 'De samenwerking', schema: 'Samenwerking', example },
    }),
  },
  schemas: {
    Samenwerking: {
      type: 'object',
      properties: {
        name: { type: 'string', description: 'Korte naam, deel van het webadres' },
        title: text,
        purpose: text,
        startsOn: { type: 'string', format: 'date' },
        endsOn: { type: 'string', format: 'date' },
        renewal: { type: 'string', enum: [...renewalKinds], description: 'tacit: vanzelf verlengd tenzij opgezegd; explicit: alleen na een besluit' },
        noticeDays: { type: 'integer', description: 'Opzegtermijn in dagen voor de einddatum' },
        status: { type: 'string', enum: [...agreementStates] },
        wooCategory: { type: 'string', const: 'convenanten' },
        parties: {
          type: 'array',
          items: {
            type: 'object',
            properties: { name: text, organisation: { type: ['string', 'null'], description: 'Korte naam van de organisatie op dit platform; null voor een partij van buiten' }, contribution: text },
            required: ['name', 'organisation', 'contribution'],
          },
        },
        _links: { type: 'object', properties: { self: ref('Link'), html: ref('Link') } },
      },
      required: ['name', 'title', 'purpose', 'startsOn', 'endsOn', 'renewal', 'noticeDays', 'status', 'wooCategory', 'parties', '_links'],
    },
    SamenwerkingLijst: { type: 'object', properties: { items: { type: 'array', items: ref('Samenwerking') } }, required: ['items'] },
  },
};
