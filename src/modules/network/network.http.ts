/** What every network route file starts with: the rights, the council and actor of a request, the notice, and the form round trip. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodType } from 'zod';
import { domainErrors, echo, noticeOf, parseForm, type FieldErrors, type FormValues } from '../../core/http/forms.ts';
import type { DomainError } from '../../core/errors.ts';
import type { MessageKey } from '../../core/i18n/index.ts';
import { actorOf, requireRight } from '../../core/auth/guards.ts';
import { councilOf } from '../../core/tenancy.ts';

export const WS = '/:council/werkruimte/netwerk';

/** The guards, the request's council and actor, and the notice named by `?melding=` among `notices`. */
export function routeKit(app: FastifyInstance, notices: Record<string, MessageKey>) {
  return {
    deps: app.deps,
    view: { preHandler: requireRight('network.view') },
    record: { preHandler: requireRight('network.record') },
    manage: { preHandler: requireRight('network.manage') },
    contacts: { preHandler: requireRight('network.contacts') },
    ctxOf: (req: FastifyRequest) => ({ council: councilOf(req), actor: actorOf(req) }),
    idOf: (req: FastifyRequest) => (req.params as { id: string }).id,
    notice: (req: FastifyRequest) => {
      const key = noticeOf(req, notices);
      return key ? req.t(key) : undefined;
    },
  };
}

/**
 * Validates a form, runs the use case and redirects (303), or shows the page again with the
 * errors (400): the form's own and the domain's.
 */
export async function submit<T>(
  req: FastifyRequest,
  reply: FastifyReply,
  opts: { schema: ZodType<T>; run: (data: T) => Promise<string>; again: (errors: FieldErrors, values: FormValues, err?: DomainError) => Promise<unknown> },
) {
  const form = parseForm(opts.schema, req.body, req.t);
  if (!form.ok) return opts.again(form.errors, form.values);
  try {
    return reply.redirect(await opts.run(form.data), 303);
  } catch (err) {
    const errors = domainErrors(err, req.t);
    if (!errors) throw err;
    return opts.again(errors, echo(req.body), err as DomainError);
  }
}
