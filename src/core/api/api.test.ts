import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useTestApp, dayFromToday, ipSequence, makeCouncil } from '../../../test/support/factories.ts';
import { apiCaller, assertProblem, makeApiKey } from '../../../test/support/api.ts';
import { apiParts } from '../platform.ts';
import { API_VERSION } from './version.ts';

const t = useTestApp();

const api = apiCaller(t, ipSequence('10.69'));
const call = async (method: 'GET' | 'POST', url: string, opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) => (await api({ method, url, ...opts })).res;

type Res = Awaited<ReturnType<typeof call>>;
const assertProblemRes = (res: Res, status: number, code: string) => assertProblem({ res, json: JSON.parse(res.body) }, status, code);
const cors = (res: Res) => res.headers['access-control-allow-origin'];

test('every API answer carries API-Version: success, 404, 401, 400 and unknown paths; errors are problem+json', async () => {
  const c = await makeCouncil(t);
  const ok = await call('GET', `/api/v1/raden/${c.slug}/adviezen`);
  assert.equal(ok.statusCode, 200);
  assert.match(String(ok.headers['content-type']), /^application\/json/);
  assert.equal(ok.headers['api-version'], API_VERSION);

  const unknownCouncil = await call('GET', '/api/v1/raden/bestaat-niet/adviezen');
  assertProblemRes(unknownCouncil, 404, 'NOT_FOUND');
  assert.equal(unknownCouncil.headers['api-version'], API_VERSION);

  const noKey = await call('POST', `/api/v1/raden/${c.slug}/signalen`, { body: { description: 'Tekst', area: 'transport', since: 'month' } });
  assertProblemRes(noKey, 401, 'UNAUTHORIZED');
  assert.equal(noKey.headers['api-version'], API_VERSION);

  const unknownPath = await call('GET', '/api/v1/bestaat-niet');
  assertProblemRes(unknownPath, 404, 'NOT_FOUND');
  assert.equal(unknownPath.headers['api-version'], API_VERSION);

  const badJson = await call('POST', `/api/v1/raden/${c.slug}/signalen`, { headers: { 'content-type': 'application/json' }, body: undefined });
  assert.ok(badJson.statusCode >= 400 && badJson.statusCode < 500, String(badJson.statusCode));
  assert.equal(badJson.headers['api-version'], API_VERSION);

  const badUrl = await call('GET', `/api/v1/raden/${c.slug}/adviezen/%E0%A4%A`);
  assertProblemRes(badUrl, 400, 'BAD_REQUEST');
  assert.equal(badUrl.headers['api-version'], API_VERSION);

  // Pages are not part of the API.
  assert.equal((await t.app.inject({ url: `/${c.slug}` })).headers['api-version'], undefined);
});

test('reads without a key allow any origin (CORS); writes and key-protected reads do not', async () => {
  const c = await makeCouncil(t);
  const list = await call('GET', `/api/v1/raden/${c.slug}/adviezen`, { headers: { origin: 'https://gemeente.example' } });
  assert.equal(cors(list), '*');
  assert.match(String(list.headers['access-control-expose-headers']), /API-Version/i);
  assert.equal(cors(await call('GET', '/api/v1/openapi.json')), '*');
  // Also a refusal of a public read can be read by a web page.
  assert.equal(cors(await call('GET', `/api/v1/raden/${c.slug}/adviezen/6f1c2b8e-4d3a-4b7e-9a51-0c2d3e4f5a6b`)), '*');

  const token = (await makeApiKey(t, c, 'official')).token;
  const request = { subject: 'Armoedebeleid', question: 'Wat vindt de raad?', policyField: 'wmo', addressee: 'college', neededBy: dayFromToday(30) };
  const created = await call('POST', `/api/v1/raden/${c.slug}/adviesaanvragen`, { token, body: request, headers: { origin: 'https://gemeente.example' } });
  assert.equal(created.statusCode, 201, created.body);
  assert.equal(created.headers['api-version'], API_VERSION);
  assert.equal(cors(created), undefined, 'no CORS on a write');
  const location = new URL(String(created.headers.location)).pathname;
  const read = await call('GET', location, { token, headers: { origin: 'https://gemeente.example' } });
  assert.equal(read.statusCode, 200);
  assert.equal(cors(read), undefined, 'no CORS on a read that needs a key');
  assert.equal(cors(await call('POST', `/api/v1/raden/${c.slug}/signalen`, { body: {} })), undefined);
});

test('the OpenAPI document holds every module’s paths, documents API-Version on every answer and CORS on the public reads', async () => {
  const res = await call('GET', '/api/v1/openapi.json');
  assert.equal(res.statusCode, 200);
  assert.equal(res.headers['api-version'], API_VERSION);
  const doc = JSON.parse(res.body);
  assert.equal(doc.info.version, API_VERSION);
  for (const field of ['name', 'email', 'url']) assert.equal(typeof doc.info.contact[field], 'string', `info.contact.${field}`);
  assert.match(doc.servers[0].url, /\/api\/v1$/);

  const parts = apiParts();
  assert.ok(parts.length >= 2, 'advice and signals contribute paths');
  for (const part of parts) {
    for (const [path, item] of Object.entries(part.paths)) {
      for (const method of Object.keys(item as object)) assert.ok(doc.paths[path]?.[method], `${method} ${path} is in the document`);
    }
    for (const name of Object.keys(part.schemas ?? {})) assert.ok(doc.components.schemas[name], `schema ${name}`);
  }
  assert.ok(doc.components.securitySchemes.bearer, 'the key module’s security scheme');

  for (const [path, item] of Object.entries(
    doc.paths as Record<string, Record<string, { security?: unknown[]; responses: Record<string, { headers?: Record<string, unknown>; content?: Record<string, unknown> }> }>>,
  )) {
    for (const [method, op] of Object.entries(item)) {
      const publicRead = method === 'get' && !op.security?.length;
      assert.ok(op.responses['400'] && op.responses['429'], `${method} ${path}: 400 and 429`);
      for (const [code, r] of Object.entries(op.responses)) {
        assert.ok(r.headers?.['API-Version'], `${method} ${path} ${code}: API-Version`);
        assert.equal(Boolean(r.headers?.['Access-Control-Allow-Origin']), publicRead, `${method} ${path} ${code}: CORS only on public reads`);
        if (Number(code) >= 400) assert.deepEqual(Object.keys(r.content ?? {}), ['application/problem+json'], `${method} ${path} ${code}: problem+json`);
      }
    }
  }
});
