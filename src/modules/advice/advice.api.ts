/**
 * The advice part of the open JSON API (docs/decisions/0007-open-api.md): the public register
 * without a key; requests for advice and the college's answers with the key of a municipal
 * official (or secretary) of that organisation. The organisation, the key, errors, headers and
 * the OpenAPI document come from core's API layer (docs/decisions/0014-api-layer.md); this
 * module's part of the document is advice.openapi.ts.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { API_PREFIX, apiCaller, readLimit, validationProblem, writeLimit } from '../../core/api/index.ts';
import { isUuid } from '../../core/http/forms.ts';
import { ForbiddenError, NotFoundError, can, type Actor } from '../../core/policy.ts';
import { councilOf } from '../../core/tenancy.ts';
import type { Council } from '../../core/organisations.schema.ts';
import type { Advice } from './advice.schema.ts';
import { answerSchema, requestSchema } from './advice.forms.ts';
import { findAdvice } from './advice.queries.ts';
import { mayOpenAdvice } from './advice.visibility.ts';
import { createRequest, recordAnswers } from './advice.lifecycle.ts';
import * as register from './advice.register.ts';

/** Rate limits, and the section: an organisation whose kind has no advice register answers 404. */
const read = { config: { ...readLimit, section: 'advice' as const } };
const write = { config: { ...writeLimit, section: 'advice' as const } };

/** Ids are random (version 4) UUIDs; anything else, the nil UUID included, can never name a resource. */
const GENERATED_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** A path id that can never name a resource is a 404, before anything else (also before the key). */
function idFrom(req: FastifyRequest): string {
  const id = (req.params as { id?: string }).id;
  if (!isUuid(id) || !GENERATED_ID.test(id)) throw new NotFoundError('advice');
  return id.toLowerCase();
}

/** The actor behind a key that acts as its user; an organisation's signals-only key may not act here (403). */
async function keyActor(req: FastifyRequest, reply: FastifyReply): Promise<Actor | null> {
  const caller = await apiCaller(req, reply);
  if (caller && !caller.actor) throw new ForbiddenError('token scope');
  return caller?.actor ?? null;
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

  app.get(`${API_PREFIX}/raden/:raad/adviezen`, read, async (req, reply) => {
    const council = councilOf(req);
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

  app.get(`${API_PREFIX}/raden/:raad/adviezen/:id`, read, async (req, reply) => {
    const council = councilOf(req);
    const advice = await register.getPublicAdvice(deps.db, council, idFrom(req));
    return reply.send(publicAdvice(req, council, advice));
  });

  app.post(`${API_PREFIX}/raden/:raad/adviesaanvragen`, write, async (req, reply) => {
    const council = councilOf(req);
    const actor = await keyActor(req, reply);
    if (!actor) return reply;
    const parsed = requestSchema.safeParse(req.body && typeof req.body === 'object' ? req.body : {});
    if (!parsed.success) return validationProblem(reply, req, parsed.error.issues);
    // A rule of the use case (a date in the past) answers 422 through the API layer.
    const advice = await createRequest(deps, { actor, council, input: parsed.data });
    const body = requestRepresentation(req, council, advice);
    return reply.code(201).header('location', body._links.self.href).send(body);
  });

  app.get(`${API_PREFIX}/raden/:raad/adviesaanvragen/:id`, read, async (req, reply) => {
    const council = councilOf(req);
    const id = idFrom(req);
    const actor = await keyActor(req, reply);
    if (!actor) return reply;
    if (!can(actor, 'advice.view')) throw new ForbiddenError('advice.view');
    const advice = await findAdvice(deps.db, council, id);
    // An official reads the requests they filed, and the ones already answered with an advice (advice.visibility.ts).
    if (advice?.kind !== 'requested' || !mayOpenAdvice(actor, advice)) throw new NotFoundError('advice');
    return reply.send(requestRepresentation(req, council, advice));
  });

  app.post(`${API_PREFIX}/raden/:raad/adviezen/:id/antwoorden`, write, async (req, reply) => {
    const council = councilOf(req);
    const id = idFrom(req);
    const actor = await keyActor(req, reply);
    if (!actor) return reply;
    const parsed = answerSchema.safeParse(req.body && typeof req.body === 'object' ? req.body : {});
    if (!parsed.success) return validationProblem(reply, req, parsed.error.issues);
    // A step the advice's state does not allow answers 409, another rule 422 (API layer).
    const advice = await recordAnswers(deps, { actor, council, adviceId: id, answers: parsed.data.answers });
    const l = links(req);
    return reply.send({
      id: advice.id,
      reference: advice.reference,
      status: advice.status,
      answeredAt: iso(advice.answeredAt),
      _links: { self: l.api(`/raden/${council.slug}/adviezen/${advice.id}/antwoorden`), advies: l.api(`/raden/${council.slug}/adviezen/${advice.id}`) },
    });
  });
}
