import { and, desc, eq, sql } from 'drizzle-orm';
import type { SearchProvider } from '../../core/module.ts';
import { dutchQuery, headline, matches } from '../../core/search.ts';
import { signals } from './signals.schema.ts';

/** Signals whose reference or text holds the words; never contact details (they are stored apart). */
export const signalsSearch: SearchProvider = {
  label: 'signals.nav.workspace',
  order: 30,
  action: 'signals.view',
  async search({ deps, council, query, limit }) {
    const tsq = dutchQuery(query);
    const text = sql`${signals.reference} || ' ' || ${signals.description}`;
    const rows = await deps.db
      .select({ id: signals.id, reference: signals.reference, createdAt: signals.createdAt, snippet: headline(text, tsq) })
      .from(signals)
      .where(and(eq(signals.councilId, council.id), matches(text, tsq)))
      .orderBy(sql`ts_rank(to_tsvector('dutch', ${text}), ${tsq}) desc`, desc(signals.createdAt))
      .limit(limit);
    return rows.map((r) => ({ title: r.reference, href: `/${council.slug}/werkruimte/signalen/${r.id}`, snippet: r.snippet, date: r.createdAt }));
  },
};
