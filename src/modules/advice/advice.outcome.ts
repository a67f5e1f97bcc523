/**
 * What became of an advice, as other modules read it (the network module tells contributors):
 * its state and, per recommendation, the college's answer, reason and follow-up. Read only;
 * index.ts exports it as part of the public surface.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/index.ts';
import { isUuid } from '../../core/http/forms.ts';
import { adviceRecommendations, advices } from './advice.schema.ts';

export type AdviceOutcome = {
  id: string;
  reference: string;
  subject: string;
  status: (typeof advices.$inferSelect)['status'];
  answeredAt: Date | null;
  recommendations: { number: number; text: string; answer: (typeof adviceRecommendations.$inferSelect)['answer']; answerReason: string; followUp: string }[];
};

/** The outcome of these advices of one organisation (unknown or another organisation's ids are left out). */
export async function adviceOutcomes(db: DbOrTx, councilId: string, adviceIds: string[]): Promise<AdviceOutcome[]> {
  const ids = [...new Set(adviceIds)].filter(isUuid);
  if (!ids.length) return [];
  const rows = await db
    .select({ id: advices.id, reference: advices.reference, subject: advices.subject, status: advices.status, answeredAt: advices.answeredAt })
    .from(advices)
    .where(and(eq(advices.councilId, councilId), inArray(advices.id, ids)));
  if (!rows.length) return [];
  const recs = await db
    .select({
      adviceId: adviceRecommendations.adviceId,
      number: adviceRecommendations.number,
      text: adviceRecommendations.text,
      answer: adviceRecommendations.answer,
      answerReason: adviceRecommendations.answerReason,
      followUp: adviceRecommendations.followUp,
    })
    .from(adviceRecommendations)
    .where(
      inArray(
        adviceRecommendations.adviceId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(adviceRecommendations.number));
  return rows.map((r) => ({ ...r, recommendations: recs.filter((x) => x.adviceId === r.id).map(({ adviceId: _a, ...rest }) => rest) }));
}
