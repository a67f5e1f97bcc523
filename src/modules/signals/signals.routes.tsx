import { renderSlot } from '../../core/platform.ts';
import { batchedReads } from '../../core/read-together.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodType } from 'zod';
import { domainErrors, echo, noticeOf, parseForm, type FieldErrors, type FormValues } from '../../core/http/forms.ts';
import { formPage, pageProps } from '../../core/http/page-routes.ts';
import { actorOf, requireRight } from '../../core/auth/guards.ts';
import { councilOf } from '../../core/tenancy.ts';
import { attachmentDisposition } from '../../core/files/sniff.ts';
import { assertCan, can, NotFoundError, type Actor } from '../../core/policy.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { countHeldSignals } from './signals.intake.held.ts';
import { HeldSignalsLink } from './views/held.tsx';
import * as queries from './signals.queries.ts';
import * as triageService from './signals.triage.ts';
import * as privacyService from './signals.privacy.ts';
import * as settingsService from './signals.settings.ts';
import { retentionRuns } from './signals.retention.ts';
import { themeOverview } from './signals.themes.ts';
import { submitSignal } from './signals.submit.ts';
import { classifySchema, closeSchema, duplicateSchema, exportSchema, linkAdviceSchema, listFilter, recordSchema, settingsSchema, templateSchema, toContact } from './signals.forms.ts';
import { messageStatuses, type MessageStatus } from './signals.workflow.ts';
import { RecordSignalPage, SignalListPage } from './views/signals.tsx';
import { SignalDetailPage, type SignalNotice } from './views/signal/detail.tsx';
import { AccessLogPage, ContactPage, EraseConfirmPage, ExportPage, SettingsPage } from './views/privacy.tsx';
import { ThemesPage } from './views/themes.tsx';
import { startAdviceFromTheme } from './signals.to-advice.ts';

const WS = '/:council/werkruimte/signalen';
type Params = { id: string; status: string };

const notices: Record<string, SignalNotice> = { vastgelegd: 'created', stap: 'state', opgeslagen: 'saved', gewist: 'erased' };

/** Personal data must not stay in a browser or proxy cache. */
const noStore = (reply: FastifyReply) => reply.header('cache-control', 'private, no-store');

export async function signalsRoutes(app: FastifyInstance) {
  const deps = app.deps;
  const view = { preHandler: requireRight('signals.view') };
  const record = { preHandler: requireRight('signals.record') };
  const triage = { preHandler: requireRight('signals.triage') };
  const contact = { preHandler: requireRight('signals.contact') };
  const settings = { preHandler: requireRight('signals.settings') };
  const base = (slug: string) => `/${slug}/werkruimte/signalen`;

  async function detailPage(req: FastifyRequest, reply: FastifyReply, id: string, extra: { errors?: FieldErrors; values?: FormValues; notice?: SignalNotice } = {}, status = 200) {
    const council = councilOf(req);
    const actor = actorOf(req);
    const detail = await queries.getSignal(deps, { actor, council, id });
    return noStore(reply).page(<SignalDetailPage {...(await pageProps(req))} detail={detail} {...extra} />, status);
  }

  /**
   * Validates a triage form and runs its use case: redirect to the signal, or show the page again
   * with the message (400, nothing changed).
   */
  /** Who takes a triage step on which signal. */
  type Target = { actor: Actor; council: Council; id: string };
  /**
   * A triage step on the signal's page: read its form (`parse`), run the use case, back to the
   * page with a notice; or the page again with the messages (400, nothing changed).
   */
  function triageStep<T>(path: string, parse: (req: FastifyRequest) => { ok: true; data: T } | { ok: false; errors: FieldErrors }, run: (target: Target, data: T) => Promise<unknown>) {
    app.post(`${WS}/:id/${path}`, triage, async (req, reply) => {
      const council = councilOf(req);
      // Unknown or another council's signal: 404 before anything else.
      const { id } = await signalOr404(req);
      const form = parse(req);
      if (!form.ok) return detailPage(req, reply, id, { errors: form.errors, values: echo(req.body) }, 400);
      try {
        await run({ actor: actorOf(req), council, id }, form.data);
      } catch (err) {
        const errors = domainErrors(err, req.t);
        if (!errors) throw err;
        return detailPage(req, reply, id, { errors, values: echo(req.body) }, 400);
      }
      return reply.redirect(`${base(council.slug)}/${id}?melding=stap`, 303);
    });
  }
  async function signalOr404(req: FastifyRequest) {
    const signal = await queries.findSignal(deps.db, councilOf(req), (req.params as Params).id);
    if (!signal) throw new NotFoundError('signal');
    return signal;
  }
  /**
   * Contact details of one signal: an unknown id is 404 for everyone who may see signals (also
   * platform admins), and only then does the right to contact details count (403).
   */
  async function contactSignalOr404(req: FastifyRequest) {
    const signal = await signalOr404(req);
    assertCan(actorOf(req), 'signals.contact');
    return signal;
  }
  const none = () => ({ ok: true as const, data: null });

  // ---------------------------------------------------------------- list, record
  app.get(WS, view, async (req, reply) => {
    const council = councilOf(req);
    const actor = actorOf(req);
    const filter = listFilter.parse(req.query ?? {});
    const ctx = await req.pageCtx();
    // The list, the themes and the slot's reads go in one statement (core/read-together.ts).
    const read = batchedReads(deps.db);
    // Other modules add their actions on signals (the meetings module: put them on an agenda).
    const [rows, themes, actions, held] = await Promise.all([
      queries.listSignals(deps, { actor, council, filter }, read),
      queries.listThemes(deps.db, council.id, read),
      renderSlot('signals.list.actions', { deps, ctx, council, actor, id: council.id, read }),
      // Signals waiting beyond the hourly budget: the board sees how many, and the way to them.
      can(actor, 'signals.contact') ? countHeldSignals(deps, council, read) : 0,
    ]);
    return noStore(reply).page(
      <SignalListPage
        ctx={ctx}
        council={council}
        actor={actor}
        rows={rows}
        filter={filter}
        themes={themes}
        may={queries.signalsSectionMay(actor)}
        actions={held > 0 ? [<HeldSignalsLink council={council} n={held} />, ...actions] : actions}
      />,
    );
  });

  formPage(app, `${WS}/nieuw`, record, {
    show: async (req, reply, again) => reply.page(<RecordSignalPage {...(await pageProps(req))} {...again} />, again ? 400 : 200),
    schema: recordSchema,
    run: async (req, d) => {
      const council = councilOf(req);
      const { id } = await submitSignal(deps, {
        council,
        actor: actorOf(req),
        input: { description: d.description, area: d.area, since: d.since, peopleCount: d.peopleCount },
        contact: toContact(d),
        consent: d.consent,
        source: d.source,
        sourceDetail: d.sourceDetail,
      });
      return `${base(council.slug)}/${id}?melding=vastgelegd`;
    },
  });

  // ---------------------------------------------------------------- themes
  app.get(`${WS}/themas`, view, async (req, reply) => {
    const council = councilOf(req);
    const actor = actorOf(req);
    const page = Number((req.query as { pagina?: unknown } | undefined)?.pagina);
    const { view: v, settings: s, exact, may } = await themeOverview(deps, { actor, council, page: Number.isInteger(page) ? page : 1 });
    return noStore(reply).page(<ThemesPage {...(await pageProps(req))} view={v} settings={s} exact={exact} may={may} />);
  });

  // From a theme to an unsolicited advice that carries its name, policy field and signals.
  app.post(`${WS}/themas/:id/advies`, { preHandler: requireRight('signals.triage') }, async (req, reply) => {
    const { adviceId } = await startAdviceFromTheme(deps, { actor: actorOf(req), council: councilOf(req), themeId: (req.params as { id: string }).id });
    return reply.redirect(`/${councilOf(req).slug}/werkruimte/adviezen/${adviceId}`, 303);
  });

  // ---------------------------------------------------------------- settings and templates
  async function settingsPage(req: FastifyRequest, reply: FastifyReply, extra: { errors?: FieldErrors; values?: FormValues; saved?: boolean } = {}, status = 200) {
    const council = councilOf(req);
    const actor = actorOf(req);
    const [{ settings: s, templates }, runs] = await Promise.all([settingsService.getSettingsPage(deps, { actor, council }), retentionRuns(deps, { actor, council })]);
    return reply.page(<SettingsPage {...(await pageProps(req))} settings={s} templates={templates} runs={runs} {...extra} />, status);
  }
  app.get(`${WS}/instellingen`, settings, async (req, reply) => settingsPage(req, reply, { saved: (req.query as Record<string, unknown>)?.melding === 'opgeslagen' }));
  app.post(`${WS}/instellingen`, settings, async (req, reply) => {
    const council = councilOf(req);
    const form = parseForm(settingsSchema, req.body, req.t);
    if (!form.ok) return settingsPage(req, reply, { errors: form.errors, values: echo(req.body) }, 400);
    try {
      await settingsService.saveSettings(deps, { actor: actorOf(req), council, input: form.data });
    } catch (err) {
      const errors = domainErrors(err, req.t);
      if (!errors) throw err;
      return settingsPage(req, reply, { errors, values: echo(req.body) }, 400);
    }
    return reply.redirect(`${base(council.slug)}/instellingen?melding=opgeslagen`, 303);
  });
  app.post(`${WS}/instellingen/bericht/:status`, settings, async (req, reply) => {
    const council = councilOf(req);
    const status = (req.params as Params).status;
    if (!(messageStatuses as readonly string[]).includes(status)) throw new NotFoundError('template');
    // Each template has its own field names on the shared page, so errors point at the right field.
    const body = (req.body ?? {}) as Record<string, unknown>;
    const form = parseForm(templateSchema, { subject: body[`subject-${status}`], body: body[`body-${status}`] }, req.t);
    if (!form.ok) {
      const errors = Object.fromEntries(Object.entries(form.errors).map(([k, v]) => [`${k}-${status}`, v]));
      return settingsPage(req, reply, { errors, values: echo(req.body) }, 400);
    }
    await settingsService.saveTemplate(deps, { actor: actorOf(req), council, status: status as MessageStatus, input: form.data });
    return reply.redirect(`${base(council.slug)}/instellingen?melding=opgeslagen`, 303);
  });

  // ---------------------------------------------------------------- privacy: access log, export
  app.get(`${WS}/toegangslog`, { preHandler: requireRight('signals.accessLog') }, async (req, reply) => {
    const council = councilOf(req);
    const actor = actorOf(req);
    const rows = await privacyService.accessLog(deps, { actor, council });
    return noStore(reply).page(<AccessLogPage {...(await pageProps(req))} rows={rows} />);
  });

  app.get(`${WS}/inzage`, contact, async (req, reply) => {
    const q = (req.query as Record<string, unknown>)?.kenmerk;
    const values = typeof q === 'string' ? { reference: q.slice(0, 20) } : undefined;
    return reply.page(<ExportPage {...(await pageProps(req))} values={values} />);
  });
  app.post(`${WS}/inzage`, contact, async (req, reply) => {
    const council = councilOf(req);
    const actor = actorOf(req);
    const form = parseForm(exportSchema, req.body, req.t);
    const again = async (errors: FieldErrors) => reply.page(<ExportPage {...(await pageProps(req))} errors={errors} values={echo(req.body)} />, 400);
    if (!form.ok) return again(form.errors);
    try {
      const data = await privacyService.exportSignal(deps, { actor, council, reference: form.data.reference });
      return noStore(reply)
        .type('application/json; charset=utf-8')
        .header('content-disposition', attachmentDisposition(`signaal-${data.reference}.json`))
        .send(JSON.stringify(data, null, 2));
    } catch (err) {
      const errors = domainErrors(err, req.t);
      if (errors) return again(errors);
      throw err;
    }
  });

  // ---------------------------------------------------------------- one signal
  app.get(`${WS}/:id`, view, async (req, reply) => {
    const notice = noticeOf(req, notices);
    return detailPage(req, reply, (req.params as Params).id, { notice });
  });

  // Showing contact details is a POST: it is an action that is written to the access log.
  app.post(`${WS}/:id/contactgegevens`, view, async (req, reply) => {
    const council = councilOf(req);
    const actor = actorOf(req);
    await contactSignalOr404(req);
    const { signal, contact: details } = await privacyService.viewContact(deps, { actor, council, id: (req.params as Params).id });
    return noStore(reply).page(<ContactPage {...(await pageProps(req))} signal={signal} contact={details} />);
  });

  app.get(`${WS}/:id/wissen`, view, async (req, reply) => {
    const council = councilOf(req);
    const signal = await contactSignalOr404(req);
    return reply.page(<EraseConfirmPage ctx={await req.pageCtx()} council={council} actor={actorOf(req)} signal={signal} />);
  });
  app.post(`${WS}/:id/wissen`, view, async (req, reply) => {
    const council = councilOf(req);
    const actor = actorOf(req);
    const id = (req.params as Params).id;
    const signal = await contactSignalOr404(req);
    const confirmed = (req.body as Record<string, unknown> | undefined)?.confirm === 'ja';
    const again = async (errors: FieldErrors) => reply.page(<EraseConfirmPage {...(await pageProps(req))} signal={signal} errors={errors} />, 400);
    if (!confirmed) return again({ confirm: req.t('signals.erase.confirmRequired') });
    try {
      await privacyService.eraseSignal(deps, { actor, council, id });
    } catch (err) {
      const errors = domainErrors(err, req.t);
      if (errors) return again(errors);
      throw err;
    }
    return reply.redirect(`${base(council.slug)}/${id}?melding=gewist`, 303);
  });

  // ---------------------------------------------------------------- triage
  /** A step whose form is read with `schema`. */
  const formOf =
    <T,>(schema: ZodType<T>) =>
    (req: FastifyRequest) =>
      parseForm(schema, req.body, req.t);
  triageStep('thema', formOf(classifySchema), (target, input) => triageService.classify(deps, { ...target, input }));
  triageStep('bespreken', none, (target) => triageService.toDiscuss(deps, target));
  triageStep('besproken', none, (target) => triageService.markDiscussed(deps, target));
  triageStep('afsluiten', formOf(closeSchema), (target, input) => triageService.closeSignal(deps, { ...target, input }));
  triageStep('heropenen', none, (target) => triageService.reopenSignal(deps, target));
  triageStep('dubbel', formOf(duplicateSchema), (target, d) => triageService.markDuplicate(deps, { ...target, duplicateOf: d.duplicateOf }));
  triageStep(
    'advies',
    (req) => {
      const f = parseForm(linkAdviceSchema, req.body, req.t);
      return f.ok ? f : { ok: false as const, errors: { adviceId: req.t('signals.error.unknownAdvice') } };
    },
    (target, d) => triageService.linkAdvice(deps, { ...target, adviceId: d.adviceId }),
  );
}
