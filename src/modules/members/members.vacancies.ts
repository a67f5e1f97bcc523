/**
 * Vacancies: the public pages and applications, the board's pages to write, publish and close a
 * vacancy, and the retention of applications (they hold residents' personal data, sealed at rest).
 */
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { DomainError, TooFastError, filledTooFast, notFound } from '../../core/errors.ts';
import { runStateChange } from '../../core/state-change.ts';
import type { Db, DbOrTx } from '../../core/db/index.ts';
import type { Deps } from '../../core/deps.ts';
import { assertCan, can, type Actor } from '../../core/policy.ts';
import { audit } from '../../core/audit/audit.ts';
import { isUuid } from '../../core/http/forms.ts';
import { translator, type Locale } from '../../core/i18n/index.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { todayInAmsterdam } from '../../core/dates/working-days.ts';
import { open as openSealed, seal as sealWith } from '../../core/crypto.ts';
import { vacancies, vacancyApplications } from './members.schema.ts';
import type { ApplicationInput, VacancyInput } from './members.forms.ts';
import { canTransition, closingDateAllowed, isOpenToPublic, vacancyStep, type VacancyStatus } from './members.workflow.ts';
import { findInCouncil } from '../../core/db/find.ts';

/** Applications hold residents' personal data: encrypted at rest. */
const seal = (key: string, plain: string) => sealWith(key, 'applications', plain);
const open = (key: string, sealed: string) => openSealed(key, 'applications', sealed);

// ------------------------------------------------------------------ public site

export type Vacancy = typeof vacancies.$inferSelect;

export async function listPublicVacancies(db: DbOrTx, council: Council): Promise<Vacancy[]> {
  const rows = await db
    .select()
    .from(vacancies)
    .where(and(eq(vacancies.councilId, council.id), eq(vacancies.status, 'published')))
    .orderBy(sql`${vacancies.closesOn} asc nulls last`, asc(vacancies.title));
  const today = todayInAmsterdam();
  return rows.filter((v) => isOpenToPublic(v, today));
}

/** A vacancy the public may see; drafts, closed ones, past closing date and other councils' ids: 404. */
export async function getPublicVacancy(db: DbOrTx, council: Council, id: string): Promise<Vacancy> {
  const v = await findVacancy(db, council, id);
  if (!v || !isOpenToPublic(v, todayInAmsterdam())) notFound('vacancy');
  return v;
}

function findVacancy(db: DbOrTx, council: Council, id: string): Promise<Vacancy | null> {
  return findInCouncil(db, vacancies, council.id, id);
}

/**
 * A resident applies. The application is stored encrypted; the council gets a notice without
 * personal data (it reads the application in the workspace), the applicant an acknowledgement.
 */
export async function submitApplication(deps: Deps, args: { council: Council; vacancyId: string; input: ApplicationInput; formIssuedAt: number | null; locale: Locale }): Promise<void> {
  const { council, input } = args;
  if (filledTooFast(args.formIssuedAt)) throw new TooFastError();
  await deps.db.transaction(async (tx) => {
    // Checked inside the transaction, so a vacancy closed a moment ago gets no application.
    const vacancy = await getPublicVacancy(tx, council, args.vacancyId);
    const [row] = await tx
      .insert(vacancyApplications)
      .values({
        councilId: council.id,
        vacancyId: vacancy.id,
        ...sealApplication(deps.secretKey, input),
      })
      .returning({ id: vacancyApplications.id });
    const nl = translator('nl');
    await deps.mailer.queue(tx, {
      councilId: council.id,
      to: council.contactEmail,
      subject: nl('members.apply.mailCouncil.subject', { title: vacancy.title }),
      body: nl('members.apply.mailCouncil.body', {
        council: council.name,
        title: vacancy.title,
        link: `${deps.config.baseUrl}/${council.slug}/werkruimte/vacatures/${vacancy.id}/reacties`,
      }),
    });
    const t = translator(args.locale);
    await deps.mailer.queue(tx, {
      councilId: council.id,
      to: input.email,
      replyTo: council.contactEmail,
      subject: t('members.apply.mailApplicant.subject', { council: council.name }),
      body: t('members.apply.mailApplicant.body', { name: input.name, council: council.name, title: vacancy.title, contact: council.contactEmail }),
    });
    await audit(tx, {
      councilId: council.id,
      actorUserId: null,
      action: 'vacancyApplication.received',
      entity: 'vacancy_application',
      entityId: row!.id,
      data: { vacancyId: vacancy.id },
    });
  });
  deps.mailer.kick();
}

// ------------------------------------------------------------------ vacancies (workspace)

export type VacancyRow = Vacancy & { applications: number };

export async function listVacancies(deps: Deps, args: { actor: Actor | null; council: Council }): Promise<VacancyRow[]> {
  assertCan(args.actor, 'vacancies.manage');
  const { council } = args;
  const rows = await deps.db
    .select()
    .from(vacancies)
    .where(eq(vacancies.councilId, council.id))
    .orderBy(sql`case ${vacancies.status} when 'published' then 0 when 'draft' then 1 else 2 end`, asc(vacancies.title));
  const counts = await deps.db
    .select({ vacancyId: vacancyApplications.vacancyId, n: count() })
    .from(vacancyApplications)
    .where(eq(vacancyApplications.councilId, council.id))
    .groupBy(vacancyApplications.vacancyId);
  return rows.map((v) => ({ ...v, applications: counts.find((c) => c.vacancyId === v.id)?.n ?? 0 }));
}

/** What the actor may do with one vacancy now: its status steps, and reading the applications. */
export type VacancyMay = { publish: boolean; close: boolean; readApplications: boolean };

export async function getVacancy(deps: Deps, args: { actor: Actor | null; council: Council; id: string }): Promise<VacancyRow & { may: VacancyMay }> {
  assertCan(args.actor, 'vacancies.manage');
  const v = (await findVacancy(deps.db, args.council, args.id)) ?? notFound('vacancy');
  const [c] = await deps.db
    .select({ n: count() })
    .from(vacancyApplications)
    .where(and(eq(vacancyApplications.councilId, args.council.id), eq(vacancyApplications.vacancyId, v.id)));
  const may = {
    publish: canTransition(v.status, 'published'),
    close: canTransition(v.status, 'closed'),
    readApplications: can(args.actor, 'applications.read'),
  };
  return { ...v, applications: c?.n ?? 0, may };
}

function checkClosingDate(closesOn: string | null, previous: string | null) {
  // A date in the past is refused, unless it is the date that was already there.
  if (closesOn !== null && closesOn !== previous && !closingDateAllowed(closesOn, todayInAmsterdam())) {
    throw new DomainError('closesInPast', 'members.vacancy.closesInPast', 'closesOn');
  }
}

export async function createVacancy(deps: Deps, args: { actor: Actor | null; council: Council; input: VacancyInput }): Promise<string> {
  const { actor, council, input } = args;
  assertCan(actor, 'vacancies.manage');
  checkClosingDate(input.closesOn, null);
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(vacancies)
      .values({ councilId: council.id, ...input, status: 'draft' })
      .returning({ id: vacancies.id });
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'vacancy.created', entity: 'vacancy', entityId: row!.id, to: 'draft' });
    return row!.id;
  });
}

export async function updateVacancy(deps: Deps, args: { actor: Actor | null; council: Council; id: string; input: VacancyInput }): Promise<void> {
  const { actor, council, input } = args;
  assertCan(actor, 'vacancies.manage');
  await deps.db.transaction(async (tx) => {
    const v = (await findVacancy(tx, council, args.id)) ?? notFound('vacancy');
    checkClosingDate(input.closesOn, v.closesOn);
    const fields = (['title', 'description', 'profile', 'hoursPerMonth', 'closesOn'] as const).filter((k) => v[k] !== input[k]);
    if (fields.length === 0) return;
    await tx
      .update(vacancies)
      .set(input)
      .where(and(eq(vacancies.id, v.id), eq(vacancies.councilId, council.id)));
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'vacancy.updated', entity: 'vacancy', entityId: v.id, data: { fields } });
  });
}

/** Publishes, closes or reopens a vacancy: a step of the vacancy state machine (core/state-change.ts). */
export async function changeVacancyStatus(deps: Deps, args: { actor: Actor | null; council: Council; id: string; to: VacancyStatus }): Promise<void> {
  const { council, to } = args;
  const today = todayInAmsterdam();
  await runStateChange(deps, {
    actor: args.actor,
    may: 'vacancies.manage',
    entity: 'vacancy',
    load: async (tx) =>
      isUuid(args.id)
        ? ((
            await tx
              .select()
              .from(vacancies)
              .where(and(eq(vacancies.id, args.id), eq(vacancies.councilId, council.id)))
              .for('update')
          )[0] ?? null)
        : null,
    state: (v) => v.status,
    check: (_state, v) => vacancyStep(v, to, today),
    refused: (reason) => ({
      key: reason === 'closingDatePassed' ? 'members.vacancy.closingDatePassed' : 'members.vacancy.transitionNotAllowed',
      field: 'status',
    }),
    save: async (tx, v, next) =>
      (
        await tx
          .update(vacancies)
          .set({
            status: next,
            publishedAt: next === 'published' ? (v.publishedAt ?? new Date()) : v.publishedAt,
            closedAt: next === 'closed' ? new Date() : null,
          })
          .where(and(eq(vacancies.id, v.id), eq(vacancies.councilId, council.id)))
          .returning()
      )[0]!,
    audit: { councilId: council.id, action: to === 'closed' ? 'vacancy.closed' : 'vacancy.published', entityId: (v) => v.id },
  });
}

/** The privacy statement promises: applications are kept until 4 weeks after the procedure ends. */
const APPLICATION_RETENTION_DAYS = 28;

/**
 * Removes the applications of vacancies closed more than the retention period ago, with an
 * audit entry per vacancy saying how many went. Idempotent, so every instance may run it.
 */
export async function purgeExpiredApplications(db: Db, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - APPLICATION_RETENTION_DAYS * 24 * 3600 * 1000);
  return db.transaction(async (tx) => {
    const removed = await tx
      .delete(vacancyApplications)
      .where(
        inArray(
          vacancyApplications.vacancyId,
          tx
            .select({ id: vacancies.id })
            .from(vacancies)
            .where(and(eq(vacancies.status, 'closed'), sql`${vacancies.closedAt} < ${before}`)),
        ),
      )
      .returning({ councilId: vacancyApplications.councilId, vacancyId: vacancyApplications.vacancyId });
    const perVacancy = new Map<string, { councilId: string; n: number }>();
    for (const r of removed) {
      const e = perVacancy.get(r.vacancyId) ?? { councilId: r.councilId, n: 0 };
      e.n++;
      perVacancy.set(r.vacancyId, e);
    }
    for (const [vacancyId, e] of perVacancy) {
      await audit(tx, {
        councilId: e.councilId,
        actorUserId: null,
        action: 'vacancy.applicationsRemoved',
        entity: 'vacancy',
        entityId: vacancyId,
        data: { removed: e.n },
      });
    }
    return removed.length;
  });
}

/** Applications are personal data: every field is sealed at rest. */
export function sealApplication(secretKey: string, a: { name: string; email: string; phone?: string; motivation: string }) {
  return { name: seal(secretKey, a.name), email: seal(secretKey, a.email), phone: seal(secretKey, a.phone ?? ''), motivation: seal(secretKey, a.motivation) };
}

export type ApplicationRow = { id: string; name: string; email: string; phone: string; motivation: string; createdAt: Date };

/** Applications are personal data: only chair and secretary read them, and every read is logged. */
export async function listApplications(deps: Deps, args: { actor: Actor | null; council: Council; vacancyId: string }): Promise<{ vacancy: Vacancy; applications: ApplicationRow[] }> {
  const { actor, council } = args;
  assertCan(actor, 'applications.read');
  return deps.db.transaction(async (tx) => {
    const vacancy = (await findVacancy(tx, council, args.vacancyId)) ?? notFound('vacancy');
    const rows = await tx
      .select()
      .from(vacancyApplications)
      .where(and(eq(vacancyApplications.councilId, council.id), eq(vacancyApplications.vacancyId, vacancy.id)))
      .orderBy(asc(vacancyApplications.createdAt));
    const unseal = (v: string) => open(deps.secretKey, v) ?? '';
    await audit(tx, {
      councilId: council.id,
      actorUserId: actor.userId,
      action: 'vacancy.applicationsRead',
      entity: 'vacancy',
      entityId: vacancy.id,
      data: { applicationIds: rows.map((r) => r.id) },
    });
    return {
      vacancy,
      applications: rows.map((r) => ({
        id: r.id,
        name: unseal(r.name),
        email: unseal(r.email),
        phone: unseal(r.phone),
        motivation: unseal(r.motivation),
        createdAt: r.createdAt,
      })),
    };
  });
}
