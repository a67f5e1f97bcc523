import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodType } from 'zod';
import type { Council } from '../../core/organisations.schema.ts';
import { domainErrors, echo, issuesToErrors, noticeOf, parseForm, readUploads, type FieldErrors, type FormValues } from '../../core/http/forms.ts';
import { pageProps } from '../../core/http/page-routes.ts';
import { DomainError } from '../../core/errors.ts';
import { actorOf, requireRight } from '../../core/auth/guards.ts';
import { councilOf } from '../../core/tenancy.ts';
import { attachmentDisposition } from '../../core/files/sniff.ts';
import { assertCan, can, ForbiddenError, NotFoundError, type Actor } from '../../core/policy.ts';
import { translator } from '../../core/i18n/index.ts';
import { renderSlot } from '../../core/platform.ts';
import * as queries from './advice.queries.ts';
import * as lifecycle from './advice.lifecycle.ts';
import * as drafts from './advice.drafts.ts';
import * as documents from './advice.documents.ts';
import {
  answerSchema,
  approvalSchema,
  assignSchema,
  draftSchema,
  followUpSchema,
  publicationSchema,
  initiateSchema,
  recommendationActionSchema,
  recommendationSchema,
  requestSchema,
  statusFilter,
  textsSchema,
  voteSchema,
} from './advice.forms.ts';
import { letterModel, letterPdf } from './advice.letter.ts';
import { AdviceListPage, StartAdvicePage } from './views/advice/list.tsx';
import { AdviceDetailPage, type AdviceNotice } from './views/advice/page.tsx';
import { WithdrawConfirmPage } from './views/advice/withdraw.tsx';
import { currentStep, parseStap, type Stap } from './advice.steps.ts';
import { mayOpenAdvice } from './advice.visibility.ts';
import { listMay } from './advice.may.ts';
import { DraftsPage, type Compare } from './views/drafts.tsx';
import { LetterPage } from './views/letter.tsx';

const WS = '/:council/werkruimte/adviezen';
type Params = { id: string; documentId: string; recommendationId: string };
/** Who changes which advice: what every use case of a step gets. */
type Target = { actor: Actor | null; council: Council; adviceId: string };

const notices: Record<string, AdviceNotice> = {
  vastgelegd: 'created',
  opgeslagen: 'saved',
  gestemd: 'voted',
  stemgewijzigd: 'voteChanged',
  stap: 'state',
  verstuurd: 'sent',
  ingetrokken: 'withdrawn',
};

/** Documents with a request or a sent advice; a file that is too large is marked, not refused. */
const documentUploads = { field: 'documents', maxBytes: documents.DOCUMENT_MAX_BYTES, maxFiles: documents.MAX_DOCUMENTS };

const uploadLimit = { bodyLimit: documents.MAX_DOCUMENTS * documents.DOCUMENT_MAX_BYTES + 1024 * 1024 };

export async function adviceRoutes(app: FastifyInstance) {
  const deps = app.deps;
  const view = { preHandler: requireRight('advice.view') };
  const manage = { preHandler: requireRight('advice.manage') };
  const base = (slug: string) => `/${slug}/werkruimte/adviezen`;

  /** `stap`: the page of one step ('current': the step the advice is in), or the main page. */
  type Extra = { errors?: FieldErrors; values?: FormValues; notice?: AdviceNotice; stap?: Stap | 'current' | null };
  async function detailPage(req: FastifyRequest, reply: FastifyReply, id: string, { stap, ...extra }: Extra = {}, status = 200) {
    const council = councilOf(req);
    const actor = actorOf(req);
    // 404 for an unknown id (or one the actor may not open) before any read with it; then the
    // advice's parts and the other modules' slots in one statement (`read`, core/read-together.ts).
    const found = await queries.openAdvice(deps, { actor, council, id });
    const [ctx, read] = [await req.pageCtx(), queries.adviceDetailReads(deps.db)];
    const [detail, related] = await Promise.all([queries.getAdvice(deps, { actor, council, id, found, read }), renderSlot('advice.detail.related', { deps, ctx, council, actor, id: found.id, read })]);
    const page = stap === 'current' ? currentStep(detail.advice.status) : stap;
    return reply.page(<AdviceDetailPage ctx={ctx} council={council} actor={actor} detail={detail} related={related} stap={page} {...extra} />, status);
  }

  /**
   * Runs an action on an advice. Done: back to the advice, on the page of `stap` when that is not
   * the step the advice is in now (publication, documents, an earlier step). Refused: that page
   * again, with the message at its form.
   */
  async function act(req: FastifyRequest, reply: FastifyReply, stap: Stap | 'current' | null, run: (target: Target) => Promise<unknown>, melding = 'stap', values?: FormValues) {
    const { id } = req.params as Params;
    const council = councilOf(req);
    // Unknown, another council's, or not the actor's to see (advice.visibility.ts): 404 before anything else.
    const found = await queries.findAdvice(deps.db, council, id);
    if (!found || !mayOpenAdvice(actorOf(req), found)) throw new NotFoundError('advice');
    let result: unknown;
    try {
      result = await run({ actor: actorOf(req), council, adviceId: id });
    } catch (err) {
      const errors = domainErrors(err, req.t);
      if (!errors) throw err;
      return detailPage(req, reply, id, { errors, values, stap }, 400);
    }
    // A step that changed the state, or a form of the current step: the main page shows what is next.
    const after = await queries.findAdvice(deps.db, council, id);
    const page = stap && stap !== 'current' && after && after.status === found.status && stap !== currentStep(after.status) ? `stap=${stap}&` : '';
    return reply.redirect(`${base(council.slug)}/${id}?${page}melding=${typeof result === 'string' && result in notices ? result : melding}`, 303);
  }

  /** A step's form: parsed; with errors the step is shown again, otherwise the change runs. */
  function formStep<T>(path: string, schema: ZodType<T>, stap: Stap, run: (target: Target, input: T) => Promise<unknown>) {
    app.post(`${WS}/:id/${path}`, manage, async (req, reply) => {
      const form = parseForm(schema, req.body, req.t);
      if (!form.ok) return detailPage(req, reply, (req.params as Params).id, { errors: form.errors, values: form.values, stap }, 400);
      return act(req, reply, stap, (target) => run(target, form.data), 'opgeslagen', echo(req.body));
    });
  }

  // ---------------------------------------------------------------- list and start
  app.get(WS, view, async (req, reply) => {
    const council = councilOf(req);
    const actor = actorOf(req);
    const q = statusFilter.safeParse((req.query as Record<string, unknown>)?.status);
    const status = q.success ? q.data : null;
    const rows = await queries.listAdvices(deps, { actor, council, status });
    return reply.page(<AdviceListPage {...(await pageProps(req))} rows={rows} status={status} may={listMay(actor)} />);
  });

  const request = { preHandler: requireRight('advice.request') };
  app.get(`${WS}/aanvraag`, request, async (req, reply) => reply.page(<StartAdvicePage {...(await pageProps(req))} kind="requested" />));
  app.post(`${WS}/aanvraag`, { ...request, ...uploadLimit }, async (req, reply) => {
    const council = councilOf(req);
    const actor = actorOf(req);
    const { fields, uploads } = await readUploads(req, documentUploads);
    const form = parseForm(requestSchema, fields, req.t);
    const again = async (errors: FieldErrors) => reply.page(<StartAdvicePage {...(await pageProps(req))} kind="requested" errors={errors} values={form.ok ? echo(fields) : form.values} />, 400);
    let fileErrors: FieldErrors = {};
    try {
      documents.checkUploads(uploads);
    } catch (err) {
      fileErrors = domainErrors(err, req.t) ?? {};
    }
    if (!form.ok) return again({ ...form.errors, ...fileErrors });
    if (Object.keys(fileErrors).length) return again(fileErrors);
    try {
      const advice = await lifecycle.createRequest(deps, { actor, council, input: form.data, documents: uploads });
      return reply.redirect(`${base(council.slug)}/${advice.id}?melding=vastgelegd`, 303);
    } catch (err) {
      const errors = domainErrors(err, req.t);
      if (errors) return again(errors);
      throw err;
    }
  });

  const initiate = { preHandler: requireRight('advice.initiate') };
  app.get(`${WS}/ongevraagd`, initiate, async (req, reply) => reply.page(<StartAdvicePage {...(await pageProps(req))} kind="unsolicited" />));
  app.post(`${WS}/ongevraagd`, initiate, async (req, reply) => {
    const council = councilOf(req);
    const actor = actorOf(req);
    const form = parseForm(initiateSchema, req.body, req.t);
    const again = async (errors: FieldErrors) => reply.page(<StartAdvicePage {...(await pageProps(req))} kind="unsolicited" errors={errors} values={form.ok ? echo(req.body) : form.values} />, 400);
    if (!form.ok) return again(form.errors);
    const advice = await lifecycle.initiateAdvice(deps, { actor, council, input: form.data });
    return reply.redirect(`${base(council.slug)}/${advice.id}?melding=vastgelegd`, 303);
  });

  // ---------------------------------------------------------------- one advice
  app.get(`${WS}/:id`, view, async (req, reply) => {
    const stap = parseStap((req.query as Record<string, unknown> | undefined)?.stap);
    return detailPage(req, reply, (req.params as Params).id, { notice: noticeOf(req, notices), stap });
  });

  app.get(`${WS}/:id/documenten/:documentId`, view, async (req, reply) => {
    const { id, documentId } = req.params as Params;
    const { doc, bytes } = await documents.readDocument(deps, { actor: actorOf(req), council: councilOf(req), adviceId: id, documentId });
    return reply.type(doc.contentType).header('content-disposition', attachmentDisposition(doc.filename)).header('cache-control', 'private, no-store').send(bytes);
  });

  app.post(`${WS}/:id/documenten`, { ...view, ...uploadLimit }, async (req, reply) => {
    const actor = actorOf(req);
    if (!can(actor, 'advice.manage') && !can(actor, 'advice.answer')) throw new ForbiddenError('advice.documents');
    if (!req.isMultipart()) throw Object.assign(new Error('not multipart'), { statusCode: 400 });
    const { fields, uploads } = await readUploads(req, documentUploads);
    const kind = fields.kind === 'answer_letter' ? 'answer_letter' : fields.kind === 'other' ? 'other' : null;
    return act(
      req,
      reply,
      'documenten',
      async (target) => {
        if (!kind) throw new DomainError('invalidKind', 'error.invalidChoice', 'kind');
        await documents.addDocuments(deps, { ...target, kind, documents: uploads });
      },
      'opgeslagen',
    );
  });

  app.post(`${WS}/:id/toewijzen`, manage, async (req, reply) => {
    const form = parseForm(assignSchema, req.body, req.t);
    if (!form.ok) return detailPage(req, reply, (req.params as Params).id, { errors: { workingGroupId: req.t('advice.assign.unknownGroup') }, stap: 'current' }, 400);
    return act(req, reply, 'current', (target) => lifecycle.assignToGroup(deps, { ...target, workingGroupId: form.data.workingGroupId }));
  });

  app.post(`${WS}/:id/concept`, manage, async (req, reply) => act(req, reply, 'werkgroep', (target) => lifecycle.toConcept(deps, target)));

  formStep('tekst', textsSchema, 'concept', (target, input) => drafts.saveTexts(deps, { ...target, input }));

  formStep('aanbevelingen', recommendationSchema, 'concept', (target, input) => drafts.addRecommendation(deps, { ...target, text: input.text }));

  app.post(`${WS}/:id/aanbevelingen/:recommendationId`, manage, async (req, reply) => {
    const { recommendationId } = req.params as Params;
    const form = parseForm(recommendationActionSchema, req.body, req.t);
    if (!form.ok) return detailPage(req, reply, (req.params as Params).id, { errors: { form: Object.values(form.errors)[0]! }, stap: 'concept' }, 400);
    return act(
      req,
      reply,
      'concept',
      (target) =>
        drafts.changeRecommendation(deps, {
          ...target,
          recommendationId,
          action: form.data.actie,
          text: form.data.text,
        }),
      'opgeslagen',
    );
  });

  app.post(`${WS}/:id/stemronde`, manage, async (req, reply) => {
    const form = parseForm(approvalSchema, req.body, req.t);
    if (!form.ok) return detailPage(req, reply, (req.params as Params).id, { errors: form.errors, values: form.values, stap: 'concept' }, 400);
    const closesAt = lifecycle.amsterdamInstant(form.data.closesOn, form.data.closesTime);
    return act(req, reply, 'concept', (target) => lifecycle.openApproval(deps, { ...target, closesAt }), 'stap', echo(req.body));
  });

  app.post(`${WS}/:id/stem`, { preHandler: requireRight('advice.vote') }, async (req, reply) => {
    const form = parseForm(voteSchema, req.body, req.t);
    if (!form.ok) return detailPage(req, reply, (req.params as Params).id, { errors: form.errors, values: form.values, stap: 'stemronde' }, 400);
    return act(req, reply, 'stemronde', async (target) => ((await lifecycle.castVote(deps, { ...target, input: form.data })) === 'changed' ? 'stemgewijzigd' : 'gestemd'), 'gestemd', echo(req.body));
  });

  app.post(`${WS}/:id/heropenen`, manage, async (req, reply) => act(req, reply, 'stemronde', (target) => lifecycle.reopen(deps, target)));
  app.post(`${WS}/:id/vaststellen`, manage, async (req, reply) => act(req, reply, 'stemronde', (target) => lifecycle.adopt(deps, target)));
  // Withdrawing asks first: this page says what happens and who hears of it; its button posts below.
  app.get(`${WS}/:id/intrekken`, manage, async (req, reply) => {
    const council = councilOf(req);
    const actor = actorOf(req);
    const { advice, audience, may } = await queries.withdrawalToConfirm(deps, { actor, council, id: (req.params as Params).id });
    return reply.page(<WithdrawConfirmPage {...(await pageProps(req))} advice={advice} audience={audience} may={may} />);
  });
  app.post(`${WS}/:id/intrekken`, manage, async (req, reply) => act(req, reply, null, (target) => lifecycle.withdraw(deps, target), 'ingetrokken'));
  // The board undoes a withdrawal within 30 days.
  app.post(`${WS}/:id/terugzetten`, manage, async (req, reply) => act(req, reply, null, (target) => lifecycle.restore(deps, target)));
  app.post(`${WS}/:id/versturen`, manage, async (req, reply) => act(req, reply, 'versturen', (target) => lifecycle.sendAdvice(deps, target), 'verstuurd'));

  app.post(`${WS}/:id/antwoorden`, view, async (req, reply) => {
    // Unknown or another council's advice: 404 before the right to answer is asked (a platform
    // admin has that right in no council: the answer is the municipality's).
    if (!(await queries.findAdvice(deps.db, councilOf(req), (req.params as Params).id))) throw new NotFoundError('advice');
    assertCan(actorOf(req), 'advice.answer');
    const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
    const items = Object.keys(body)
      .filter((k) => k.startsWith('answer-'))
      .slice(0, 201)
      .map((k) => {
        const recommendationId = k.slice('answer-'.length);
        return { recommendationId, answer: body[k], reason: body[`reason-${recommendationId}`] };
      });
    const parsed = answerSchema.safeParse({ answers: items });
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const [, index, key] = issue.path;
        const item = typeof index === 'number' ? items[index] : undefined;
        const fieldName = item && key === 'reason' ? `reason-${item.recommendationId}` : item && key === 'answer' ? `answer-${item.recommendationId}` : 'form';
        if (errors[fieldName]) continue;
        errors[fieldName] = key === 'recommendationId' ? req.t('advice.answer.unknownRecommendation') : issuesToErrors([{ ...issue, path: ['x'] }], req.t).x!;
      }
      return detailPage(req, reply, (req.params as Params).id, { errors, values: echo(req.body), stap: 'antwoord' }, 400);
    }
    return act(req, reply, 'antwoord', (target) => lifecycle.recordAnswers(deps, { ...target, answers: parsed.data.answers }), 'opgeslagen', echo(req.body));
  });

  formStep('opvolging', followUpSchema, 'opvolging', (target, input) => lifecycle.recordFollowUp(deps, { ...target, input }));

  formStep('publicatie', publicationSchema, 'openbaarheid', (target, input) => lifecycle.setPublication(deps, { ...target, input }));

  // ---------------------------------------------------------------- drafts
  app.get(`${WS}/:id/versies`, view, async (req, reply) => {
    const council = councilOf(req);
    const actor = actorOf(req);
    const { advice, versions, mayEdit } = await drafts.listDrafts(deps, { actor, council, adviceId: (req.params as Params).id });
    const q = (req.query ?? {}) as Record<string, unknown>;
    const pick = (v: unknown) => (typeof v === 'string' && /^\d{1,6}$/.test(v) ? versions.find((x) => x.version === Number(v)) : undefined);
    const errors: FieldErrors = {};
    let compare: Compare = null;
    if (q.van !== undefined || q.naar !== undefined) {
      const from = pick(q.van);
      const to = pick(q.naar);
      if (!from) errors.van = req.t('advice.drafts.unknownVersion');
      if (!to) errors.naar = req.t('advice.drafts.unknownVersion');
      if (from && to) compare = { from, to };
    }
    const show = q.versie !== undefined ? (pick(q.versie) ?? null) : null;
    if (q.versie !== undefined && !show) errors.versie = req.t('advice.drafts.unknownVersion');
    const saved = typeof q.opgeslagen === 'string' && /^\d{1,6}$/.test(q.opgeslagen) ? Number(q.opgeslagen) : undefined;
    const hasErrors = Object.keys(errors).length > 0;
    return reply.page(
      <DraftsPage {...(await pageProps(req))} advice={advice} versions={versions} mayEdit={mayEdit} compare={compare} show={show} saved={saved} errors={hasErrors ? errors : undefined} />,
      hasErrors ? 400 : 200,
    );
  });

  app.post(`${WS}/:id/versies`, view, async (req, reply) => {
    const council = councilOf(req);
    const actor = actorOf(req);
    const { id } = req.params as Params;
    const form = parseForm(draftSchema, req.body, req.t);
    const again = async (errors: FieldErrors) => {
      const { advice, versions, mayEdit } = await drafts.listDrafts(deps, { actor, council, adviceId: id });
      return reply.page(
        <DraftsPage {...(await pageProps(req))} advice={advice} versions={versions} mayEdit={mayEdit} compare={null} show={null} errors={errors} values={form.ok ? echo(req.body) : form.values} />,
        400,
      );
    };
    if (!(await queries.findAdvice(deps.db, council, id))) throw new NotFoundError('advice');
    if (!form.ok) return again(form.errors);
    try {
      const version = await drafts.saveDraft(deps, { actor, council, adviceId: id, body: form.data.body });
      return reply.redirect(`${base(council.slug)}/${id}/versies?opgeslagen=${version}`, 303);
    } catch (err) {
      const errors = domainErrors(err, req.t);
      if (errors) return again({ body: Object.values(errors)[0]! });
      throw err;
    }
  });

  // ---------------------------------------------------------------- letters
  async function letter(req: FastifyRequest, kind: 'advice' | 'followUp') {
    const council = councilOf(req);
    const actor = actorOf(req);
    const data = await queries.letterData(deps, { actor, council, adviceId: (req.params as Params).id, followUp: kind === 'followUp' });
    const model = letterModel({ council, advice: data.advice, recommendations: data.recommendations, signatories: data.signatories, t: req.t, locale: req.locale }, kind);
    return { data, model };
  }

  app.get(`${WS}/:id/brief`, view, async (req, reply) => {
    const { data, model } = await letter(req, 'advice');
    return reply.page(<LetterPage {...(await pageProps(req))} advice={data.advice} model={model} />);
  });

  app.get(`${WS}/:id/brief.pdf`, view, async (req, reply) => {
    const council = councilOf(req);
    const data = await queries.letterData(deps, { actor: actorOf(req), council, adviceId: (req.params as Params).id });
    // The letter itself is always in Dutch: it goes to a Dutch municipality.
    const model = letterModel({
      council,
      advice: data.advice,
      recommendations: data.recommendations,
      signatories: data.signatories,
      t: translator('nl'),
      locale: 'nl',
    });
    const bytes = await letterPdf(model, data.logo);
    return reply.type('application/pdf').header('content-disposition', `inline; filename="advies-${data.advice.reference}.pdf"`).header('cache-control', 'private, no-store').send(Buffer.from(bytes));
  });

  app.get(`${WS}/:id/herinneringsbrief`, view, async (req, reply) => {
    const { data, model } = await letter(req, 'followUp');
    return reply.page(<LetterPage {...(await pageProps(req))} advice={data.advice} model={model} />);
  });
}
