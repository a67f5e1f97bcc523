/**
 * The network through the open API, read only and without a key: the organisations that agreed
 * to be listed on the public site, and the council's public consultations. No contact persons,
 * no experiences: those hold personal data. Errors, headers and CORS come from core's API layer.
 */
import type { FastifyInstance } from 'fastify';
import type { OpenApiPart } from '../../core/module.ts';
import { API_PREFIX, exampleLinks, listAnswer, listSchema, publicRead, readLimit } from '../../core/api/index.ts';
import { councilOf } from '../../core/tenancy.ts';
import { translator } from '../../core/i18n/index.ts';
import { policyFields } from '../advice/index.ts';
import { publicNetwork } from './network.queries.ts';
import { listConsultations } from './network.consultations.ts';
import { consultationKinds, organisationTypes } from './network.schema.ts';

const read = { config: { ...readLimit, section: 'network' as const } };

export async function networkApiRoutes(app: FastifyInstance) {
  const deps = app.deps;
  const nl = translator('nl');

  app.get(`${API_PREFIX}/raden/:raad/netwerk`, read, async (req, reply) => {
    const council = councilOf(req);
    const list = await publicNetwork(deps.db, council);
    const items = list.map((o) => ({
      id: o.id,
      name: o.name,
      type: o.type,
      typeLabel: o.typeName ?? nl(`network.type.${o.type}`),
      website: o.website || null,
      policyFields: o.policyFields,
      targetGroups: o.targetGroups,
    }));
    return reply.send(listAnswer(req, items, { api: `/raden/${council.slug}/netwerk`, site: `/${council.slug}/netwerk` }));
  });

  app.get(`${API_PREFIX}/raden/:raad/raadplegingen`, read, async (req, reply) => {
    const council = councilOf(req);
    const list = await listConsultations(deps.db, council, { publicOnly: true });
    const items = list.map((c) => ({
      id: c.id,
      kind: c.kind,
      topic: c.topic,
      heldOn: c.heldOn,
      startTime: c.startTime || null,
      endTime: c.endTime || null,
      location: c.location || null,
      closesOn: c.closesOn,
      organisations: c.organisations,
      experiences: c.experiences,
      report: c.report || null,
    }));
    return reply.send(listAnswer(req, items, { api: `/raden/${council.slug}/raadplegingen`, site: `/${council.slug}/ervaring-delen` }));
  });
}

const exampleId = '6f1c2b8e-4d3a-4b7e-9a51-0c2d3e4f5a6b';
const nullableString = (extra: object = {}) => ({ type: ['string', 'null'], ...extra });

/** The network part of the OpenAPI document. */
export const networkOpenApi: OpenApiPart = {
  tags: [{ name: 'netwerk', description: 'Het netwerk van een raad en zijn openbare raadplegingen' }],
  paths: {
    '/raden/{raad}/netwerk': publicRead({
      operationId: 'listNetwerk',
      summary: 'Organisaties in het netwerk van een raad',
      description: 'Alleen organisaties die hebben ingestemd met vermelding op de website. Zonder contactpersonen.',
      tag: 'netwerk',
      ok: {
        description: 'De organisaties, op naam',
        schema: 'NetwerkLijst',
        example: {
          total: 1,
          items: [
            {
              id: exampleId,
              name: 'Ouderenbond Lindewijk',
              type: 'elderly_union',
              typeLabel: 'Ouderenbond',
              website: 'https://ouderenbond.example',
              policyFields: ['wmo'],
              targetGroups: 'ouderen',
            },
          ],
          _links: exampleLinks('/raden/lindewijk/netwerk', '/lindewijk/netwerk'),
        },
      },
    }),
    '/raden/{raad}/raadplegingen': publicRead({
      operationId: 'listRaadplegingen',
      summary: 'Openbare raadplegingen van een raad, nieuwste eerst',
      description: 'Expertmeetings, raadplegingsavonden, gespreksrondes en schriftelijke raadplegingen die de raad openbaar maakt, met het aantal organisaties en ervaringen.',
      tag: 'netwerk',
      ok: {
        description: 'De openbare raadplegingen',
        schema: 'RaadplegingLijst',
        example: {
          total: 1,
          items: [
            {
              id: exampleId,
              kind: 'expert_meeting',
              topic: 'Leerlingenvervoer',
              heldOn: '2026-12-09',
              startTime: '10:30',
              endTime: '11:30',
              location: 'Gemeentehuis',
              closesOn: '2026-12-31',
              organisations: 6,
              experiences: 12,
              report: null,
            },
          ],
          _links: exampleLinks('/raden/lindewijk/raadplegingen', '/lindewijk/ervaring-delen'),
        },
      },
    }),
  },
  schemas: {
    NetwerkOrganisatie: {
      type: 'object',
      properties: {
        id: { type: 'string', format: 'uuid' },
        name: { type: 'string' },
        type: { type: 'string', enum: [...organisationTypes] },
        typeLabel: { type: 'string', description: 'De soort in woorden; een eigen soort van de raad staat hier met type other.' },
        website: nullableString({ format: 'uri' }),
        policyFields: { type: 'array', items: { type: 'string', enum: [...policyFields] } },
        targetGroups: { type: 'string', description: 'Voor wie de organisatie spreekt' },
      },
      required: ['id', 'name', 'type', 'typeLabel', 'website', 'policyFields', 'targetGroups'],
    },
    NetwerkLijst: listSchema('NetwerkOrganisatie'),
    Raadpleging: {
      type: 'object',
      properties: {
        id: { type: 'string', format: 'uuid' },
        kind: { type: 'string', enum: [...consultationKinds] },
        topic: { type: 'string' },
        heldOn: { type: 'string', format: 'date' },
        startTime: nullableString({ pattern: '^\\d{2}:\\d{2}$' }),
        endTime: nullableString({ pattern: '^\\d{2}:\\d{2}$' }),
        location: nullableString(),
        closesOn: { type: ['string', 'null'], format: 'date', description: 'Tot en met deze dag kan iedereen een ervaring delen via het formulier.' },
        organisations: { type: 'integer', minimum: 0 },
        experiences: { type: 'integer', minimum: 0 },
        report: nullableString(),
      },
      required: ['id', 'kind', 'topic', 'heldOn', 'startTime', 'endTime', 'location', 'closesOn', 'organisations', 'experiences', 'report'],
    },
    RaadplegingLijst: listSchema('Raadpleging'),
  },
};
