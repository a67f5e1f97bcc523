/**
 * Collected experiences (ervaringen), handled like signals: special-category data, the text kept
 * minimal and apart from the contact details, which are sealed; every read of those details is
 * logged; they go when nobody needs them any more (retention job) or on request.
 */
import { and, asc, desc, eq, inArray, isNotNull, isNull, or } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/index.ts';
import { readAlone, type Read } from '../../core/read-together.ts';
import type { Deps } from '../../core/deps.ts';
import { assertCan, can, type Actor } from '../../core/policy.ts';
import { DomainError, notFound } from '../../core/errors.ts';
import { audit } from '../../core/audit/audit.ts';
import { open, seal } from '../../core/crypto.ts';
import { findInCouncil } from '../../core/db/find.ts';
import { todayInAmsterdam } from '../../core/dates/working-days.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { adviceRefs } from '../advice/index.ts';
import type { ExperienceInput } from './network.forms.ts';
import { EXPERIENCE_CONTACT_PURPOSE } from './network.rules.ts';
import { sendFeedback } from './network.feedback.ts';
import { findConsultation } from './network.consultations.ts';
import { consultations, experienceContacts, experiences, networkAccessLog, networkSettings, type Experience, type ExperienceSource } from './network.schema.ts';
import { notErased } from '../../core/db/queries.ts';

type Use = { actor: Actor | null; council: Council };

/** An experience as members and other modules see it: no personal details. */
export type ExperienceView = Pick<Experience, 'id' | 'text' | 'policyField' | 'targetGroup' | 'area' | 'source' | 'consultationId' | 'adviceId' | 'createdAt'> & {
  consultationTopic: string | null;
  hasContact: boolean;
};

const viewColumns = {
  id: experiences.id,
  text: experiences.text,
  policyField: experiences.policyField,
  targetGroup: experiences.targetGroup,
  area: experiences.area,
  source: experiences.source,
  consultationId: experiences.consultationId,
  adviceId: experiences.adviceId,
  createdAt: experiences.createdAt,
  consultationTopic: consultations.topic,
  contactAt: experienceContacts.createdAt,
  contactErasedAt: experienceContacts.erasedAt,
};

async function views(db: DbOrTx, where: ReturnType<typeof and>, limit = 1000, read: Read = readAlone): Promise<ExperienceView[]> {
  const rows = await read(
    db
      .select(viewColumns)
      .from(experiences)
      .leftJoin(consultations, eq(consultations.id, experiences.consultationId))
      .leftJoin(experienceContacts, eq(experienceContacts.experienceId, experiences.id))
      .where(and(where, isNull(experiences.erasedAt)))
      .orderBy(desc(experiences.createdAt))
      .limit(limit),
  );
  return rows.map(({ contactAt, contactErasedAt, ...r }) => ({ ...r, hasContact: contactAt !== null && contactErasedAt === null }));
}

/** The council's experiences, newest first, without personal details; `adviceId` / `consultationId` narrow the list. */
export function listExperiences(db: DbOrTx, councilId: string, opts: { adviceId?: string; consultationId?: string; limit?: number; read?: Read } = {}): Promise<ExperienceView[]> {
  const where = [eq(experiences.councilId, councilId)];
  if (opts.adviceId) where.push(eq(experiences.adviceId, opts.adviceId));
  if (opts.consultationId) where.push(eq(experiences.consultationId, opts.consultationId));
  return views(db, and(...where), opts.limit, opts.read);
}

/** The experiences collected in one consultation, without personal details. */
export function experiencesOfConsultation(db: DbOrTx, councilId: string, consultationId: string): Promise<ExperienceView[]> {
  return listExperiences(db, councilId, { consultationId });
}

type Contributor = { name: string; email: string; wantsFeedback: boolean };

async function store(deps: Deps, tx: DbOrTx, args: { council: Council; actor: Actor | null; input: ExperienceInput; source: ExperienceSource; contributor: Contributor }): Promise<Experience> {
  const { council, input, contributor } = args;
  const [row] = await tx
    .insert(experiences)
    .values({
      councilId: council.id,
      text: input.text,
      policyField: input.policyField ?? null,
      targetGroup: input.targetGroup,
      area: input.area,
      source: args.source,
      consultationId: input.consultationId,
      wantsFeedback: contributor.wantsFeedback && contributor.email !== '',
      recordedByUserId: args.actor?.userId ?? null,
    })
    .returning();
  if (contributor.name || contributor.email) {
    const sealed = (v: string) => (v ? seal(deps.secretKey, EXPERIENCE_CONTACT_PURPOSE, v) : null);
    await tx.insert(experienceContacts).values({ experienceId: row!.id, councilId: council.id, nameSealed: sealed(contributor.name), emailSealed: sealed(contributor.email) });
  }
  await audit(tx, { councilId: council.id, actorUserId: args.actor?.userId ?? null, action: 'experience.recorded', entity: 'experience', entityId: row!.id, data: { source: args.source } });
  return row!;
}

/** A member records an experience heard in a consultation or elsewhere. */
export async function recordExperience(deps: Deps, args: Use & { input: ExperienceInput }): Promise<Experience> {
  const { actor, council, input } = args;
  assertCan(actor, 'network.record');
  if (input.consultationId && !(await findConsultation(deps.db, council, input.consultationId))) throw new DomainError('unknownConsultation', 'network.error.unknownConsultation', 'consultationId');
  return deps.db.transaction((tx) =>
    store(deps, tx, { council, actor, input, source: input.consultationId ? 'consultation' : 'recorded', contributor: { name: input.name, email: input.email, wantsFeedback: input.wantsFeedback } }),
  );
}

/** Why the public form does not take an experience for this consultation now; null when it does. */
export async function formClosedFor(db: DbOrTx, council: Council, consultationId: string | null, today = todayInAmsterdam()): Promise<'unknown' | 'closed' | null> {
  if (!consultationId) return null;
  const c = await findConsultation(db, council, consultationId);
  if (!c?.isPublic) return 'unknown';
  return c.closesOn === null || c.closesOn < today ? 'closed' : null;
}

/** An experience shared through the public form (no account). */
export async function submitExperience(deps: Deps, args: { council: Council; input: ExperienceInput }): Promise<Experience> {
  const { council, input } = args;
  const closed = await formClosedFor(deps.db, council, input.consultationId);
  if (closed)
    throw new DomainError(
      closed === 'closed' ? 'consultationClosed' : 'unknownConsultation',
      closed === 'closed' ? 'network.error.consultationClosed' : 'network.error.unknownConsultation',
      'consultationId',
    );
  return deps.db.transaction((tx) => store(deps, tx, { council, actor: null, input, source: 'form', contributor: { name: input.name, email: input.email, wantsFeedback: input.wantsFeedback } }));
}

export function findExperience(db: DbOrTx, council: Pick<Council, 'id'>, id: string, opts: { lock?: boolean } = {}) {
  return findInCouncil(db, experiences, council.id, id, opts);
}

export async function getExperience(deps: Deps, args: Use & { id: string }) {
  const { actor, council } = args;
  assertCan(actor, 'network.view');
  const e = (await findExperience(deps.db, council, args.id)) ?? notFound('experience');
  const [view] = await views(deps.db, and(eq(experiences.councilId, council.id), eq(experiences.id, e.id)));
  const [advice] = e.adviceId ? await adviceRefs(deps.db, council, { ids: [e.adviceId] }) : [];
  return {
    experience: e,
    view: view ?? null,
    advice: advice ?? null,
    may: { link: can(actor, 'network.manage'), contact: can(actor, 'network.contacts') },
  };
}

/** The contributor's details, for the chair or secretary; the read is logged first. */
export async function viewExperienceContact(deps: Deps, args: Use & { id: string }): Promise<{ name: string | null; email: string | null; erased: boolean } | null> {
  const { actor, council } = args;
  assertCan(actor, 'network.contacts');
  return deps.db.transaction(async (tx) => {
    const e = (await findExperience(tx, council, args.id)) ?? notFound('experience');
    const [row] = await tx.select().from(experienceContacts).where(eq(experienceContacts.experienceId, e.id));
    await tx.insert(networkAccessLog).values({ councilId: council.id, experienceId: e.id, userId: actor.userId, kind: 'view_experience_contact' });
    if (!row) return null;
    return { name: open(deps.secretKey, EXPERIENCE_CONTACT_PURPOSE, row.nameSealed), email: open(deps.secretKey, EXPERIENCE_CONTACT_PURPOSE, row.emailSealed), erased: row.erasedAt !== null };
  });
}

/** On request: text and contact details go now; the record that it existed stays (counts). */
export async function eraseExperience(deps: Deps, args: Use & { id: string }): Promise<void> {
  const { actor, council } = args;
  assertCan(actor, 'network.contacts');
  await deps.db.transaction(async (tx) => {
    const e = await notErased(findExperience(tx, council, args.id, { lock: true }), 'experience', 'network.error.alreadyErased');
    const now = new Date();
    await tx.update(experiences).set({ text: '', targetGroup: '', area: '', wantsFeedback: false, erasedAt: now }).where(eq(experiences.id, e.id));
    await tx.update(experienceContacts).set({ nameSealed: null, emailSealed: null, erasedAt: now }).where(eq(experienceContacts.experienceId, e.id));
    await tx.insert(networkAccessLog).values({ councilId: council.id, experienceId: e.id, userId: actor.userId, kind: 'erase' });
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'experience.erased', entity: 'experience', entityId: e.id });
  });
}

/** Links an experience to an advice of this council (or unlinks it with null). */
export async function linkToAdvice(deps: Deps, args: Use & { id: string; adviceId: string | null }): Promise<void> {
  const { actor, council } = args;
  assertCan(actor, 'network.manage');
  await deps.db.transaction(async (tx) => {
    const e = (await findExperience(tx, council, args.id, { lock: true })) ?? notFound('experience');
    if (args.adviceId && !(await adviceRefs(tx, council, { ids: [args.adviceId] })).length) throw new DomainError('unknownAdvice', 'network.error.unknownAdvice', 'adviceId');
    await tx.update(experiences).set({ adviceId: args.adviceId }).where(eq(experiences.id, e.id));
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'experience.linked', entity: 'experience', entityId: e.id, data: { adviceId: args.adviceId } });
  });
  // Linked to an advice the college already answered: the contributor hears back now.
  if (args.adviceId) await sendFeedback(deps, { councilId: council.id, adviceId: args.adviceId });
}

// ------------------------------------------------------------------ retention

const MONTH_MS = 30.44 * 86_400_000;

/**
 * Contact details nobody needs any more: past the council's retention period and either without a
 * wish to hear back or with the feedback sent. Idempotent; works from the dates.
 */
export async function runExperienceRetention(deps: Deps, now = new Date()): Promise<number> {
  const due = await deps.db
    .select({ id: experienceContacts.experienceId, createdAt: experienceContacts.createdAt, months: networkSettings.experienceContactMonths })
    .from(experienceContacts)
    .innerJoin(experiences, eq(experiences.id, experienceContacts.experienceId))
    .leftJoin(networkSettings, eq(networkSettings.councilId, experienceContacts.councilId))
    .where(and(isNull(experienceContacts.erasedAt), or(eq(experiences.wantsFeedback, false), isNotNull(experiences.feedbackSentAt))))
    .orderBy(asc(experienceContacts.createdAt));
  const expired = due.filter((d) => d.createdAt.getTime() < now.getTime() - (d.months ?? 24) * MONTH_MS).map((d) => d.id);
  if (!expired.length) return 0;
  await deps.db.update(experienceContacts).set({ nameSealed: null, emailSealed: null, erasedAt: now }).where(inArray(experienceContacts.experienceId, expired));
  return expired.length;
}
