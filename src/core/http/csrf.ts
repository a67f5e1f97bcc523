import type { FastifyInstance, FastifyRequest } from 'fastify';
import { hmac, hmacMatches } from '../secret.ts';

/** How long an anonymous form stays valid. */
const ANON_MAX_AGE_MS = 24 * 60 * 60 * 1000;

declare module 'fastify' {
  interface FastifyRequest {
    /** When the anonymous form was served (ms), for minimum fill time checks. */
    formIssuedAt: number | null;
  }
}

/**
 * Synchroniser tokens without a cookie for anonymous readers: a logged-in user's token is an
 * HMAC of a secret in their session row; an anonymous form carries a signed timestamp.
 * See docs/decisions/0003-csrf-without-anonymous-cookies.md.
 */
export function csrfTokenFor(secretKey: string, sessionSecret: string | null): string {
  if (sessionSecret) return sessionToken(secretKey, sessionSecret);
  const ts = Date.now().toString(36);
  return `a.${ts}.${hmac(secretKey, `a:${ts}`)}`;
}

/** Session tokens made lately: an HMAC for every page was a few per cent of a light page's time. */
const sessionTokens = new Map<string, string>();
const SESSION_TOKENS_KEPT = 10_000;

function sessionToken(secretKey: string, sessionSecret: string): string {
  const key = `${secretKey}\n${sessionSecret}`;
  let token = sessionTokens.get(key);
  if (token === undefined) {
    // Emptied when full: a token is made again from the secret at the next page.
    if (sessionTokens.size >= SESSION_TOKENS_KEPT) sessionTokens.clear();
    token = `s.${hmac(secretKey, `s:${sessionSecret}`)}`;
    sessionTokens.set(key, token);
  }
  return token;
}

function verifyCsrfToken(secretKey: string, sessionSecret: string | null, token: unknown): { ok: boolean; issuedAt: number | null } {
  if (typeof token !== 'string' || token.length > 200) return { ok: false, issuedAt: null };
  if (sessionSecret) return { ok: token.startsWith('s.') && hmacMatches(secretKey, `s:${sessionSecret}`, token.slice(2)), issuedAt: null };
  const [kind, ts, mac] = token.split('.');
  if (kind !== 'a' || !ts || !mac || !hmacMatches(secretKey, `a:${ts}`, mac)) return { ok: false, issuedAt: null };
  const issuedAt = parseInt(ts, 36);
  const age = Date.now() - issuedAt;
  return { ok: age >= 0 && age < ANON_MAX_AGE_MS, issuedAt };
}

class CsrfError extends Error {
  readonly statusCode = 403;
  readonly code = 'CSRF';
}

function crossSite(req: FastifyRequest): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site') return true;
  const origin = req.headers.origin;
  if (origin && origin !== 'null') {
    try {
      return new URL(origin).host !== req.headers.host;
    } catch {
      return true;
    }
  }
  return false;
}

/** Every state-changing request outside the token-authenticated API needs a valid token. */
export function registerCsrf(app: FastifyInstance, secretKey: string): void {
  app.decorateRequest('formIssuedAt', null);
  app.addHook('preHandler', async (req) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return;
    if (req.url.startsWith('/api/')) return;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const query = (req.query ?? {}) as Record<string, unknown>;
    const token = body._csrf ?? query._csrf;
    const result = verifyCsrfToken(secretKey, req.auth?.session.csrfSecret ?? null, token);
    if (!result.ok || crossSite(req)) throw new CsrfError('invalid csrf token');
    req.formIssuedAt = result.issuedAt;
  });
}
