/**
 * Shared experiences (issue 16): a party shares a consultation it held (a joint conversation round
 * with clients) with the agreement; the other parties see its experiences, without personal
 * details (the network module's read), while the agreement is in force. Every such read is audited
 * in the owner's log.
 */
import { asc, eq } from 'drizzle-orm';
import type { Deps } from '../../core/deps.ts';
import { audit } from '../../core/audit/audit.ts';
import { DomainError, notFound } from '../../core/errors.ts';
import { assertCan, type Actor } from '../../core/policy.ts';
import { councils, type Council } from '../../core/organisations.schema.ts';
import { experiencesOfConsultation, listConsultations, type ExperienceView } from '../network/index.ts';
import { sharedConsultations } from './cooperation.schema.ts';
import { findForParty, type AgreementDetail } from './cooperation.queries.ts';

/** Shares one of this organisation's consultations with the agreement. */
export async function shareConsultation(deps: Deps, args: { actor: Actor | null; council: Council; id: string; consultationId: string }): Promise<void> {
  const { actor, council } = args;
  assertCan(actor, 'cooperation.manage');
  const a = (await findForParty(deps.db, council.id, args.id)) ?? notFound('agreement');
  if (a.state === 'draft' || a.state === 'ended') throw new DomainError('notAllowedFromState', 'cooperation.error.dossierState', 'consultationId');
  const consultation = (await listConsultations(deps.db, council)).find((c) => c.id === args.consultationId);
  if (!consultation) throw new DomainError('consultation', 'cooperation.error.consultation', 'consultationId');
  await deps.db.transaction(async (tx) => {
    await tx.insert(sharedConsultations).values({ councilId: council.id, agreementId: a.id, consultationId: consultation.id, topic: consultation.topic, sharedBy: actor.userId }).onConflictDoNothing();
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'consultation.shared', entity: 'agreement', entityId: a.id, data: { consultationId: consultation.id } });
  });
}

export type SharedConsultationView = { id: string; topic: string; sharedByName: string; own: boolean; experiences: ExperienceView[] };

/** The shared consultations with their experiences as the actor may read them now (a partner's: while in force; audited). */
export async function consultationsFor(deps: Deps, args: { actor: Actor; council: Council; detail: AgreementDetail }): Promise<SharedConsultationView[]> {
  const { actor, council, detail } = args;
  const rows = await deps.db
    .select({ id: sharedConsultations.id, councilId: sharedConsultations.councilId, consultationId: sharedConsultations.consultationId, topic: sharedConsultations.topic, sharedByName: councils.name })
    .from(sharedConsultations)
    .innerJoin(councils, eq(councils.id, sharedConsultations.councilId))
    .where(eq(sharedConsultations.agreementId, detail.agreement.id))
    .orderBy(asc(sharedConsultations.createdAt));
  const out: SharedConsultationView[] = [];
  for (const r of rows) {
    const own = r.councilId === council.id;
    const readable = own || detail.inForce;
    const experiences = readable ? await experiencesOfConsultation(deps.db, r.councilId, r.consultationId) : [];
    if (!own && readable) {
      await audit(deps.db, {
        councilId: r.councilId,
        actorUserId: actor.userId,
        action: 'consultation.readByPartner',
        entity: 'agreement',
        entityId: detail.agreement.id,
        data: { consultationId: r.consultationId, readerCouncilId: council.id },
      });
    }
    out.push({ id: r.id, topic: r.topic, sharedByName: r.sharedByName, own, experiences });
  }
  return out;
}

/** This organisation's consultations that it may share (for the form). */
export async function ownConsultations(deps: Deps, council: Council) {
  return (await listConsultations(deps.db, council)).map((c) => ({ id: c.id, topic: c.topic }));
}
