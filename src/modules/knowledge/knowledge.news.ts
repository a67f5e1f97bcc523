/** News of an organisation: written in the workspace, public at /{slug}/nieuws and in an Atom feed. */
import { desc, eq } from 'drizzle-orm';
import { Feed } from 'feed';
import type { Deps } from '../../core/deps.ts';
import { assertCan, type Actor } from '../../core/policy.ts';
import { notFound } from '../../core/errors.ts';
import { audit } from '../../core/audit/audit.ts';
import { findInCouncil } from '../../core/db/find.ts';
import type { Council } from '../../core/organisations.schema.ts';
import type { Locale } from '../../core/i18n/index.ts';
import { knowledgeNews } from './knowledge.schema.ts';
import type { NewsInput } from './knowledge.forms.ts';
import { renderMarkdown } from '../../ui/markdown.ts';

/** The feed package puts titles and summaries in type="html" CDATA, so plain text is escaped for it. */
const asHtml = (text: string) => text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);

export type NewsItem = typeof knowledgeNews.$inferSelect;

/** The organisation's news, newest first. */
export async function listNews(deps: Pick<Deps, 'db'>, council: Council, limit = 100): Promise<NewsItem[]> {
  return deps.db.select().from(knowledgeNews).where(eq(knowledgeNews.councilId, council.id)).orderBy(desc(knowledgeNews.publishedAt)).limit(limit);
}

/** One news item of the organisation, or 404. */
export async function readNews(deps: Pick<Deps, 'db'>, council: Council, id: string): Promise<NewsItem> {
  const item = await findInCouncil(deps.db, knowledgeNews, council.id, id);
  if (!item) notFound('news');
  return item;
}

export async function publishNews(deps: Deps, args: { actor: Actor | null; council: Council; input: NewsInput }): Promise<NewsItem> {
  assertCan(args.actor, 'knowledge.write');
  const actor = args.actor;
  return deps.db.transaction(async (tx) => {
    const [item] = await tx
      .insert(knowledgeNews)
      .values({ councilId: args.council.id, ...args.input, authorUserId: actor.userId })
      .returning();
    await audit(tx, { councilId: args.council.id, actorUserId: actor.userId, action: 'news.published', entity: 'news', entityId: item!.id });
    return item!;
  });
}

/** The Atom feed of the organisation's news: title, summary and the whole text as HTML per item. */
export function newsFeed(args: { council: Council; items: NewsItem[]; site: string; title: string; locale: Locale }): string {
  const home = `${args.site}/${args.council.slug}/nieuws`;
  const feed = new Feed({
    id: home,
    link: home,
    title: args.title,
    language: args.locale,
    feedLinks: { atom: `${home}/feed.atom` },
    updated: args.items[0]?.updatedAt ?? new Date(0),
    copyright: args.council.name,
    author: { name: args.council.name },
  });
  for (const item of args.items) {
    feed.addItem({
      id: `${home}/${item.id}`,
      link: `${home}/${item.id}`,
      title: asHtml(item.title),
      date: item.updatedAt,
      published: item.publishedAt,
      description: asHtml(item.summary),
      content: renderMarkdown(item.body),
    });
  }
  return feed.atom1();
}
