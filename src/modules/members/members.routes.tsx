import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { domainErrors, echo, noticeOf, parseForm, type FieldErrors, type FormValues } from '../../core/http/forms.ts';
import { type Again, formPage, pageProps, publicProps, runForm } from '../../core/http/page-routes.ts';
import { actorOf, requireRight } from '../../core/auth/guards.ts';
import { councilOf } from '../../core/tenancy.ts';
import * as memberService from './members.memberships.ts';
import * as groupService from './members.groups.ts';
import * as vacancyService from './members.vacancies.ts';
import { notFound, TooFastError } from '../../core/errors.ts';
import { renderSlot } from '../../core/platform.ts';
import { applicationSchema, bulkInviteSchema, groupLeadSchema, groupMemberSchema, inviteSchema, memberUpdateSchema, vacancySchema, vacancyStatusSchema, workingGroupSchema } from './members.forms.ts';
import { AppliedPage, ApplyPage, PublicMembersPage, PublicVacanciesPage, PublicVacancyPage, PublicWorkingGroupsPage } from './views/public.tsx';
import { MemberPage, MembersPage, type MemberNotice } from './views/members.tsx';
import { CheckInvitesPage, InviteManyPage } from './views/invitations.tsx';
import { RemoveGroupMemberPage, WorkingGroupPage, WorkingGroupsPage, type GroupNotice } from './views/groups.tsx';
import type { LineProblem } from './members.forms.ts';
import { ApplicationsPage, NewVacancyPage, VacanciesPage, VacancyPage, type VacancyNotice } from './views/vacancies.tsx';

const publicPage = { config: { publicCache: true } };
/** A person applies once or twice; this stops floods, not memberService. */
const applyLimit = { config: { rateLimit: { max: 10, timeWindow: '10 minutes' } } };

const WS = '/:council/werkruimte';

type Params = { id: string; membershipId: string };

const memberNotices: Record<string, MemberNotice> = { opgeslagen: 'saved', gestopt: 'deactivated', actief: 'reactivated' };
const groupNotices: Record<string, GroupNotice> = {
  aangemaakt: 'created',
  opgeslagen: 'saved',
  toegevoegd: 'added',
  verwijderd: 'removed',
  trekker: 'leadSet',
};
const vacancyNotices: Record<string, VacancyNotice> = { aangemaakt: 'created', opgeslagen: 'saved', gepubliceerd: 'published', gesloten: 'closed' };

export async function membersRoutes(app: FastifyInstance) {
  const deps = app.deps;

  // ---------------------------------------------------------------- public site
  app.get('/:council/leden', publicPage, async (req, reply) =>
    reply.page(<PublicMembersPage {...(await publicProps(req))} members={await memberService.listPublicMembers(deps.db, councilOf(req))} />),
  );

  app.get('/:council/werkgroepen', publicPage, async (req, reply) =>
    reply.page(<PublicWorkingGroupsPage {...(await publicProps(req))} groups={await groupService.listPublicWorkingGroups(deps.db, councilOf(req))} />),
  );

  app.get('/:council/vacatures', publicPage, async (req, reply) =>
    reply.page(<PublicVacanciesPage {...(await publicProps(req))} vacancies={await vacancyService.listPublicVacancies(deps.db, councilOf(req))} />),
  );

  app.get('/:council/vacatures/:id', publicPage, async (req, reply) =>
    reply.page(<PublicVacancyPage {...(await publicProps(req))} vacancy={await vacancyService.getPublicVacancy(deps.db, councilOf(req), (req.params as Params).id)} />),
  );

  // The form carries a timestamped token, so it is never served from the cache.
  app.get('/:council/vacatures/:id/reageren', async (req, reply) => {
    const council = councilOf(req);
    const vacancy = await vacancyService.getPublicVacancy(deps.db, council, (req.params as Params).id);
    return reply.page(<ApplyPage ctx={await req.pageCtx()} council={council} vacancy={vacancy} />);
  });

  app.post('/:council/vacatures/:id/reageren', applyLimit, async (req, reply) => {
    const council = councilOf(req);
    const vacancy = await vacancyService.getPublicVacancy(deps.db, council, (req.params as Params).id);
    const form = parseForm(applicationSchema, req.body, req.t);
    const again = async (errors: FieldErrors, values: FormValues) => reply.page(<ApplyPage ctx={await req.pageCtx()} council={council} vacancy={vacancy} errors={errors} values={values} />, 400);
    if (!form.ok) return again(form.errors, form.values);
    try {
      await vacancyService.submitApplication(deps, { council, vacancyId: vacancy.id, input: form.data, formIssuedAt: req.formIssuedAt, locale: req.locale });
    } catch (err) {
      if (err instanceof TooFastError) return again({ motivation: req.t('members.apply.tooFast') }, echo(req.body));
      throw err;
    }
    return reply.redirect(`/${council.slug}/vacatures/${vacancy.id}/verzonden`, 303);
  });

  app.get('/:council/vacatures/:id/verzonden', async (req, reply) => {
    const council = councilOf(req);
    const vacancy = await vacancyService.getPublicVacancy(deps.db, council, (req.params as Params).id);
    return reply.page(<AppliedPage ctx={await req.pageCtx()} council={council} vacancy={vacancy} />);
  });

  // ---------------------------------------------------------------- workspace: members
  const viewMembers = { preHandler: requireRight('members.view') };
  const manageMembers = { preHandler: requireRight('members.manage') };

  app.get(`${WS}/leden`, viewMembers, async (req, reply) => {
    const council = councilOf(req);
    const actor = actorOf(req);
    const [members, counts] = await Promise.all([memberService.listMembers(deps, { actor, council }), memberService.memberCounts(deps.db, council)]);
    const query = (req.query as Record<string, unknown>) ?? {};
    const invitedId = query.uitgenodigd;
    const invited = typeof invitedId === 'string' ? members.find((m) => m.id === invitedId) : undefined;
    // After a list: how many were invited (a number the page itself put in the address).
    const many = typeof query.uitnodigingen === 'string' && /^[1-9]\d{0,2}$/.test(query.uitnodigingen) ? Number(query.uitnodigingen) : undefined;
    // From the platform admin's "invite the secretary" link: the invite form with that role chosen.
    const values = query.rol === 'secretaris' ? { role: 'secretary' } : undefined;
    return reply.page(<MembersPage {...(await pageProps(req))} may={memberService.membersMay(actor)} members={members} counts={counts} invited={invited} invitedMany={many} values={values} />);
  });

  app.post(`${WS}/leden`, manageMembers, async (req, reply) => {
    const council = councilOf(req);
    const actor = actorOf(req);
    const form = parseForm(inviteSchema, req.body, req.t);
    const again = async (errors: FieldErrors) => {
      const [members, counts] = await Promise.all([memberService.listMembers(deps, { actor, council }), memberService.memberCounts(deps.db, council)]);
      const values = form.ok ? echo(req.body) : form.values;
      return reply.page(<MembersPage {...(await pageProps(req))} may={memberService.membersMay(actor)} members={members} counts={counts} errors={errors} values={values} />, 400);
    };
    if (!form.ok) return again(form.errors);
    try {
      const { membershipId } = await memberService.inviteMember(deps, { actor, council, input: form.data });
      return reply.redirect(`/${council.slug}/werkruimte/leden?uitgenodigd=${membershipId}`, 303);
    } catch (err) {
      const errors = domainErrors(err, req.t);
      if (errors) return again(errors);
      throw err;
    }
  });

  // Several people at once: the list, the check page, then the invitations (nothing is stored before).
  const inviteMany = async (req: FastifyRequest, reply: FastifyReply, state: { values?: FormValues; errors?: FieldErrors; problems?: LineProblem[] }, status = 200) => {
    const council = councilOf(req);
    const counts = await memberService.memberCounts(deps.db, council);
    return reply.page(<InviteManyPage ctx={await req.pageCtx()} council={council} actor={actorOf(req)} counts={counts} {...state} />, status);
  };
  app.get(`${WS}/leden/uitnodigen`, manageMembers, async (req, reply) => inviteMany(req, reply, {}));

  app.post(`${WS}/leden/uitnodigen`, manageMembers, async (req, reply) => {
    const council = councilOf(req);
    const actor = actorOf(req);
    const form = parseForm(bulkInviteSchema, req.body, req.t);
    if (!form.ok) return inviteMany(req, reply, { errors: form.errors, values: form.values }, 400);
    // "Lijst wijzigen" on the check page: the form again, with the list as it was.
    if ((req.body as Record<string, unknown>).wijzigen !== undefined) return inviteMany(req, reply, { values: echo(req.body) });
    const plan = await memberService.planInvites(deps, { actor, council, input: form.data });
    if (plan.problems.length) return inviteMany(req, reply, { problems: plan.problems, values: echo(req.body) }, 400);
    return reply.page(<CheckInvitesPage {...(await pageProps(req))} plan={plan} values={form.data} />);
  });

  app.post(`${WS}/leden/uitnodigen/versturen`, manageMembers, async (req, reply) => {
    const council = councilOf(req);
    const form = parseForm(bulkInviteSchema, req.body, req.t);
    if (!form.ok) return inviteMany(req, reply, { errors: form.errors, values: form.values }, 400);
    try {
      const { invited } = await memberService.inviteMany(deps, { actor: actorOf(req), council, input: form.data });
      return reply.redirect(`/${council.slug}/werkruimte/leden?uitnodigingen=${invited}`, 303);
    } catch (err) {
      if (err instanceof memberService.InvitesRefused) return inviteMany(req, reply, { problems: err.problems, values: echo(req.body) }, 400);
      throw err;
    }
  });

  app.get(`${WS}/leden/:id`, manageMembers, async (req, reply) => {
    const council = councilOf(req);
    const actor = actorOf(req);
    const member = await memberService.getMember(deps, { actor, council, id: (req.params as Params).id });
    return reply.page(<MemberPage {...(await pageProps(req))} member={member} notice={noticeOf(req, memberNotices)} />);
  });

  app.post(`${WS}/leden/:id`, manageMembers, async (req, reply) => {
    const council = councilOf(req);
    const actor = actorOf(req);
    const { id } = req.params as Params;
    const member = await memberService.getMember(deps, { actor, council, id });
    const form = parseForm(memberUpdateSchema, req.body, req.t);
    const again = async (errors: FieldErrors) => reply.page(<MemberPage {...(await pageProps(req))} member={member} errors={errors} values={form.ok ? echo(req.body) : form.values} />, 400);
    if (!form.ok) return again(form.errors);
    try {
      await memberService.updateMember(deps, { actor, council, id: member.id, input: form.data });
    } catch (err) {
      const errors = domainErrors(err, req.t);
      if (errors) return again(errors);
      throw err;
    }
    return reply.redirect(`/${council.slug}/werkruimte/leden/${member.id}?melding=opgeslagen`, 303);
  });

  for (const [slug, active] of [
    ['stoppen', false],
    ['activeren', true],
  ] as const) {
    app.post(`${WS}/leden/:id/${slug}`, manageMembers, async (req, reply) => {
      const council = councilOf(req);
      const actor = actorOf(req);
      const member = await memberService.getMember(deps, { actor, council, id: (req.params as Params).id });
      try {
        await memberService.setMemberActive(deps, { actor, council, id: member.id, active });
      } catch (err) {
        const errors = domainErrors(err, req.t);
        if (!errors) throw err;
        return reply.page(<MemberPage {...(await pageProps(req))} member={member} errors={errors} />, 400);
      }
      return reply.redirect(`/${council.slug}/werkruimte/leden/${member.id}?melding=${active ? 'actief' : 'gestopt'}`, 303);
    });
  }

  // ---------------------------------------------------------------- workspace: working groups
  const viewGroups = { preHandler: requireRight('workingGroups.view') };
  const manageGroups = { preHandler: requireRight('workingGroups.manage') };
  const groupPath = (slug: string, id: string, melding: string) => `/${slug}/werkruimte/werkgroepen/${id}?melding=${melding}`;

  const showGroups = async (req: FastifyRequest, reply: FastifyReply, again?: Again) => {
    const actor = actorOf(req);
    const groups = await groupService.listWorkingGroups(deps, { actor, council: councilOf(req) });
    return reply.page(<WorkingGroupsPage {...(await pageProps(req))} may={groupService.workingGroupsMay(actor)} groups={groups} {...again} />, again ? 400 : 200);
  };
  app.get(`${WS}/werkgroepen`, viewGroups, (req, reply) => showGroups(req, reply));
  app.post(`${WS}/werkgroepen`, manageGroups, (req, reply) =>
    runForm(req, reply, {
      schema: workingGroupSchema,
      run: (input) => groupService.createWorkingGroup(deps, { actor: actorOf(req), council: councilOf(req), input }),
      to: (id) => groupPath(councilOf(req).slug, id, 'aangemaakt'),
      again: (again) => showGroups(req, reply, again),
    }),
  );

  // The board's page to change a group; its lead reads it (members.groups.ts, mayOpenGroup).
  app.get(`${WS}/werkgroepen/:id`, viewGroups, async (req, reply) => {
    const council = councilOf(req);
    const actor = actorOf(req);
    const group = await groupService.getWorkingGroup(deps, { actor, council, id: (req.params as Params).id });
    const ctx = await req.pageCtx();
    // Other modules show what belongs to the group (the advice module: the group's advices).
    const related = await renderSlot('members.workingGroup.related', { deps, ctx, council, actor, id: group.id });
    return reply.page(<WorkingGroupPage ctx={ctx} council={council} actor={actor} group={group} related={related} notice={noticeOf(req, groupNotices)} />);
  });

  /** Shared shape of the working group's POST handlers: validate, call one use case, show errors or redirect. */
  function groupAction<T>(
    suffix: string,
    parse: (req: FastifyRequest) => ReturnType<typeof parseForm<T>>,
    run: (args: { req: FastifyRequest; id: string; data: T }) => Promise<unknown>,
    melding: string,
  ) {
    app.post(`${WS}/werkgroepen/:id${suffix}`, manageGroups, async (req, reply) => {
      const council = councilOf(req);
      const actor = actorOf(req);
      const { id } = req.params as Params;
      // Loading the group first: another council's id or a malformed one is a 404 before anything else.
      const group = await groupService.getWorkingGroup(deps, { actor, council, id });
      const form = parse(req);
      const again = async (errors: FieldErrors) => {
        const fresh = await groupService.getWorkingGroup(deps, { actor, council, id: group.id });
        const ctx = await req.pageCtx();
        const related = await renderSlot('members.workingGroup.related', { deps, ctx, council, actor, id: group.id });
        const ticked = (req.body as Record<string, unknown> | undefined)?.membershipId;
        const checked = (Array.isArray(ticked) ? ticked : [ticked]).filter((x): x is string => typeof x === 'string');
        return reply.page(
          <WorkingGroupPage ctx={ctx} council={council} actor={actor} group={fresh} related={related} errors={errors} values={form.ok ? echo(req.body) : form.values} checked={checked} />,
          400,
        );
      };
      if (!form.ok) return again(form.errors);
      try {
        await run({ req, id: group.id, data: form.data });
      } catch (err) {
        const errors = domainErrors(err, req.t);
        if (errors) return again(errors);
        throw err;
      }
      return reply.redirect(groupPath(council.slug, group.id, melding), 303);
    });
  }

  groupAction(
    '',
    (req) => parseForm(workingGroupSchema, req.body, req.t),
    ({ req, id, data }) => groupService.updateWorkingGroup(deps, { actor: actorOf(req), council: councilOf(req), id, input: data }),
    'opgeslagen',
  );
  groupAction(
    '/leden',
    (req) => parseForm(groupMemberSchema, req.body, req.t),
    ({ req, id, data }) => groupService.addGroupMembers(deps, { actor: actorOf(req), council: councilOf(req), id, membershipIds: data.membershipId }),
    'toegevoegd',
  );
  groupAction(
    '/trekker',
    (req) => parseForm(groupLeadSchema, req.body, req.t),
    ({ req, id, data }) => groupService.setGroupLead(deps, { actor: actorOf(req), council: councilOf(req), id, membershipId: data.lead || null }),
    'trekker',
  );

  // Taking someone out of a group asks first (issue 9): what it means for them.
  app.get(`${WS}/werkgroepen/:id/leden/:membershipId/verwijderen`, manageGroups, async (req, reply) => {
    const council = councilOf(req);
    const actor = actorOf(req);
    const { id, membershipId } = req.params as Params;
    const group = await groupService.getWorkingGroup(deps, { actor, council, id });
    const member = group.members.find((m) => m.id === membershipId) ?? notFound('member');
    return reply.page(<RemoveGroupMemberPage {...(await pageProps(req))} group={group} member={member} />);
  });
  app.post(`${WS}/werkgroepen/:id/leden/:membershipId/verwijderen`, manageGroups, async (req, reply) => {
    const council = councilOf(req);
    const { id, membershipId } = req.params as Params;
    await groupService.removeGroupMember(deps, { actor: actorOf(req), council, id, membershipId });
    return reply.redirect(groupPath(council.slug, id, 'verwijderd'), 303);
  });

  // ---------------------------------------------------------------- workspace: vacancies
  const manageVacancies = { preHandler: requireRight('vacancies.manage') };
  const vacancyPath = (slug: string, id: string, melding: string) => `/${slug}/werkruimte/vacatures/${id}?melding=${melding}`;

  app.get(`${WS}/vacatures`, manageVacancies, async (req, reply) => {
    const council = councilOf(req);
    const actor = actorOf(req);
    const vacancies = await vacancyService.listVacancies(deps, { actor, council });
    return reply.page(<VacanciesPage {...(await pageProps(req))} vacancies={vacancies} />);
  });

  formPage(app, `${WS}/vacatures/nieuw`, manageVacancies, {
    show: async (req, reply, again) => reply.page(<NewVacancyPage {...(await pageProps(req))} {...again} />, again ? 400 : 200),
    schema: vacancySchema,
    run: async (req, input) => vacancyPath(councilOf(req).slug, await vacancyService.createVacancy(deps, { actor: actorOf(req), council: councilOf(req), input }), 'aangemaakt'),
  });

  /** The vacancy of the address; an unknown one is a 404, whatever the form says. */
  const vacancyOf = (req: FastifyRequest) => vacancyService.getVacancy(deps, { actor: actorOf(req), council: councilOf(req), id: (req.params as Params).id });
  formPage(app, `${WS}/vacatures/:id`, manageVacancies, {
    show: async (req, reply, again) =>
      reply.page(<VacancyPage {...(await pageProps(req))} vacancy={await vacancyOf(req)} notice={again ? undefined : noticeOf(req, vacancyNotices)} {...again} />, again ? 400 : 200),
    schema: vacancySchema,
    run: async (req, input) => {
      const vacancy = await vacancyOf(req);
      await vacancyService.updateVacancy(deps, { actor: actorOf(req), council: councilOf(req), id: vacancy.id, input });
      return vacancyPath(councilOf(req).slug, vacancy.id, 'opgeslagen');
    },
  });

  app.post(`${WS}/vacatures/:id/status`, manageVacancies, async (req, reply) => {
    const council = councilOf(req);
    const actor = actorOf(req);
    const vacancy = await vacancyService.getVacancy(deps, { actor, council, id: (req.params as Params).id });
    const form = parseForm(vacancyStatusSchema, req.body, req.t);
    const again = async (errors: FieldErrors) => reply.page(<VacancyPage {...(await pageProps(req))} vacancy={vacancy} errors={errors} />, 400);
    if (!form.ok) return again({ status: form.errors.to ?? req.t('error.invalidChoice') });
    try {
      await vacancyService.changeVacancyStatus(deps, { actor, council, id: vacancy.id, to: form.data.to });
    } catch (err) {
      const errors = domainErrors(err, req.t);
      if (errors) return again(errors);
      throw err;
    }
    return reply.redirect(vacancyPath(council.slug, vacancy.id, form.data.to === 'published' ? 'gepubliceerd' : 'gesloten'), 303);
  });

  app.get(`${WS}/vacatures/:id/reacties`, { preHandler: requireRight('applications.read') }, async (req, reply) => {
    const council = councilOf(req);
    const actor = actorOf(req);
    const { vacancy, applications } = await vacancyService.listApplications(deps, { actor, council, vacancyId: (req.params as Params).id });
    return reply.page(<ApplicationsPage {...(await pageProps(req))} vacancy={vacancy} applications={applications} />);
  });
}
