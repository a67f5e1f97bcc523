/** The public policy calendar through the open API: the moments a council chose to show. */
import type { FastifyInstance } from 'fastify';
import type { OpenApiPart } from '../../core/module.ts';
import { API_PREFIX, exampleLinks, listAnswer, listSchema, publicRead, readLimit } from '../../core/api/index.ts';
import { councilOf } from '../../core/tenancy.ts';
import { publicMoments } from './policycalendar.service.ts';
import { momentKinds, momentStatuses } from './policycalendar.schema.ts';

export async function policyCalendarApiRoutes(app: FastifyInstance) {
  const deps = app.deps;
  app.get(`${API_PREFIX}/raden/:raad/beleidskalender`, { config: { ...readLimit, section: 'advice' as const } }, async (req, reply) => {
    const council = councilOf(req);
    const moments = await publicMoments(deps, council);
    const items = moments.map((m) => ({ id: m.id, kind: m.kind, title: m.title, expectedOn: m.expectedOn, recurrenceYears: m.recurrenceYears, status: m.status }));
    return reply.send(listAnswer(req, items, { api: `/raden/${council.slug}/beleidskalender`, site: `/${council.slug}/beleidskalender` }));
  });
}

export const policyCalendarOpenApi: OpenApiPart = {
  tags: [{ name: 'beleidskalender', description: 'De openbare momenten van invloed van een raad' }],
  paths: {
    '/raden/{raad}/beleidskalender': publicRead({
      operationId: 'listBeleidskalender',
      summary: 'De openbare momenten van invloed van een raad, op datum',
      tag: 'beleidskalender',
      ok: {
        description: 'De momenten',
        schema: 'BeleidsmomentLijst',
        example: {
          total: 1,
          items: [{ id: '6f1c2b8e-4d3a-4b7e-9a51-0c2d3e4f5a6b', kind: 'beleidsplan', title: 'Wmo-beleidsplan 2027-2030', expectedOn: '2027-03-01', recurrenceYears: 4, status: 'expected' }],
          _links: exampleLinks('/raden/lindewijk/beleidskalender', '/lindewijk/beleidskalender'),
        },
      },
    }),
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
    BeleidsmomentLijst: listSchema('Beleidsmoment'),
  },
};
