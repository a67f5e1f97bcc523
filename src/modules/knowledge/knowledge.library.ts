/**
 * The knowledge base as a council's site shows it: its own articles (public ones, and members-only
 * ones for its members) and the national articles it adopted, with its local paragraph. Searching
 * runs over both, in Dutch (core/search.ts), with synonyms and common typos (knowledge.rules.ts).
 */
import { and, desc, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Deps } from '../../core/deps.ts';
import { assertCan, can, type Actor } from '../../core/policy.ts';
import { DomainError, notFound } from '../../core/errors.ts';
import { audit } from '../../core/audit/audit.ts';
import { isUuid } from '../../core/http/forms.ts';
import { councils, type Council } from '../../core/organisations.schema.ts';
import { headline, matches } from '../../core/search.ts';
import { knowledgeAdoptions, knowledgeArticles, knowledgeArticleVersions } from './knowledge.schema.ts';
import { isOverdue, searchAlternatives } from './knowledge.rules.ts';
import { todayOf, type Article } from './knowledge.articles.ts';

export type LibraryItem = {
  id: string;
  title: string;
  summary: string;
  topic: string;
  /** Whose text it is: this organisation's own, or a national organisation's. */
  source: 'own' | 'national';
  sourceName: string;
  visibility: 'public' | 'members';
  reviewBy: string;
  overdue: boolean;
  format: 'text' | 'video';
  /** A passage with the search words, as plain text with markers (core/search.ts). */
  snippet?: string;
};

const NATIONAL = 'landelijk';

/** Whether the reader is one of the council's own people (members-only articles are for them). */
const isInsider = (actor: Actor | null) => can(actor, 'knowledge.view');

/** The Dutch query for what was typed: every alternative (synonyms, corrected typos) may match. */
function searchQuery(q: string): SQL | null {
  const alts = searchAlternatives(q);
  if (alts.length === 0) return null;
  const parts = sql.join(
    alts.map((a) => sql`websearch_to_tsquery('dutch', ${a})`),
    sql` || `,
  );
  return sql`(${parts})`;
}

const columns = {
  id: knowledgeArticles.id,
  title: knowledgeArticles.title,
  summary: knowledgeArticles.summary,
  topic: knowledgeArticles.topic,
  visibility: knowledgeArticles.visibility,
  reviewBy: knowledgeArticles.reviewBy,
  format: knowledgeArticles.format,
  sourceName: councils.name,
  councilId: knowledgeArticles.councilId,
};
const searchable = sql`${knowledgeArticles.title} || ' ' || ${knowledgeArticles.summary} || ' ' || ${knowledgeArticles.body}`;

/** Articles per page of the public list. */
export const PAGE_SIZE = 50;

/**
 * The articles a council's site lists (or the ones that match `q`), labelled by source; best match
 * or title order; one page of them (`limit`, `offset`) and how many there are in all.
 */
export async function knowledgeBase(
  deps: Pick<Deps, 'db'>,
  args: { council: Council; actor: Actor | null; q?: string; limit?: number; offset?: number; now?: Date },
): Promise<{ items: LibraryItem[]; total: number }> {
  const { council } = args;
  const tsq = args.q ? searchQuery(args.q) : null;
  if (args.q && !tsq) return { items: [], total: 0 };
  const own = and(eq(knowledgeArticles.councilId, council.id), isInsider(args.actor) ? undefined : eq(knowledgeArticles.visibility, 'public'));
  // Adopted national articles through a subquery (a hashed set), not a join: the plan stays fast without table statistics.
  const adoptedIds = deps.db.select({ id: knowledgeAdoptions.articleId }).from(knowledgeAdoptions).where(eq(knowledgeAdoptions.councilId, council.id));
  const adopted = and(inArray(knowledgeArticles.id, adoptedIds), eq(knowledgeArticles.visibility, 'public'));
  const where = and(or(own, adopted), tsq ? matches(searchable, tsq) : undefined);
  const rank = tsq ? sql<number>`ts_rank(to_tsvector('dutch', ${searchable}), ${tsq})` : sql<number>`0`;
  const rows = await deps.db
    .select({ ...columns, rank, total: sql<number>`(count(*) over ())::int` })
    .from(knowledgeArticles)
    .innerJoin(councils, eq(councils.id, knowledgeArticles.councilId))
    .where(where)
    .orderBy(tsq ? desc(rank) : knowledgeArticles.title)
    .limit(args.limit ?? PAGE_SIZE)
    .offset(args.offset ?? 0);
  // Passages only for the page shown: ts_headline is the costly part of a search.
  const snippets = new Map<string, string>();
  if (tsq && rows.length) {
    const found = await deps.db
      .select({ id: knowledgeArticles.id, snippet: headline(searchable, tsq) })
      .from(knowledgeArticles)
      .where(
        inArray(
          knowledgeArticles.id,
          rows.map((r) => r.id),
        ),
      );
    for (const f of found) snippets.set(f.id, f.snippet);
  }
  const today = todayOf(args.now);
  const items = rows.map(
    (r): LibraryItem => ({
      id: r.id,
      title: r.title,
      summary: r.summary,
      topic: r.topic,
      source: r.councilId === council.id ? 'own' : 'national',
      sourceName: r.sourceName,
      visibility: r.visibility,
      reviewBy: r.reviewBy,
      overdue: isOverdue(r.reviewBy, today),
      format: r.format,
      snippet: snippets.get(r.id),
    }),
  );
  return { items, total: rows[0]?.total ?? 0 };
}

export type ArticlePage = { article: Article; source: 'own' | 'national'; sourceName: string; localParagraph: string | null; overdue: boolean };

/** One article as the council's site shows it: its own (members-only ones to members), or a national one it adopted. Anything else is 404. */
export async function readArticle(deps: Pick<Deps, 'db'>, args: { council: Council; actor: Actor | null; id: string; now?: Date }): Promise<ArticlePage> {
  if (!isUuid(args.id)) notFound('article');
  const [row] = await deps.db
    .select({ article: knowledgeArticles, sourceName: councils.name, localParagraph: knowledgeAdoptions.localParagraph })
    .from(knowledgeArticles)
    .innerJoin(councils, eq(councils.id, knowledgeArticles.councilId))
    .leftJoin(knowledgeAdoptions, and(eq(knowledgeAdoptions.articleId, knowledgeArticles.id), eq(knowledgeAdoptions.councilId, args.council.id)))
    .where(eq(knowledgeArticles.id, args.id));
  if (!row) notFound('article');
  const own = row.article.councilId === args.council.id;
  const visible = own ? row.article.visibility === 'public' || isInsider(args.actor) : row.localParagraph !== null && row.article.visibility === 'public';
  if (!visible) notFound('article');
  return {
    article: row.article,
    source: own ? 'own' : 'national',
    sourceName: row.sourceName,
    localParagraph: own ? null : row.localParagraph,
    overdue: isOverdue(row.article.reviewBy, todayOf(args.now)),
  };
}

/** The public articles of national organisations, for a council to adopt; with what it adopted and whether the text changed since. */
export async function nationalCatalogue(deps: Pick<Deps, 'db'>, args: { actor: Actor | null; council: Council }) {
  assertCan(args.actor, 'knowledge.view');
  if (args.council.kind === NATIONAL) return [];
  const rows = await deps.db
    .select({
      id: knowledgeArticles.id,
      title: knowledgeArticles.title,
      topic: knowledgeArticles.topic,
      version: knowledgeArticles.version,
      sourceName: councils.name,
      seenVersion: knowledgeAdoptions.seenVersion,
    })
    .from(knowledgeArticles)
    .innerJoin(councils, and(eq(councils.id, knowledgeArticles.councilId), eq(councils.kind, NATIONAL)))
    .leftJoin(knowledgeAdoptions, and(eq(knowledgeAdoptions.articleId, knowledgeArticles.id), eq(knowledgeAdoptions.councilId, args.council.id)))
    .where(and(eq(knowledgeArticles.visibility, 'public'), ne(knowledgeArticles.councilId, args.council.id)))
    .orderBy(councils.name, knowledgeArticles.title);
  return rows.map((r) => ({ ...r, adopted: r.seenVersion !== null, changed: r.seenVersion !== null && r.seenVersion < r.version }));
}

/** A national article the council may adopt: public, of a national organisation, not its own. */
async function adoptable(deps: Pick<Deps, 'db'>, council: Council, articleId: string): Promise<Article> {
  if (!isUuid(articleId)) notFound('article');
  const [row] = await deps.db
    .select({ article: knowledgeArticles })
    .from(knowledgeArticles)
    .innerJoin(councils, and(eq(councils.id, knowledgeArticles.councilId), eq(councils.kind, NATIONAL)))
    .where(and(eq(knowledgeArticles.id, articleId), eq(knowledgeArticles.visibility, 'public'), ne(knowledgeArticles.councilId, council.id)));
  if (!row) notFound('article');
  return row.article;
}

/** The council shows a national article on its site; nothing is copied. Adopting twice changes nothing. */
export async function adoptArticle(deps: Deps, args: { actor: Actor | null; council: Council; articleId: string }): Promise<void> {
  assertCan(args.actor, 'knowledge.adopt');
  const actor = args.actor;
  if (args.council.kind === NATIONAL) throw new DomainError('nationalCannotAdopt', 'knowledge.error.nationalCannotAdopt');
  const article = await adoptable(deps, args.council, args.articleId);
  await deps.db.transaction(async (tx) => {
    const inserted = await tx.insert(knowledgeAdoptions).values({ councilId: args.council.id, articleId: article.id, seenVersion: article.version }).onConflictDoNothing().returning();
    if (inserted.length === 0) throw new DomainError('alreadyAdopted', 'knowledge.error.alreadyAdopted');
    await audit(tx, { councilId: args.council.id, actorUserId: actor.userId, action: 'knowledgeArticle.adopted', entity: 'knowledgeArticle', entityId: article.id });
  });
}

/** An adopted article with the council's paragraph, and the change since the version the council last saw. */
export async function adoptionToEdit(deps: Pick<Deps, 'db'>, args: { actor: Actor | null; council: Council; articleId: string }) {
  assertCan(args.actor, 'knowledge.adopt');
  if (!isUuid(args.articleId)) notFound('article');
  const [row] = await deps.db
    .select({ adoption: knowledgeAdoptions, article: knowledgeArticles, sourceName: councils.name })
    .from(knowledgeAdoptions)
    .innerJoin(knowledgeArticles, eq(knowledgeArticles.id, knowledgeAdoptions.articleId))
    .innerJoin(councils, eq(councils.id, knowledgeArticles.councilId))
    .where(and(eq(knowledgeAdoptions.councilId, args.council.id), eq(knowledgeAdoptions.articleId, args.articleId)));
  if (!row) notFound('adoption');
  let change: { from: { version: number; text: string }; to: { version: number; text: string } } | null = null;
  if (row.adoption.seenVersion < row.article.version) {
    const versions = await deps.db
      .select()
      .from(knowledgeArticleVersions)
      .where(and(eq(knowledgeArticleVersions.articleId, row.article.id), inArray(knowledgeArticleVersions.version, [row.adoption.seenVersion, row.article.version])));
    const from = versions.find((v) => v.version === row.adoption.seenVersion);
    const to = versions.find((v) => v.version === row.article.version);
    if (from && to) change = { from: { version: from.version, text: versionText(from) }, to: { version: to.version, text: versionText(to) } };
  }
  return { ...row, change };
}

export const versionText = (v: { title: string; summary: string; body: string }) => `${v.title}\n\n${v.summary}\n\n${v.body}`;

/** Saves the council's local paragraph; the council has now seen the current national text. */
export async function saveLocalParagraph(deps: Deps, args: { actor: Actor | null; council: Council; articleId: string; localParagraph: string }): Promise<void> {
  assertCan(args.actor, 'knowledge.adopt');
  const actor = args.actor;
  if (!isUuid(args.articleId)) notFound('article');
  await deps.db.transaction(async (tx) => {
    const [article] = await tx.select({ version: knowledgeArticles.version }).from(knowledgeArticles).where(eq(knowledgeArticles.id, args.articleId));
    const updated = article
      ? await tx
          .update(knowledgeAdoptions)
          .set({ localParagraph: args.localParagraph, seenVersion: article.version, updatedAt: new Date() })
          .where(and(eq(knowledgeAdoptions.councilId, args.council.id), eq(knowledgeAdoptions.articleId, args.articleId)))
          .returning()
      : [];
    if (updated.length === 0) notFound('adoption');
    await audit(tx, { councilId: args.council.id, actorUserId: actor.userId, action: 'knowledgeArticle.localParagraphSaved', entity: 'knowledgeArticle', entityId: args.articleId });
  });
}
