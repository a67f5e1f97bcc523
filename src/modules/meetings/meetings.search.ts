import { and, desc, eq, sql } from 'drizzle-orm';
import type { SearchProvider } from '../../core/module.ts';
import { dutchQuery, headline, matches } from '../../core/search.ts';
import { agendaItems, meetings } from './meetings.schema.ts';

/** Meetings whose title, agenda item titles or explanations hold the words. */
export const meetingsSearch: SearchProvider = {
  label: 'meetings.nav.workspace',
  order: 20,
  action: 'meetings.view',
  async search({ deps, council, query, limit }) {
    const tsq = dutchQuery(query);
    const items = sql`coalesce((select string_agg(${agendaItems.title} || ' ' || ${agendaItems.explanation}, ' ') from ${agendaItems} where ${agendaItems.meetingId} = ${meetings.id} and ${agendaItems.councilId} = ${council.id}), '')`;
    const text = sql`${meetings.title} || ' ' || ${items}`;
    const rows = await deps.db
      .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt, snippet: headline(text, tsq) })
      .from(meetings)
      .where(and(eq(meetings.councilId, council.id), matches(text, tsq)))
      .orderBy(desc(meetings.startsAt))
      .limit(limit);
    return rows.map((r) => ({ title: r.title, href: `/${council.slug}/werkruimte/vergaderingen/${r.id}`, snippet: r.snippet, date: r.startsAt }));
  },
};
