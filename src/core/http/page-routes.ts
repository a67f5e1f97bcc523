/**
 * What the HTML routes of every module share: the props a workspace page takes from the request,
 * and the one way a form is handled (validate, run one use case, redirect; or the page again).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { ZodType } from 'zod';
import { actorOf } from '../auth/guards.ts';
import { councilOf } from '../tenancy.ts';
import { domainErrors, echo, parseForm, type FieldErrors, type FormValues } from './forms.ts';

/** The page context, organisation and actor of a workspace request (past a `requireRight` guard): the props every workspace page takes. */
export async function pageProps(req: FastifyRequest) {
  return { ctx: await req.pageCtx(), council: councilOf(req), actor: actorOf(req) };
}

/** The page context and organisation of a request to an organisation's public site: the props every public page takes. */
export async function publicProps(req: FastifyRequest) {
  return { ctx: await req.pageCtx(), council: councilOf(req) };
}

/** What a page shows again after a refused form: the messages and what was typed. */
export type Again = { errors: FieldErrors; values: FormValues };

/**
 * Runs a form: validate with `schema` (when given), call `run`; on success a redirect (303) to
 * `to` (or to what `to` makes of the result), on invalid input or a broken rule `again` with
 * the messages and the posted values, so the page shows itself again (400, nothing changed).
 */
export async function runForm<T, R = unknown>(
  req: FastifyRequest,
  reply: FastifyReply,
  opts: { schema?: ZodType<T>; run: (data: T) => Promise<R>; to: string | ((result: R) => string); again: (extra: Again) => Promise<unknown> },
) {
  let data = undefined as T;
  if (opts.schema) {
    const form = parseForm(opts.schema, req.body, req.t);
    if (!form.ok) return opts.again({ errors: form.errors, values: echo(req.body) });
    data = form.data;
  }
  let result: R;
  try {
    result = await opts.run(data);
  } catch (err) {
    const errors = domainErrors(err, req.t);
    if (!errors) throw err;
    return opts.again({ errors, values: echo(req.body) });
  }
  return reply.redirect(typeof opts.to === 'function' ? opts.to(result) : opts.to, 303);
}

/** Shows a page; `again` after a refused form (status 400). */
export type ShowPage = (req: FastifyRequest, reply: FastifyReply, again?: Again) => Promise<unknown>;

/**
 * A page with one form that posts to its own address, both behind `guard`: GET shows the page;
 * POST validates with `schema`, runs one use case and redirects to the address `run` returns,
 * or shows the page again with the messages.
 */
export function formPage<T>(app: FastifyInstance, path: string, guard: RouteShorthandOptions, page: { show: ShowPage; schema: ZodType<T>; run: (req: FastifyRequest, data: T) => Promise<string> }) {
  app.get(path, guard, (req, reply) => page.show(req, reply));
  app.post(path, guard, (req, reply) => runForm(req, reply, { schema: page.schema, run: (data) => page.run(req, data), to: (to) => to, again: (again) => page.show(req, reply, again) }));
}
