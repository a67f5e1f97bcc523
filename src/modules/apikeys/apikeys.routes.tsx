import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parseForm } from '../../core/http/forms.ts';
import { pageProps } from '../../core/http/page-routes.ts';
import { actorOf, requireRight } from '../../core/auth/guards.ts';
import { councilOf } from '../../core/tenancy.ts';
import * as keys from './apikeys.service.ts';
import { TokensPage } from './views/keys.tsx';

const PAGE = '/:council/werkruimte/api-sleutels';

/** The API keys page in the workspace: list, make (shown once), revoke. */
export async function apikeysRoutes(app: FastifyInstance) {
  const deps = app.deps;
  const manage = { preHandler: requireRight('apiTokens.manage') };
  const keysPage = async (req: FastifyRequest, extra: Partial<Parameters<typeof TokensPage>[0]> = {}) => {
    const council = councilOf(req);
    const actor = actorOf(req);
    const list = await keys.listTokens(deps, { actor, council });
    return <TokensPage {...(await pageProps(req))} tokens={list} seesAll={keys.seesAllTokens(actor)} {...extra} />;
  };

  app.get(PAGE, manage, async (req, reply) => {
    const melding = (req.query as Record<string, unknown>)?.melding;
    return reply.page(await keysPage(req, { notice: melding === 'ingetrokken' ? 'revoked' : undefined }));
  });

  // The new key is shown in the answer to this POST, once; it is never in a URL or stored in plain.
  app.post(PAGE, manage, async (req, reply) => {
    const council = councilOf(req);
    const actor = actorOf(req);
    const form = parseForm(keys.tokenSchema, req.body, req.t);
    if (!form.ok) return reply.page(await keysPage(req, { errors: form.errors, values: form.values }), 400);
    const { token } = await keys.createToken(deps, { actor, council, input: form.data });
    reply.header('cache-control', 'no-store');
    return reply.page(await keysPage(req, { created: { name: form.data.name, token } }), 201);
  });

  app.post(`${PAGE}/:id/intrekken`, manage, async (req, reply) => {
    const council = councilOf(req);
    const actor = actorOf(req);
    const outcome = await keys.revokeToken(deps, { actor, council, id: (req.params as { id: string }).id });
    if (outcome === 'alreadyRevoked') return reply.page(await keysPage(req, { errors: { name: req.t('apikeys.alreadyRevoked') } }), 409);
    return reply.redirect(`/${council.slug}/werkruimte/api-sleutels?melding=ingetrokken`, 303);
  });
}
