/**
 * Consultations: expert meetings, consultation evenings, rounds of conversations and written
 * consultations. Invitations go to contacts with valid consent for invitations only, by e-mail
 * with an iCalendar invitation (METHOD:REQUEST) and the withdrawal link.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gte, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/index.ts';
import type { Deps } from '../../core/deps.ts';
import { assertCan, can, type Actor } from '../../core/policy.ts';
import { DomainError, notFound } from '../../core/errors.ts';
import { audit } from '../../core/audit/audit.ts';
import { findInCouncil } from '../../core/db/find.ts';
import { localToUtc } from '../../core/dates/amsterdam.ts';
import { addDays, todayInAmsterdam } from '../../core/dates/working-days.ts';
import { formatDate, translator } from '../../core/i18n/index.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { agendaItemRefs } from '../meetings/index.ts';
import type { ConsultationInput } from './network.forms.ts';
import { consentRefusal, consentsOf } from './network.organisations.ts';
import { invitees, queueInvitation, type CalendarEvent } from './network.invitations.ts';
import { consultationChangeRefusal, isOpenConsultation, siteOf } from './network.rules.ts';
import { consultationInvites, consultationOrganisations, consultations, experiences, networkContacts, networkOrganisations, type Consultation, type NetworkContact } from './network.schema.ts';

type Use = { actor: Actor | null; council: Council };

export function findConsultation(db: DbOrTx, council: Pick<Council, 'id'>, id: string, opts: { lock?: boolean } = {}) {
  return findInCouncil(db, consultations, council.id, id, opts);
}

/** The agenda item must be one of this council's (an id of another council is refused at the field). */
async function checkedAgendaItem(db: DbOrTx, councilId: string, id: string | null): Promise<string | null> {
  if (!id) return null;
  const [item] = await agendaItemRefs(db, councilId, { ids: [id] });
  if (!item) throw new DomainError('unknownAgendaItem', 'network.error.unknownAgendaItem', 'agendaItemId');
  return item.id;
}

export async function addConsultation(deps: Deps, args: Use & { input: ConsultationInput }): Promise<Consultation> {
  const { actor, council, input } = args;
  assertCan(actor, 'network.manage');
  const agendaItemId = await checkedAgendaItem(deps.db, council.id, input.agendaItemId);
  if (input.closesOn && input.closesOn < input.heldOn) throw new DomainError('closesBeforeHeld', 'network.error.closesBeforeHeld', 'closesOn');
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(consultations)
      .values({ councilId: council.id, ...input, agendaItemId, uid: `${randomUUID()}@raadwerk` })
      .returning();
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'consultation.added', entity: 'consultation', entityId: row!.id });
    return row!;
  });
}

/** What invited people need to hear about again: a new version of the invitation goes out. */
const invitationFields = ['heldOn', 'startTime', 'endTime', 'location'] as const;

/**
 * Changes a consultation while it is open (network.rules.ts, consultationChangeRefusal: once
 * experiences came in, kind, topic and the public form stay, and the closing date only moves
 * later). A new date, time or place raises the iCalendar SEQUENCE, and the invited contacts whose
 * consent for invitations still holds get the new version.
 */
export async function changeConsultation(deps: Deps, args: Use & { id: string; input: ConsultationInput }): Promise<void> {
  const { actor, council, input } = args;
  assertCan(actor, 'network.manage');
  const agendaItemId = await checkedAgendaItem(deps.db, council.id, input.agendaItemId);
  const today = todayInAmsterdam();
  await deps.db.transaction(async (tx) => {
    const c = (await findConsultation(tx, council, args.id, { lock: true })) ?? notFound('consultation');
    const [{ n }] = (await tx.select({ n: sql<number>`count(*)` }).from(experiences).where(eq(experiences.consultationId, c.id))) as [{ n: number }];
    const refusal = consultationChangeRefusal(c, input, { responses: Number(n), today });
    if (refusal) throw new DomainError('consultationLocked', refusal.key, refusal.field);
    const next = { ...input, agendaItemId };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== c[k]);
    if (!changed.length) return;
    const reinvite = invitationFields.some((k) => changed.includes(k));
    const [saved] = await tx
      .update(consultations)
      .set({ ...next, sequence: reinvite ? c.sequence + 1 : c.sequence, updatedAt: new Date() })
      .where(eq(consultations.id, c.id))
      .returning();
    if (reinvite) {
      const invited = await tx
        .select({ contact: networkContacts })
        .from(consultationInvites)
        .innerJoin(networkContacts, eq(networkContacts.id, consultationInvites.contactId))
        .where(eq(consultationInvites.consultationId, c.id));
      const consents = await consentsOf(
        tx,
        council.id,
        invited.map((i) => i.contact.id),
      );
      for (const { contact } of invited) {
        if (!consentRefusal(contact, consents.get(contact.id) ?? [], 'invitations', today)) await queueConsultationInvite(tx, deps, council, saved!, contact, 'network.invite.changedSubject');
      }
    }
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'consultation.changed', entity: 'consultation', entityId: c.id, data: { changed, reinvited: reinvite } });
  });
  deps.mailer.kick();
}

/** Who came (organisations among the invited ones, and a head count) and the short report. */
export async function recordOutcome(deps: Deps, args: Use & { id: string; attended: string[]; headCount: number | null; report: string }): Promise<void> {
  const { actor, council } = args;
  assertCan(actor, 'network.manage');
  await deps.db.transaction(async (tx) => {
    const c = (await findConsultation(tx, council, args.id, { lock: true })) ?? notFound('consultation');
    const invited = await tx.select({ organisationId: consultationOrganisations.organisationId }).from(consultationOrganisations).where(eq(consultationOrganisations.consultationId, c.id));
    const known = new Set(invited.map((i) => i.organisationId));
    if (args.attended.some((id) => !known.has(id))) throw new DomainError('notInvited', 'network.error.notInvited', 'attended');
    await tx.update(consultationOrganisations).set({ attended: false }).where(eq(consultationOrganisations.consultationId, c.id));
    if (args.attended.length) {
      await tx
        .update(consultationOrganisations)
        .set({ attended: true })
        .where(and(eq(consultationOrganisations.consultationId, c.id), inArray(consultationOrganisations.organisationId, args.attended)));
    }
    await tx.update(consultations).set({ headCount: args.headCount, report: args.report, updatedAt: new Date() }).where(eq(consultations.id, c.id));
    await audit(tx, {
      councilId: council.id,
      actorUserId: actor.userId,
      action: 'consultation.outcomeRecorded',
      entity: 'consultation',
      entityId: c.id,
      data: { attended: args.attended.length, headCount: args.headCount },
    });
  });
}

// ------------------------------------------------------------------ invitations

/** The consultation as an event for the calendar: timed in UTC, or a whole day without times. */
function eventOf(c: Consultation, url: string): CalendarEvent {
  const timed = c.startTime !== '' && c.endTime !== '';
  return {
    uid: c.uid,
    sequence: c.sequence,
    title: c.topic,
    start: timed ? localToUtc(c.heldOn, c.startTime) : new Date(`${c.heldOn}T00:00:00Z`),
    end: timed ? localToUtc(c.heldOn, c.endTime) : new Date(`${addDays(c.heldOn, 1)}T00:00:00Z`),
    allDay: !timed,
    location: c.location,
    url,
  };
}

/** One invitation (or its new version, `subject` says which) with the iCalendar REQUEST and the withdrawal link. */
function queueConsultationInvite(tx: DbOrTx, deps: Deps, council: Council, c: Consultation, contact: NetworkContact, subject: 'network.invite.subject' | 'network.invite.changedSubject') {
  const t = translator('nl');
  return queueInvitation(tx, deps, council, contact, {
    event: eventOf(c, siteOf(deps.config, council)),
    subject: t(subject, { topic: c.topic, council: council.name }),
    body: (p) =>
      t('network.invite.body', {
        ...p,
        council: council.name,
        kind: t(`network.kind.${c.kind}`).toLowerCase(),
        topic: c.topic,
        when: `${formatDate(c.heldOn, 'nl')}${c.startTime ? `, ${c.startTime}-${c.endTime}` : ''}`,
        where: c.location || '-',
      }),
  });
}

/**
 * Invites these contacts. Every contact must be this council's and have valid consent for
 * invitations today; otherwise nothing is sent and the refusal names the first contact and why.
 * A contact already invited is not invited twice. Returns how many mails were queued.
 */
export async function inviteContacts(deps: Deps, args: Use & { id: string; contactIds: string[] }): Promise<number> {
  const { actor, council } = args;
  assertCan(actor, 'network.manage');
  const sent = await deps.db.transaction(async (tx) => {
    const c = (await findConsultation(tx, council, args.id, { lock: true })) ?? notFound('consultation');
    const rows = await invitees(tx, deps, council.id, args.contactIds);
    const already = new Set((await tx.select({ id: consultationInvites.contactId }).from(consultationInvites).where(eq(consultationInvites.consultationId, c.id))).map((x) => x.id));
    const fresh = rows.filter((r) => !already.has(r.contact.id));
    if (!fresh.length) return 0;
    await tx.insert(consultationInvites).values(fresh.map((r) => ({ councilId: council.id, consultationId: c.id, contactId: r.contact.id })));
    await tx
      .insert(consultationOrganisations)
      .values([...new Set(fresh.map((r) => r.contact.organisationId))].map((organisationId) => ({ councilId: council.id, consultationId: c.id, organisationId })))
      .onConflictDoNothing();
    for (const r of fresh) await queueConsultationInvite(tx, deps, council, c, r.contact, 'network.invite.subject');
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'consultation.invited', entity: 'consultation', entityId: c.id, data: { contacts: fresh.length } });
    return fresh.length;
  });
  deps.mailer.kick();
  return sent;
}

// ------------------------------------------------------------------ reading

export type ConsultationRow = Consultation & { organisations: number; experiences: number };

/** The outer row's id, qualified: inside a subquery a bare "id" would name the subquery's own table. */
const outerId = sql.raw('"consultations"."id"');

/** The council's consultations, newest first, with how many organisations were invited and how many experiences came from it. */
export async function listConsultations(db: DbOrTx, council: Pick<Council, 'id'>, opts: { publicOnly?: boolean; limit?: number } = {}): Promise<ConsultationRow[]> {
  const where = [eq(consultations.councilId, council.id)];
  if (opts.publicOnly) where.push(eq(consultations.isPublic, true));
  const rows = await db
    .select({
      c: consultations,
      organisations: sql<number>`(select count(*) from ${consultationOrganisations} o where o.consultation_id = ${outerId})`,
      experiences: sql<number>`(select count(*) from ${experiences} e where e.consultation_id = ${outerId})`,
    })
    .from(consultations)
    .where(and(...where))
    .orderBy(desc(consultations.heldOn), desc(consultations.createdAt))
    .limit(opts.limit ?? 500);
  return rows.map((r) => ({ ...r.c, organisations: Number(r.organisations), experiences: Number(r.experiences) }));
}

/** Public consultations still open for experiences through the public form. */
export async function openPublicConsultations(db: DbOrTx, councilId: string, today = todayInAmsterdam()) {
  return db
    .select()
    .from(consultations)
    .where(and(eq(consultations.councilId, councilId), eq(consultations.isPublic, true), isNotNull(consultations.closesOn), gte(consultations.closesOn, today)))
    .orderBy(asc(consultations.closesOn));
}

export async function getConsultation(deps: Deps, args: Use & { id: string }) {
  const { actor, council } = args;
  assertCan(actor, 'network.view');
  const c = (await findConsultation(deps.db, council, args.id)) ?? notFound('consultation');
  const [orgs, invites, item] = await Promise.all([
    deps.db
      .select({ id: networkOrganisations.id, name: networkOrganisations.name, attended: consultationOrganisations.attended })
      .from(consultationOrganisations)
      .innerJoin(networkOrganisations, eq(networkOrganisations.id, consultationOrganisations.organisationId))
      .where(eq(consultationOrganisations.consultationId, c.id))
      .orderBy(asc(networkOrganisations.nameKey)),
    deps.db.select({ contactId: consultationInvites.contactId }).from(consultationInvites).where(eq(consultationInvites.consultationId, c.id)),
    c.agendaItemId ? agendaItemRefs(deps.db, council.id, { ids: [c.agendaItemId] }) : Promise.resolve([]),
  ]);
  return {
    consultation: c,
    organisations: orgs,
    invited: invites.map((i) => i.contactId),
    agendaItem: item[0] ?? null,
    may: { manage: can(actor, 'network.manage'), change: can(actor, 'network.manage') && isOpenConsultation(c, todayInAmsterdam()), record: can(actor, 'network.record') },
  };
}
export type ConsultationDetail = Awaited<ReturnType<typeof getConsultation>>;

/** Agenda items a consultation may be linked to: of meetings from a month ago on. */
export function agendaChoices(db: DbOrTx, councilId: string) {
  return agendaItemRefs(db, councilId, { from: new Date(Date.now() - 31 * 86_400_000) });
}
