/** Dutch full-text search over the titles and pages of the documents an actor may see (core/search.ts). */
import { and, eq, sql } from 'drizzle-orm';
import type { Deps } from '../../core/deps.ts';
import type { Actor } from '../../core/policy.ts';
import type { SearchProvider } from '../../core/module.ts';
import { dutchQuery, headline, matches } from '../../core/search.ts';
import { councils, type Council } from '../../core/organisations.schema.ts';
import { documentPages, documents, documentVersions } from './documents.schema.ts';
import { currentVersion, visibleWhere } from './documents.access.ts';

/** One document with the pages the words are on (best first); `page` is null for files without pages. */
export type SearchHit = {
  id: string;
  title: string;
  /** The title itself holds the words. */
  inTitle: boolean;
  pages: { page: number | null; passage: string }[];
  sharedBy: string | null;
  /** A PDF can open at the page of a hit. */
  isPdf: boolean;
};

/** Pages ranked per search; enough for 20 documents with a few pages each. */
const PAGE_CANDIDATES = 80;
const PAGES_PER_DOCUMENT = 5;

/**
 * Documents whose title or text holds the words, one result per document with the pages of
 * its hits, so ten hits are not ten times the same document. Best matches first; a title
 * match counts as a strong hit.
 */
export async function searchDocuments(deps: Deps, args: { council: Council; actor: Actor | null; query: string; limit?: number }): Promise<SearchHit[]> {
  const query = args.query.trim();
  if (!query) return [];
  const tsq = dutchQuery(query);
  const visible = visibleWhere(args.council, args.actor);
  const limit = args.limit ?? 20;
  // Rank and limit first; the headline (expensive) only for the rows shown.
  const top = deps.db
    .select({
      pageId: sql<string>`${documentPages.id}`.as('page_id'),
      id: sql<string>`${documents.id}`.as('doc_id'),
      page: documentPages.page,
      rank: sql<number>`ts_rank(${documentPages.tsv}, ${tsq})`.as('rank'),
    })
    .from(documentPages)
    .innerJoin(documents, eq(documents.id, documentPages.documentId))
    .where(and(sql`${documentPages.tsv} @@ ${tsq}`, visible))
    .orderBy(sql`rank desc`, sql`${documentPages.page} asc nulls first`)
    .limit(PAGE_CANDIDATES)
    .as('top');
  const [pages, titled] = await Promise.all([
    deps.db
      .select({ id: top.id, page: top.page, rank: top.rank, passage: headline(documentPages.text, tsq) })
      .from(top)
      .innerJoin(documentPages, eq(documentPages.id, top.pageId))
      .orderBy(sql`${top.rank} desc`, sql`${top.page} asc nulls first`),
    deps.db
      .select({ id: documents.id })
      .from(documents)
      .where(and(visible, matches(documents.title, tsq)))
      .limit(limit),
  ]);
  // Documents in order of their best page; title matches first among equals.
  const inTitle = new Set(titled.map((r) => r.id));
  const score = new Map<string, number>();
  for (const id of inTitle) score.set(id, 1);
  for (const p of pages) score.set(p.id, Math.max(score.get(p.id) ?? 0, p.rank) + (inTitle.has(p.id) ? 1 : 0));
  const ids = [...score.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([id]) => id);
  if (ids.length === 0) return [];
  const docs = await deps.db
    .select({ id: documents.id, title: documents.title, ownerId: documents.councilId, ownerName: councils.name, mimeType: documentVersions.mimeType })
    .from(documents)
    .innerJoin(councils, eq(councils.id, documents.councilId))
    .innerJoin(documentVersions, currentVersion)
    .where(sql`${documents.id} in ${ids}`);
  const byId = new Map(docs.map((d) => [d.id, d]));
  return ids.flatMap((id) => {
    const d = byId.get(id);
    if (!d) return [];
    const own = pages.filter((p) => p.id === id).slice(0, PAGES_PER_DOCUMENT);
    return [
      {
        id,
        title: d.title,
        inTitle: inTitle.has(id),
        pages: own.map((p) => ({ page: p.page, passage: p.passage })).sort((a, b) => (a.page ?? 0) - (b.page ?? 0)),
        sharedBy: d.ownerId === args.council.id ? null : d.ownerName,
        isPdf: d.mimeType === 'application/pdf',
      },
    ];
  });
}

/** The documents' part of the workspace search: one hit per document, each page linked to open there. */
export const documentsSearch: SearchProvider = {
  label: 'documents.ws.nav',
  order: 40,
  action: 'documents.view',
  async search({ deps, council, actor, query, limit }) {
    const base = `/${council.slug}/werkruimte/documenten`;
    const hits = await searchDocuments(deps, { council, actor, query, limit });
    return hits.map((h) => ({
      title: h.sharedBy ? `${h.title} (${h.sharedBy})` : h.title,
      href: `${base}/${h.id}`,
      pages: h.pages.flatMap((p) => (p.page === null ? [] : [{ page: p.page, href: h.isPdf ? `${base}/${h.id}/bekijken#page=${p.page}` : `${base}/${h.id}`, snippet: p.passage }])),
      snippet: h.pages.find((p) => p.page === null)?.passage,
    }));
  },
};
