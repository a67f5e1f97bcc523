import type { SearchProvider } from '../../core/module.ts';
import { knowledgeBase } from './knowledge.library.ts';

/** The workspace search box: the council's own and adopted articles, as its site's search finds them. */
export const knowledgeSearch: SearchProvider = {
  label: 'knowledge.nav.workspace',
  order: 60,
  action: 'knowledge.view',
  async search({ deps, council, actor, query, limit }) {
    const { items } = await knowledgeBase(deps, { council, actor, q: query, limit });
    return items.map((a) => ({ title: `${a.title} (${a.sourceName})`, href: `/${council.slug}/kennisbank/${a.id}`, snippet: a.snippet }));
  },
};
