/**
 * The language switch: a functional cookie, set only when the visitor asks for it. A link
 * (GET /taal) on pages without a form; on pages with one, a submit button of that form (POST
 * /taal), so what was typed comes along and is put back in the other language (form-drafts.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/index.ts';
import { DRAFT_COOKIE, DRAFT_TTL_MS, draftOf, keepDraft } from './form-drafts.ts';
import { LOCALE_COOKIE } from './request-context.ts';
import { safeReturnPath } from './values.ts';

const YEAR_S = 365 * 24 * 3600;

function switchTo(req: FastifyRequest, reply: FastifyReply): string {
  const q = req.query as Record<string, unknown>;
  const to = q.naar === 'en' ? 'en' : 'nl';
  reply.setCookie(LOCALE_COOKIE, to, { path: '/', sameSite: 'lax', httpOnly: true, secure: req.protocol === 'https', maxAge: YEAR_S });
  return safeReturnPath(q.terug) ?? '/';
}

export function registerLanguageSwitch(app: FastifyInstance, deps: { db: Db; secretKey: string }): void {
  app.get('/taal', async (req, reply) => reply.redirect(switchTo(req, reply), 303));

  // The CSRF check (csrf.ts) has passed: the form's own token came along with the answers.
  app.post('/taal', async (req, reply) => {
    const back = switchTo(req, reply);
    const draft = draftOf(req.body);
    if (draft) {
      const id = await keepDraft(deps.db, deps.secretKey, back, draft);
      reply.setCookie(DRAFT_COOKIE, id, { path: '/', sameSite: 'lax', httpOnly: true, secure: req.protocol === 'https', maxAge: DRAFT_TTL_MS / 1000 });
    }
    return reply.redirect(back, 303);
  });
}
