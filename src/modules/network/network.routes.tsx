/** The network's workspace pages: organisations, contacts and consent, types, settings. Thin: validate, call one use case, render. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { domainErrors, type FieldErrors, type FormValues } from '../../core/http/forms.ts';
import { formPage, pageProps } from '../../core/http/page-routes.ts';
import { type DomainError, notFound } from '../../core/errors.ts';
import { requireRight } from '../../core/auth/guards.ts';
import { councilOf } from '../../core/tenancy.ts';
import { can } from '../../core/policy.ts';
import { consentSchema, contactSchema, organisationSchema, settingsSchema, typeSchema } from './network.forms.ts';
import { routeKit, submit, WS } from './network.http.ts';
import {
  addContact,
  addOrganisation,
  addType,
  changeOrganisation,
  eraseContact,
  findContact,
  findOrganisation,
  listTypes,
  networkSettingsOf,
  openContact,
  recordConsent,
  saveNetworkSettings,
} from './network.organisations.ts';
import { accessLogOf, getOrganisation, listOrganisations } from './network.queries.ts';
import { AccessLogPage, ConsentFormPage, NetworkListPage, OrganisationEditPage, OrganisationFormPage, OrganisationPage, SettingsPage, TypesPage } from './views/organisations.tsx';
import { networkPath } from './views/common.tsx';

const notices = {
  toegevoegd: 'network.notice.added',
  opgeslagen: 'network.notice.saved',
  contactpersoon: 'network.notice.contactAdded',
  toestemming: 'network.notice.consentRecorded',
  gewist: 'network.notice.erased',
  soort: 'network.notice.typeAdded',
  instelling: 'network.notice.settings',
} as const;

export async function networkRoutes(app: FastifyInstance) {
  const { deps, view, manage, contacts, ctxOf, notice } = routeKit(app, notices);

  app.get(WS, view, async (req, reply) => {
    const { council, actor } = ctxOf(req);
    const rows = await listOrganisations(deps.db, council);
    return reply.page(<NetworkListPage {...(await pageProps(req))} rows={rows} notice={notice(req)} may={{ manage: can(actor, 'network.manage'), accessLog: can(actor, 'network.accessLog') }} />);
  });

  // ---------------------------------------------------------------- organisations
  const newPage = async (req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors, values?: FormValues, duplicateOf?: { id: string; name: string }) => {
    const { council } = ctxOf(req);
    const types = await listTypes(deps.db, council.id);
    return reply.page(<OrganisationFormPage {...(await pageProps(req))} types={types} errors={errors} values={values} duplicateOf={duplicateOf} />, errors ? 400 : 200);
  };
  /** The existing organisation a duplicate name refusal points at. */
  const duplicateOf = (err?: DomainError) => (err?.code === 'duplicateName' && err.params ? { id: String(err.params.id), name: String(err.params.name) } : undefined);
  app.get(`${WS}/nieuw`, manage, (req, reply) => newPage(req, reply));
  app.post(`${WS}/nieuw`, manage, (req, reply) =>
    submit(req, reply, {
      schema: organisationSchema,
      run: async (input) => {
        const org = await addOrganisation(deps, { ...ctxOf(req), input });
        return `${networkPath(councilOf(req))}/organisaties/${org.id}?melding=toegevoegd`;
      },
      again: (errors, values, err) => newPage(req, reply, errors, values, duplicateOf(err)),
    }),
  );

  const orgPage = async (req: FastifyRequest, reply: FastifyReply, extra: { errors?: FieldErrors; values?: FormValues; form?: 'contact' } = {}) => {
    const { council, actor } = ctxOf(req);
    const detail = await getOrganisation(deps, { actor, council, id: (req.params as { id: string }).id });
    return reply.page(<OrganisationPage {...(await pageProps(req))} detail={detail} notice={extra.errors ? undefined : notice(req)} {...extra} />, extra.errors ? 400 : 200);
  };
  /** Unknown or another council's organisation: 404 before anything else. */
  const knownOrg = async (req: FastifyRequest) => (await findOrganisation(deps.db, councilOf(req), (req.params as { id: string }).id)) ?? notFound('organisation');
  app.get(`${WS}/organisaties/:id`, view, (req, reply) => orgPage(req, reply));
  const editPage = async (req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors, values?: FormValues) => {
    const { council } = ctxOf(req);
    const org = await knownOrg(req);
    const types = await listTypes(deps.db, council.id);
    return reply.page(<OrganisationEditPage {...(await pageProps(req))} detail={{ organisation: org, types }} errors={errors} values={values} />, errors ? 400 : 200);
  };
  app.get(`${WS}/organisaties/:id/wijzigen`, manage, (req, reply) => editPage(req, reply));
  app.post(`${WS}/organisaties/:id`, manage, async (req, reply) => {
    const org = await knownOrg(req);
    return submit(req, reply, {
      schema: organisationSchema,
      run: async (input) => {
        await changeOrganisation(deps, { ...ctxOf(req), id: org.id, input });
        return `${networkPath(councilOf(req))}/organisaties/${org.id}?melding=opgeslagen`;
      },
      again: (errors, values) => editPage(req, reply, errors, values),
    });
  });
  app.post(`${WS}/organisaties/:id/contactpersonen`, manage, async (req, reply) => {
    const org = await knownOrg(req);
    return submit(req, reply, {
      schema: contactSchema,
      run: async (input) => {
        const c = await addContact(deps, { ...ctxOf(req), organisationId: org.id, input });
        return `${networkPath(councilOf(req))}/organisaties/${org.id}?melding=contactpersoon#contact-${c.id}`;
      },
      again: (errors, values) => orgPage(req, reply, { errors, values, form: 'contact' }),
    });
  });

  // ---------------------------------------------------------------- consent and erasure
  const knownContact = async (req: FastifyRequest) => {
    const council = councilOf(req);
    const contact = (await findContact(deps.db, council, (req.params as { id: string }).id)) ?? notFound('contact');
    const org = (await findOrganisation(deps.db, council, contact.organisationId))!;
    return { contact, org };
  };
  const consentPage = async (req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors, values?: FormValues) => {
    const { council } = ctxOf(req);
    const { contact, org } = await knownContact(req);
    const months = (await networkSettingsOf(deps.db, council.id)).consentMonths;
    const name = contact.erasedAt ? req.t('network.contact.erasedName') : (openContact(deps.secretKey, contact).name ?? '');
    return reply.page(
      <ConsentFormPage {...(await pageProps(req))} contact={{ id: contact.id, name }} organisation={{ id: org.id, name: org.name }} months={months} errors={errors} values={values} />,
      errors ? 400 : 200,
    );
  };
  app.get(`${WS}/contactpersonen/:id/toestemming`, manage, (req, reply) => consentPage(req, reply));
  app.post(`${WS}/contactpersonen/:id/toestemming`, manage, async (req, reply) => {
    const { contact, org } = await knownContact(req);
    return submit(req, reply, {
      schema: consentSchema,
      run: async (input) => {
        await recordConsent(deps, { ...ctxOf(req), contactId: contact.id, input });
        return `${networkPath(councilOf(req))}/organisaties/${org.id}?melding=toestemming#contact-${contact.id}`;
      },
      again: (errors, values) => consentPage(req, reply, errors, values),
    });
  });
  app.post(`${WS}/contactpersonen/:id/wissen`, contacts, async (req, reply) => {
    const { contact, org } = await knownContact(req);
    try {
      await eraseContact(deps, { ...ctxOf(req), id: contact.id });
    } catch (err) {
      const errors = domainErrors(err, req.t);
      if (!errors) throw err;
      (req.params as { id: string }).id = org.id;
      return orgPage(req, reply, { errors });
    }
    return reply.redirect(`${networkPath(councilOf(req))}/organisaties/${org.id}?melding=gewist`, 303);
  });

  // ---------------------------------------------------------------- types, settings, access log
  formPage(app, `${WS}/soorten`, manage, {
    show: async (req, reply, again) => {
      const types = await listTypes(deps.db, councilOf(req).id);
      return reply.page(<TypesPage {...(await pageProps(req))} types={types} notice={again ? undefined : notice(req)} {...again} />, again ? 400 : 200);
    },
    schema: typeSchema,
    run: async (req, { name }) => {
      await addType(deps, { ...ctxOf(req), name });
      return `${networkPath(councilOf(req))}/soorten?melding=soort`;
    },
  });
  formPage(app, `${WS}/instellingen`, manage, {
    show: async (req, reply, again) => {
      const months = (await networkSettingsOf(deps.db, councilOf(req).id)).consentMonths;
      return reply.page(<SettingsPage {...(await pageProps(req))} months={months} notice={again ? undefined : notice(req)} {...again} />, again ? 400 : 200);
    },
    schema: settingsSchema,
    run: async (req, { consentMonths }) => {
      await saveNetworkSettings(deps, { ...ctxOf(req), consentMonths });
      return `${networkPath(councilOf(req))}/instellingen?melding=instelling`;
    },
  });
  app.get(`${WS}/toegangslog`, { preHandler: requireRight('network.accessLog') }, async (req, reply) => {
    const { council } = ctxOf(req);
    const rows = await accessLogOf(deps.db, council.id);
    return reply.page(<AccessLogPage {...(await pageProps(req))} rows={rows} />);
  });
}
