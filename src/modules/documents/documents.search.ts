/** Dutch full-text search over the titles and pages of the documents an actor may see (core/search.ts). */
import { inArray, sql, type SQL } from 'drizzle-orm';
import type { Deps } from '../../core/deps.ts';
import { executeNamed, rowsOf } from '../../core/db/index.ts';
import type { Actor } from '../../core/policy.ts';
import type { SearchProvider } from '../../core/module.ts';
import { dutchQuery, headline, matches } from '../../core/search.ts';
import { councils, type Council } from '../../core/organisations.schema.ts';
import { documentLexemes, documentPages, documents, documentVersions } from './documents.schema.ts';
import { ownersVisibleTo, visibleWhere } from './documents.access.ts';
import { candidatePages, parseQuery, queryLexemes, wholeDocumentMatch, type Candidates, type QueryNode } from './documents.query.ts';

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
 * Up to this many documents found are ordered by how well they match (their word sets are
 * ranked: how many pages hold the words). More than that, and they are listed newest first:
 * ranking every document that holds a common word ("gemeente" is on three pages in four) reads
 * every word set (docs/decisions/0031).
 */
export const RANKED_DOCUMENTS = 40;
/** More documents than this are not counted further (the result says "more than"). */
const MAX_DOCUMENTS = 2_000;
const PAGES_PER_DOCUMENT = 3;
/** Characters of a page given to ts_headline: from this many before the first hit. */
const PASSAGE_BEFORE = 150;
const PASSAGE_CHARS = 500;
/** Documents whose pages are checked (a phrase, a word left out) before the total is estimated. */
const MAX_CONFIRMED = 400;
/** Below this share of documents confirmed, the next batch is sized as if it were this share. */
const MIN_SHARE = 0.05;
const PAGE_SIZE = 20;
/** A tsvector holds at most 1 MB of words and page numbers; a document with more is always a candidate. */
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
 * The word of a word set that stands for its owner: the search's first pass asks for it beside
 * the words, so the index only yields the owners' documents (350 organisations share the table).
 * It holds spaces, which no word of a text ever does.
 */
const OWNER = ' owner ';
/** A phrase operator of a tsquery (<-> or <2>): in a word set, "all these words". */
const PHRASE_OPERATOR = /<(?:-|\d+)>/g;
const quoteLexeme = (lexeme: string) => `'${lexeme.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;

/**
 * Recomputes the word sets (document_lexemes) of these documents from their pages; call it after
 * their pages changed, in the same transaction: the distinct words and the owner's word, and the
 * words with the page numbers they are on (as positions: at most 256 kept per word; none for files
 * without pages). Migration 0018 ran the same statement over every document.
 */
export async function refreshLexemes(db: Deps['db'], documentIds: string[]): Promise<void> {
  if (!documentIds.length) return;
  const ids = inArray(documentLexemes.documentId, documentIds);
  await db.delete(documentLexemes).where(ids);
  await db.execute(sql`insert into ${documentLexemes} (council_id, document_id, lexemes, pages)
    select w.council_id, w.document_id,
      case when sum(w.bytes) < ${MAX_LEXEME_BYTES} then array_to_tsvector(array_agg(w.lexeme) || (${OWNER}::text || w.council_id::text)) end,
      case when sum(w.bytes) < ${MAX_LEXEME_BYTES} then string_agg(w.entry, ' ')::tsvector end
    from (select p.council_id, p.document_id, u.lexeme,
        '''' || replace(replace(u.lexeme, ${'\\'}, ${'\\\\'}), '''', '''''') || '''' || coalesce(':' || string_agg(p.page::text, ',' order by p.page), '') as entry,
        octet_length(u.lexeme) + 4 + 2 * least(count(p.page), 256) as bytes
      from ${documentPages} p, unnest(p.tsv) u
      where p.document_id = any(${uuidArray(documentIds)})
      group by p.council_id, p.document_id, u.lexeme) w
    group by w.council_id, w.document_id`);
}

/** A list of ids as one uuid[] parameter. */
const uuidArray = (ids: string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;
/** A list of strings as one text[] parameter. */
const textArray = (xs: string[]) => sql`${`{${xs.map((x) => `"${x.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`}::text[]`;

/**
 * A search statement's rows, run as a named statement: parsed once per connection, and the first
 * pass and word sets keep a generic plan; the pages are still planned per run (PostgreSQL's choice:
 * their generic plan loses the page numbers as index condition). 3 ms less of the server's CPU a
 * search (decision 0031, session 9). The texts are few, the words, ids and pages are parameters:
 * the first pass one per set of access levels (visibleWhere: 3), the word sets 2 (ranked or not),
 * the pages 3 (confirming; passages with or without a stem to look for).
 */
async function rows<T>(deps: Deps, query: SQL): Promise<T[]> {
  return rowsOf<T>(await executeNamed(deps.db, query));
}

/** What the first pass found: the query as PostgreSQL reads it, and the documents, newest first. */
type FirstPass = { tree: string; full: string; titled: string[]; found: string[] };

/**
 * One statement: the query's words (querytree), the documents whose title holds them, and the
 * documents whose word set holds them, of the owners the reader may see. A set has no positions
 * within a page, so a phrase asks for its words, and a word left out is dropped (another page may
 * lack it): the pages decide later. The sets are found through their GIN index, for any words
 * (document_sets_matching, migration 0019): reading every set (stored apart, TOAST, which the
 * planner's costs leave out) to match a common word took 10-20 times longer.
 */
async function firstPass(deps: Deps, tsq: SQL, visible: SQL, owners: string[]): Promise<FirstPass> {
  const ownersQuery = owners.map((id) => quoteLexeme(OWNER + id)).join(' | ');
  const [row] = await rows<FirstPass>(
    deps,
    sql`select q.tree, q.full,
      array(select ${documents.id} from ${documents} where ${visible} and ${matches(documents.title, sql`q.tsq`)}
        order by ${documents.updatedAt} desc, ${documents.id} limit ${MAX_DOCUMENTS}) as titled,
      array(select ${documents.id} from ${documents} where ${documents.id} in (
          select m.id from document_sets_matching(q.sets) as m(id)
          union all select ${documentLexemes.documentId} from ${documentLexemes}
            where ${documentLexemes.lexemes} is null and ${documentLexemes.councilId} = any(${uuidArray(owners)}))
        and ${visible} order by ${documents.updatedAt} desc, ${documents.id} limit ${MAX_DOCUMENTS}) as found
    from (select a.tsq, a.tree, a.tsq::text as full, case when a.tree = '' then null
        when a.tree = 'T' then ${ownersQuery}::tsquery
        else regexp_replace(a.tree, ${PHRASE_OPERATOR.source}, '&', 'g')::tsquery && ${ownersQuery}::tsquery end as sets
      from (select t.tsq, querytree(t.tsq) as tree from (select ${tsq} as tsq) t) a) q`,
  );
  return { tree: row?.tree ?? '', full: row?.full ?? '', titled: row?.titled ?? [], found: row?.found ?? [] };
}

/** A document found, with what the results show of it and its pages that may match. */
type Candidate = {
  id: string;
  title: string;
  ownerId: string;
  ownerName: string;
  mimeType: string;
  /** How well its word set matches (pages holding the words), for ordering a few documents. */
  rank: number;
  candidates: Candidates;
};

/**
 * The documents' titles and owners, and from their word sets the page numbers of the query's
 * words: the pages that can match follow without reading a page. The query's words are picked out
 * of a set by marking them (setweight) and keeping the marked (ts_filter): unnesting a whole set
 * cost 1-1.5 ms a document. Without page numbers (a Word file) every part is checked.
 */
async function candidatesOf(deps: Deps, ids: string[], tree: QueryNode | null, rankQuery: string): Promise<Candidate[]> {
  if (!ids.length) return [];
  const found = await rows<Omit<Candidate, 'candidates'> & { hasSet: boolean; words: Record<string, number[] | null> | null }>(
    deps,
    sql`select d.id, d.title, d.council_id as "ownerId", c.name as "ownerName", v.mime_type as "mimeType",
      v.page_count is not null and ls.pages is not null as "hasSet",
      ${rankQuery ? sql`coalesce(ts_rank(ls.pages, ${rankQuery}::tsquery), 0)` : sql`0`} as rank,
      (select json_object_agg(u.lexeme, u.positions) from unnest(ts_filter(setweight(ls.pages, 'A', ${textArray(queryLexemes(tree))}), '{a}')) u) as words
    from unnest(${uuidArray(ids)}) as i(id)
    join ${documents} d on d.id = i.id
    join ${councils} c on c.id = d.council_id
    join ${documentVersions} v on v.document_id = d.id and v.version = d.current_version
    left join ${documentLexemes} ls on ls.document_id = d.id`,
  );
  return found.map(({ hasSet, words, ...d }) => ({
    ...d,
    rank: Number(d.rank),
    candidates: hasSet ? candidatePages(tree, new Map(Object.entries(words ?? {}))) : { pages: null, verify: true },
  }));
}

type ShownPage = { id: string; pageId: string; page: number | null; passage: string };

/**
 * Up to three pages per document that match, lowest page first (without page numbers: the best
 * ranked parts), with a passage each when `passages`. Only the candidate pages are read, and a
 * page's index entry only where the candidates must be confirmed (a phrase).
 */
async function pagesOf(deps: Deps, docs: { id: string; candidates: Candidates }[], tsq: SQL, tree: string, passages: boolean): Promise<ShownPage[]> {
  const wanted = docs.filter((d) => !d.candidates.pages || d.candidates.pages.length);
  if (!wanted.length) return [];
  const list = JSON.stringify(wanted.map((d) => ({ id: d.id, pages: d.candidates.pages, verify: d.candidates.verify })));
  // Two branches, so that the candidate pages are part of the index condition (document, page):
  // with "pages is null or page = any(pages)" the planner checked the words on all of a
  // document's pages before it looked at the page number (EXPLAIN ANALYZE, decision 0031).
  return rows<ShownPage>(
    deps,
    sql`select x.document_id as id, x.id as "pageId", x.page, ${passages ? headline(passageWindow(tree, sql`x.text`), tsq) : sql`''`} as passage
    from jsonb_to_recordset(${list}::jsonb) as c(id uuid, pages int[], verify boolean)
    cross join lateral ((select p.id, p.document_id, p.page, p.text from ${documentPages} p
        where p.document_id = c.id and p.page = any(c.pages) and (not c.verify or p.tsv @@ ${tsq})
        order by p.page limit ${PAGES_PER_DOCUMENT})
      union all (select p.id, p.document_id, p.page, p.text from ${documentPages} p
        where c.pages is null and p.document_id = c.id and (not c.verify or p.tsv @@ ${tsq})
        order by p.page, case when p.page is null then ts_rank(p.tsv, ${tsq}) end desc
        limit ${PAGES_PER_DOCUMENT})) x`,
  );
}

/**
 * Documents whose title or text holds the words, one result per document with the pages of
 * its hits, so ten hits are not ten times the same document. Title matches first. First pass:
 * the documents whose word set holds the words (one small index entry per document, so a common
 * word still finds every document); then the word sets of the documents to order or show give
 * the pages that match, passages (ts_headline) are made only for the pages shown, and a page's
 * own index entry is read only to confirm a phrase.
 */
export async function searchDocumentsPage(deps: Deps, args: { council: Council; actor: Actor | null; query: string; limit?: number; page?: number; ranked?: number }): Promise<SearchResult> {
  const query = args.query.trim();
  const page = Math.max(1, Math.floor(args.page ?? 1));
  const none = { hits: [], page, pages: 0, total: 0, capped: false };
  if (!query) return none;
  const tsq = dutchQuery(query);
  const limit = args.limit ?? PAGE_SIZE;
  const owners = await ownersVisibleTo(deps, args.council, args.actor);
  const first = await firstPass(deps, tsq, visibleWhere(args.council, args.actor), owners);
  if (!first.tree) return none;
  const tree = parseQuery(first.full);
  const rankQuery = first.tree === 'T' ? '' : first.tree.replace(PHRASE_OPERATOR, '&');
  const inTitle = new Set(first.titled);
  const exact = wholeDocumentMatch(tree);
  // Title matches first, then the rest newest first.
  const all = [...new Set([...first.titled, ...first.found])];
  const capped = all.length > (args.ranked ?? RANKED_DOCUMENTS);
  const from = (page - 1) * limit;
  // Documents that match on a page or in their title, with the pages to show.
  const confirmed: Candidate[] = [];
  let walked = 0;
  // Few documents: all of them, to order them. Many: newest first, in batches, until this page is full.
  while (walked < all.length && (!capped || (walked < MAX_CONFIRMED && confirmed.length < from + limit))) {
    // Every document found matches on a page when the query is words joined by OR: take just enough.
    // Otherwise (a phrase, a word left out) as many as the share confirmed so far says will fill
    // the page, with a margin: one more round of two statements costs more than a few sets more.
    const wanted = from + limit - confirmed.length;
    const share = walked ? Math.max(confirmed.length / walked, MIN_SHARE) : 1;
    const size = exact ? wanted : Math.max(limit * 2, wanted, Math.min(MAX_CONFIRMED - walked, Math.ceil((wanted / share) * 1.25)));
    const batch = capped ? all.slice(walked, walked + size) : all;
    walked += batch.length;
    const found = await candidatesOf(deps, batch, tree, capped ? '' : rankQuery);
    // A phrase (or a document without page numbers) is confirmed on its candidate pages.
    const verified = groupBy(
      await pagesOf(
        deps,
        found.filter((c) => c.candidates.verify),
        tsq,
        first.tree,
        false,
      ),
    );
    const byId = new Map(found.map((c) => [c.id, c]));
    for (const id of batch) {
      const c = byId.get(id);
      if (!c) continue;
      const pages = c.candidates.verify ? (verified.get(id) ?? []).map((p) => p.page) : (c.candidates.pages ?? []);
      if (!pages.length && !inTitle.has(id)) continue;
      // The pages to show: the first three that match (parts without page numbers: found again by rank).
      const numbered = pages.filter((p): p is number => p !== null).slice(0, PAGES_PER_DOCUMENT);
      confirmed.push({ ...c, candidates: pages.includes(null) ? { pages: null, verify: true } : { pages: numbered, verify: false } });
    }
  }
  // A few: a title match first, then the best word set (more pages with the words).
  if (!capped) confirmed.sort((a, b) => (inTitle.has(b.id) ? 10 : 0) + b.rank - ((inTitle.has(a.id) ? 10 : 0) + a.rank));
  // Not all walked: the share confirmed so far estimates the rest.
  const total = walked >= all.length ? confirmed.length : Math.round((confirmed.length / walked) * all.length);
  const result = { page, pages: Math.ceil(total / limit), total, capped };
  const shown = confirmed.slice(from, from + limit);
  if (!shown.length) return { hits: [], ...result };
  const passages = groupBy(await pagesOf(deps, shown, tsq, first.tree, true));
  const hits = shown.map((d) => ({
    id: d.id,
    title: d.title,
    inTitle: inTitle.has(d.id),
    pages: (passages.get(d.id) ?? []).map((p) => ({ page: p.page, passage: p.passage })).sort((a, b) => (a.page ?? 0) - (b.page ?? 0)),
    sharedBy: d.ownerId === args.council.id ? null : d.ownerName,
    isPdf: d.mimeType === 'application/pdf',
  }));
  return { hits, ...result };
}

function groupBy(pages: ShownPage[]): Map<string, ShownPage[]> {
  const byDoc = new Map<string, ShownPage[]>();
  for (const p of pages) byDoc.set(p.id, [...(byDoc.get(p.id) ?? []), p]);
  return byDoc;
}

/**
 * The part of a page's text around the first place its first search word (a stem) occurs: making
 * a passage parses and stems the text it gets, the most expensive step of a search. A page where
 * the stem is not found as written (another word of an OR, a changed stem) gets its whole text.
 */
function passageWindow(tree: string, text: SQL): SQL {
  const stem = /'((?:[^']|'')+)'/.exec(tree)?.[1]?.replaceAll("''", "'");
  if (!stem) return text;
  return sql`case when strpos(lower(${text}), ${stem}) > 0 then substr(${text}, greatest(1, strpos(lower(${text}), ${stem}) - ${PASSAGE_BEFORE}), ${PASSAGE_CHARS}) else ${text} end`;
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
