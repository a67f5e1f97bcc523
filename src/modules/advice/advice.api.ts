/**
 * The advice part of the open JSON API (docs/decisions/0007-open-api.md): the public register
 * without a key; requests for advice and the college's answers with the key of a municipal
 * official (or secretary) of that organisation. The organisation, the key, errors, headers and
 * the OpenAPI document come from core's API layer (docs/decisions/0014-api-layer.md); this
 * module's part of the document is advice.openapi.ts.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { API_PREFIX, apiCaller, linksFor, readLimit, selfLinks, validationProblem, writeLimit } from '../../core/api/index.ts';
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

/** Links of a public advice: in the API and its page in the register. */
const adviceLinks = (req: FastifyRequest, council: Council, id: string) => selfLinks(req, `/raden/${council.slug}/adviezen/${id}`, `/${council.slug}/adviezen/${id}`);

/** An advice in the register's list: the register's row, with its links. */
function registerItem(req: FastifyRequest, council: Council, a: register.RegisterItem) {
  return { ...a, sentAt: iso(a.sentAt), answeredAt: iso(a.answeredAt), _links: adviceLinks(req, council, a.id) };
}

/** One public advice: the register's public record (without its last change), its documents with their download. */
function publicAdvice(req: FastifyRequest, council: Council, { updatedAt: _, documents, ...a }: register.PublicAdvice) {
  const site = linksFor(req).site;
  return {
    ...a,
    sentAt: iso(a.sentAt),
    answeredAt: iso(a.answeredAt),
    wooCategory: 'adviezen',
    recommendations: a.recommendations.map((r) => ({ ...r, answeredAt: iso(r.answeredAt) })),
    documents: documents.map((d) => ({ ...d, _links: { download: site(`/${council.slug}/adviezen/${a.id}/documenten/${d.id}`) } })),
    _links: adviceLinks(req, council, a.id),
  };
}

function requestRepresentation(req: FastifyRequest, council: Council, a: Advice) {
  const l = linksFor(req);
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
    const l = linksFor(req);
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
    const l = linksFor(req);
    return reply.send({
      id: advice.id,
      reference: advice.reference,
      status: advice.status,
      answeredAt: iso(advice.answeredAt),
      _links: { self: l.api(`/raden/${council.slug}/adviezen/${advice.id}/antwoorden`), advies: l.api(`/raden/${council.slug}/adviezen/${advice.id}`) },
    });
  });
}
