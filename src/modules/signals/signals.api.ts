/**
 * Signals through the open API: organisations and partner councils pass on what residents
 * told them. POST /api/v1/raden/{raad}/signalen with a Bearer token of that council: a token of
 * one of its users (official, partner council, board) or an organisation's signals-only token.
 * The body follows the same zod schemas as the residents' form. There is no way to read signals
 * back through the API: they may hold special-category personal data.
 */
import type { FastifyInstance } from 'fastify';
import { API_PREFIX, apiToken, councilFor, problem, validationProblem, writeLimit } from '../advice/advice.api.ts';
import { toContact } from './signals.forms.ts';
import { SignalError, submitSignal } from './signals.service.ts';
import { apiSignalSchema } from './signals.intake.ts';

/** A 10 kB text with contact details fits many times; more is not a signal. */
const BODY_LIMIT = 64 * 1024;

export async function signalsApiRoutes(app: FastifyInstance) {
  const deps = app.deps;

  app.post(`${API_PREFIX}/raden/:raad/signalen`, { config: writeLimit, bodyLimit: BODY_LIMIT }, async (req, reply) => {
    const council = await councilFor(req);
    const token = await apiToken(req, reply, council);
    if (!token) return reply;
    const parsed = apiSignalSchema.safeParse(req.body && typeof req.body === 'object' ? req.body : {});
    if (!parsed.success) return validationProblem(reply, req, parsed.error.issues);
    const { contact, consent, organisation, ...input } = parsed.data;
    // The token's name is what the board knows the sender by; a named organisation comes with it.
    const sourceDetail = organisation && organisation !== token.name ? `${token.name}: ${organisation}` : token.name;
    try {
      const signal = await submitSignal(deps, {
        council,
        // An organisation's token is nobody's account: the signal was not recorded by a user.
        actor: token.scope === 'member' ? token.actor : null,
        input,
        contact: contact ? toContact(contact) : null,
        consent,
        source: 'api',
        sourceDetail: sourceDetail.slice(0, 300),
      });
      return reply.code(201).send({ id: signal.id, reference: signal.reference, status: 'new' });
    } catch (err) {
      if (!(err instanceof SignalError)) throw err;
      const reason = req.t(err.messageKey);
      return problem(reply, {
        status: 422,
        code: err.code,
        title: req.t('register.api.invalid.title'),
        detail: reason,
        invalidParams: err.field ? [{ name: err.field, code: err.code, reason }] : undefined,
      });
    }
  });
}
