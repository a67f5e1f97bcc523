import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { SearchProvider } from '../../core/module.ts';
import { dutchQuery, headline, matches } from '../../core/search.ts';
import { isCouncilRole } from '../../core/roles.ts';
import type { Actor } from '../../core/policy.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { advices } from './advice.schema.ts';

/**
 * Which advices an actor may find. The council's own people see all of them; a municipal
 * official sees an advice only once it is sent (the council's independence), and the
 * requests they filed themselves.
 */
export function adviceVisibleTo(actor: Actor, council: Council) {
  const own = eq(advices.councilId, council.id);
  if (actor.isPlatformAdmin || isCouncilRole(actor.role)) return own;
  return and(own, or(inArray(advices.status, ['sent', 'answered']), eq(advices.createdBy, actor.userId)));
}

/** Advices whose subject, question or (once sent) letter text holds the words. */
export const adviceSearch: SearchProvider = {
  label: 'councils.ws.nav.advice',
  order: 10,
  action: 'advice.view',
  async search({ deps, council, actor, query, limit }) {
    const tsq = dutchQuery(query);
    const request = sql`${advices.reference} || ' ' || ${advices.subject} || ' ' || ${advices.question}`;
    const full = sql`${request} || ' ' || ${advices.introduction} || ' ' || ${advices.explanation}`;
    // Before it is sent, the concept text is the council's own, also in search.
    const text = actor.isPlatformAdmin || isCouncilRole(actor.role) ? full : sql`case when ${advices.status} in ('sent', 'answered') then ${full} else ${request} end`;
    const rows = await deps.db
      .select({ id: advices.id, reference: advices.reference, subject: advices.subject, createdAt: advices.createdAt, snippet: headline(text, tsq) })
      .from(advices)
      .where(and(adviceVisibleTo(actor, council), matches(text, tsq)))
      .orderBy(sql`ts_rank(to_tsvector('dutch', ${text}), ${tsq}) desc`, desc(advices.createdAt))
      .limit(limit);
    return rows.map((r) => ({
      title: `${r.reference} · ${r.subject}`,
      href: `/${council.slug}/werkruimte/adviezen/${r.id}`,
      snippet: r.snippet,
      date: r.createdAt,
    }));
  },
};
