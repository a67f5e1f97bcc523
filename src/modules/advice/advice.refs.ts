/**
 * Advices as other modules point at them (agenda items, dossiers): id, reference and subject of
 * this organisation's advices. Read only; index.ts exports it as part of the public surface.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import { inIds, type Ids } from '../../core/db/find.ts';
import type { DbOrTx } from '../../core/db/index.ts';
import { readAlone, type Read } from '../../core/read-together.ts';
import type { Council } from '../../core/organisations.schema.ts';
import type { Actor } from '../../core/policy.ts';
import { advices } from './advice.schema.ts';
import { adviceVisibleTo } from './advice.visibility.ts';

export type AdviceRef = { id: string; reference: string; subject: string };

const orders = {
  reference: () => asc(advices.reference),
  referenceDesc: () => desc(advices.reference),
  newest: () => desc(advices.createdAt),
};

/**
 * Advices of this council; `ids` keeps only those (unknown or malformed ids are left out): a list,
 * or a subquery that selects ids (a page then reads these in the same round as the links).
 * `visibleTo`: only those this person may see (an official: sent advices and their own requests;
 * nobody without an actor), for showing links to them.
 */
export async function adviceRefs(
  db: DbOrTx,
  council: Pick<Council, 'id'>,
  opts: { ids?: Ids; order?: keyof typeof orders; limit?: number; visibleTo?: Actor | null; read?: Read } = {},
): Promise<AdviceRef[]> {
  if (opts.visibleTo === null) return [];
  const where = [opts.visibleTo ? adviceVisibleTo(opts.visibleTo, council)! : eq(advices.councilId, council.id)];
  if (opts.ids) {
    const byIds = inIds(advices.id, opts.ids);
    if (!byIds) return [];
    where.push(byIds);
  }
  const q = db
    .select({ id: advices.id, reference: advices.reference, subject: advices.subject })
    .from(advices)
    .where(and(...where))
    .orderBy(orders[opts.order ?? 'reference']())
    .$dynamic();
  return (opts.read ?? readAlone)(opts.limit ? q.limit(opts.limit) : q);
}
