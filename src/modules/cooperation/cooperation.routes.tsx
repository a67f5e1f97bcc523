/** Pages of cooperation: thin routes that validate, call one use case and render. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { domainErrors, echo, noticeOf, parseForm, readUploads, type FieldErrors, type FormValues } from '../../core/http/forms.ts';
import { pageProps } from '../../core/http/page-routes.ts';
import { actorOf, requireRight } from '../../core/auth/guards.ts';
import { councilOf } from '../../core/tenancy.ts';
import { attachmentDisposition } from '../../core/files/sniff.ts';
import { notFound } from '../../core/errors.ts';
import { partnersForForm } from './cooperation.parties.ts';
import { getAgreement, listAgreements, publicAgreement, publicAgreements } from './cooperation.queries.ts';
import * as agreementsService from './cooperation.agreements.ts';
import { CONTRIBUTE_FILE, contributeDocument, dossiersFor, ownFolders, shareDossier, stopSharing } from './cooperation.dossiers.ts';
import { publicDossierDocuments } from './cooperation.public.ts';
import { acceptSchema, agreementSchema, contributeSchema, contributionSchema, dossierSchema, networkInviteSchema, startAdviceSchema } from './cooperation.forms.ts';
import { sourcesFor, startAdvice } from './cooperation.advice.ts';
import { consultationsFor, ownConsultations, shareConsultation } from './cooperation.experiences.ts';
import { acceptMeeting, attendMeeting, inviteNetworkContacts, planMeeting } from './cooperation.meetings.ts';
import { jointAgreementOf, jointMeetingsOf, meetingSchema } from '../meetings/index.ts';
import { eventInvitables } from '../network/index.ts';
import { AgreementsPage, NewAgreementPage } from './views/agreements.tsx';
import { AgreementPage, type AgreementNotice } from './views/agreement.tsx';
import { PublicAgreementPage, PublicAgreementsPage } from './views/public.tsx';

const WS = '/:council/werkruimte/samenwerking';
type Params = { id: string; dossierId: string; meetingId: string; name: string };

const notices: Record<string, AgreementNotice> = {
  opgeslagen: 'created',
  stap: 'step',
  inbreng: 'saved',
  getekend: 'signed',
  gedeeld: 'shared',
  nietgedeeld: 'unshared',
  gepland: 'meetingPlanned',
  aanvaard: 'meetingAccepted',
  raadpleging: 'consultationShared',
  antwoord: 'attendance',
  bijgedragen: 'contributed',
  netwerk: 'networkInvited',
  netwerkal: 'networkNone',
};

/** The workspace address of one agreement. */
const agreementUrl = (slug: string, id: string) => `/${slug}/werkruimte/samenwerking/${id}`;

export async function cooperationRoutes(app: FastifyInstance) {
  const deps = app.deps;
  const view = { preHandler: requireRight('cooperation.view') };
  const manage = { preHandler: requireRight('cooperation.manage') };

  // ---------------------------------------------------------------- list, new
  app.get(WS, view, async (req, reply) => {
    const council = councilOf(req);
    const actor = actorOf(req);
    const rows = await listAgreements(deps, { council, actor });
    return reply.page(<AgreementsPage {...(await pageProps(req))} rows={rows} />);
  });

  async function newPage(req: FastifyRequest, reply: FastifyReply, extra: { errors?: FieldErrors; values?: FormValues } = {}, status = 200) {
    const council = councilOf(req);
    const partners = await partnersForForm(deps.db, council);
    return reply.page(<NewAgreementPage {...(await pageProps(req))} partners={partners} {...extra} />, status);
  }
  app.get(`${WS}/nieuw`, manage, (req, reply) => newPage(req, reply));
  app.post(`${WS}/nieuw`, manage, async (req, reply) => {
    const council = councilOf(req);
    const form = parseForm(agreementSchema, req.body, req.t);
    if (!form.ok) return newPage(req, reply, { errors: form.errors, values: echo(req.body) }, 400);
    try {
      const a = await agreementsService.createAgreement(deps, { actor: actorOf(req), council, input: form.data });
      return reply.redirect(`${agreementUrl(council.slug, a.id)}?melding=opgeslagen`, 303);
    } catch (err) {
      const errors = domainErrors(err, req.t);
      if (!errors) throw err;
      return newPage(req, reply, { errors, values: echo(req.body) }, 400);
    }
  });

  // ---------------------------------------------------------------- one agreement
  async function detailPage(req: FastifyRequest, reply: FastifyReply, extra: { errors?: FieldErrors; values?: FormValues } = {}, status = 200) {
    const council = councilOf(req);
    const actor = actorOf(req);
    const detail = (await getAgreement(deps, { council, actor, id: (req.params as Params).id })) ?? notFound('agreement');
    const [dossiers, folders, meetings, sources, consultations, ownRounds, contacts] = await Promise.all([
      dossiersFor(deps, { actor, council, detail }),
      detail.may.manage ? ownFolders(deps, { actor, council }) : [],
      jointMeetingsOf(deps.db, { agreementId: detail.agreement.id, council, inForce: detail.inForce, membershipId: actor.membershipId }),
      detail.may.manage && detail.inForce ? sourcesFor(deps, { actor, council, id: detail.agreement.id }) : [],
      consultationsFor(deps, { actor, council, detail }),
      detail.may.manage ? ownConsultations(deps, council) : [],
      detail.may.manage && detail.inForce ? eventInvitables(deps, { council, actor }) : [],
    ]);
    const notice = noticeOf(req, notices);
    return reply
      .header('cache-control', 'private, no-store')
      .page(
        <AgreementPage
          {...(await pageProps(req))}
          detail={detail}
          dossiers={dossiers}
          folders={folders}
          meetings={meetings}
          sources={sources}
          consultations={consultations}
          ownRounds={ownRounds}
          contacts={contacts}
          notice={notice}
          {...extra}
        />,
        status,
      );
  }
  app.get(`${WS}/:id`, view, (req, reply) => detailPage(req, reply));

  /** Runs one use case from a form on the agreement page: back to the page with a notice, or the page with the message (nothing changed). */
  async function act<T>(req: FastifyRequest, reply: FastifyReply, notice: string | ((done: T) => string), run: () => Promise<T>, values?: FormValues) {
    const council = councilOf(req);
    const { id } = req.params as Params;
    // Unknown or another organisation's agreement: 404 before anything else.
    (await getAgreement(deps, { council, actor: actorOf(req), id })) ?? notFound('agreement');
    let done: T;
    try {
      done = await run();
    } catch (err) {
      const errors = domainErrors(err, req.t);
      if (!errors) throw err;
      return detailPage(req, reply, { errors, values: values ?? echo(req.body) }, 400);
    }
    return reply.redirect(`${agreementUrl(council.slug, id)}?melding=${typeof notice === 'string' ? notice : notice(done)}`, 303);
  }
  const args = (req: FastifyRequest) => ({ deps, a: { actor: actorOf(req), council: councilOf(req), id: (req.params as Params).id } });

  app.post(`${WS}/:id/voorstellen`, manage, (req, reply) => act(req, reply, 'stap', () => agreementsService.proposeAgreement(deps, args(req).a)));
  // Unknown is 404 before the role counts: the guard asks only for the view right, the step for a chair's.
  app.post(`${WS}/:id/aanvaarden`, view, async (req, reply) => {
    const form = parseForm(acceptSchema, req.body, req.t);
    // A missing or malformed organisation is someone else's by definition.
    const organisation = form.ok ? form.data.organisation : '';
    return act(req, reply, 'stap', () => agreementsService.acceptAgreement(deps, { ...args(req).a, organisation }));
  });
  app.post(`${WS}/:id/verlengen`, manage, (req, reply) => act(req, reply, 'stap', () => agreementsService.renewAgreement(deps, args(req).a)));
  app.post(`${WS}/:id/opzeggen`, manage, (req, reply) => act(req, reply, 'stap', () => agreementsService.giveNotice(deps, args(req).a)));
  app.post(`${WS}/:id/beeindigen`, manage, (req, reply) => act(req, reply, 'stap', () => agreementsService.endAgreement(deps, args(req).a)));
  app.post(`${WS}/:id/inbreng`, manage, async (req, reply) => {
    const form = parseForm(contributionSchema, req.body, req.t);
    if (!form.ok) {
      (await getAgreement(deps, { council: councilOf(req), actor: actorOf(req), id: (req.params as Params).id })) ?? notFound('agreement');
      return detailPage(req, reply, { errors: form.errors, values: echo(req.body) }, 400);
    }
    return act(req, reply, 'inbreng', () => agreementsService.setContribution(deps, { ...args(req).a, contribution: form.data.contribution }));
  });

  // ---------------------------------------------------------------- the signed agreement
  app.post(`${WS}/:id/overeenkomst`, manage, async (req, reply) => {
    const { uploads } = await readUploads(req, { field: 'file', maxBytes: agreementsService.SIGNED_MAX_BYTES, maxFields: 5, fieldSize: 1000 });
    return act(req, reply, 'getekend', () => agreementsService.uploadSigned(deps, { ...args(req).a, upload: uploads[0] }));
  });
  app.get(`${WS}/:id/overeenkomst`, view, async (req, reply) => {
    const file = (await agreementsService.signedFile(deps, args(req).a)) ?? notFound('file');
    return reply
      .type('application/pdf')
      .header('content-disposition', attachmentDisposition(file.fileName))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(file.bytes);
  });

  // ---------------------------------------------------------------- shared dossiers
  app.post(`${WS}/:id/dossiers`, manage, async (req, reply) => {
    const form = parseForm(dossierSchema, req.body, req.t);
    if (!form.ok) {
      (await getAgreement(deps, { council: councilOf(req), actor: actorOf(req), id: (req.params as Params).id })) ?? notFound('agreement');
      return detailPage(req, reply, { errors: form.errors, values: echo(req.body) }, 400);
    }
    return act(req, reply, 'gedeeld', () => shareDossier(deps, { ...args(req).a, ...form.data }));
  });
  // A partner adds a document of its own to a "contribute" dossier; the file is checked like every upload.
  app.post(`${WS}/:id/bijdragen`, view, async (req, reply) => {
    const { fields, uploads } = await readUploads(req, { field: CONTRIBUTE_FILE, maxBytes: deps.config.documentMaxBytes, maxFields: 5, fieldSize: 1000 });
    const form = parseForm(contributeSchema, fields, req.t);
    if (!form.ok) {
      (await getAgreement(deps, { council: councilOf(req), actor: actorOf(req), id: (req.params as Params).id })) ?? notFound('agreement');
      return detailPage(req, reply, { errors: form.errors, values: fields }, 400);
    }
    const input = { dossierId: form.data.dossierId, title: form.data.documentTitle, upload: uploads[0] ?? null };
    return act(req, reply, 'bijgedragen', () => contributeDocument(deps, { ...args(req).a, ...input }), fields);
  });
  app.post(`${WS}/:id/dossiers/:dossierId/stoppen`, manage, (req, reply) => act(req, reply, 'nietgedeeld', () => stopSharing(deps, { ...args(req).a, dossierId: (req.params as Params).dossierId })));

  // ---------------------------------------------------------------- joint meetings
  app.post(`${WS}/:id/vergaderingen`, manage, async (req, reply) => {
    const form = parseForm(meetingSchema, req.body, req.t);
    if (!form.ok) {
      (await getAgreement(deps, { council: councilOf(req), actor: actorOf(req), id: (req.params as Params).id })) ?? notFound('agreement');
      return detailPage(req, reply, { errors: form.errors, values: echo(req.body) }, 400);
    }
    return act(req, reply, 'gepland', () => planMeeting(deps, { ...args(req).a, input: form.data }));
  });
  app.post(`${WS}/:id/vergaderingen/:meetingId/aanvaarden`, manage, (req, reply) =>
    act(req, reply, 'aanvaard', () => acceptMeeting(deps, { ...args(req).a, meetingId: (req.params as Params).meetingId })),
  );
  // A member of a partner says whether they come (the planner's members answer on the meeting's own page).
  app.post(`${WS}/:id/vergaderingen/:meetingId/aanwezigheid`, view, (req, reply) => {
    const answer = String((req.body as Record<string, unknown> | undefined)?.answer ?? '');
    return act(req, reply, 'antwoord', () => attendMeeting(deps, { ...args(req).a, meetingId: (req.params as Params).meetingId, answer }));
  });
  // The planner's board invites contacts of its own network (with consent) to a joint meeting it planned.
  app.post(`${WS}/:id/netwerk`, manage, async (req, reply) => {
    const form = parseForm(networkInviteSchema, req.body, req.t);
    if (!form.ok) {
      (await getAgreement(deps, { council: councilOf(req), actor: actorOf(req), id: (req.params as Params).id })) ?? notFound('agreement');
      return detailPage(req, reply, { errors: form.errors, values: echo(req.body) }, 400);
    }
    return act(
      req,
      reply,
      (sent) => (sent > 0 ? 'netwerk' : 'netwerkal'),
      () => inviteNetworkContacts(deps, { ...args(req).a, ...form.data }),
    );
  });
  // Where the meetings list and calendar of a partner link a joint meeting (core/partnerships.ts): its agreement's page.
  app.get(`${WS}/vergadering/:meetingId`, view, async (req, reply) => {
    const council = councilOf(req);
    const agreementId = (await jointAgreementOf(deps.db, council.id, (req.params as Params).meetingId)) ?? notFound('meeting');
    return reply.redirect(`${agreementUrl(council.slug, agreementId)}#vergadering-${(req.params as Params).meetingId}`, 303);
  });

  // ---------------------------------------------------------------- shared experiences
  app.post(`${WS}/:id/raadplegingen`, manage, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const consultationId = typeof body.consultationId === 'string' ? body.consultationId : '';
    return act(req, reply, 'raadpleging', () => shareConsultation(deps, { ...args(req).a, consultationId }));
  });

  // ---------------------------------------------------------------- each party's own advice
  app.post(`${WS}/:id/advies`, manage, async (req, reply) => {
    const council = councilOf(req);
    const { id } = req.params as Params;
    (await getAgreement(deps, { council, actor: actorOf(req), id })) ?? notFound('agreement');
    const form = parseForm(startAdviceSchema, req.body, req.t);
    if (!form.ok) return detailPage(req, reply, { errors: form.errors, values: echo(req.body) }, 400);
    try {
      const { adviceId } = await startAdvice(deps, { ...args(req).a, input: form.data });
      return reply.redirect(`/${council.slug}/werkruimte/adviezen/${adviceId}`, 303);
    } catch (err) {
      const errors = domainErrors(err, req.t);
      if (!errors) throw err;
      return detailPage(req, reply, { errors, values: echo(req.body) }, 400);
    }
  });

  // ---------------------------------------------------------------- public pages
  app.get('/:council/samenwerking', async (req, reply) => {
    const council = councilOf(req);
    const rows = await publicAgreements(deps.db, council);
    return reply.page(<PublicAgreementsPage ctx={await req.pageCtx()} council={council} rows={rows} />);
  });
  app.get('/:council/samenwerking/:name', async (req, reply) => {
    const council = councilOf(req);
    const agreement = (await publicAgreement(deps.db, council, (req.params as Params).name)) ?? notFound('agreement');
    const [documents, meetings] = await Promise.all([
      publicDossierDocuments(deps, agreement),
      jointMeetingsOf(deps.db, { agreementId: agreement.id, council, inForce: agreement.inForce, publicOnly: true }),
    ]);
    return reply.page(<PublicAgreementPage ctx={await req.pageCtx()} council={council} agreement={agreement} documents={documents} meetings={meetings} />);
  });
}
