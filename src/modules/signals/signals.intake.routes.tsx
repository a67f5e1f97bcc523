/**
 * The residents' signal form at /{council}/signaal. Nothing is stored before the final submit;
 * between pages the answers travel in the POSTed form (never in the URL, never in a cookie).
 * Abuse protection that a slow person never meets: a honeypot field, a minimum time since the
 * start page (its form token is carried to the end), and at most 60 signals an hour per address,
 * counted in the database so every instance agrees.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldErrors } from '../../core/http/forms.ts';
import { hmac, safeEqual } from '../../core/secret.ts';
import { councilOf } from '../../core/tenancy.ts';
import type { Council } from '../../core/organisations.schema.ts';
import type { PageCtx } from '../../ui/context.ts';
import { settingsOf } from './signals.settings.ts';
import { submitSignal } from './signals.submit.ts';
import * as intake from './signals.intake.ts';
import { CheckPage, HONEYPOT, intakePaths, LimitPage, QuestionPage, SentPage, StartPage } from './views/intake.tsx';

/** A brake per process on page flips; the real limit (60 signals an hour) is in the database. */
const flipLimit = { rateLimit: { max: 300, timeWindow: '1 minute' } };

type Body = Record<string, unknown>;

/** Pages that show answers are never stored by a browser or proxy. */
const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

/** The reference on the confirmation page is signed, so only a stored signal shows one. */
const referenceCheck = (secretKey: string, council: Council, reference: string) => hmac(secretKey, `signal-sent:${council.id}:${reference}`).slice(0, 16);

export async function signalsIntakeRoutes(app: FastifyInstance) {
  const deps = app.deps;

  /** The page context; the language switch leads to the start page, as a step page has no address of its own. */
  const pageCtx = async (req: FastifyRequest): Promise<PageCtx> => ({ ...(await req.pageCtx()), url: intakePaths(councilOf(req)).start });

  const showQuestion = async (req: FastifyRequest, reply: FastifyReply, step: intake.QuestionStep, answers: intake.Answers, opts: { fromCheck: boolean; errors?: FieldErrors | null }) => {
    const council = councilOf(req);
    const body = req.body as Body;
    const settings = step === 'toestemming' ? await settingsOf(deps.db, council.id) : null;
    const back = opts.fromCheck ? 'controleren' : intake.previousPage(step, answers);
    noStore(reply);
    return reply.page(
      <QuestionPage
        ctx={await pageCtx(req)}
        council={council}
        step={step}
        answers={answers}
        token={String(body._csrf)}
        back={back}
        fromCheck={opts.fromCheck}
        honeypot={typeof body[HONEYPOT] === 'string' ? (body[HONEYPOT] as string) : undefined}
        errors={opts.errors}
        retention={{ contactMonths: settings?.contactRetentionMonths ?? 0, textMonths: settings?.textRetentionMonths ?? 0 }}
      />,
      opts.errors ? 400 : 200,
    );
  };

  /** The check page, or the first page that still needs an answer. */
  const showCheck = async (req: FastifyRequest, reply: FastifyReply, answers: intake.Answers, errors?: FieldErrors) => {
    const invalid = intake.firstInvalid(answers, req.t);
    if (invalid) return showQuestion(req, reply, invalid.step, answers, { fromCheck: true, errors: invalid.errors });
    const body = req.body as Body;
    noStore(reply);
    return reply.page(
      <CheckPage
        ctx={await pageCtx(req)}
        council={councilOf(req)}
        answers={answers}
        token={String(body._csrf)}
        back={intake.previousPage('controleren', answers)!}
        honeypot={typeof body[HONEYPOT] === 'string' ? (body[HONEYPOT] as string) : undefined}
        errors={errors}
      />,
      errors ? 400 : 200,
    );
  };

  app.get('/:council/signaal', async (req, reply) => {
    // Not from the public page cache: each visitor needs a fresh form token (its time starts the clock).
    noStore(reply);
    return reply.page(<StartPage ctx={await pageCtx(req)} council={councilOf(req)} />);
  });

  // Every question page posts here: `pagina` is the page answered, `ga` a page to show without checking (back, change).
  // The question pages store nothing until the last step, so they keep the public page cache.
  app.post('/:council/signaal/vraag', { config: { ...flipLimit, changesNothing: true } }, async (req, reply) => {
    const body = (req.body ?? {}) as Body;
    const answers = intake.normalise(intake.answersFrom(body));
    const fromCheck = body.naarControle === 'ja';
    if (intake.isPage(body.ga)) {
      return body.ga === 'controleren' ? showCheck(req, reply, answers) : showQuestion(req, reply, body.ga, answers, { fromCheck });
    }
    if (body.pagina === 'start') return showQuestion(req, reply, intake.questionSteps[0], answers, { fromCheck: false });
    const step = body.pagina;
    if (!intake.isPage(step) || step === 'controleren') return reply.redirect(intakePaths(councilOf(req)).start, 303);
    const errors = intake.validateStep(step, answers, req.t);
    if (errors) return showQuestion(req, reply, step, answers, { fromCheck, errors });
    const next = intake.nextPage(step, answers, fromCheck, req.t);
    return next === 'controleren' ? showCheck(req, reply, answers) : showQuestion(req, reply, next, answers, { fromCheck });
  });

  app.post('/:council/signaal/versturen', async (req, reply) => {
    const council = councilOf(req);
    const body = (req.body ?? {}) as Body;
    const answers = intake.normalise(intake.answersFrom(body));
    const paths = intakePaths(council);
    const key = intake.addressKey(deps.secretKey, req.ip);
    if (await intake.overLimit(deps.db, key)) {
      noStore(reply);
      return reply.page(<LimitPage ctx={await pageCtx(req)} council={council} />, 429);
    }
    // A robot filled the hidden field: store nothing, count it, and answer like a success (without a reference).
    if (typeof body[HONEYPOT] === 'string' && body[HONEYPOT].trim() !== '') {
      await intake.recordSubmission(deps.db, key);
      req.log.info({ code: 'SIGNAL_HONEYPOT' }, 'signal refused');
      return reply.redirect(paths.sent, 303);
    }
    const submission = intake.toSubmission(answers, req.t);
    if (!submission.ok) return showQuestion(req, reply, submission.step, answers, { fromCheck: true, errors: submission.errors });
    if (intake.tooFast(req.formIssuedAt)) return showCheck(req, reply, answers, { form: req.t('signals.intake.tooFast') });
    const { reference } = await submitSignal(deps, { council, actor: req.actor, ...submission.value, source: 'web_form' });
    await intake.recordSubmission(deps.db, key);
    const q = new URLSearchParams({ nummer: reference, controle: referenceCheck(deps.secretKey, council, reference) });
    return reply.redirect(`${paths.sent}?${q}`, 303);
  });

  app.get('/:council/signaal/verstuurd', async (req, reply) => {
    const council = councilOf(req);
    const q = (req.query ?? {}) as Record<string, unknown>;
    const reference = typeof q.nummer === 'string' && q.nummer.length <= 40 ? q.nummer : null;
    const genuine = reference !== null && typeof q.controle === 'string' && safeEqual(q.controle, referenceCheck(deps.secretKey, council, reference));
    noStore(reply);
    return reply.page(<SentPage ctx={await pageCtx(req)} council={council} reference={genuine ? reference : null} />);
  });
}
