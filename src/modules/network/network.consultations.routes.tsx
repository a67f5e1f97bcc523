/** Consultations and experiences in the workspace. Thin: validate, call one use case, render. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { domainErrors, type FieldErrors, type FormValues } from '../../core/http/forms.ts';
import { formPage, pageProps } from '../../core/http/page-routes.ts';
import { notFound } from '../../core/errors.ts';
import { councilOf } from '../../core/tenancy.ts';
import { can } from '../../core/policy.ts';
import { adviceRefs } from '../advice/index.ts';
import { attendanceSchema, consultationSchema, experienceSchema, inviteSchema, linkAdviceSchema } from './network.forms.ts';
import { addConsultation, agendaChoices, changeConsultation, findConsultation, getConsultation, inviteContacts, listConsultations, recordOutcome } from './network.consultations.ts';
import { eraseExperience, experiencesOfConsultation, findExperience, getExperience, linkToAdvice, listExperiences, recordExperience, viewExperienceContact } from './network.experiences.ts';
import { invitableContacts } from './network.queries.ts';
import { routeKit, submit, WS } from './network.http.ts';
import { ConsultationFormPage, ConsultationPage, ConsultationsPage, consultationsPath } from './views/consultations.tsx';
import { ExperienceFormPage, ExperiencePage, ExperiencesPage, experiencesPath } from './views/experiences.tsx';

const CONS = `${WS}/raadplegingen`;
const EXP = `${WS}/ervaringen`;

const notices = {
  gepland: 'network.notice.consultationAdded',
  gewijzigd: 'network.notice.consultationChanged',
  uitgenodigd: 'network.notice.invited',
  verslag: 'network.notice.outcome',
  vastgelegd: 'network.notice.experience',
  gekoppeld: 'network.notice.linked',
  gewist: 'network.exp.erased',
} as const;

export async function networkConsultationRoutes(app: FastifyInstance) {
  const { deps, view, manage, record, contacts, ctxOf, idOf, notice } = routeKit(app, notices);

  // ---------------------------------------------------------------- consultations
  app.get(CONS, view, async (req, reply) => {
    const { council, actor } = ctxOf(req);
    const rows = await listConsultations(deps.db, council);
    return reply.page(<ConsultationsPage {...(await pageProps(req))} rows={rows} mayManage={can(actor, 'network.manage')} />);
  });
  formPage(app, `${CONS}/nieuw`, manage, {
    show: async (req, reply, again) => {
      const items = await agendaChoices(deps.db, councilOf(req).id);
      return reply.page(<ConsultationFormPage {...(await pageProps(req))} items={items} {...again} />, again ? 400 : 200);
    },
    schema: consultationSchema,
    run: async (req, input) => {
      const c = await addConsultation(deps, { ...ctxOf(req), input });
      return `${consultationsPath(councilOf(req))}/${c.id}?melding=gepland`;
    },
  });

  const known = async (req: FastifyRequest) => (await findConsultation(deps.db, councilOf(req), idOf(req))) ?? notFound('consultation');
  const editPage = async (req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors, values?: FormValues) => {
    const { council } = ctxOf(req);
    const [c, items] = await Promise.all([known(req), agendaChoices(deps.db, council.id)]);
    return reply.page(<ConsultationFormPage {...(await pageProps(req))} items={items} edit={c} errors={errors} values={values} />, errors ? 400 : 200);
  };
  app.get(`${CONS}/:id/wijzigen`, manage, (req, reply) => editPage(req, reply));
  app.post(`${CONS}/:id/wijzigen`, manage, async (req, reply) => {
    const c = await known(req);
    return submit(req, reply, {
      schema: consultationSchema,
      run: async (input) => {
        await changeConsultation(deps, { ...ctxOf(req), id: c.id, input });
        return `${consultationsPath(councilOf(req))}/${c.id}?melding=gewijzigd`;
      },
      again: (errors, values) => editPage(req, reply, errors, values),
    });
  });

  const consultationPage = async (req: FastifyRequest, reply: FastifyReply, extra: { errors?: FieldErrors; values?: FormValues; form?: 'invite' | 'outcome' } = {}) => {
    const { council, actor } = ctxOf(req);
    const detail = await getConsultation(deps, { actor, council, id: idOf(req) });
    const [experiences, invitable] = await Promise.all([
      experiencesOfConsultation(deps.db, council.id, detail.consultation.id),
      detail.may.manage ? invitableContacts(deps, council) : Promise.resolve([]),
    ]);
    return reply.page(
      <ConsultationPage {...(await pageProps(req))} detail={detail} experiences={experiences} contacts={invitable} notice={extra.errors ? undefined : notice(req)} {...extra} />,
      extra.errors ? 400 : 200,
    );
  };
  app.get(`${CONS}/:id`, view, (req, reply) => consultationPage(req, reply));
  app.post(`${CONS}/:id/uitnodigen`, manage, async (req, reply) => {
    const c = await known(req);
    return submit(req, reply, {
      schema: inviteSchema,
      run: async ({ contactIds }) => {
        await inviteContacts(deps, { ...ctxOf(req), id: c.id, contactIds });
        return `${consultationsPath(councilOf(req))}/${c.id}?melding=uitgenodigd`;
      },
      again: (errors, values) => consultationPage(req, reply, { errors, values, form: 'invite' }),
    });
  });
  app.post(`${CONS}/:id/verslag`, manage, async (req, reply) => {
    const c = await known(req);
    return submit(req, reply, {
      schema: attendanceSchema,
      run: async (input) => {
        await recordOutcome(deps, { ...ctxOf(req), id: c.id, ...input });
        return `${consultationsPath(councilOf(req))}/${c.id}?melding=verslag`;
      },
      again: (errors, values) => consultationPage(req, reply, { errors, values, form: 'outcome' }),
    });
  });

  // ---------------------------------------------------------------- experiences
  app.get(EXP, view, async (req, reply) => {
    const { council, actor } = ctxOf(req);
    const rows = await listExperiences(deps.db, council.id);
    return reply.page(<ExperiencesPage {...(await pageProps(req))} rows={rows} mayRecord={can(actor, 'network.record')} />);
  });
  formPage(app, `${EXP}/nieuw`, record, {
    show: async (req, reply, again) => {
      const list = await listConsultations(deps.db, councilOf(req));
      const chosen = (req.query as Record<string, unknown> | undefined)?.raadpleging;
      const values = again?.values ?? (typeof chosen === 'string' ? { consultationId: chosen } : undefined);
      return reply.page(<ExperienceFormPage {...(await pageProps(req))} consultations={list} errors={again?.errors} values={values} />, again ? 400 : 200);
    },
    schema: experienceSchema,
    run: async (req, input) => {
      const e = await recordExperience(deps, { ...ctxOf(req), input });
      return `${experiencesPath(councilOf(req))}/${e.id}?melding=vastgelegd`;
    },
  });

  const expPage = async (req: FastifyRequest, reply: FastifyReply, extra: { errors?: FieldErrors; contact?: { name: string | null; email: string | null; erased: boolean } | null } = {}) => {
    const { council, actor } = ctxOf(req);
    const d = await getExperience(deps, { actor, council, id: idOf(req) });
    const advices = d.may.link ? await adviceRefs(deps.db, council, { order: 'newest', limit: 200 }) : [];
    const detail = { view: d.view ?? { ...d.experience, consultationTopic: null, hasContact: false }, advice: d.advice, may: d.may, erased: d.experience.erasedAt !== null };
    return reply.page(<ExperiencePage {...(await pageProps(req))} detail={detail} advices={advices} notice={extra.errors ? undefined : notice(req)} {...extra} />, extra.errors ? 400 : 200);
  };
  const knownExp = async (req: FastifyRequest) => (await findExperience(deps.db, councilOf(req), idOf(req))) ?? notFound('experience');
  app.get(`${EXP}/:id`, view, (req, reply) => expPage(req, reply));
  app.post(`${EXP}/:id/advies`, manage, async (req, reply) => {
    const e = await knownExp(req);
    return submit(req, reply, {
      schema: linkAdviceSchema,
      run: async ({ adviceId }) => {
        await linkToAdvice(deps, { ...ctxOf(req), id: e.id, adviceId });
        return `${experiencesPath(councilOf(req))}/${e.id}?melding=gekoppeld`;
      },
      again: (errors) => expPage(req, reply, { errors }),
    });
  });
  // Showing the contributor's details is a POST: each read is logged.
  app.post(`${EXP}/:id/contactgegevens`, contacts, async (req, reply) => {
    const e = await knownExp(req);
    const contact = await viewExperienceContact(deps, { ...ctxOf(req), id: e.id });
    reply.header('cache-control', 'no-store');
    return expPage(req, reply, { contact });
  });
  app.post(`${EXP}/:id/wissen`, contacts, async (req, reply) => {
    const e = await knownExp(req);
    try {
      await eraseExperience(deps, { ...ctxOf(req), id: e.id });
    } catch (err) {
      const errors = domainErrors(err, req.t);
      if (!errors) throw err;
      return expPage(req, reply, { errors });
    }
    return reply.redirect(`${experiencesPath(councilOf(req))}/${e.id}?melding=gewist`, 303);
  });
}
