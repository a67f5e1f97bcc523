/** Dutch full-text search over the titles and pages of the documents an actor may see (core/search.ts). */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Deps } from '../../core/deps.ts';
import type { Actor } from '../../core/policy.ts';
import type { SearchProvider } from '../../core/module.ts';
import { dutchQuery, headline, matches } from '../../core/search.ts';
import { councils, type Council } from '../../core/organisations.schema.ts';
import { documentLexemes, documentPages, documents, documentVersions } from './documents.schema.ts';
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
 * Up to this many documents found are ordered by how well their pages match (every matching page
 * of theirs is ranked). More than that, and they are listed newest first, with only the shown
 * documents' pages ranked: ts_rank reads each page's whole index entry (stored apart, TOAST), so
 * ranking every page that holds a common word ("gemeente" is on three pages in four) took
 * 0.3-1 s over 100,000 pages (docs/decisions/0031).
 */
export const RANKED_DOCUMENTS = 40;
/** More documents than this are not counted further (the result says "more than"). */
const MAX_DOCUMENTS = 2_000;
const PAGES_PER_DOCUMENT = 3;
/** Characters of a page given to ts_headline: from this many before the first hit. */
const PASSAGE_BEFORE = 300;
const PASSAGE_CHARS = 900;
/** Matching pages ranked per document: to order a few documents, and to pick the shown pages. */
const RANKED_PER_DOCUMENT = 50;
const SHOWN_PER_DOCUMENT = 10;
/** Documents whose pages are checked for a phrase (or a word left out) before giving up. */
const MAX_CONFIRMED = 400;
const PAGE_SIZE = 20;
/** A tsvector holds at most 1 MB of words; a document with more is always a candidate. */
const MAX_LEXEME_BYTES = 1_000_000;

export type SearchResult = {
  hits: SearchHit[];
  /** 1-based page of results shown, of `pages`; `total` documents found. */
  page: number;
  pages: number;
  total: number;
  /** More than RANKED_DOCUMENTS documents found: listed newest first, not by relevance. */
  capped: boolean;
};

/**
 * Recomputes the word sets (document_lexemes) of these documents from their pages; call it after
 * their pages changed, in the same transaction. The migration that made the table ran the same
 * statement over every document.
 */
export async function refreshLexemes(db: Deps['db'], documentIds: string[]): Promise<void> {
  if (!documentIds.length) return;
  const ids = inArray(documentLexemes.documentId, documentIds);
  await db.delete(documentLexemes).where(ids);
  await db.execute(sql`insert into ${documentLexemes} (council_id, document_id, lexemes)
    select w.council_id, w.document_id, case when sum(octet_length(w.lexeme)) < ${MAX_LEXEME_BYTES} then array_to_tsvector(array_agg(w.lexeme)) end
    from (select distinct p.council_id, p.document_id, u.lexeme from ${documentPages} p, unnest(p.tsv) u
      where p.document_id = any(${uuidArray(documentIds)})) w
    group by w.council_id, w.document_id`);
}

type RankedPage = { pageId: string; id: string; page: number | null; rank: number };

/**
 * The matching pages of these documents, ranked, at most `perDocument` each (the expensive part:
 * ts_rank reads each page's whole index entry, so keep `ids` few).
 */
async function rankPages(deps: Deps, ids: string[], tsq: SQL, perDocument: number): Promise<RankedPage[]> {
  if (!ids.length) return [];
  const found = await rows<{ pageId: string; id: string; page: number | null; rank: number }>(
    deps,
    sql`select x.id as "pageId", x.document_id as id, x.page, x.rank from unnest(${uuidArray(ids)}) as d(id)
      cross join lateral (select p.id, p.document_id, p.page, ts_rank(p.tsv, ${tsq}) as rank from ${documentPages} p
        where p.document_id = d.id and p.tsv @@ ${tsq} limit ${perDocument}) x`,
  );
  return found.map((r) => ({ ...r, rank: Number(r.rank) }));
}

/**
 * The query for the word sets: positions are gone there, so a phrase becomes "all these words",
 * and a word to leave out is dropped (querytree), as another page of the document may lack it.
 * `exact` is false then: the pages must confirm each document. 'T' = any document; '' = no words.
 */
async function relaxedQuery(deps: Deps, tsq: SQL): Promise<{ tree: string; exact: boolean }> {
  const [row] = await rows<{ tree: string; full: string }>(deps, sql`select querytree(${tsq}) as tree, (${tsq})::text as full`);
  const tree = row?.tree ?? '';
  return { tree: tree.replace(/<(?:-|\d+)>/g, '&'), exact: tree === row?.full && !tree.includes('<') };
}

/** A list of ids as one uuid[] parameter. */
const uuidArray = (ids: string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

async function rows<T>(deps: Deps, query: SQL): Promise<T[]> {
  const r = (await deps.db.execute(query)) as unknown as { rows: T[] };
  return r.rows;
}

/**
 * Documents whose title or text holds the words, one result per document with the pages of
 * its hits, so ten hits are not ten times the same document. Title matches first. First pass:
 * the documents whose word set holds the words (one small index entry per document, so a common
 * word still finds every document); then only the pages of the documents to order or show are
 * ranked, and passages (ts_headline) made only for the pages shown.
 */
export async function searchDocumentsPage(deps: Deps, args: { council: Council; actor: Actor | null; query: string; limit?: number; page?: number; ranked?: number }): Promise<SearchResult> {
  const query = args.query.trim();
  const page = Math.max(1, Math.floor(args.page ?? 1));
  const none = { hits: [], page, pages: 0, total: 0, capped: false };
  if (!query) return none;
  const tsq = dutchQuery(query);
  const visible = visibleWhere(args.council, args.actor);
  const limit = args.limit ?? PAGE_SIZE;
  const [tree, titled] = await Promise.all([
    relaxedQuery(deps, tsq),
    deps.db
      .select({ id: documents.id })
      .from(documents)
      .where(and(visible, matches(documents.title, tsq)))
      .orderBy(desc(documents.updatedAt), asc(documents.id))
      .limit(MAX_DOCUMENTS),
  ]);
  if (!tree.tree) return none;
  // Documents whose word set holds the words, and those with too many words to keep a set.
  const words =
    tree.tree === 'T'
      ? sql`select ${documentLexemes.documentId} from ${documentLexemes}`
      : sql`select ${documentLexemes.documentId} from ${documentLexemes} where ${documentLexemes.lexemes} @@ ${tree.tree}::tsquery
        union all select ${documentLexemes.documentId} from ${documentLexemes} where ${documentLexemes.lexemes} is null`;
  // The word sets are stored apart (TOAST) and the heap is small, so the planner would rather read
  // every set than use the index; the index answers without reading a single set.
  const found = await deps.db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    return tx
      .select({ id: documents.id })
      .from(documents)
      .where(and(sql`${documents.id} in (${words})`, visible))
      .orderBy(desc(documents.updatedAt), asc(documents.id))
      .limit(MAX_DOCUMENTS);
  });
  // Title matches first, then the rest newest first.
  const inTitle = new Set(titled.map((r) => r.id));
  const all = [...new Set([...titled.map((r) => r.id), ...found.map((r) => r.id)])];
  const capped = all.length > (args.ranked ?? RANKED_DOCUMENTS);
  // A title match, then the best page, then the number of matching pages.
  const byBest = (byDoc: Map<string, RankedPage[]>) => {
    const score = (id: string) => (inTitle.has(id) ? 10 : 0) + (byDoc.get(id)?.[0]?.rank ?? -1) + (byDoc.get(id)?.length ?? 0) / 1e6;
    return (a: string, b: string) => score(b) - score(a);
  };
  // A document whose words are there but apart (a phrase), or only beside a word left out, has no matching page.
  const confirmed = (byDoc: Map<string, RankedPage[]>) => (id: string) => inTitle.has(id) || byDoc.has(id);
  const from = (page - 1) * limit;
  let pages: RankedPage[] = [];
  let ordered: string[];
  let total: number;
  if (!capped) {
    // Few documents: rank their matching pages and order the documents by their best page.
    pages = await rankPages(
      deps,
      found.map((r) => r.id),
      tsq,
      RANKED_PER_DOCUMENT,
    );
    const byDoc = groupPages(pages);
    ordered = all.filter(confirmed(byDoc)).sort(byBest(byDoc));
    total = ordered.length;
  } else if (tree.exact) {
    // Many: newest first; only the pages of the documents shown are ranked.
    ordered = all;
    total = all.length;
    pages = await rankPages(deps, all.slice(from, from + limit), tsq, SHOWN_PER_DOCUMENT);
  } else {
    // Many, and the pages must confirm each: newest first, in batches, until this page is full.
    ordered = [];
    let walked = 0;
    while (walked < all.length && walked < MAX_CONFIRMED && ordered.length <= from + limit) {
      const batch = all.slice(walked, walked + limit * 2);
      walked += batch.length;
      const ranked = await rankPages(deps, batch, tsq, SHOWN_PER_DOCUMENT);
      ordered.push(...batch.filter(confirmed(groupPages(ranked))));
      pages.push(...ranked);
    }
    // Not all walked: the share confirmed so far estimates the rest.
    total = walked === all.length ? ordered.length : Math.round((ordered.length / walked) * all.length);
  }
  const byDoc = groupPages(pages);
  const ids = ordered
    .slice(from, from + limit)
    .filter(confirmed(byDoc))
    .sort(byBest(byDoc));
  const result = { page, pages: Math.ceil(total / limit), total, capped };
  if (ids.length === 0) return { hits: [], ...result };
  const shownPages = ids.flatMap((id) => (byDoc.get(id) ?? []).slice(0, PAGES_PER_DOCUMENT));
  const [docs, passages] = await Promise.all([
    deps.db
      .select({ id: documents.id, title: documents.title, ownerId: documents.councilId, ownerName: councils.name, mimeType: documentVersions.mimeType })
      .from(documents)
      .innerJoin(councils, eq(councils.id, documents.councilId))
      .innerJoin(documentVersions, currentVersion)
      .where(inArray(documents.id, ids)),
    shownPages.length
      ? deps.db
          .select({ pageId: documentPages.id, passage: headline(passageWindow(tree.tree), tsq) })
          .from(documentPages)
          .where(
            inArray(
              documentPages.id,
              shownPages.map((p) => p.pageId),
            ),
          )
      : Promise.resolve([]),
  ]);
  const docById = new Map(docs.map((d) => [d.id, d]));
  const passageOf = new Map(passages.map((p) => [p.pageId, p.passage]));
  const hits = ids.flatMap((id) => {
    const d = docById.get(id);
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
  return { hits, ...result };
}

/**
 * The part of a page's text around the first place its first search word (a stem) occurs: making
 * a passage parses and stems the text it gets, the most expensive step of a search. A page where
 * the stem is not found as written (another word of an OR, a changed stem) gets its whole text.
 */
function passageWindow(tree: string): SQL {
  const stem = /'((?:[^']|'')+)'/.exec(tree)?.[1]?.replaceAll("''", "'");
  const text = documentPages.text;
  if (!stem) return sql`${text}`;
  return sql`case when strpos(lower(${text}), ${stem}) > 0 then substr(${text}, greatest(1, strpos(lower(${text}), ${stem}) - ${PASSAGE_BEFORE}), ${PASSAGE_CHARS}) else ${text} end`;
}

/** Ranked pages per document, best first (then by page number). */
function groupPages(pages: RankedPage[]): Map<string, RankedPage[]> {
  const byDoc = new Map<string, RankedPage[]>();
  for (const p of [...pages].sort((a, b) => b.rank - a.rank || (a.page ?? 0) - (b.page ?? 0))) {
    const list = byDoc.get(p.id);
    if (list) list.push(p);
    else byDoc.set(p.id, [p]);
  }
  return byDoc;
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
