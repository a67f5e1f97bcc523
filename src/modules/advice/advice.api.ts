/**
 * The open JSON API under /api/v1 (Dutch REST API design rules: Dutch resource names, a
 * version in the path, no trailing slashes, problem+json errors with a stable `code`).
 * Reading the public register needs no token; creating a request for advice and recording the
 * college's answer need the Bearer token of a municipal official (or secretary) of that council.
 * The OpenAPI 3.1 document is built here too, from the same zod schemas the forms use.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { issuesToErrors } from '../../core/http/forms.ts';
import { ForbiddenError, NotFoundError, can, type Actor } from '../../core/policy.ts';
import { isUuid } from '../../core/http/forms.ts';
import type { Translate } from '../../core/i18n/index.ts';
import { findOrganisationBySlug } from '../../core/organisations.ts';
import { SLUG_PATTERN } from '../../core/roles.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { addressees, adviceKinds, answers, policyFields, type Advice } from './advice.schema.ts';
import { adviceStates } from './advice.workflow.ts';
import { answerSchema, requestSchema } from './advice.forms.ts';
import { AdviceError, createRequest, findAdvice, recordAnswers } from './advice.service.ts';
import * as register from './advice.register.ts';
import { authenticateToken, type TokenAuth } from './advice.tokens.ts';
import { apiSignalSchema } from '../signals/signals.intake.ts';

export const API_PREFIX = '/api/v1';
/** Generous for systems, a brake for scrapers and floods. */
const readLimit = { rateLimit: { max: 300, timeWindow: '1 minute' } };
export const writeLimit = { rateLimit: { max: 60, timeWindow: '1 minute' } };


type Problem = { status: number; code: string; title: string; detail?: string; invalidParams?: { name: string; code: string; reason: string }[] };

export function problem(reply: FastifyReply, p: Problem) {
  return reply.code(p.status).type('application/problem+json').send(p);
}

/** The council named in the path; unknown or malformed: 404 (as problem+json, by the error handler). */
export async function councilFor(req: FastifyRequest): Promise<Council> {
  const slug = (req.params as { raad?: string }).raad ?? '';
  const council = SLUG_PATTERN.test(slug) ? await findOrganisationBySlug(req.server.deps.db, slug) : null;
  if (!council) throw new NotFoundError('council');
  return council;
}

/** Ids are random (version 4) UUIDs; anything else, the nil UUID included, can never name a resource. */
const GENERATED_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** A path id that can never name a resource is a 404, before anything else (also before the token). */
function idFrom(req: FastifyRequest): string {
  const id = (req.params as { id?: string }).id;
  if (!isUuid(id) || !GENERATED_ID.test(id)) throw new NotFoundError('advice');
  return id.toLowerCase();
}

/**
 * The Bearer token, for this council (shared by every /api/v1 module). No, unknown or revoked
 * token: 401 is sent and null returned. A token of another council: 404, as if the council's
 * resource did not exist for it.
 */
export async function apiToken(req: FastifyRequest, reply: FastifyReply, council: Council): Promise<Extract<TokenAuth, { ok: true }> | null> {
  const auth = await authenticateToken(req.server.deps.db, council, req.headers.authorization);
  if (auth.ok) return auth;
  if (auth.reason === 'otherCouncil') throw new NotFoundError('council');
  reply.header('www-authenticate', 'Bearer realm="raadwerk"');
  await problem(reply, { status: 401, code: 'UNAUTHORIZED', title: req.t('register.api.unauthorized.title'), detail: req.t('register.api.unauthorized.body') });
  return null;
}

/** The actor behind a token that acts as its user; an organisation's signals-only token may not act here (403). */
async function tokenActor(req: FastifyRequest, reply: FastifyReply, council: Council): Promise<Actor | null> {
  const auth = await apiToken(req, reply, council);
  if (auth && auth.scope !== 'member') throw new ForbiddenError('token scope');
  return auth?.actor ?? null;
}

/** zod issues as NL GOV problem `invalidParams`, with the field path (answers.0.reason) and the same texts as the forms. */
function invalidParams(issues: z.core.$ZodIssue[], t: Translate) {
  return issues.map((issue) => {
    const name = issue.path.length ? issue.path.map(String).join('.') : 'body';
    const reason = issuesToErrors([{ ...issue, path: [name] } as z.core.$ZodIssue], t)[name];
    return { name, code: issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined ? 'required' : issue.code, reason };
  });
}

export function validationProblem(reply: FastifyReply, req: FastifyRequest, issues: z.core.$ZodIssue[]) {
  return problem(reply, {
    status: 400,
    code: 'VALIDATION_FAILED',
    title: req.t('register.api.invalid.title'),
    detail: req.t('register.api.invalid.body'),
    invalidParams: invalidParams(issues, req.t),
  });
}

/** A domain rule that was not met: 409 for a step that is not allowed in this state, 422 for others. */
function adviceProblem(reply: FastifyReply, req: FastifyRequest, err: AdviceError) {
  const conflict = err.code === 'notAllowedFromState';
  const reason = req.t(err.messageKey);
  return problem(reply, {
    status: conflict ? 409 : 422,
    code: err.code,
    title: conflict ? req.t('register.api.conflict.title') : req.t('register.api.invalid.title'),
    detail: reason,
    invalidParams: err.field ? [{ name: err.field, code: err.code, reason }] : undefined,
  });
}

// ------------------------------------------------------------------ representations

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function links(req: FastifyRequest) {
  const base = req.server.deps.config.baseUrl.replace(/\/$/, '');
  return {
    api: (path: string) => ({ href: `${base}${API_PREFIX}${path}` }),
    site: (path: string) => ({ href: `${base}${path}` }),
  };
}

function registerItem(req: FastifyRequest, council: Council, a: register.RegisterItem) {
  const l = links(req);
  return {
    id: a.id,
    reference: a.reference,
    subject: a.subject,
    policyField: a.policyField,
    status: a.status,
    sentAt: iso(a.sentAt),
    answerDueOn: a.answerDueOn,
    answeredAt: iso(a.answeredAt),
    recommendations: a.recommendations,
    _links: { self: l.api(`/raden/${council.slug}/adviezen/${a.id}`), html: l.site(`/${council.slug}/adviezen/${a.id}`) },
  };
}

function publicAdvice(req: FastifyRequest, council: Council, a: register.PublicAdvice) {
  const l = links(req);
  return {
    id: a.id,
    reference: a.reference,
    kind: a.kind,
    subject: a.subject,
    question: a.question,
    policyField: a.policyField,
    addressee: a.addressee,
    status: a.status,
    introduction: a.introduction,
    explanation: a.explanation,
    neededBy: a.neededBy,
    sentAt: iso(a.sentAt),
    answerDueOn: a.answerDueOn,
    answeredAt: iso(a.answeredAt),
    wooCategory: 'adviezen',
    recommendations: a.recommendations.map((r) => ({
      id: r.id,
      number: r.number,
      text: r.text,
      answer: r.answer,
      answerReason: r.answerReason,
      answeredAt: iso(r.answeredAt),
      followUp: r.followUp,
    })),
    documents: a.documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      filename: d.filename,
      contentType: d.contentType,
      size: d.size,
      _links: { download: l.site(`/${council.slug}/adviezen/${a.id}/documenten/${d.id}`) },
    })),
    _links: { self: l.api(`/raden/${council.slug}/adviezen/${a.id}`), html: l.site(`/${council.slug}/adviezen/${a.id}`) },
  };
}

function requestRepresentation(req: FastifyRequest, council: Council, a: Advice) {
  const l = links(req);
  return {
    id: a.id,
    reference: a.reference,
    kind: a.kind,
    status: a.status,
    subject: a.subject,
    question: a.question,
    policyField: a.policyField,
    addressee: a.addressee,
    addresseeEmail: a.addresseeEmail,
    neededBy: a.neededBy,
    answerDueOn: a.answerDueOn,
    createdAt: iso(a.createdAt),
    updatedAt: iso(a.updatedAt),
    _links: { self: l.api(`/raden/${council.slug}/adviesaanvragen/${a.id}`) },
  };
}

// ------------------------------------------------------------------ routes

export async function adviceApiRoutes(app: FastifyInstance) {
  const deps = app.deps;

  app.get(`${API_PREFIX}/openapi.json`, { config: readLimit }, async (req, reply) =>
    reply.header('cache-control', 'public, max-age=300').type('application/json; charset=utf-8').send(openApiDocument(deps.config.baseUrl)),
  );

  app.get(`${API_PREFIX}/raden/:raad/adviezen`, { config: readLimit }, async (req, reply) => {
    const council = await councilFor(req);
    const filter = register.parseRegisterFilter(req.query);
    const q = req.query as Record<string, unknown>;
    const perPage = Math.min(100, Math.max(1, Number.parseInt(String(q.perPagina ?? register.PAGE_SIZE), 10) || register.PAGE_SIZE));
    const result = await register.listRegister(deps.db, council, filter, { pageSize: perPage });
    const l = links(req);
    const pageLink = (n: number) => {
      const p = register.filterParams(filter, n);
      if (perPage !== register.PAGE_SIZE) p.set('perPagina', String(perPage));
      const s = p.toString();
      return l.api(`/raden/${council.slug}/adviezen${s ? `?${s}` : ''}`);
    };
    return reply.send({
      total: result.total,
      page: result.page,
      pages: result.pages,
      pageSize: result.pageSize,
      items: result.items.map((a) => registerItem(req, council, a)),
      _links: {
        self: pageLink(result.page),
        first: pageLink(1),
        last: pageLink(result.pages),
        ...(result.page > 1 ? { prev: pageLink(result.page - 1) } : {}),
        ...(result.page < result.pages ? { next: pageLink(result.page + 1) } : {}),
        html: l.site(`/${council.slug}/adviezen`),
      },
    });
  });

  app.get(`${API_PREFIX}/raden/:raad/adviezen/:id`, { config: readLimit }, async (req, reply) => {
    const council = await councilFor(req);
    const advice = await register.getPublicAdvice(deps.db, council, idFrom(req));
    return reply.send(publicAdvice(req, council, advice));
  });

  app.post(`${API_PREFIX}/raden/:raad/adviesaanvragen`, { config: writeLimit }, async (req, reply) => {
    const council = await councilFor(req);
    const actor = await tokenActor(req, reply, council);
    if (!actor) return reply;
    const parsed = requestSchema.safeParse(req.body && typeof req.body === 'object' ? req.body : {});
    if (!parsed.success) return validationProblem(reply, req, parsed.error.issues);
    try {
      const advice = await createRequest(deps, { actor, council, input: parsed.data });
      const body = requestRepresentation(req, council, advice);
      return reply.code(201).header('location', body._links.self.href).send(body);
    } catch (err) {
      if (err instanceof AdviceError) return adviceProblem(reply, req, err);
      throw err;
    }
  });

  app.get(`${API_PREFIX}/raden/:raad/adviesaanvragen/:id`, { config: readLimit }, async (req, reply) => {
    const council = await councilFor(req);
    const id = idFrom(req);
    const actor = await tokenActor(req, reply, council);
    if (!actor) return reply;
    if (!can(actor, 'advice.view')) throw new ForbiddenError('advice.view');
    const advice = await findAdvice(deps.db, council, id);
    if (!advice || advice.kind !== 'requested') throw new NotFoundError('advice');
    return reply.send(requestRepresentation(req, council, advice));
  });

  app.post(`${API_PREFIX}/raden/:raad/adviezen/:id/antwoorden`, { config: writeLimit }, async (req, reply) => {
    const council = await councilFor(req);
    const id = idFrom(req);
    const actor = await tokenActor(req, reply, council);
    if (!actor) return reply;
    const parsed = answerSchema.safeParse(req.body && typeof req.body === 'object' ? req.body : {});
    if (!parsed.success) return validationProblem(reply, req, parsed.error.issues);
    try {
      const advice = await recordAnswers(deps, { actor, council, adviceId: id, answers: parsed.data.answers });
      const l = links(req);
      return reply.send({
        id: advice.id,
        reference: advice.reference,
        status: advice.status,
        answeredAt: iso(advice.answeredAt),
        _links: { self: l.api(`/raden/${council.slug}/adviezen/${advice.id}/antwoorden`), advies: l.api(`/raden/${council.slug}/adviezen/${advice.id}`) },
      });
    } catch (err) {
      if (err instanceof AdviceError) return adviceProblem(reply, req, err);
      throw err;
    }
  });
}

// ------------------------------------------------------------------ OpenAPI 3.1

const jsonSchema = (schema: z.ZodType) => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object, example?: unknown) => ({ 'application/json': { schema, ...(example === undefined ? {} : { example }) } });
const problemResponse = (description: string, example: Problem) => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem'), example } },
});

const exampleId = '6f1c2b8e-4d3a-4b7e-9a51-0c2d3e4f5a6b';
const exampleRecId = '0b7e8d2a-1c3f-4e5a-8b9c-7d6e5f4a3b2c';
const exampleHref = (base: string, path: string) => ({ href: `${base}${path}` });

const standardProblems = {
  notFound: problemResponse('De raad of het advies bestaat niet, of is niet openbaar.', { status: 404, code: 'NOT_FOUND', title: 'Pagina niet gevonden' }),
  unauthorized: problemResponse('Geen, een onbekende of een ingetrokken sleutel.', { status: 401, code: 'UNAUTHORIZED', title: 'Geen geldige sleutel' }),
  forbidden: problemResponse('De sleutel geeft geen recht op deze handeling.', { status: 403, code: 'FORBIDDEN', title: 'Geen toegang' }),
  tooMany: problemResponse('Te veel verzoeken; probeer het later opnieuw.', { status: 429, code: 'RATE_LIMITED', title: 'Even wachten' }),
};

const raadParam = { name: 'raad', in: 'path', required: true, description: 'De korte naam van de adviesraad, zoals in het webadres.', schema: { type: 'string', pattern: '^[a-z0-9-]+$' }, example: 'lindewijk' };
const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' }, example: exampleId };

/** The OpenAPI 3.1 document; the test checks it lists every /api/v1 route and nothing else. */
export function openApiDocument(baseUrl: string) {
  const base = baseUrl.replace(/\/$/, '');
  const api = `${base}${API_PREFIX}`;
  const recommendationCounts = { type: 'object', properties: Object.fromEntries(answers.map((a) => [a, { type: 'integer', minimum: 0 }])), required: [...answers] };
  const link = { type: 'object', properties: { href: { type: 'string', format: 'uri' } }, required: ['href'] };
  const date = { type: ['string', 'null'], format: 'date' };
  const dateTime = { type: ['string', 'null'], format: 'date-time' };
  const exampleAdvice = {
    id: exampleId,
    reference: '2026-004',
    kind: 'requested',
    subject: 'Beleidsplan Wmo 2027',
    question: 'Wat vindt de raad van het nieuwe beleidsplan?',
    policyField: 'wmo',
    addressee: 'college',
    status: 'answered',
    introduction: '',
    explanation: '',
    neededBy: '2026-10-01',
    sentAt: '2026-09-20T10:00:00.000Z',
    answerDueOn: '2026-11-01',
    answeredAt: '2026-10-28T09:00:00.000Z',
    wooCategory: 'adviezen',
    recommendations: [{ id: exampleRecId, number: 1, text: 'Betrek mantelzorgers bij de keukentafelgesprekken.', answer: 'adopted', answerReason: '', answeredAt: '2026-10-28T09:00:00.000Z', followUp: '' }],
    documents: [],
    _links: { self: exampleHref(api, `/raden/lindewijk/adviezen/${exampleId}`), html: exampleHref(base, `/lindewijk/adviezen/${exampleId}`) },
  };
  const exampleRequest = {
    subject: 'Armoedebeleid 2027',
    question: 'Wil de raad advies geven over het nieuwe armoedebeleid?',
    policyField: 'participatiewet',
    addressee: 'college',
    addresseeEmail: 'college@gemeente.example',
    neededBy: '2027-03-01',
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Raadwerk API',
      version: '1.0.0',
      description:
        'Open API van Raadwerk: het openbare adviesregister van een adviesraad lezen (zonder sleutel), met een API-sleutel van de gemeente adviesaanvragen indienen en antwoorden van het college vastleggen, en met een sleutel van een organisatie of partnerraad signalen van inwoners doorgeven. Fouten volgen RFC 9457 (application/problem+json) met een vaste `code`.',
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    },
    servers: [{ url: api }],
    tags: [
      { name: 'adviezen', description: 'Het openbare adviesregister' },
      { name: 'adviesaanvragen', description: 'Aanvragen en antwoorden van de gemeente' },
      { name: 'signalen', description: 'Signalen van inwoners, doorgegeven door organisaties en partnerraden' },
    ],
    security: [],
    paths: {
      '/openapi.json': {
        get: {
          operationId: 'getOpenApi',
          summary: 'Dit document',
          tags: ['adviezen'],
          responses: { '200': { description: 'Het OpenAPI-document', content: json({ type: 'object' }, { openapi: '3.1.0' }) }, '429': standardProblems.tooMany },
        },
      },
      '/raden/{raad}/adviezen': {
        get: {
          operationId: 'listAdviezen',
          summary: 'Openbare adviezen van een raad, nieuwste eerst',
          tags: ['adviezen'],
          parameters: [
            raadParam,
            { name: 'zoekterm', in: 'query', schema: { type: 'string', maxLength: 200 }, description: 'Zoekt in onderwerp, vraag en aanbevelingen (Nederlandse woordvormen).', example: 'mantelzorg' },
            { name: 'jaar', in: 'query', schema: { type: 'integer' }, description: 'Jaar waarin het advies is verstuurd.', example: 2026 },
            { name: 'beleidsveld', in: 'query', schema: { type: 'string', enum: [...policyFields] } },
            { name: 'status', in: 'query', schema: { type: 'string', enum: [...register.givenStates] } },
            { name: 'antwoord', in: 'query', schema: { type: 'string', enum: [...answers] }, description: 'Adviezen met ten minste één aanbeveling met dit antwoord.' },
            { name: 'pagina', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
            { name: 'perPagina', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: register.PAGE_SIZE } },
          ],
          responses: {
            '200': {
              description: 'Een pagina met adviezen',
              content: json(ref('AdviesLijst'), {
                total: 1,
                page: 1,
                pages: 1,
                pageSize: register.PAGE_SIZE,
                items: [
                  {
                    id: exampleId,
                    reference: '2026-004',
                    subject: 'Beleidsplan Wmo 2027',
                    policyField: 'wmo',
                    status: 'answered',
                    sentAt: '2026-09-20T10:00:00.000Z',
                    answerDueOn: '2026-11-01',
                    answeredAt: '2026-10-28T09:00:00.000Z',
                    recommendations: { unanswered: 0, adopted: 1, partly: 0, not_adopted: 0 },
                    _links: exampleAdvice._links,
                  },
                ],
                _links: { self: exampleHref(api, '/raden/lindewijk/adviezen'), first: exampleHref(api, '/raden/lindewijk/adviezen'), last: exampleHref(api, '/raden/lindewijk/adviezen'), html: exampleHref(base, '/lindewijk/adviezen') },
              }),
            },
            '404': standardProblems.notFound,
            '429': standardProblems.tooMany,
          },
        },
      },
      '/raden/{raad}/adviezen/{id}': {
        get: {
          operationId: 'getAdvies',
          summary: 'Eén openbaar advies met de aanbevelingen en het antwoord van de gemeente',
          tags: ['adviezen'],
          parameters: [raadParam, idParam],
          responses: { '200': { description: 'Het advies', content: json(ref('Advies'), exampleAdvice) }, '404': standardProblems.notFound, '429': standardProblems.tooMany },
        },
      },
      '/raden/{raad}/adviesaanvragen': {
        post: {
          operationId: 'createAdviesaanvraag',
          summary: 'Een adviesaanvraag indienen',
          tags: ['adviesaanvragen'],
          security: [{ bearer: [] }],
          parameters: [raadParam],
          requestBody: { required: true, content: json(ref('AdviesaanvraagInvoer'), exampleRequest) },
          responses: {
            '201': {
              description: 'De aanvraag is vastgelegd',
              headers: { Location: { description: 'Adres van de nieuwe aanvraag', schema: { type: 'string', format: 'uri' } } },
              content: json(ref('Adviesaanvraag'), {
                id: exampleId,
                reference: '2027-001',
                kind: 'requested',
                status: 'requested',
                ...exampleRequest,
                answerDueOn: null,
                createdAt: '2026-11-23T10:00:00.000Z',
                updatedAt: '2026-11-23T10:00:00.000Z',
                _links: { self: exampleHref(api, `/raden/lindewijk/adviesaanvragen/${exampleId}`) },
              }),
            },
            '400': problemResponse('De invoer klopt niet', {
              status: 400,
              code: 'VALIDATION_FAILED',
              title: 'De invoer klopt niet',
              invalidParams: [{ name: 'question', code: 'required', reason: 'Vul dit veld in.' }],
            }),
            '401': standardProblems.unauthorized,
            '403': standardProblems.forbidden,
            '404': standardProblems.notFound,
            '422': problemResponse('Een regel is niet gevolgd', { status: 422, code: 'pastDate', title: 'De invoer klopt niet', invalidParams: [{ name: 'neededBy', code: 'pastDate', reason: 'Kies een datum vanaf vandaag.' }] }),
            '429': standardProblems.tooMany,
          },
        },
      },
      '/raden/{raad}/adviesaanvragen/{id}': {
        get: {
          operationId: 'getAdviesaanvraag',
          summary: 'Een adviesaanvraag en de stand van zaken',
          tags: ['adviesaanvragen'],
          security: [{ bearer: [] }],
          parameters: [raadParam, idParam],
          responses: {
            '200': { description: 'De aanvraag', content: json(ref('Adviesaanvraag')) },
            '401': standardProblems.unauthorized,
            '403': standardProblems.forbidden,
            '404': standardProblems.notFound,
            '429': standardProblems.tooMany,
          },
        },
      },
      '/raden/{raad}/signalen': {
        post: {
          operationId: 'createSignaal',
          summary: 'Een signaal van een inwoner doorgeven',
          description:
            'Voor organisaties en partnerraden: een probleem dat inwoners ervaren. Contactgegevens zijn optioneel; geeft u ze mee, dan is `consent` true nodig (de inwoner gaf toestemming) en minstens een e-mailadres of telefoonnummer. De tekst is hooguit 10 kB. Signalen zijn niet terug te lezen via de API.',
          tags: ['signalen'],
          security: [{ bearer: [] }],
          parameters: [raadParam],
          requestBody: {
            required: true,
            content: json(ref('SignaalInvoer'), {
              description: 'Bewoners van de Lindehof wachten al maanden op een traplift.',
              area: 'aids_adaptations',
              since: 'half_year',
              peopleCount: 8,
              organisation: 'Cliëntenraad Zorggroep Lindewijk',
              contact: { name: 'Mila de Vries', email: 'mila@voorbeeld.nl', phone: '' },
              consent: true,
            }),
          },
          responses: {
            '201': { description: 'Het signaal is ontvangen', content: json(ref('SignaalOntvangen'), { id: exampleId, reference: 'S-2026-0042', status: 'new' }) },
            '400': problemResponse('De invoer klopt niet', {
              status: 400,
              code: 'VALIDATION_FAILED',
              title: 'De invoer klopt niet',
              invalidParams: [{ name: 'area', code: 'invalid_value', reason: 'Kies een van de mogelijkheden.' }],
            }),
            '401': standardProblems.unauthorized,
            '404': standardProblems.notFound,
            '413': problemResponse('Het verzoek is groter dan 64 kB', { status: 413, code: 'TOO_LARGE', title: 'Te veel gegevens' }),
            '422': problemResponse('Een regel is niet gevolgd', { status: 422, code: 'consentRequired', title: 'De invoer klopt niet' }),
            '429': standardProblems.tooMany,
          },
        },
      },
      '/raden/{raad}/adviezen/{id}/antwoorden': {
        post: {
          operationId: 'recordAntwoorden',
          summary: 'Het antwoord van de gemeente per aanbeveling vastleggen',
          description: 'Per aanbeveling: overgenomen, deels, niet (met reden) of nog niet beantwoord. Het advies telt als beantwoord zodra elke aanbeveling een antwoord heeft.',
          tags: ['adviesaanvragen'],
          security: [{ bearer: [] }],
          parameters: [raadParam, idParam],
          requestBody: {
            required: true,
            content: json(ref('AntwoordenInvoer'), { answers: [{ recommendationId: exampleRecId, answer: 'not_adopted', reason: 'Daar is dit jaar geen geld voor.' }] }),
          },
          responses: {
            '200': {
              description: 'De antwoorden zijn vastgelegd',
              content: json(ref('AntwoordenResultaat'), {
                id: exampleId,
                reference: '2026-004',
                status: 'answered',
                answeredAt: '2026-10-28T09:00:00.000Z',
                _links: { self: exampleHref(api, `/raden/lindewijk/adviezen/${exampleId}/antwoorden`), advies: exampleHref(api, `/raden/lindewijk/adviezen/${exampleId}`) },
              }),
            },
            '400': problemResponse('De invoer klopt niet', {
              status: 400,
              code: 'VALIDATION_FAILED',
              title: 'De invoer klopt niet',
              invalidParams: [{ name: 'answers.0.reason', code: 'custom', reason: 'Geef de reden van de gemeente.' }],
            }),
            '401': standardProblems.unauthorized,
            '403': standardProblems.forbidden,
            '404': standardProblems.notFound,
            '409': problemResponse('Het advies is (nog) niet verstuurd', { status: 409, code: 'notAllowedFromState', title: 'Dit kan nu niet' }),
            '422': problemResponse('Een aanbeveling hoort niet bij dit advies', { status: 422, code: 'unknownRecommendation', title: 'De invoer klopt niet' }),
            '429': standardProblems.tooMany,
          },
        },
      },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Een API-sleutel, te maken in de werkruimte onder API-sleutels.' } },
      schemas: {
        Problem: {
          type: 'object',
          properties: {
            status: { type: 'integer' },
            code: { type: 'string', description: 'Vaste code van de fout' },
            title: { type: 'string' },
            detail: { type: 'string' },
            invalidParams: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, code: { type: 'string' }, reason: { type: 'string' } }, required: ['name', 'code', 'reason'] } },
          },
          required: ['status', 'code', 'title'],
        },
        Link: link,
        AdviesSamenvatting: {
          type: 'object',
          properties: {
            id: { type: 'string', format: 'uuid' },
            reference: { type: 'string' },
            subject: { type: 'string' },
            policyField: { type: 'string', enum: [...policyFields] },
            status: { type: 'string', enum: [...register.givenStates] },
            sentAt: dateTime,
            answerDueOn: date,
            answeredAt: dateTime,
            recommendations: recommendationCounts,
            _links: { type: 'object', properties: { self: ref('Link'), html: ref('Link') } },
          },
          required: ['id', 'reference', 'subject', 'policyField', 'status', 'recommendations', '_links'],
        },
        AdviesLijst: {
          type: 'object',
          properties: {
            total: { type: 'integer' },
            page: { type: 'integer' },
            pages: { type: 'integer' },
            pageSize: { type: 'integer' },
            items: { type: 'array', items: ref('AdviesSamenvatting') },
            _links: { type: 'object', properties: { self: ref('Link'), first: ref('Link'), last: ref('Link'), prev: ref('Link'), next: ref('Link'), html: ref('Link') } },
          },
          required: ['total', 'page', 'pages', 'pageSize', 'items', '_links'],
        },
        Advies: {
          type: 'object',
          properties: {
            id: { type: 'string', format: 'uuid' },
            reference: { type: 'string' },
            kind: { type: 'string', enum: [...adviceKinds] },
            subject: { type: 'string' },
            question: { type: 'string' },
            policyField: { type: 'string', enum: [...policyFields] },
            addressee: { type: 'string', enum: [...addressees] },
            status: { type: 'string', enum: [...register.givenStates] },
            introduction: { type: 'string' },
            explanation: { type: 'string' },
            neededBy: date,
            sentAt: dateTime,
            answerDueOn: date,
            answeredAt: dateTime,
            wooCategory: { type: 'string', const: 'adviezen' },
            recommendations: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  id: { type: 'string', format: 'uuid' },
                  number: { type: 'integer' },
                  text: { type: 'string' },
                  answer: { type: 'string', enum: [...answers] },
                  answerReason: { type: 'string' },
                  answeredAt: dateTime,
                  followUp: { type: 'string' },
                },
                required: ['id', 'number', 'text', 'answer'],
              },
            },
            documents: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  id: { type: 'string', format: 'uuid' },
                  kind: { type: 'string', enum: ['request', 'answer_letter'] },
                  filename: { type: 'string' },
                  contentType: { type: 'string' },
                  size: { type: 'integer' },
                  _links: { type: 'object', properties: { download: ref('Link') } },
                },
              },
            },
            _links: { type: 'object', properties: { self: ref('Link'), html: ref('Link') } },
          },
          required: ['id', 'reference', 'subject', 'status', 'recommendations', '_links'],
        },
        AdviesaanvraagInvoer: jsonSchema(requestSchema),
        Adviesaanvraag: {
          type: 'object',
          properties: {
            id: { type: 'string', format: 'uuid' },
            reference: { type: 'string' },
            kind: { type: 'string', enum: [...adviceKinds] },
            status: { type: 'string', enum: [...adviceStates] },
            subject: { type: 'string' },
            question: { type: 'string' },
            policyField: { type: 'string', enum: [...policyFields] },
            addressee: { type: 'string', enum: [...addressees] },
            addresseeEmail: { type: 'string' },
            neededBy: date,
            answerDueOn: date,
            createdAt: dateTime,
            updatedAt: dateTime,
            _links: { type: 'object', properties: { self: ref('Link') } },
          },
          required: ['id', 'reference', 'status', 'subject', '_links'],
        },
        AntwoordenInvoer: jsonSchema(answerSchema),
        SignaalInvoer: jsonSchema(apiSignalSchema),
        SignaalOntvangen: {
          type: 'object',
          properties: {
            id: { type: 'string', format: 'uuid' },
            reference: { type: 'string', description: 'Het nummer dat de inwoner kan noemen, zoals S-2026-0042' },
            status: { type: 'string', const: 'new' },
          },
          required: ['id', 'reference', 'status'],
        },
        AntwoordenResultaat: {
          type: 'object',
          properties: {
            id: { type: 'string', format: 'uuid' },
            reference: { type: 'string' },
            status: { type: 'string', enum: [...adviceStates] },
            answeredAt: dateTime,
            _links: { type: 'object', properties: { self: ref('Link'), advies: ref('Link') } },
          },
          required: ['id', 'status', '_links'],
        },
      },
    },
  };
}

