/**
 * The advices a council sent in one year, with their recommendations and the college's answers,
 * for the annual report (the workplan module counts them; its counting rules are in
 * workplan.counting.ts). Read only; index.ts exports it as part of the public surface.
 */
import { and, asc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/index.ts';
import { localToUtc } from '../../core/dates/amsterdam.ts';
import { adviceRecommendations, advices, type answers } from './advice.schema.ts';

export type YearAdvice = {
  id: string;
  reference: string;
  subject: string;
  kind: 'requested' | 'unsolicited';
  policyField: string;
  /** Public in the register (a public page may link to it). */
  isPublic: boolean;
  sentAt: Date;
  answerDueOn: string | null;
  answeredAt: Date | null;
  recommendations: { answer: (typeof answers)[number]; hasFollowUp: boolean }[];
};

/** Advices sent from 1 January to 31 December of `year` (Amsterdam time), oldest first. */
export async function advicesOfYear(db: DbOrTx, councilId: string, year: number): Promise<YearAdvice[]> {
  const rows = await db
    .select({
      id: advices.id,
      reference: advices.reference,
      subject: advices.subject,
      kind: advices.kind,
      policyField: advices.policyField,
      publication: advices.publication,
      sentAt: advices.sentAt,
      answerDueOn: advices.answerDueOn,
      answeredAt: advices.answeredAt,
    })
    .from(advices)
    .where(and(eq(advices.councilId, councilId), gte(advices.sentAt, localToUtc(`${year}-01-01`, '00:00')), lt(advices.sentAt, localToUtc(`${year + 1}-01-01`, '00:00'))))
    .orderBy(asc(advices.sentAt));
  const ids = rows.map((r) => r.id);
  const recs = ids.length
    ? await db
        .select({ adviceId: adviceRecommendations.adviceId, answer: adviceRecommendations.answer, followUp: adviceRecommendations.followUp })
        .from(adviceRecommendations)
        .where(and(eq(adviceRecommendations.councilId, councilId), inArray(adviceRecommendations.adviceId, ids)))
    : [];
  const byAdvice = new Map<string, YearAdvice['recommendations']>();
  for (const r of recs) {
    const list = byAdvice.get(r.adviceId) ?? [];
    list.push({ answer: r.answer, hasFollowUp: r.followUp.trim() !== '' });
    byAdvice.set(r.adviceId, list);
  }
  return rows.map(({ publication, ...r }) => ({ ...r, sentAt: r.sentAt!, isPublic: publication === 'public', recommendations: byAdvice.get(r.id) ?? [] }));
}
