/**
 * The residents' signal form at /{council}/signaal. Nothing is stored before the final submit;
 * between pages the answers travel in the POSTed form (never in the URL, never in a cookie).
 * Abuse protection that a slow person never meets: a honeypot field, a minimum time since the
 * start page (its form token is carried to the end), and at most 60 signals an hour per address,
 * counted in the database so every instance agrees.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FieldErrors } from '../../core/http/forms.ts';
import { hmac, hmacMatches } from '../../core/secret.ts';
import { councilOf } from '../../core/tenancy.ts';
import type { Council } from '../../core/organisations.schema.ts';
import type { PageCtx } from '../../ui/context.ts';
import { settingsOf } from './signals.settings.ts';
import { HELD_RETRY_AFTER_S, submitOrHold } from './signals.intake.held.ts';
import * as intake from './signals.intake.ts';
import { CheckPage, HONEYPOT, intakePaths, LimitPage, QuestionPage, SentPage, StartPage } from './views/intake.tsx';

/** A brake per process on page flips; the real limit (60 signals an hour) is in the database. */
const flipLimit = { rateLimit: { max: 300, timeWindow: '1 minute' } };

type Body = Record<string, unknown>;

/** Pages that show answers are never stored by a browser or proxy. */
const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

/** The reference on the confirmation page is signed, so only a stored signal shows one. */
const referenceCheck = (secretKey: string, council: Council, reference: string) => hmac(secretKey, referenceSigned(council, reference)).slice(0, 16);
const referenceSigned = (council: Council, reference: string) => `signal-sent:${council.id}:${reference}`;

export async function signalsIntakeRoutes(app: FastifyInstance) {
  const deps = app.deps;

  /**
   * The page context. The language switch sends the step's form along (core/http/language.ts) and
   * comes back to the question address by GET, which shows the page the visitor was on.
   */
  const pageCtx = async (req: FastifyRequest, built?: PageCtx): Promise<PageCtx> => ({ ...(built ?? (await req.pageCtx())), url: intakePaths(councilOf(req)).question });
  /** The start page's form token rides along (the fill time counts from there); after a language switch, a fresh one. */
  const tokenOf = (req: FastifyRequest, ctx: PageCtx) => {
    const token = (req.body as Body | undefined)?._csrf;
    return typeof token === 'string' ? token : ctx.csrfToken;
  };

  /** `opts.ctx`: the context the route built already (the language switch's way back reads its draft from it). */
  const showQuestion = async (
    req: FastifyRequest,
    reply: FastifyReply,
    step: intake.QuestionStep,
    answers: intake.Answers,
    opts: { fromCheck: boolean; errors?: FieldErrors | null; ctx?: PageCtx },
  ) => {
    const council = councilOf(req);
    const body = (req.body ?? {}) as Body;
    const ctx = await pageCtx(req, opts.ctx);
    const settings = step === 'toestemming' ? await settingsOf(deps.db, council.id) : null;
    const back = opts.fromCheck ? 'controleren' : intake.previousPage(step, answers);
    noStore(reply);
    return reply.page(
      <QuestionPage
        ctx={ctx}
        council={council}
        step={step}
        answers={answers}
        token={tokenOf(req, ctx)}
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
  const showCheck = async (req: FastifyRequest, reply: FastifyReply, answers: intake.Answers, errors?: FieldErrors, built?: PageCtx) => {
    const invalid = intake.firstInvalid(answers, req.t);
    if (invalid) return showQuestion(req, reply, invalid.step, answers, { fromCheck: true, errors: invalid.errors, ctx: built });
    const body = (req.body ?? {}) as Body;
    const ctx = await pageCtx(req, built);
    noStore(reply);
    return reply.page(
      <CheckPage
        ctx={ctx}
        council={councilOf(req)}
        answers={answers}
        token={tokenOf(req, ctx)}
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

  // Back from the language switch (see pageCtx): the page the visitor was on, with what they had
  // typed, in the other language; checked only when they go on. Without kept answers: the start.
  app.get('/:council/signaal/vraag', async (req, reply) => {
    // The context is built once: its draft says which page, and the page is shown with it.
    const ctx = await req.pageCtx();
    const draft = ctx.draft;
    const page = draft?.pagina?.[0];
    if (!draft || !intake.isPage(page)) return reply.redirect(intakePaths(councilOf(req)).start, 303);
    const answers = intake.normalise(intake.answersFrom(Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, v.length > 1 ? v : v[0]]))));
    return page === 'controleren' ? showCheck(req, reply, answers, undefined, ctx) : showQuestion(req, reply, page, answers, { fromCheck: draft.naarControle?.[0] === 'ja', ctx });
  });

  app.post('/:council/signaal/versturen', async (req, reply) => {
    const council = councilOf(req);
    const body = (req.body ?? {}) as Body;
    const answers = intake.normalise(intake.answersFrom(body));
    const paths = intakePaths(council);
    const key = intake.addressKey(deps.secretKey, req.ip);
    const limitPage = async () => {
      noStore(reply);
      return reply.page(<LimitPage ctx={await pageCtx(req)} council={council} />, 429);
    };
    // A robot filled the hidden field: store nothing, count it, and answer like a success (without a reference).
    const robot = typeof body[HONEYPOT] === 'string' && body[HONEYPOT].trim() !== '';
    const submission = robot ? null : intake.toSubmission(answers, req.t);
    if (submission && (!submission.ok || intake.tooFast(req.formIssuedAt))) {
      // Back to a page: nothing is counted, but an address over the limit sees the limit first.
      if (await intake.overLimit(deps.db, key)) return limitPage();
      if (!submission.ok) return showQuestion(req, reply, submission.step, answers, { fromCheck: true, errors: submission.errors });
      return showCheck(req, reply, answers, { form: req.t('signals.intake.tooFast') });
    }
    // Counted, and within the organisation's hourly budget stored; beyond it, it waits (signals.intake.held.ts).
    const sent = await submitOrHold(deps, { council, actor: req.actor, addressKey: key, submission: submission?.value ?? null });
    if (sent.kind === 'limit') return limitPage();
    if (sent.kind === 'counted') {
      req.log.info({ code: 'SIGNAL_HONEYPOT' }, 'signal refused');
      return reply.redirect(paths.sent, 303);
    }
    if (sent.kind === 'full') {
      noStore(reply).header('retry-after', String(HELD_RETRY_AFTER_S));
      return reply.page(<LimitPage ctx={await pageCtx(req)} council={council} busy />, 429);
    }
    if (sent.kind === 'held') return reply.redirect(`${paths.sent}?wacht=ja`, 303);
    const { reference } = sent;
    const q = new URLSearchParams({ nummer: reference, controle: referenceCheck(deps.secretKey, council, reference) });
    return reply.redirect(`${paths.sent}?${q}`, 303);
  });

  app.get('/:council/signaal/verstuurd', async (req, reply) => {
    const council = councilOf(req);
    const q = (req.query ?? {}) as Record<string, unknown>;
    const reference = typeof q.nummer === 'string' && q.nummer.length <= 40 ? q.nummer : null;
    const genuine = reference !== null && typeof q.controle === 'string' && hmacMatches(deps.secretKey, referenceSigned(council, reference), q.controle, 16);
    noStore(reply);
    return reply.page(<SentPage ctx={await pageCtx(req)} council={council} reference={genuine ? reference : null} held={q.wacht === 'ja'} />);
  });
}
