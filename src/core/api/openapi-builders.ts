/**
 * Builders for the operations and schemas the modules' OpenAPI parts share, so every module
 * writes an operation the same way: what differs (id, texts, schema, example) is what it names.
 * openapi.ts adds what every operation of the document shares (400, 429, headers).
 */
import { exampleLink, json, problemResponse, raadParam, ref, standardProblems } from './openapi.ts';

type Response = { description: string; headers?: Record<string, unknown>; content?: unknown };

export type OperationSpec = {
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** Parameters after the organisation (`raad`, always first). */
  parameters?: object[];
  /** A body of this schema, with an example. */
  body?: { schema: string; example: unknown };
  /** The answer when it works: its description, schema and example; 200 unless `status` says otherwise. */
  ok: { status?: '200' | '201'; description: string; schema: string; example?: unknown; headers?: Record<string, unknown> };
  /** Other answers besides the ones the builder adds. */
  problems?: Record<string, Response>;
};

function operation(spec: OperationSpec, auth: { security?: unknown[]; responses: Record<string, Response> }) {
  const { ok } = spec;
  return {
    operationId: spec.operationId,
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    tags: [spec.tag],
    ...(auth.security ? { security: auth.security } : {}),
    parameters: [raadParam, ...(spec.parameters ?? [])],
    ...(spec.body ? { requestBody: { required: true, content: json(ref(spec.body.schema), spec.body.example) } } : {}),
    responses: {
      [ok.status ?? '200']: { description: ok.description, ...(ok.headers ? { headers: ok.headers } : {}), content: json(ref(ok.schema), ok.example) },
      ...auth.responses,
      '404': standardProblems.notFound,
      ...spec.problems,
    },
  };
}

/** A read anyone may do without a key (the document gives it CORS): 404 for an unknown organisation or item. */
export const publicRead = (spec: OperationSpec) => ({ get: operation(spec, { responses: {} }) });

/**
 * An operation with an API key of the organisation: 401 without a valid key, 403 (unless
 * `forbidden: false`) when the key does not give the right.
 */
export const keyOperation = (method: 'get' | 'post', spec: OperationSpec & { forbidden?: boolean }) => ({
  [method]: operation(spec, {
    security: [{ bearer: [] }],
    responses: { '401': standardProblems.unauthorized, ...(spec.forbidden === false ? {} : { '403': standardProblems.forbidden }) },
  }),
});

/** A 400 for input that does not fit the schema, with one field as the example. */
export const invalidInput = (name: string, code: string, reason: string) =>
  problemResponse('De invoer klopt niet', {
    status: 400,
    code: 'VALIDATION_FAILED',
    title: 'De invoer klopt niet',
    detail: 'Verbeter de velden in invalidParams en probeer het opnieuw.',
    invalidParams: [{ name, code, reason }],
  });

/** The `_links` of a public resource: its address in the API and its page on the site. */
export const selfAndHtml = { type: 'object', properties: { self: ref('Link'), html: ref('Link') }, required: ['self', 'html'] };

/** A list of `item`s with their number and the list's own links. */
export const listSchema = (item: string) => ({
  type: 'object',
  properties: { total: { type: 'integer', minimum: 0 }, items: { type: 'array', items: ref(item) }, _links: selfAndHtml },
  required: ['total', 'items', '_links'],
});

/** Example `_links` of a public resource: its path in the API (after /api/v1) and its page on the site. */
export const exampleLinks = (api: string, page: string) => ({ self: exampleLink(api), html: exampleLink(page, true) });
