/**
 * The text of an advice while it is written: versions of the working group's draft, and the
 * board's edits of the concept (texts and recommendations) while drafting or in concept.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { DomainError, notFound } from '../../core/errors.ts';
import type { Tx } from '../../core/db/index.ts';
import type { Deps } from '../../core/deps.ts';
import { assertCan, ForbiddenError, type Actor } from '../../core/policy.ts';
import { audit } from '../../core/audit/audit.ts';
import { users } from '../../core/auth/auth.schema.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { adviceDrafts, adviceRecommendations, advices, type Advice } from './advice.schema.ts';
import { isCouncilMember, type AdviceState } from './advice.workflow.ts';
import type { AdviceAuditAction } from './advice.audit.ts';
import type { TextsInput } from './advice.forms.ts';
import { findAdvice, listRecommendations, mayEditDraft } from './advice.queries.ts';
import { saveRow } from '../../core/db/queries.ts';

export type DraftVersion = { version: number; body: string; author: string | null; createdAt: Date };

export async function listDrafts(deps: Deps, args: { actor: Actor | null; council: Council; adviceId: string }): Promise<{ advice: Advice; versions: DraftVersion[]; mayEdit: boolean }> {
  const { actor, council } = args;
  assertCan(actor, 'advice.view');
  if (!isCouncilMember(actor)) throw new ForbiddenError('advice.drafts');
  const advice = (await findAdvice(deps.db, council, args.adviceId)) ?? notFound('advice');
  const versions = await deps.db
    .select({ version: adviceDrafts.version, body: adviceDrafts.body, author: users.name, createdAt: adviceDrafts.createdAt })
    .from(adviceDrafts)
    .leftJoin(users, eq(users.id, adviceDrafts.authorUserId))
    .where(and(eq(adviceDrafts.councilId, council.id), eq(adviceDrafts.adviceId, advice.id)))
    .orderBy(asc(adviceDrafts.version));
  return { advice, versions, mayEdit: await mayEditDraft(deps.db, actor, advice) };
}

/** Saves a new version of the draft; versions are never changed. */
export async function saveDraft(deps: Deps, args: { actor: Actor | null; council: Council; adviceId: string; body: string }): Promise<number> {
  const { actor, council } = args;
  assertCan(actor, 'advice.view');
  if (!isCouncilMember(actor)) throw new ForbiddenError('advice.draft');
  return deps.db.transaction(async (tx) => {
    const advice = (await findAdvice(tx, council, args.adviceId, { lock: true })) ?? notFound('advice');
    if (advice.status !== 'drafting') throw new DomainError('notAllowedFromState', 'advice.error.notAllowedFromState');
    if (!(await mayEditDraft(tx, actor, advice))) throw new ForbiddenError('advice.draft');
    const [row] = await tx
      .select({ max: sql<number | null>`max(${adviceDrafts.version})` })
      .from(adviceDrafts)
      .where(eq(adviceDrafts.adviceId, advice.id));
    const version = Number(row?.max ?? 0) + 1;
    await tx.insert(adviceDrafts).values({ councilId: council.id, adviceId: advice.id, version, body: args.body, authorUserId: actor.userId });
    await saveRow(tx, advices, advice, {});
    await audit(tx, {
      councilId: council.id,
      actorUserId: actor.userId,
      action: 'advice.draftSaved',
      entity: 'advice',
      entityId: advice.id,
      data: { version },
    });
    return version;
  });
}

const EDITABLE: AdviceState[] = ['drafting', 'concept'];

/** Board edits of the concept (texts and recommendations): only while drafting or in concept. */
async function editConcept<T>(
  deps: Deps,
  args: { actor: Actor | null; council: Council; adviceId: string },
  action: AdviceAuditAction,
  fn: (tx: Tx, advice: Advice, actor: Actor) => Promise<{ result: T; data?: Record<string, unknown> }>,
): Promise<T> {
  const { actor, council } = args;
  assertCan(actor, 'advice.manage');
  return deps.db.transaction(async (tx) => {
    const advice = (await findAdvice(tx, council, args.adviceId, { lock: true })) ?? notFound('advice');
    if (!EDITABLE.includes(advice.status)) throw new DomainError('notAllowedFromState', 'advice.error.notEditable');
    const { result, data } = await fn(tx, advice, actor);
    await saveRow(tx, advices, advice, {});
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action, entity: 'advice', entityId: advice.id, data });
    return result;
  });
}

export async function saveTexts(deps: Deps, args: { actor: Actor | null; council: Council; adviceId: string; input: TextsInput }): Promise<void> {
  await editConcept(deps, args, 'advice.textsSaved', async (tx, advice) => {
    await tx.update(advices).set({ introduction: args.input.introduction, explanation: args.input.explanation }).where(eq(advices.id, advice.id));
    return { result: undefined };
  });
}

export async function addRecommendation(deps: Deps, args: { actor: Actor | null; council: Council; adviceId: string; text: string }): Promise<void> {
  await editConcept(deps, args, 'advice.recommendationAdded', async (tx, advice) => {
    const [row] = await tx
      .select({ max: sql<number | null>`max(${adviceRecommendations.number})` })
      .from(adviceRecommendations)
      .where(eq(adviceRecommendations.adviceId, advice.id));
    const number = Number(row?.max ?? 0) + 1;
    if (number > 100) throw new DomainError('tooMany', 'advice.rec.tooMany', 'text');
    await tx.insert(adviceRecommendations).values({ councilId: args.council.id, adviceId: advice.id, number, text: args.text });
    return { result: undefined, data: { number } };
  });
}

/** Edit, remove or move a recommendation; numbers stay 1..n without gaps. */
export async function changeRecommendation(
  deps: Deps,
  args: {
    actor: Actor | null;
    council: Council;
    adviceId: string;
    recommendationId: string;
    action: 'opslaan' | 'verwijderen' | 'omhoog' | 'omlaag';
    text: string;
  },
): Promise<void> {
  await editConcept(
    deps,
    args,
    args.action === 'opslaan' ? 'advice.recommendationChanged' : args.action === 'verwijderen' ? 'advice.recommendationRemoved' : 'advice.recommendationMoved',
    async (tx, advice) => {
      const recs = await listRecommendations(tx, args.council, advice.id);
      const index = recs.findIndex((r) => r.id === args.recommendationId.toLowerCase());
      if (index < 0) notFound('recommendation');
      const rec = recs[index]!;
      let order = recs.map((r) => r.id);
      if (args.action === 'opslaan') {
        if (args.text === '') throw new DomainError('required', 'error.required', 'text');
        await tx.update(adviceRecommendations).set({ text: args.text }).where(eq(adviceRecommendations.id, rec.id));
        return { result: undefined, data: { number: rec.number } };
      }
      if (args.action === 'verwijderen') order = order.filter((id) => id !== rec.id);
      else {
        const to = args.action === 'omhoog' ? index - 1 : index + 1;
        if (to < 0 || to >= order.length) return { result: undefined, data: { number: rec.number } };
        [order[index], order[to]] = [order[to]!, order[index]!];
      }
      if (args.action === 'verwijderen') await tx.delete(adviceRecommendations).where(eq(adviceRecommendations.id, rec.id));
      // Renumber in two steps, so the unique (advice, number) key never sees a duplicate.
      for (const [i, id] of order.entries())
        await tx
          .update(adviceRecommendations)
          .set({ number: 1000 + i })
          .where(eq(adviceRecommendations.id, id));
      for (const [i, id] of order.entries())
        await tx
          .update(adviceRecommendations)
          .set({ number: i + 1 })
          .where(eq(adviceRecommendations.id, id));
      return { result: undefined, data: { number: rec.number } };
    },
  );
}
