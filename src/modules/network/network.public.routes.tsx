/**
 * The network's public pages: the network list (only organisations that agreed), the withdrawal
 * link from any mail (no login), and the form to share an experience. The form stores nothing
 * but the experience, sets no cookie, and has the signal form's abuse protection: a honeypot
 * field, a minimum time since the form was shown, and the same hourly limit per address.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { domainErrors, echo, parseForm, type FieldErrors, type FormValues } from '../../core/http/forms.ts';
import { notFound } from '../../core/errors.ts';
import { councilOf } from '../../core/tenancy.ts';
import { addressKey, overLimit, recordSubmission, tooFast } from '../signals/index.ts';
import { experienceSchema } from './network.forms.ts';
import { publicNetwork } from './network.queries.ts';
import { listDelegations } from './network.delegations.ts';
import { withdrawAll } from './network.organisations.ts';
import { openPublicConsultations } from './network.consultations.ts';
import { formClosedFor, submitExperience } from './network.experiences.ts';
import { contactOfToken } from './network.rules.ts';
import { LimitPage, PublicNetworkPage, SHARE_HONEYPOT, SharedPage, SharePage, sharePath, WithdrawnPage, WithdrawPage } from './views/public.tsx';

const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

export async function networkPublicRoutes(app: FastifyInstance) {
  const deps = app.deps;

  app.get('/:council/netwerk', async (req, reply) => {
    const council = councilOf(req);
    const [organisations, delegations] = await Promise.all([publicNetwork(deps.db, council), listDelegations(deps.db, council.id, { current: true })]);
    return reply.page(<PublicNetworkPage ctx={await req.pageCtx()} council={council} organisations={organisations} delegations={delegations} />);
  });

  // ---------------------------------------------------------------- withdrawal without login
  const contactOf = (req: FastifyRequest) => contactOfToken(deps.secretKey, (req.params as { token: string }).token) ?? notFound('contact');
  app.get('/:council/netwerk/afmelden/:token', async (req, reply) => {
    contactOf(req);
    noStore(reply);
    return reply.page(<WithdrawPage ctx={await req.pageCtx()} council={councilOf(req)} action={req.url} />);
  });
  app.post('/:council/netwerk/afmelden/:token', async (req, reply) => {
    const council = councilOf(req);
    // Withdrawing twice, or after erasure, changes nothing and says the same.
    await withdrawAll(deps, { council, contactId: contactOf(req) });
    noStore(reply);
    return reply.page(<WithdrawnPage ctx={await req.pageCtx()} council={council} href={req.url} />);
  });

  // ---------------------------------------------------------------- sharing an experience
  const sharePage = async (req: FastifyRequest, reply: FastifyReply, opts: { errors?: FieldErrors; values?: FormValues; closed?: boolean } = {}) => {
    const council = councilOf(req);
    const consultations = await openPublicConsultations(deps.db, council.id);
    noStore(reply);
    return reply.page(<SharePage ctx={await req.pageCtx()} council={council} consultations={consultations} {...opts} />, opts.errors ? 400 : 200);
  };
  app.get('/:council/ervaring-delen', async (req, reply) => {
    const chosen = (req.query as Record<string, unknown> | undefined)?.raadpleging;
    const consultationId = typeof chosen === 'string' ? chosen : null;
    // A link to a consultation whose form has closed says so at once.
    const closed = consultationId ? (await formClosedFor(deps.db, councilOf(req), consultationId)) === 'closed' : false;
    return sharePage(req, reply, { values: consultationId && !closed ? { consultationId } : undefined, closed });
  });
  app.post('/:council/ervaring-delen', async (req, reply) => {
    const council = councilOf(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const key = addressKey(deps.secretKey, req.ip);
    if (await overLimit(deps.db, key)) {
      noStore(reply);
      return reply.page(<LimitPage ctx={await req.pageCtx()} council={council} />, 429);
    }
    // A robot filled the hidden field: store nothing, count it, and answer like a success.
    if (typeof body[SHARE_HONEYPOT] === 'string' && body[SHARE_HONEYPOT].trim() !== '') {
      await recordSubmission(deps.db, key);
      return reply.redirect(`${sharePath(council)}/verstuurd`, 303);
    }
    const form = parseForm(experienceSchema, body, req.t);
    if (!form.ok) return sharePage(req, reply, { errors: form.errors, values: form.values });
    if (tooFast(req.formIssuedAt)) return sharePage(req, reply, { errors: { form: req.t('network.share.tooFast') }, values: echo(body) });
    try {
      await submitExperience(deps, { council, input: form.data });
    } catch (err) {
      const errors = domainErrors(err, req.t);
      if (!errors) throw err;
      return sharePage(req, reply, { errors, values: echo(body), closed: (err as { code?: string }).code === 'consultationClosed' });
    }
    await recordSubmission(deps.db, key);
    return reply.redirect(`${sharePath(council)}/verstuurd`, 303);
  });
  app.get('/:council/ervaring-delen/verstuurd', async (req, reply) => {
    noStore(reply);
    return reply.page(<SharedPage ctx={await req.pageCtx()} council={councilOf(req)} />);
  });
}
