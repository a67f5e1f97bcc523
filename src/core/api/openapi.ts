/**
 * The OpenAPI 3.1 document of /api/v1, assembled from every module's part (ModuleManifest.api).
 * Core writes what all operations share: info (with the contact the NL GOV API Design Rules
 * ask for), the server, the Problem and Link schemas, the API-Version and CORS headers on every
 * response, and the 400 and 429 answers every operation can give. Modules write their paths,
 * schemas and tags with the builders below.
 */
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { OpenApiPart } from '../module.ts';
import { apiParts } from '../platform.ts';
import type { Problem } from './problem.ts';
import { API_PREFIX, API_VERSION } from './version.ts';

// ------------------------------------------------------------------ builders for the modules' parts

/** Examples use this address; the live document's server is the installation's own. */
const EXAMPLE_BASE = 'https://raadwerk.example';
/** An example link to an API resource (path after /api/v1) or, with `site`, to a page. */
export const exampleLink = (path: string, site = false) => ({ href: `${EXAMPLE_BASE}${site ? '' : API_PREFIX}${path}` });

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const json = (schema: object, example?: unknown) => ({ 'application/json': { schema, ...(example === undefined ? {} : { example }) } });

/** A zod input schema as JSON Schema: the API documents the rules the forms use. */
export const jsonSchema = (schema: z.ZodType) => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};

export const problemResponse = (description: string, example: Problem) => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem'), example } },
});

/** The refusals most operations share (texts as the API sends them in Dutch). */
export const standardProblems = {
  notFound: problemResponse('De organisatie of het gevraagde bestaat niet, of is niet openbaar.', {
    status: 404,
    code: 'NOT_FOUND',
    title: 'Pagina niet gevonden',
    detail: 'Deze pagina bestaat niet (meer). Controleer het adres, of ga naar de startpagina.',
  }),
  unauthorized: problemResponse('Geen, een onbekende of een ingetrokken sleutel.', {
    status: 401,
    code: 'UNAUTHORIZED',
    title: 'Geen geldige sleutel',
    detail: 'Stuur een geldige API-sleutel mee in de kop Authorization: Bearer <sleutel>.',
  }),
  forbidden: problemResponse('De sleutel geeft geen recht op deze handeling.', {
    status: 403,
    code: 'FORBIDDEN',
    title: 'Geen toegang',
    detail: 'U mag deze pagina niet bekijken of dit niet doen.',
  }),
};
const badRequest = problemResponse('Het verzoek klopt niet (bijvoorbeeld een verkeerd gecodeerd webadres of ongeldige JSON).', {
  status: 400,
  code: 'BAD_REQUEST',
  title: 'Verzoek niet begrepen',
  detail: 'Wij konden dit verzoek niet lezen. Er is niets opgeslagen. Ga terug en probeer het opnieuw.',
});
const tooMany = problemResponse('Te veel verzoeken; probeer het later opnieuw.', {
  status: 429,
  code: 'RATE_LIMITED',
  title: 'Even wachten',
  detail: 'Er kwamen te veel verzoeken kort na elkaar. Wacht een paar minuten en probeer het dan opnieuw.',
});

export const raadParam = {
  name: 'raad',
  in: 'path',
  required: true,
  description: 'De korte naam van de organisatie, zoals in het webadres.',
  schema: { type: 'string', pattern: '^[a-z0-9-]+$' },
  example: 'lindewijk',
};
export const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' }, example: '6f1c2b8e-4d3a-4b7e-9a51-0c2d3e4f5a6b' };

// ------------------------------------------------------------------ the document

type Response = { description: string; headers?: Record<string, unknown>; content?: unknown };
type Operation = { security?: unknown[]; responses: Record<string, Response> };
type PathItem = Record<string, Operation>;

const core: OpenApiPart = {
  tags: [{ name: 'api', description: 'Over deze API' }],
  schemas: {
    Problem: {
      type: 'object',
      description: 'Een fout volgens RFC 9457.',
      properties: {
        status: { type: 'integer', description: 'De HTTP-statuscode' },
        code: { type: 'string', description: 'Vaste code van de fout' },
        title: { type: 'string', description: 'Korte beschrijving, in de taal van de vrager' },
        detail: { type: 'string', description: 'Wat er mis is en wat u kunt doen' },
        invalidParams: {
          type: 'array',
          description: 'Per veld wat er niet klopt',
          items: {
            type: 'object',
            properties: { name: { type: 'string' }, code: { type: 'string' }, reason: { type: 'string' } },
            required: ['name', 'code', 'reason'],
          },
        },
      },
      required: ['status', 'code', 'title', 'detail'],
    },
    Link: { type: 'object', properties: { href: { type: 'string', format: 'uri' } }, required: ['href'] },
  },
  paths: {
    '/openapi.json': {
      get: {
        operationId: 'getOpenApi',
        summary: 'Dit document',
        tags: ['api'],
        responses: { '200': { description: 'Het OpenAPI-document', content: json({ type: 'object' }, { openapi: '3.1.0' }) } },
      },
    },
  },
};

/** An operation anyone may call from a web page: a read without a key (answers carry CORS). */
const isPublicRead = (method: string, op: Operation) => method === 'get' && !op.security?.length;

/** The address of the installation's operator, for `info.contact`: the security contact, else the sender of mail. */
function contactEmail(config: Pick<Config, 'securityContact' | 'mailFrom'>): string {
  const mailto = /^mailto:([^?\s]+)/i.exec(config.securityContact)?.[1];
  return mailto ?? /<([^>]+)>/.exec(config.mailFrom)?.[1] ?? config.mailFrom;
}

function merge<T>(into: Record<string, T>, from: Record<string, T> | undefined, what: string) {
  for (const [key, value] of Object.entries(from ?? {})) {
    if (key in into) throw new Error(`OpenAPI ${what} ${key} is defined by two modules`);
    into[key] = value;
  }
}

/** The OpenAPI 3.1 document for this installation, from core's part and every module's. */
export function openApiDocument(config: Pick<Config, 'baseUrl' | 'securityContact' | 'mailFrom'>, parts: readonly OpenApiPart[] = apiParts()) {
  const base = config.baseUrl.replace(/\/$/, '');
  const paths: Record<string, PathItem> = {};
  const schemas: Record<string, unknown> = {};
  const securitySchemes: Record<string, unknown> = {};
  const tags: Record<string, { name: string; description: string }> = {};
  for (const part of [core, ...parts]) {
    for (const [path, item] of Object.entries(part.paths as Record<string, PathItem>)) {
      paths[path] ??= {};
      merge(paths[path], item, `operation on ${path}:`);
    }
    merge(schemas, part.schemas, 'schema');
    merge(securitySchemes, part.securitySchemes, 'security scheme');
    merge(tags, Object.fromEntries((part.tags ?? []).map((t) => [t.name, t])), 'tag');
  }
  for (const item of Object.values(paths)) {
    for (const [method, op] of Object.entries(item)) {
      const responses: Record<string, Response> = { '400': badRequest, '429': tooMany, ...op.responses };
      const headers = {
        'API-Version': { $ref: '#/components/headers/API-Version' },
        ...(isPublicRead(method, op) ? { 'Access-Control-Allow-Origin': { $ref: '#/components/headers/Access-Control-Allow-Origin' } } : {}),
      };
      // New objects: one response object may be shared by several operations.
      op.responses = Object.fromEntries(
        Object.entries(responses)
          .sort(([x], [y]) => x.localeCompare(y))
          .map(([code, r]) => [code, { ...r, headers: { ...headers, ...r.headers } }]),
      );
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Raadwerk API',
      version: API_VERSION,
      description:
        'Open API van Raadwerk: het openbare adviesregister van een adviesraad lezen (zonder sleutel), met een API-sleutel van de gemeente adviesaanvragen indienen en antwoorden van het college vastleggen, en met een sleutel van een organisatie of partnerraad signalen van inwoners doorgeven. Fouten volgen RFC 9457 (application/problem+json) met een vaste `code`. Elk antwoord heeft de kop API-Version; lezen zonder sleutel mag ook vanuit een webpagina op een ander domein (CORS).',
      contact: { name: 'Beheer van deze Raadwerk-installatie', email: contactEmail(config), url: `${base}/` },
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    },
    servers: [{ url: `${base}${API_PREFIX}`, description: 'Versie 1 van de API' }],
    tags: Object.values(tags),
    security: [],
    paths,
    components: {
      securitySchemes,
      headers: {
        'API-Version': { description: 'De volledige versie van de API die antwoordt.', schema: { type: 'string', example: API_VERSION } },
        'Access-Control-Allow-Origin': { description: 'Lezen zonder sleutel mag vanaf elke webpagina.', schema: { type: 'string', const: '*' } },
      },
      schemas,
    },
  };
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;

/** The paths anyone may read without a key, as Fastify route patterns (/api/v1/raden/:raad/adviezen). */
export function publicReadRoutes(doc: OpenApiDocument): Set<string> {
  const routes = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (isPublicRead(method, op)) routes.add(`${API_PREFIX}${path.replace(/\{(\w+)\}/g, ':$1')}`);
    }
  }
  return routes;
}
