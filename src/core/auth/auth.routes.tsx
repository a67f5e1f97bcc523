import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { z, type ZodType } from 'zod';
import { field, noticeOf, parseForm, type FieldErrors } from '../http/forms.ts';
import { LOCALE_COOKIE } from '../http/request-context.ts';
import type { MessageKey } from '../i18n/index.ts';
import { destroySession, SESSION_COOKIE } from './sessions.ts';
import { loginRedirect } from './guards.ts';
import { PASSWORD_MAX, PASSWORD_MIN } from './passwords.ts';
import { checkEnrolmentSignature, groupSecret, newTotpSecret, normaliseCode, otpauthUri, qrDataUrl, signEnrolment } from './totp.ts';
import {
  acceptInvitation,
  changePassword,
  describeInvitation,
  disableTotp,
  enableTotp,
  findUserById,
  findValidToken,
  isSecondFactorRequired,
  landingPath,
  login,
  regenerateRecoveryCodes,
  requestPasswordReset,
  resetPassword,
  setPreferredLocale,
  verifyLoginCode,
} from './auth.service.ts';
import { CodePage, LoginPage, withReturn } from './views/login.tsx';
import { safeReturnPath } from '../http/values.ts';
import { AccountPage, TwoFactorPage, type AccountForm, type Enrolment } from './views/account.tsx';
import { RecoveryCodesPage } from './views/recovery.tsx';
import { normaliseRecoveryCode, unusedRecoveryCodes } from './recovery.ts';
import { ForgotPage, ForgotSentPage, InvalidTokenPage, InvitationHasAccountPage, InvitationPage, ResetDonePage, ResetPage } from './views/tokens.tsx';
import { setNoticeMode } from '../notices/notices.ts';
import { noticeModes, type User } from './auth.schema.ts';

// ------------------------------------------------------------------ form schemas (shared with a future JSON API)

const anyPassword = () => z.string({ error: 'error.required' }).min(1, 'error.required').max(PASSWORD_MAX);

const code = () =>
  z
    .string({ error: 'error.required' })
    .max(20)
    .transform(normaliseCode)
    .pipe(
      z
        .string()
        .min(1, 'error.required')
        .regex(/^\d{6}$/, 'auth.code.format'),
    );

/** At the login step: the app's code or a recovery code (with or without dash, any case). */
const loginCode = () =>
  z
    .string({ error: 'error.required' })
    .max(40)
    .transform(normaliseCode)
    .pipe(
      z
        .string()
        .min(1, 'error.required')
        .refine((v) => /^\d{6}$/.test(v) || normaliseRecoveryCode(v) !== null, 'auth.code.formatOrRecovery'),
    );

/** A new password, typed twice. */
const newPasswordShape = {
  newPassword: z.string({ error: 'error.required' }).min(1, 'error.required').min(PASSWORD_MIN, 'auth.password.tooShort').max(PASSWORD_MAX),
  newPasswordRepeat: z.string({ error: 'error.required' }).min(1, 'error.required').max(PASSWORD_MAX),
};
const sameTwice = (v: { newPassword: string; newPasswordRepeat: string }) => v.newPassword === v.newPasswordRepeat;
const mismatch = { message: 'auth.password.mismatch', path: ['newPasswordRepeat'] };

const loginSchema = z.object({ email: field.email(), password: anyPassword() });
const codeSchema = z.object({ code: code() });
const loginCodeSchema = z.object({ code: loginCode() });
const newPasswordSchema = z.object(newPasswordShape).refine(sameTwice, mismatch);
const changePasswordSchema = z.object({ currentPassword: anyPassword(), ...newPasswordShape }).refine(sameTwice, mismatch);
const languageSchema = z.object({ locale: field.choice(['nl', 'en'] as const) });
const noticeModeSchema = z.object({ noticeMode: field.choice(noticeModes) });
const forgotSchema = z.object({ email: field.email() });
const disableTotpSchema = z.object({ password: anyPassword() });
const recoveryCodesSchema = z.object({ currentPassword: anyPassword() });

/** Login and code forms: 20 tries a minute per address, on top of the per-account throttle. */
const loginRateLimit = { rateLimit: { max: 20, timeWindow: '1 minute' } };
/** Forms that send mail or take a token: fewer. */
const mailRateLimit = { rateLimit: { max: 10, timeWindow: '15 minutes' } };

const notices: Record<string, MessageKey> = {
  wachtwoord: 'auth.account.passwordChanged',
  taal: 'auth.account.languageSaved',
  berichten: 'auth.account.noticesSaved',
  aan: 'auth.totp.enabled',
  uit: 'auth.totp.disabled',
};

/** `terug` from the form, else from the query; only local paths. */
function returnPathOf(req: FastifyRequest): string | null {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const query = (req.query ?? {}) as Record<string, unknown>;
  return safeReturnPath(body.terug) ?? safeReturnPath(query.terug);
}

function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: req.protocol === 'https' });
}

function clearSessionCookie(req: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: req.protocol === 'https' });
}

/** A fresh session replaces whatever session the browser had (no session fixation). */
async function startSession(app: FastifyInstance, req: FastifyRequest, reply: FastifyReply, token: string): Promise<void> {
  if (req.sessionIdHash) await destroySession(app.deps.db, req.sessionIdHash);
  setSessionCookie(req, reply, token);
}

/** The account pages' user, read in full (the session carries only what every request needs), and the session. */
type Account = { user: User; idHash: string };

/** A logged-in user whose second step is done; the user and session of the request. */
function fullAuth(req: FastifyRequest) {
  return req.auth && !req.auth.session.mfaPending && req.sessionIdHash ? { ...req.auth, idHash: req.sessionIdHash } : null;
}

export async function authRoutes(app: FastifyInstance) {
  const deps = app.deps;

  // ---------------------------------------------------------------- log in

  app.get('/inloggen', async (req, reply) => {
    const terug = returnPathOf(req);
    const auth = fullAuth(req);
    if (auth) return reply.redirect(terug ?? (await landingPath(deps.db, auth.user.id)), 303);
    return reply.page(<LoginPage ctx={await req.pageCtx()} terug={terug} />);
  });

  app.post('/inloggen', { config: loginRateLimit }, async (req, reply) => {
    const terug = returnPathOf(req);
    const form = parseForm(loginSchema, req.body, req.t);
    if (!form.ok) return reply.page(<LoginPage ctx={await req.pageCtx()} terug={terug} errors={form.errors} values={form.values} />, 400);
    const result = await login(deps, { ...form.data, ip: req.ip, terug });
    if (result.kind === 'throttled') {
      return reply.page(<LoginPage ctx={await req.pageCtx()} terug={terug} values={{ email: form.data.email }} throttled />, 429);
    }
    if (result.kind === 'failed') {
      return reply.page(<LoginPage ctx={await req.pageCtx()} terug={terug} values={{ email: form.data.email }} errors={{ email: req.t('auth.login.failed') }} />, 400);
    }
    await startSession(app, req, reply, result.sessionToken);
    return reply.redirect(result.next, 303);
  });

  // ---------------------------------------------------------------- second step

  /** The pending session that waits for a code; otherwise where to go instead. */
  async function codeStep(req: FastifyRequest, reply: FastifyReply, terug: string | null) {
    if (!req.auth || !req.sessionIdHash) {
      reply.redirect(withReturn('/inloggen', terug), 303);
      return null;
    }
    if (!req.auth.session.mfaPending) {
      reply.redirect(terug ?? (await landingPath(deps.db, req.auth.user.id)), 303);
      return null;
    }
    const user = await findUserById(deps.db, req.auth.user.id);
    if (!user) {
      reply.redirect(withReturn('/inloggen', terug), 303);
      return null;
    }
    if (!user.totpEnabled) {
      reply.redirect(withReturn('/account/tweestapsverificatie', terug), 303);
      return null;
    }
    return { user, idHash: req.sessionIdHash };
  }

  app.get('/inloggen/code', async (req, reply) => {
    const terug = returnPathOf(req);
    if (!(await codeStep(req, reply, terug))) return reply;
    return reply.page(<CodePage ctx={await req.pageCtx()} terug={terug} />);
  });

  app.post('/inloggen/code', { config: loginRateLimit }, async (req, reply) => {
    const terug = returnPathOf(req);
    const step = await codeStep(req, reply, terug);
    if (!step) return reply;
    const form = parseForm(loginCodeSchema, req.body, req.t);
    if (!form.ok) return reply.page(<CodePage ctx={await req.pageCtx()} terug={terug} errors={form.errors} />, 400);
    const result = await verifyLoginCode(deps, { user: step.user, sessionIdHash: step.idHash, code: form.data.code, ip: req.ip, terug });
    if (result.kind === 'throttled') return reply.page(<CodePage ctx={await req.pageCtx()} terug={terug} throttled />, 429);
    if (result.kind === 'failed') {
      const message = normaliseRecoveryCode(form.data.code) ? req.t('auth.code.wrongRecovery') : req.t('auth.code.wrong');
      return reply.page(<CodePage ctx={await req.pageCtx()} terug={terug} errors={{ code: message }} />, 400);
    }
    return reply.redirect(result.next, 303);
  });

  // ---------------------------------------------------------------- two-step verification (also for a pending session)

  /** Logged in, or waiting to enrol; a pending session that has TOTP goes to the code page. */
  async function enrolGuard(req: FastifyRequest, reply: FastifyReply) {
    const user = req.auth && req.sessionIdHash ? await findUserById(deps.db, req.auth.user.id) : null;
    if (!req.auth || !req.sessionIdHash || !user) {
      loginRedirect(req, reply);
      return null;
    }
    const pending = req.auth.session.mfaPending;
    if (pending && user.totpEnabled) {
      reply.redirect(withReturn('/inloggen/code', returnPathOf(req)), 303);
      return null;
    }
    return { user, idHash: req.sessionIdHash, pending };
  }

  async function enrolmentFor(user: { id: string; email: string }, secret: string = newTotpSecret()): Promise<Enrolment> {
    return {
      secret,
      groupedSecret: groupSecret(secret),
      signature: signEnrolment(deps.secretKey, user.id, secret),
      qrDataUrl: await qrDataUrl(otpauthUri(secret, user.email)),
    };
  }

  app.get('/account/tweestapsverificatie', async (req, reply) => {
    const g = await enrolGuard(req, reply);
    if (!g) return reply;
    const required = await isSecondFactorRequired(deps.db, g.user);
    const enrolment = g.user.totpEnabled ? undefined : await enrolmentFor(g.user);
    return reply.page(
      <TwoFactorPage
        ctx={await req.pageCtx()}
        enabled={g.user.totpEnabled}
        required={required}
        pending={g.pending}
        terug={returnPathOf(req)}
        enrolment={enrolment}
        recoveryLeft={await unusedRecoveryCodes(deps.db, g.user.id)}
        notice={noticeOf(req, notices, 'klaar') ?? null}
      />,
    );
  });

  /** New recovery codes, shown once: never cached, never behind a URL that can be opened again. */
  const showRecoveryCodes = async (req: FastifyRequest, reply: FastifyReply, codes: string[], next: string, notice: MessageKey) =>
    reply.header('cache-control', 'no-store').page(<RecoveryCodesPage ctx={await req.pageCtx()} codes={codes} next={next} notice={notice} />);

  app.post('/account/tweestapsverificatie', { config: loginRateLimit }, async (req, reply) => {
    const g = await enrolGuard(req, reply);
    if (!g) return reply;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const terug = returnPathOf(req);
    const required = await isSecondFactorRequired(deps.db, g.user);
    const render = async (status: number, extra: { enrolment?: Enrolment; errors?: Record<string, string> }) =>
      reply.page(
        <TwoFactorPage
          ctx={await req.pageCtx()}
          enabled={g.user.totpEnabled}
          required={required}
          pending={g.pending}
          terug={terug}
          enrolment={extra.enrolment}
          recoveryLeft={g.user.totpEnabled ? await unusedRecoveryCodes(deps.db, g.user.id) : undefined}
          errors={extra.errors}
        />,
        status,
      );

    if (body.actie === 'uitzetten') {
      if (g.pending || !g.user.totpEnabled) return reply.redirect('/account/tweestapsverificatie', 303);
      const form = parseForm(disableTotpSchema, req.body, req.t);
      if (!form.ok) return render(400, { errors: form.errors });
      const result = await disableTotp(deps, { user: g.user, password: form.data.password, ip: req.ip });
      if (result.kind === 'required') return render(400, { errors: { password: req.t('auth.totp.cannotDisable') } });
      if (result.kind === 'wrongPassword') return render(400, { errors: { password: req.t('auth.password.wrongCurrent') } });
      if (result.kind === 'throttled') return render(429, { errors: { password: req.t('auth.password.throttled') } });
      return reply.redirect('/account/tweestapsverificatie?klaar=uit', 303);
    }

    if (g.user.totpEnabled) return reply.redirect('/account/tweestapsverificatie', 303);
    // The secret comes back from the form, signed for this user; a bad signature gets a new secret.
    if (!checkEnrolmentSignature(deps.secretKey, g.user.id, body.secret, body.signature)) {
      return render(400, { enrolment: await enrolmentFor(g.user), errors: { code: req.t('auth.totp.expired') } });
    }
    const enrolment = await enrolmentFor(g.user, body.secret as string);
    const form = parseForm(codeSchema, req.body, req.t);
    if (!form.ok) return render(400, { enrolment, errors: form.errors });
    const result = await enableTotp(deps, { user: g.user, secret: enrolment.secret, code: form.data.code, sessionIdHash: g.idHash, pending: g.pending });
    if (result.kind === 'wrongCode') return render(400, { enrolment, errors: { code: req.t('auth.code.wrong') } });
    if (result.kind === 'alreadyOn') return reply.redirect('/account/tweestapsverificatie', 303);
    const next = g.pending ? (terug ?? (await landingPath(deps.db, g.user.id))) : '/account/tweestapsverificatie';
    return showRecoveryCodes(req, reply, result.recoveryCodes, next, 'auth.totp.enabled');
  });

  app.post('/account/tweestapsverificatie/herstelcodes', { config: loginRateLimit }, async (req, reply) => {
    const a = await accountGuard(req, reply);
    if (!a) return reply;
    if (!a.user.totpEnabled) return reply.redirect('/account/tweestapsverificatie', 303);
    const fail = async (errors: Record<string, string>, status = 400) =>
      reply.page(
        <TwoFactorPage
          ctx={await req.pageCtx()}
          enabled
          required={await isSecondFactorRequired(deps.db, a.user)}
          pending={false}
          terug={null}
          recoveryLeft={await unusedRecoveryCodes(deps.db, a.user.id)}
          errors={errors}
        />,
        status,
      );
    const form = parseForm(recoveryCodesSchema, req.body, req.t);
    if (!form.ok) return fail(form.errors);
    const result = await regenerateRecoveryCodes(deps, { user: a.user, password: form.data.currentPassword, ip: req.ip });
    if (result.kind === 'notEnabled') return reply.redirect('/account/tweestapsverificatie', 303);
    if (result.kind === 'wrongPassword') return fail({ currentPassword: req.t('auth.password.wrongCurrent') });
    if (result.kind === 'throttled') return fail({ currentPassword: req.t('auth.password.throttled') }, 429);
    return showRecoveryCodes(req, reply, result.recoveryCodes, '/account/tweestapsverificatie', 'auth.recovery.replaced');
  });

  // ---------------------------------------------------------------- account

  /** Logged in with the second step done; otherwise sent to log in (or to the code page). */
  async function accountGuard(req: FastifyRequest, reply: FastifyReply): Promise<Account | null> {
    if (!req.auth || !req.sessionIdHash) {
      loginRedirect(req, reply);
      return null;
    }
    if (req.auth.session.mfaPending) {
      reply.redirect('/inloggen/code', 303);
      return null;
    }
    const user = await findUserById(deps.db, req.auth.user.id);
    if (!user) {
      loginRedirect(req, reply);
      return null;
    }
    return { user, idHash: req.sessionIdHash };
  }

  app.get('/account', async (req, reply) => {
    const a = await accountGuard(req, reply);
    if (!a) return reply;
    return reply.page(<AccountPage ctx={await req.pageCtx()} user={a.user} notice={noticeOf(req, notices, 'klaar') ?? null} />);
  });

  /**
   * A form of the account page: validate, run the change; then to the address `run` returns, or
   * the page again with the messages at that form (400, or the status `run` gives).
   */
  function accountForm<T>(
    path: string,
    form: AccountForm,
    schema: ZodType<T>,
    run: (a: Account, data: T, req: FastifyRequest, reply: FastifyReply) => Promise<string | { errors: FieldErrors; status?: number }>,
    options: RouteShorthandOptions = {},
  ) {
    app.post(path, options, async (req, reply) => {
      const a = await accountGuard(req, reply);
      if (!a) return reply;
      const again = async (errors: FieldErrors, status = 400) => reply.page(<AccountPage ctx={await req.pageCtx()} user={a.user} errors={errors} form={form} />, status);
      const parsed = parseForm(schema, req.body, req.t);
      if (!parsed.ok) return again(parsed.errors);
      const next = await run(a, parsed.data, req, reply);
      return typeof next === 'string' ? reply.redirect(next, 303) : again(next.errors, next.status);
    });
  }

  accountForm(
    '/account/wachtwoord',
    'password',
    changePasswordSchema,
    async (a, data, req) => {
      const result = await changePassword(deps, { user: a.user, current: data.currentPassword, next: data.newPassword, sessionIdHash: a.idHash, ip: req.ip });
      if (result.kind === 'wrongPassword') return { errors: { currentPassword: req.t('auth.password.wrongCurrent') } };
      if (result.kind === 'throttled') return { errors: { currentPassword: req.t('auth.password.throttled') }, status: 429 };
      return '/account?klaar=wachtwoord';
    },
    { config: loginRateLimit },
  );

  accountForm('/account/taal', 'language', languageSchema, async (a, { locale }, req, reply) => {
    await setPreferredLocale(deps, a.user.id, locale);
    // The language cookie wins over the account setting, so it follows the choice.
    reply.setCookie(LOCALE_COOKIE, locale, { path: '/', sameSite: 'lax', httpOnly: true, secure: req.protocol === 'https', maxAge: 365 * 24 * 3600 });
    return '/account?klaar=taal';
  });

  accountForm('/account/berichten', 'notices', noticeModeSchema, async (a, { noticeMode }) => {
    await setNoticeMode(deps, a.user.id, noticeMode);
    return '/account?klaar=berichten#berichten';
  });

  // ---------------------------------------------------------------- log out

  app.post('/uitloggen', async (req, reply) => {
    if (req.sessionIdHash) await destroySession(deps.db, req.sessionIdHash);
    clearSessionCookie(req, reply);
    return reply.redirect('/', 303);
  });

  // ---------------------------------------------------------------- forgotten password

  app.get('/wachtwoord-vergeten', async (req, reply) => {
    const ctx = await req.pageCtx();
    if ((req.query as Record<string, unknown>).verstuurd === '1') return reply.page(<ForgotSentPage ctx={ctx} />);
    return reply.page(<ForgotPage ctx={ctx} />);
  });

  app.post('/wachtwoord-vergeten', { config: mailRateLimit }, async (req, reply) => {
    const form = parseForm(forgotSchema, req.body, req.t);
    if (!form.ok) return reply.page(<ForgotPage ctx={await req.pageCtx()} errors={form.errors} values={form.values} />, 400);
    await requestPasswordReset(deps, { email: form.data.email });
    return reply.redirect('/wachtwoord-vergeten?verstuurd=1', 303);
  });

  const resetInvalid = async (req: FastifyRequest, reply: FastifyReply) =>
    reply.page(<InvalidTokenPage ctx={await req.pageCtx()} body={req.t('auth.token.resetInvalid')} linkHref="/wachtwoord-vergeten" linkLabel={req.t('auth.forgot.again')} />, 404);

  app.get('/wachtwoord-herstellen/klaar', async (req, reply) => reply.page(<ResetDonePage ctx={await req.pageCtx()} />));

  app.get('/wachtwoord-herstellen/:token', async (req, reply) => {
    const { token } = req.params as { token: string };
    const found = await findValidToken(deps.db, token, 'password_reset');
    if (!found) return resetInvalid(req, reply);
    return reply.page(<ResetPage ctx={await req.pageCtx()} action={`/wachtwoord-herstellen/${token}`} email={found.user.email} />);
  });

  app.post('/wachtwoord-herstellen/:token', { config: mailRateLimit }, async (req, reply) => {
    const { token } = req.params as { token: string };
    const found = await findValidToken(deps.db, token, 'password_reset');
    if (!found) return resetInvalid(req, reply);
    const form = parseForm(newPasswordSchema, req.body, req.t);
    if (!form.ok) {
      return reply.page(<ResetPage ctx={await req.pageCtx()} action={`/wachtwoord-herstellen/${token}`} email={found.user.email} errors={form.errors} />, 400);
    }
    const result = await resetPassword(deps, { token, password: form.data.newPassword });
    if (result.kind === 'invalid') return resetInvalid(req, reply);
    // Every session of the user ended, this browser's too.
    if (req.auth?.user.id === found.user.id) clearSessionCookie(req, reply);
    return reply.redirect('/wachtwoord-herstellen/klaar', 303);
  });

  // ---------------------------------------------------------------- invitations

  const invitationInvalid = async (req: FastifyRequest, reply: FastifyReply) =>
    reply.page(<InvalidTokenPage ctx={await req.pageCtx()} body={req.t('auth.token.invitationInvalid')} linkHref="/" linkLabel={req.t('nav.home')} />, 404);

  app.get('/uitnodiging/:token', async (req, reply) => {
    const { token } = req.params as { token: string };
    const inv = await describeInvitation(deps.db, token);
    if (!inv) return invitationInvalid(req, reply);
    const ctx = await req.pageCtx();
    if (inv.hasAccount) {
      const loginHref = withReturn('/inloggen', inv.councilSlug ? `/${inv.councilSlug}/werkruimte` : null);
      return reply.page(<InvitationHasAccountPage ctx={ctx} councilName={inv.councilName} loginHref={loginHref} />);
    }
    return reply.page(<InvitationPage ctx={ctx} action={`/uitnodiging/${token}`} councilName={inv.councilName} userName={inv.userName} email={inv.email} />);
  });

  app.post('/uitnodiging/:token', { config: mailRateLimit }, async (req, reply) => {
    const { token } = req.params as { token: string };
    const inv = await describeInvitation(deps.db, token);
    if (!inv) return invitationInvalid(req, reply);
    const hasAccountPage = async () =>
      reply.page(<InvitationHasAccountPage ctx={await req.pageCtx()} councilName={inv.councilName} loginHref={withReturn('/inloggen', inv.councilSlug ? `/${inv.councilSlug}/werkruimte` : null)} />);
    if (inv.hasAccount) return hasAccountPage();
    const form = parseForm(newPasswordSchema, req.body, req.t);
    if (!form.ok) {
      return reply.page(
        <InvitationPage ctx={await req.pageCtx()} action={`/uitnodiging/${token}`} councilName={inv.councilName} userName={inv.userName} email={inv.email} errors={form.errors} />,
        400,
      );
    }
    const result = await acceptInvitation(deps, { token, password: form.data.newPassword });
    if (result.kind === 'invalid') return invitationInvalid(req, reply);
    if (result.kind === 'hasAccount') return hasAccountPage();
    await startSession(app, req, reply, result.sessionToken);
    return reply.redirect(result.next, 303);
  });
}
