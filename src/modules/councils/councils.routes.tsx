import type { FastifyInstance } from 'fastify';
import { domainErrors, parseForm, isUuid, readUploads, type FieldErrors } from '../../core/http/forms.ts';
import { pageProps } from '../../core/http/page-routes.ts';
import { requireRight } from '../../core/auth/guards.ts';
import { actorOf } from '../../core/auth/guards.ts';
import { councilOf } from '../../core/tenancy.ts';
import { NotFoundError } from '../../core/policy.ts';
import * as service from './councils.service.ts';
import { dashboardParts } from '../../core/platform.ts';
import { organisationHasPage } from '../../core/sections.ts';
import { contactSchema, logoAltSchema, newCouncilSchema, settingsSchema } from './councils.forms.ts';
import { darken } from './councils.rules.ts';
import { LOGO_MAX_BYTES } from '../../core/files/store.ts';
import { AboutPage, AccessibilityPage, ContactPage, ContactSentPage, CouncilHome, PlatformHome, PlatformStatementPage, PrivacyPage } from './views/public.tsx';
import { Dashboard, SettingsPage } from './views/workspace.tsx';
import { AdminHome, NewCouncilPage, OutboxMessagePage, OutboxPage } from './views/admin.tsx';
import { renderSlot } from '../../core/platform.ts';
import { batchedReads } from '../../core/read-together.ts';

const publicPage = { config: { publicCache: true } };
/** Public forms: a person needs a few tries at most. */
const formRateLimit = { rateLimit: { max: 10, timeWindow: '10 minutes' } };

export async function councilsRoutes(app: FastifyInstance) {
  const deps = app.deps;

  app.get('/', publicPage, async (req, reply) => {
    const [ctx, list] = await Promise.all([req.pageCtx(), service.listCouncils(deps.db)]);
    return reply.page(<PlatformHome ctx={ctx} list={list} />);
  });
  app.get('/toegankelijkheid', publicPage, async (req, reply) => reply.page(<PlatformStatementPage ctx={await req.pageCtx()} kind="a11y" />));
  app.get('/privacy', publicPage, async (req, reply) => reply.page(<PlatformStatementPage ctx={await req.pageCtx()} kind="privacy" />));

  // Public council site.
  app.get('/:council', publicPage, async (req, reply) => {
    const ctx = await req.pageCtx();
    const council = councilOf(req);
    // Other modules add to the home page: the next meeting, a way to report a problem.
    const parts = await renderSlot('organisation.home', { deps, ctx, council, actor: null, id: council.id });
    return reply.page(<CouncilHome ctx={ctx} council={council} parts={parts} />);
  });
  app.get('/:council/over-ons', publicPage, async (req, reply) => {
    const ctx = await req.pageCtx();
    const council = councilOf(req);
    // Other modules add to the about page: the regional bodies the council sends delegates to.
    const parts = await renderSlot('organisation.about', { deps, ctx, council, actor: null, id: council.id });
    return reply.page(<AboutPage ctx={ctx} council={council} parts={parts} />);
  });
  app.get('/:council/toegankelijkheid', publicPage, async (req, reply) => reply.page(<AccessibilityPage ctx={await req.pageCtx()} council={councilOf(req)} baseUrl={deps.config.baseUrl} />));
  app.get('/:council/privacy', publicPage, async (req, reply) => reply.page(<PrivacyPage ctx={await req.pageCtx()} council={councilOf(req)} />));
  app.get('/:council/contact', async (req, reply) => reply.page(<ContactPage ctx={await req.pageCtx()} council={councilOf(req)} />));
  app.post('/:council/contact', { config: formRateLimit }, async (req, reply) => {
    const council = councilOf(req);
    const form = parseForm(contactSchema, req.body, req.t);
    if (!form.ok) return reply.page(<ContactPage ctx={await req.pageCtx()} council={council} errors={form.errors} values={form.values} />, 400);
    try {
      await service.sendContactMessage(deps, { council, input: form.data, formIssuedAt: req.formIssuedAt, locale: req.locale });
    } catch (err) {
      if (!(err instanceof service.TooFastError)) throw err;
      const errors = { message: req.t('councils.contact.tooFast') };
      return reply.page(<ContactPage ctx={await req.pageCtx()} council={council} errors={errors} values={req.body as never} />, 400);
    }
    return reply.redirect(`/${council.slug}/contact/verzonden`, 303);
  });
  app.get('/:council/contact/verzonden', async (req, reply) => reply.page(<ContactSentPage ctx={await req.pageCtx()} council={councilOf(req)} />));

  // Per-council colour as CSS, so the page itself needs no inline style (strict CSP).
  app.get('/:council/thema.css', async (req, reply) => {
    const c = councilOf(req);
    return reply
      .type('text/css; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(`.raadwerk-theme{--rw-accent:${c.colour};--rw-accent-dark:${darken(c.colour)};}\n`);
  });
  app.get('/:council/logo', async (req, reply) => {
    const logo = await service.readLogo(deps, councilOf(req));
    if (!logo) throw new NotFoundError('logo');
    return reply.type(logo.contentType).header('cache-control', 'public, max-age=86400').send(logo.bytes);
  });

  // Workspace.
  app.get('/:council/werkruimte', { preHandler: requireRight('workspace.view') }, async (req, reply) => {
    // Each module adds its figures and panels through its manifest; their reads run together
    // (`read`: one statement per round instead of one per figure and list), planned once for any
    // council: the parts count and list one council's rows by key (read-together.ts, `generic`).
    const args = { deps, ctx: await req.pageCtx(), council: councilOf(req), actor: actorOf(req), read: batchedReads(deps.db, { generic: true }) };
    const parts = dashboardParts();
    const [figureLists, panels] = await Promise.all([Promise.all(parts.map((p) => p.figures?.(args) ?? [])), Promise.all(parts.map((p) => p.panel?.(args) ?? null))]);
    // A figure links into its section: none for a section this kind of organisation lacks.
    const figures = figureLists.flat().filter((f) => organisationHasPage(args.council, f.href));
    return reply.page(<Dashboard ctx={args.ctx} council={args.council} actor={args.actor} figures={figures} panels={panels} />);
  });

  const settingsPath = '/:council/werkruimte/instellingen';
  const settingsGuard = { preHandler: requireRight('settings.manage') };
  app.get(settingsPath, settingsGuard, async (req, reply) => {
    const q = req.query as Record<string, string>;
    const notice = q.opgeslagen === 'ja' ? 'saved' : q.logo === 'opgeslagen' ? 'logoSaved' : q.logo === 'verwijderd' ? 'logoRemoved' : undefined;
    return reply.page(<SettingsPage {...(await pageProps(req))} notice={notice} />);
  });
  app.post(settingsPath, settingsGuard, async (req, reply) => {
    const council = councilOf(req);
    const actor = actorOf(req);
    const form = parseForm(settingsSchema, req.body, req.t);
    const again = async (errors: FieldErrors) => reply.page(<SettingsPage {...(await pageProps(req))} errors={errors} values={form.ok ? (req.body as never) : form.values} />, 400);
    if (!form.ok) return again(form.errors);
    try {
      await service.updateSettings(deps, { actor, council, input: form.data });
    } catch (err) {
      const errors = domainErrors(err, req.t);
      if (errors) return again(errors);
      throw err;
    }
    return reply.redirect(`/${council.slug}/werkruimte/instellingen?opgeslagen=ja`, 303);
  });
  app.post(`${settingsPath}/logo`, { ...settingsGuard, bodyLimit: 3 * LOGO_MAX_BYTES }, async (req, reply) => {
    const council = councilOf(req);
    const actor = actorOf(req);
    // Too large: told at the field instead of refusing the whole request.
    const { fields, uploads } = await readUploads(req, { field: 'logo', maxBytes: LOGO_MAX_BYTES, fieldSize: 10_000 });
    const upload = uploads[0];
    const again = async (errors: FieldErrors) => reply.page(<SettingsPage {...(await pageProps(req))} logoErrors={errors} />, 400);
    const alt = parseForm(logoAltSchema, fields, req.t);
    try {
      if (!alt.ok) {
        // Report the file problem too, if there is one.
        const errors = { ...alt.errors };
        try {
          await service.checkLogo(upload);
        } catch (err) {
          Object.assign(errors, domainErrors(err, req.t));
        }
        return again(errors);
      }
      await service.setLogo(deps, { actor, council, upload, logoAlt: alt.data.logoAlt });
    } catch (err) {
      const errors = domainErrors(err, req.t);
      if (errors) return again(errors);
      throw err;
    }
    return reply.redirect(`/${council.slug}/werkruimte/instellingen?logo=opgeslagen`, 303);
  });
  app.post(`${settingsPath}/logo/verwijderen`, settingsGuard, async (req, reply) => {
    const council = councilOf(req);
    await service.removeLogo(deps, { actor: actorOf(req), council });
    return reply.redirect(`/${council.slug}/werkruimte/instellingen?logo=verwijderd`, 303);
  });

  // Platform administration.
  app.get('/beheer', { preHandler: requireRight('councils.create') }, async (req, reply) => {
    const q = req.query as Record<string, string>;
    const list = await service.listCouncils(deps.db);
    return reply.page(<AdminHome ctx={await req.pageCtx()} list={list} created={q.aangemaakt} />);
  });
  app.get('/beheer/raden/nieuw', { preHandler: requireRight('councils.create') }, async (req, reply) => reply.page(<NewCouncilPage ctx={await req.pageCtx()} />));
  app.post('/beheer/raden/nieuw', { preHandler: requireRight('councils.create') }, async (req, reply) => {
    const form = parseForm(newCouncilSchema, req.body, req.t);
    const again = async (errors: FieldErrors) => reply.page(<NewCouncilPage ctx={await req.pageCtx()} errors={errors} values={form.ok ? (req.body as never) : form.values} />, 400);
    if (!form.ok) return again(form.errors);
    try {
      const council = await service.createCouncil(deps, { actor: actorOf(req), input: form.data });
      return reply.redirect(`/beheer?aangemaakt=${encodeURIComponent(council.slug)}`, 303);
    } catch (err) {
      const errors = domainErrors(err, req.t);
      if (errors) return again(errors);
      throw err;
    }
  });
  const PAGE_SIZE = 25;
  app.get('/beheer/postvak', { preHandler: requireRight('outbox.read') }, async (req, reply) => {
    const q = req.query as Record<string, string>;
    const page = Math.max(1, Math.min(10_000, parseInt(q.pagina ?? '1', 10) || 1));
    const { total, rows } = await service.listOutbox(deps, { actor: actorOf(req), limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
    return reply.page(<OutboxPage ctx={await req.pageCtx()} rows={rows} page={page} pages={Math.max(1, Math.ceil(total / PAGE_SIZE))} />);
  });
  app.get('/beheer/postvak/:id', { preHandler: requireRight('outbox.read') }, async (req, reply) => {
    const { id } = req.params as { id: string };
    if (!isUuid(id)) throw new NotFoundError('mail');
    const row = await service.getOutboxMessage(deps, { actor: actorOf(req), id });
    if (!row) throw new NotFoundError('mail');
    return reply.page(<OutboxMessagePage ctx={await req.pageCtx()} row={row} />);
  });
}
