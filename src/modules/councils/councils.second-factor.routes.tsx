import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf, requireRight } from '../../core/auth/guards.ts';
import { domainErrors, field, parseForm, type FieldErrors } from '../../core/http/forms.ts';
import { resetSecondFactor } from './councils.second-factor.ts';
import { SECOND_FACTOR_PATH, SecondFactorResetPage } from './views/second-factor.tsx';

const resetSchema = z.object({ email: field.email(), reason: field.text(500) });

/** Platform administration: turn off a user's second factor (audited, the user is told by mail). */
export async function councilsSecondFactorRoutes(app: FastifyInstance) {
  const deps = app.deps;
  const guard = { preHandler: requireRight('users.resetSecondFactor') };
  app.get(SECOND_FACTOR_PATH, guard, async (req, reply) => {
    const done = (req.query as Record<string, unknown>)?.uitgezet;
    reply.header('cache-control', 'no-store');
    return reply.page(<SecondFactorResetPage ctx={await req.pageCtx()} done={typeof done === 'string' ? done.slice(0, 320) : undefined} />);
  });
  app.post(SECOND_FACTOR_PATH, guard, async (req, reply) => {
    const form = parseForm(resetSchema, req.body, req.t);
    const again = async (errors: FieldErrors) => reply.page(<SecondFactorResetPage ctx={await req.pageCtx()} errors={errors} values={form.ok ? (req.body as never) : form.values} />, 400);
    if (!form.ok) return again(form.errors);
    try {
      const user = await resetSecondFactor(deps, { actor: actorOf(req), input: form.data });
      return reply.redirect(`${SECOND_FACTOR_PATH}?uitgezet=${encodeURIComponent(user.email)}`, 303);
    } catch (err) {
      const errors = domainErrors(err, req.t);
      if (errors) return again(errors);
      throw err;
    }
  });
}
