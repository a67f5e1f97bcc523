import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h, type VNode } from 'preact';
import { locales, translator, type Locale, type Translate } from '../i18n/index.ts';
import { loadSession, SESSION_COOKIE, type LoadedSession } from '../auth/sessions.ts';
import { csrfTokenFor } from './csrf.ts';
import { CouncilScopeProvider, PageCtxProvider, type PageCtx } from '../../ui/context.ts';
import { renderPageBytes } from '../../ui/render.ts';
import type { Db } from '../db/index.ts';
import type { Council } from '../organisations.schema.ts';
import type { Actor } from '../policy.ts';
import { DRAFT_COOKIE, takeDraft, type FormDraft } from './form-drafts.ts';

export const LOCALE_COOKIE = 'rw_taal';

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
    t: Translate;
    auth: LoadedSession | null;
    /** sha256 of the session cookie, when there is a session. */
    sessionIdHash: string | null;
    pageCtx(): Promise<PageCtx>;
    /** The page context last built for this request, which `reply.page` provides to the page it renders. */
    lastPageCtx: PageCtx | null;
    /** The kept answers of a language switch were read on this request (form-drafts.ts). */
    draftTaken: boolean;
  }
  interface FastifyReply {
    /** Render a page component as a full HTML document. */
    page(node: VNode, status?: number): FastifyReply;
  }
}

export type ContextDeps = {
  db: Db;
  secretKey: string;
  /** Councils whose workspace the user may open (for the header). */
  listWorkspaces(userId: string, isPlatformAdmin: boolean): Promise<{ slug: string; name: string }[]>;
};

/** Language, session and page context for every request; anonymous readers get no cookie. */
export function registerRequestContext(app: FastifyInstance, deps: ContextDeps): void {
  app.decorateRequest('locale', 'nl');
  app.decorateRequest('t', null as unknown as Translate);
  app.decorateRequest('auth', null);
  app.decorateRequest('sessionIdHash', null);
  app.decorateRequest('draftTaken', false);
  app.addHook('onSend', async (req, reply) => {
    if (req.draftTaken) reply.clearCookie(DRAFT_COOKIE, { path: '/' });
  });
  app.decorateRequest('pageCtx', null as unknown as () => Promise<PageCtx>);
  app.decorateRequest('lastPageCtx', null);
  app.decorateReply('page', function (this: FastifyReply, node: VNode, status = 200) {
    // As bytes, encoded once: given a string, fastify counts its UTF-8 bytes and Node then encodes
    // it again, each pass over the whole page (0.5 ms apiece for the 86 kB signal list: a page with
    // one typographic apostrophe is a two-byte string; decision 0031, session 16).
    return this.code(status)
      .type('text/html; charset=utf-8')
      .send(renderPageBytes(withRequestScope(this.request, node)));
  });

  app.addHook('onRequest', async (req) => {
    const raw = req.cookies[SESSION_COOKIE];
    if (raw && !req.url.startsWith('/assets/') && !req.url.startsWith('/api/')) {
      req.auth = await loadSession(deps.db, raw);
      if (req.auth) req.sessionIdHash = req.auth.session.idHash;
    }
    const fromCookie = req.cookies[LOCALE_COOKIE];
    const locale: Locale = (locales as readonly string[]).includes(fromCookie ?? '') ? (fromCookie as Locale) : (req.auth?.user.locale ?? 'nl');
    req.locale = locale;
    req.t = translator(locale);
    req.pageCtx = async () => {
      req.lastPageCtx = await buildPageCtx(req, deps);
      return req.lastPageCtx;
    };
  });
}

async function buildPageCtx(req: FastifyRequest, deps: ContextDeps): Promise<PageCtx> {
  const auth = req.auth && !req.auth.session.mfaPending ? req.auth : null;
  return {
    t: req.t,
    locale: req.locale,
    url: req.url,
    user: auth ? { id: auth.user.id, name: auth.user.name, isPlatformAdmin: auth.user.isPlatformAdmin } : null,
    csrfToken: csrfTokenFor(deps.secretKey, req.auth?.session.csrfSecret ?? null),
    workspaces: auth ? await workspacesOf(req, auth, deps) : [],
    draft: await draftFor(req, deps),
  };
}

/**
 * The header's workspaces. A reader's come with the session (read at the start of this request);
 * after a POST (which may have changed memberships) and for a platform admin (every
 * organisation) they are read now.
 */
async function workspacesOf(req: FastifyRequest, auth: LoadedSession, deps: ContextDeps): Promise<{ slug: string; name: string }[]> {
  if ((req.method === 'GET' || req.method === 'HEAD') && !auth.user.isPlatformAdmin) return auth.memberships.map(({ slug, name }) => ({ slug, name }));
  return deps.listWorkspaces(auth.user.id, auth.user.isPlatformAdmin);
}

/** What was typed before a language switch on this page (form-drafts.ts), read once. */
async function draftFor(req: FastifyRequest, deps: ContextDeps): Promise<FormDraft | null> {
  const id = req.method === 'GET' ? req.cookies[DRAFT_COOKIE] : undefined;
  const draft = id ? await takeDraft(deps.db, deps.secretKey, id, req.url) : null;
  // Read once: the cookie goes with the draft (onSend below).
  if (draft) req.draftTaken = true;
  return draft;
}

/**
 * The page with the request's page context, organisation and actor around it (ui/context.ts), so
 * its components read them instead of taking them as props.
 */
function withRequestScope(req: FastifyRequest, node: VNode): VNode {
  // What the route handed the page wins: it may have adjusted the context (another return address).
  const given = (node.props ?? {}) as { ctx?: PageCtx; council?: Council; actor?: Actor };
  const ctx = given.ctx ?? req.lastPageCtx;
  if (!ctx) return node;
  const scope = { council: given.council ?? req.council ?? null, actor: given.actor ?? req.actor ?? null };
  return h(PageCtxProvider, { value: ctx }, h(CouncilScopeProvider, { value: scope }, node)) as VNode;
}

function _isSecureRequest(req: FastifyRequest): boolean {
  return req.protocol === 'https';
}
