/** Dutch full-text search over the pages of the documents an actor may see (core/search.ts). */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Deps } from '../../core/deps.ts';
import type { Actor } from '../../core/policy.ts';
import { dutchQuery, headline } from '../../core/search.ts';
import { councils, type Council } from '../../core/organisations.schema.ts';
import { documentPages, documents } from './documents.schema.ts';
import { visibleWhere } from './documents.access.ts';

export type SearchHit = { id: string; title: string; page: number | null; passage: string; sharedBy: string | null };

/** Dutch full-text search over the pages of documents the actor may see, best matches first. */
export async function searchDocuments(deps: Deps, args: { council: Council; actor: Actor | null; query: string; limit?: number }): Promise<SearchHit[]> {
  const query = args.query.trim();
  if (!query) return [];
  const tsq = dutchQuery(query);
  // Rank and limit first; the headline (expensive) only for the rows shown.
  const top = deps.db
    .select({
      pageId: sql<string>`${documentPages.id}`.as('page_id'),
      id: sql<string>`${documents.id}`.as('doc_id'),
      title: documents.title,
      ownerId: sql<string>`${documents.councilId}`.as('owner_id'),
      page: documentPages.page,
      rank: sql<number>`ts_rank(${documentPages.tsv}, ${tsq})`.as('rank'),
    })
    .from(documentPages)
    .innerJoin(documents, eq(documents.id, documentPages.documentId))
    .where(and(sql`${documentPages.tsv} @@ ${tsq}`, visibleWhere(args.council, args.actor)))
    .orderBy(sql`rank desc`, asc(documents.title), sql`${documentPages.page} asc nulls first`)
    .limit(args.limit ?? 30)
    .as('top');
  const rows = await deps.db
    .select({
      id: top.id,
      title: top.title,
      page: top.page,
      ownerId: top.ownerId,
      ownerName: councils.name,
      passage: headline(documentPages.text, tsq),
    })
    .from(top)
    .innerJoin(documentPages, eq(documentPages.id, top.pageId))
    .innerJoin(councils, eq(councils.id, top.ownerId))
    .orderBy(sql`${top.rank} desc`, asc(top.title), sql`${top.page} asc nulls first`);
  return rows.map((r) => ({ id: r.id, title: r.title, page: r.page, passage: r.passage, sharedBy: r.ownerId === args.council.id ? null : r.ownerName }));
}
