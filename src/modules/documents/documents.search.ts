/** Dutch full-text search over the titles and pages of the documents an actor may see (core/search.ts). */
import { and, eq, inArray, sql } from 'drizzle-orm';
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

/**
 * At most this many matching pages are ranked. ts_rank reads each page's whole index entry
 * (stored apart, TOAST), so ranking every page that holds a common word ("gemeente" is on three
 * pages in four) took 0.3-1 s over 100,000 pages; the GIN index finds the first N matches in
 * milliseconds. Beyond N the result says so and asks for a more specific search (docs/decisions/0031).
 */
export const RANKED_PAGES = 400;
const PAGES_PER_DOCUMENT = 5;
const PAGE_SIZE = 20;

export type SearchResult = {
  hits: SearchHit[];
  /** 1-based page of results shown, of `pages`; `total` documents found. */
  page: number;
  pages: number;
  total: number;
  /** More pages matched than were ranked: the best of the first RANKED_PAGES are shown. */
  capped: boolean;
};

/**
 * Documents whose title or text holds the words, one result per document with the pages of
 * its hits, so ten hits are not ten times the same document. Best matches first; a title
 * match counts as a strong hit. Cheap first pass (the index), ranking of a capped candidate set,
 * passages (ts_headline, the expensive part) only for the pages shown.
 */
export async function searchDocumentsPage(deps: Deps, args: { council: Council; actor: Actor | null; query: string; limit?: number; page?: number }): Promise<SearchResult> {
  const query = args.query.trim();
  const page = Math.max(1, Math.floor(args.page ?? 1));
  if (!query) return { hits: [], page, pages: 0, total: 0, capped: false };
  const tsq = dutchQuery(query);
  const visible = visibleWhere(args.council, args.actor);
  const limit = args.limit ?? PAGE_SIZE;
  // First pass: the first RANKED_PAGES + 1 matching pages the actor may see, straight from the index.
  const candidates = deps.db
    .select({ pageId: sql<string>`${documentPages.id}`.as('page_id'), id: sql<string>`${documents.id}`.as('doc_id'), page: documentPages.page, tsv: documentPages.tsv })
    .from(documentPages)
    .innerJoin(documents, eq(documents.id, documentPages.documentId))
    .where(and(sql`${documentPages.tsv} @@ ${tsq}`, visible))
    .limit(RANKED_PAGES + 1)
    .as('candidates');
  const [ranked, titled] = await Promise.all([
    deps.db.select({ pageId: candidates.pageId, id: candidates.id, page: candidates.page, rank: sql<number>`ts_rank(${candidates.tsv}, ${tsq})`.mapWith(Number) }).from(candidates),
    deps.db
      .select({ id: documents.id })
      .from(documents)
      .where(and(visible, matches(documents.title, tsq)))
      .limit(RANKED_PAGES),
  ]);
  const capped = ranked.length > RANKED_PAGES;
  const pages = ranked.slice(0, RANKED_PAGES).sort((a, b) => b.rank - a.rank || (a.page ?? 0) - (b.page ?? 0));
  // Documents in order of their best page; title matches first among equals.
  const inTitle = new Set(titled.map((r) => r.id));
  const score = new Map<string, number>();
  for (const id of inTitle) score.set(id, 1);
  for (const p of pages) score.set(p.id, Math.max(score.get(p.id) ?? 0, p.rank + (inTitle.has(p.id) ? 1 : 0)));
  const ordered = [...score.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  const ids = ordered.slice((page - 1) * limit, page * limit);
  const found = { page, pages: Math.ceil(ordered.length / limit), total: ordered.length, capped };
  if (ids.length === 0) return { hits: [], ...found };
  const shownPages = ids.flatMap((id) => pages.filter((p) => p.id === id).slice(0, PAGES_PER_DOCUMENT));
  const [docs, passages] = await Promise.all([
    deps.db
      .select({ id: documents.id, title: documents.title, ownerId: documents.councilId, ownerName: councils.name, mimeType: documentVersions.mimeType })
      .from(documents)
      .innerJoin(councils, eq(councils.id, documents.councilId))
      .innerJoin(documentVersions, currentVersion)
      .where(inArray(documents.id, ids)),
    shownPages.length
      ? deps.db
          .select({ pageId: documentPages.id, passage: headline(documentPages.text, tsq) })
          .from(documentPages)
          .where(
            inArray(
              documentPages.id,
              shownPages.map((p) => p.pageId),
            ),
          )
      : Promise.resolve([]),
  ]);
  const byId = new Map(docs.map((d) => [d.id, d]));
  const passageOf = new Map(passages.map((p) => [p.pageId, p.passage]));
  const hits = ids.flatMap((id) => {
    const d = byId.get(id);
    if (!d) return [];
    const own = shownPages.filter((p) => p.id === id);
    return [
      {
        id,
        title: d.title,
        inTitle: inTitle.has(id),
        pages: own.map((p) => ({ page: p.page, passage: passageOf.get(p.pageId) ?? '' })).sort((a, b) => (a.page ?? 0) - (b.page ?? 0)),
        sharedBy: d.ownerId === args.council.id ? null : d.ownerName,
        isPdf: d.mimeType === 'application/pdf',
      },
    ];
  });
  return { hits, ...found };
}

/** The first page of results only (the workspace search, tests). */
export async function searchDocuments(deps: Deps, args: { council: Council; actor: Actor | null; query: string; limit?: number }): Promise<SearchHit[]> {
  return (await searchDocumentsPage(deps, args)).hits;
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
