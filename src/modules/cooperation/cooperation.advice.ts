/**
 * Each party advises its own addressee (issue 16): from an agreement, a party's board starts an
 * unsolicited advice in its own organisation only (to the college, or to the care organisation's
 * board) and records what it drew on from the cooperation; the advice page shows it (slot).
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Deps } from '../../core/deps.ts';
import type { DbOrTx } from '../../core/db/index.ts';
import { audit } from '../../core/audit/audit.ts';
import { DomainError, notFound } from '../../core/errors.ts';
import { assertCan, type Actor } from '../../core/policy.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { initiateAdvice } from '../advice/index.ts';
import { jointMeetingsOf } from '../meetings/index.ts';
import { adviceSources } from './cooperation.schema.ts';
import { getAgreement } from './cooperation.queries.ts';
import { dossiersFor } from './cooperation.dossiers.ts';
import { consultationsFor } from './cooperation.experiences.ts';
import type { StartAdviceInput } from './cooperation.forms.ts';

type Source = { key: string; kind: 'document' | 'meeting' | 'experience'; id: string; title: string; ownerName: string };

/** What an advice may draw on now: the shared documents and joint meetings the actor sees in this agreement. */
export async function sourcesFor(deps: Deps, args: { actor: Actor; council: Council; id: string }): Promise<Source[]> {
  const detail = (await getAgreement(deps, args)) ?? notFound('agreement');
  if (!detail.inForce) return [];
  const [dossiers, meetings, consultations] = await Promise.all([
    dossiersFor(deps, { ...args, detail }),
    jointMeetingsOf(deps.db, { agreementId: detail.agreement.id, council: args.council, inForce: true }),
    consultationsFor(deps, { ...args, detail }),
  ]);
  return [
    ...dossiers.flatMap((d) => d.documents.map((doc) => ({ key: `document:${doc.id}`, kind: 'document' as const, id: doc.id, title: doc.title, ownerName: doc.sharedBy ?? args.council.name }))),
    ...meetings.filter((m) => m.own || m.accepted.length).map((m) => ({ key: `meeting:${m.id}`, kind: 'meeting' as const, id: m.id, title: m.title, ownerName: m.plannedBy })),
    ...consultations.flatMap((c) =>
      c.experiences.map((e) => ({ key: `experience:${e.id}`, kind: 'experience' as const, id: e.id, title: e.text.length > 80 ? `${e.text.slice(0, 79)}…` : e.text, ownerName: c.sharedByName })),
    ),
  ];
}

/** Starts an advice of this organisation, to its own addressee, with the chosen sources of the cooperation. */
export async function startAdvice(deps: Deps, args: { actor: Actor | null; council: Council; id: string; input: StartAdviceInput }): Promise<{ adviceId: string }> {
  const { council, input } = args;
  assertCan(args.actor, 'cooperation.manage');
  const actor = args.actor;
  const available = await sourcesFor(deps, { actor, council, id: args.id });
  const chosen = input.sources.map((key) => available.find((s) => s.key === key));
  if (chosen.some((s) => !s)) throw new DomainError('source', 'cooperation.error.source', 'sources');
  const advice = await initiateAdvice(deps, {
    actor,
    council,
    input: { subject: input.subject, question: input.question, policyField: input.policyField, addressee: council.kind === 'clientenraad' ? 'bestuur' : 'college', addresseeEmail: '' },
  });
  await deps.db.transaction(async (tx) => {
    if (chosen.length) {
      await tx
        .insert(adviceSources)
        .values(chosen.map((s) => ({ councilId: council.id, adviceId: advice.id, agreementId: args.id, kind: s!.kind, sourceId: s!.id, title: s!.title, ownerName: s!.ownerName })));
    }
    await audit(tx, {
      councilId: council.id,
      actorUserId: actor.userId,
      action: 'agreement.adviceStarted',
      entity: 'agreement',
      entityId: args.id,
      data: { adviceId: advice.id, sources: chosen.length },
    });
  });
  return { adviceId: advice.id };
}

/** What an advice of this organisation drew on from cooperations (for the advice page). */
export function sourcesOfAdvice(db: DbOrTx, councilId: string, adviceId: string) {
  return db
    .select({ kind: adviceSources.kind, title: adviceSources.title, ownerName: adviceSources.ownerName, agreementId: adviceSources.agreementId })
    .from(adviceSources)
    .where(and(eq(adviceSources.adviceId, adviceId), eq(adviceSources.councilId, councilId)))
    .orderBy(asc(adviceSources.kind), asc(adviceSources.title));
}
