import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import crypto from 'node:crypto';
import { translator, type MessageKey } from '../i18n/index.ts';
import { DomainError } from '../errors.ts';
import { sendProblem } from '../api/problem.ts';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import type { PageCtx } from '../../ui/context.ts';
import { renderDocument } from '../../ui/render.ts';
import { CouncilForbiddenPage, MessagePage } from '../../ui/pages/message.tsx';

type Known = { status: number; code: string; title: MessageKey; body: MessageKey; params?: Record<string, string | number> };

const notFound: Known = { status: 404, code: 'NOT_FOUND', title: 'page.notFound.title', body: 'page.notFound.body' };

/** Maps errors to a stable code and a Dutch page; internals never reach the visitor. */
function classify(err: FastifyError & { code?: string }): Known {
  // A domain rule no route turned into a form error: its own message, never a 500.
  if (err instanceof DomainError) return { status: err.status ?? 400, code: err.code, title: 'page.badRequest.title', body: err.messageKey, params: err.params };
  // The database is away (restarting, connections terminated): a friendly 503 while it comes back.
  if (isDatabaseUnavailable(err)) return { status: 503, code: 'UNAVAILABLE', title: 'page.unavailable.title', body: 'page.unavailable.body' };
  const status = err.statusCode ?? 500;
  if (err.code === 'CSRF') return { status: 403, code: 'CSRF', title: 'page.csrf.title', body: 'page.csrf.body' };
  if (status === 404) return notFound;
  if (status === 403) return { status, code: 'FORBIDDEN', title: 'page.forbidden.title', body: 'page.forbidden.body' };
  if (status === 413 || err.code === 'FST_REQ_FILE_TOO_LARGE' || err.code === 'FST_FILES_LIMIT' || err.code === 'FST_PARTS_LIMIT')
    return { status: 413, code: 'TOO_LARGE', title: 'page.tooLarge.title', body: 'page.tooLarge.body' };
  if (status === 429) return { status, code: 'RATE_LIMITED', title: 'page.rateLimited.title', body: 'page.rateLimited.body' };
  if (status >= 400 && status < 500) return { status: 400, code: 'BAD_REQUEST', title: 'page.badRequest.title', body: 'page.badRequest.body' };
  return { status: 500, code: 'INTERNAL', title: 'page.error.title', body: 'page.error.body' };
}

async function respond(req: FastifyRequest, reply: FastifyReply, k: Known, ref: string) {
  if (req.url.startsWith('/api/')) {
    const t = req.t ?? translator('nl');
    return sendProblem(reply, { status: k.status, code: k.code, title: t(k.title), detail: t(k.body, { ...k.params, code: ref }) });
  }
  // Without the database (503) the page is built without it: no user menu, the visitor's language.
  const ctx = k.status === 503 || !req.pageCtx ? bareCtx(req) : await req.pageCtx();
  const title = ctx.t(k.title);
  const body = ctx.t(k.body, { ...k.params, code: ref });
  // Refused under /{council}/...: the page keeps the council's header, menu and breadcrumbs.
  const page = k.status === 403 && req.council ? CouncilForbiddenPage({ ctx, council: req.council, actor: req.actor, title, body, path: req.url.split('?')[0]! }) : MessagePage({ ctx, title, body });
  // Rendered directly: replies made by Fastify's router lack our decorators.
  const html = renderDocument(page);
  return reply.code(k.status).type('text/html; charset=utf-8').send(html);
}

/** For errors before our hooks ran (bad URL encoding, too long paths): Dutch, anonymous. */
function bareCtx(req?: FastifyRequest): PageCtx {
  const locale = req?.locale ?? 'nl';
  return { t: translator(locale), locale, url: '/', user: null, csrfToken: '', workspaces: [] };
}

/** Fastify's own routing errors (FST_ERR_BAD_URL, FST_ERR_MAX_PARAM_LENGTH) get our page too. */
export function frameworkErrors(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const k = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? notFound : classify({ ...err, statusCode: 400 } as FastifyError);
  void respond(req, reply, k, '');
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setNotFoundHandler(async (req, reply) => respond(req, reply, notFound, ''));
  app.setErrorHandler(async (err: FastifyError, req, reply) => {
    const k = classify(err);
    const ref = crypto.randomBytes(4).toString('hex');
    if (k.status === 503) {
      req.log.warn({ err, ref }, 'database unavailable');
      reply.header('retry-after', '5');
    } else if (k.status >= 500) req.log.error({ err, ref }, 'request failed');
    else req.log.info({ code: k.code, errCode: err.code }, 'request refused');
    const headers = (err as { headers?: Record<string, string> }).headers;
    if (k.status === 429 && headers) reply.headers(headers);
    return respond(req, reply, k, k.status >= 500 ? ref : '');
  });
}
