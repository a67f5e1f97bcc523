import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { locales, translator, type Locale, type Translate } from '../i18n/index.ts';
import { loadSession, SESSION_COOKIE, type LoadedSession } from '../auth/sessions.ts';
import { csrfTokenFor } from './csrf.ts';
import type { PageCtx } from '../../ui/context.ts';
import { renderDocument } from '../../ui/render.ts';
import type { Db } from '../db/index.ts';
import { sha256 } from '../secret.ts';

export const LOCALE_COOKIE = 'rw_taal';

declare module 'fastify' {
  interface FastifyRequest {
    locale: Locale;
    t: Translate;
    auth: LoadedSession | null;
    /** sha256 of the session cookie, when there is a session. */
    sessionIdHash: string | null;
    pageCtx(): Promise<PageCtx>;
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
  app.decorateRequest('pageCtx', null as unknown as () => Promise<PageCtx>);
  app.decorateReply('page', function (this: FastifyReply, node: VNode, status = 200) {
    return this.code(status).type('text/html; charset=utf-8').send(renderDocument(node));
  });

  app.addHook('onRequest', async (req) => {
    const raw = req.cookies[SESSION_COOKIE];
    if (raw && !req.url.startsWith('/assets/') && !req.url.startsWith('/api/')) {
      req.auth = await loadSession(deps.db, raw);
      if (req.auth) req.sessionIdHash = sha256(raw);
    }
    const fromCookie = req.cookies[LOCALE_COOKIE];
    const locale: Locale = (locales as readonly string[]).includes(fromCookie ?? '') ? (fromCookie as Locale) : (req.auth?.user.locale ?? 'nl');
    req.locale = locale;
    req.t = translator(locale);
    req.pageCtx = async () => buildPageCtx(req, deps);
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
    workspaces: auth ? await deps.listWorkspaces(auth.user.id, auth.user.isPlatformAdmin) : [],
  };
}

function _isSecureRequest(req: FastifyRequest): boolean {
  return req.protocol === 'https';
}
