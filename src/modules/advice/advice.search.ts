import { and, desc, sql } from 'drizzle-orm';
import type { SearchProvider } from '../../core/module.ts';
import { dutchQuery, headline, matches } from '../../core/search.ts';
import { advices } from './advice.schema.ts';
import { adviceVisibleTo, seesAllAdvice, sentStates } from './advice.visibility.ts';

/** Advices whose subject, question or (once sent) letter text holds the words. */
export const adviceSearch: SearchProvider = {
  label: 'councils.ws.nav.advice',
  order: 10,
  action: 'advice.view',
  async search({ deps, council, actor, query, limit }) {
    const tsq = dutchQuery(query);
    const request = sql`${advices.reference} || ' ' || ${advices.subject} || ' ' || ${advices.question}`;
    const full = sql`${request} || ' ' || ${advices.introduction} || ' ' || ${advices.explanation}`;
    // Before it is sent, the concept text is the council's own, also in search (advice.visibility.ts).
    const sent = sql.join(
      sentStates.map((s) => sql`${s}`),
      sql`, `,
    );
    const text = seesAllAdvice(actor) ? full : sql`case when ${advices.status} in (${sent}) then ${full} else ${request} end`;
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
