/** The public policy calendar through the open API: the moments a council chose to show. */
import type { FastifyInstance } from 'fastify';
import type { OpenApiPart } from '../../core/module.ts';
import { API_PREFIX, exampleLink, json, raadParam, readLimit, ref, standardProblems } from '../../core/api/index.ts';
import { councilOf } from '../../core/tenancy.ts';
import { publicMoments } from './policycalendar.service.ts';
import { momentKinds, momentStatuses } from './policycalendar.schema.ts';

export async function policyCalendarApiRoutes(app: FastifyInstance) {
  const deps = app.deps;
  app.get(`${API_PREFIX}/raden/:raad/beleidskalender`, { config: { ...readLimit, section: 'advice' as const } }, async (req, reply) => {
    const council = councilOf(req);
    const base = deps.config.baseUrl.replace(/\/$/, '');
    const moments = await publicMoments(deps, council);
    return reply.send({
      total: moments.length,
      items: moments.map((m) => ({ id: m.id, kind: m.kind, title: m.title, expectedOn: m.expectedOn, recurrenceYears: m.recurrenceYears, status: m.status })),
      _links: { self: { href: `${base}${API_PREFIX}/raden/${council.slug}/beleidskalender` }, html: { href: `${base}/${council.slug}/beleidskalender` } },
    });
  });
}

export const policyCalendarOpenApi: OpenApiPart = {
  tags: [{ name: 'beleidskalender', description: 'De openbare momenten van invloed van een raad' }],
  paths: {
    '/raden/{raad}/beleidskalender': {
      get: {
        operationId: 'listBeleidskalender',
        summary: 'De openbare momenten van invloed van een raad, op datum',
        tags: ['beleidskalender'],
        parameters: [raadParam],
        responses: {
          '200': {
            description: 'De momenten',
            content: json(ref('BeleidsmomentLijst'), {
              total: 1,
              items: [{ id: '6f1c2b8e-4d3a-4b7e-9a51-0c2d3e4f5a6b', kind: 'beleidsplan', title: 'Wmo-beleidsplan 2027-2030', expectedOn: '2027-03-01', recurrenceYears: 4, status: 'expected' }],
              _links: { self: exampleLink('/raden/lindewijk/beleidskalender'), html: exampleLink('/lindewijk/beleidskalender', true) },
            }),
          },
          '404': standardProblems.notFound,
        },
      },
    },
  },
  schemas: {
    Beleidsmoment: {
      type: 'object',
      properties: {
        id: { type: 'string', format: 'uuid' },
        kind: { type: 'string', enum: [...momentKinds] },
        title: { type: 'string' },
        expectedOn: { type: 'string', format: 'date' },
        recurrenceYears: { type: ['integer', 'null'], minimum: 1, description: 'Komt elke zoveel jaar terug' },
        status: { type: 'string', enum: [...momentStatuses] },
      },
      required: ['id', 'kind', 'title', 'expectedOn', 'recurrenceYears', 'status'],
    },
    BeleidsmomentLijst: {
      type: 'object',
      properties: {
        total: { type: 'integer', minimum: 0 },
        items: { type: 'array', items: ref('Beleidsmoment') },
        _links: { type: 'object', properties: { self: ref('Link'), html: ref('Link') }, required: ['self', 'html'] },
      },
      required: ['total', 'items', '_links'],
    },
  },
};
