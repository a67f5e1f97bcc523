/** Articles, adoptions and news straight in the database, for tests (the authorization matrix uses these too). */
import type { TestApp } from '../../../test/support/factories.ts';
import { makeCouncil } from '../../../test/support/factories.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { knowledgeAdoptions, knowledgeArticles, knowledgeArticleVersions, knowledgeNews } from './knowledge.schema.ts';

export * from '../../../test/support/factories.ts';

/** A national organisation (kind `landelijk`): its articles are the national knowledge base. */
export function makeNational(t: TestApp, values: Partial<Council> = {}): Promise<Council> {
  return makeCouncil(t, { kind: 'landelijk', name: 'Landelijk Kennisplatform', ...values });
}

/** An article, version 1, reviewed a year from now unless `values` say otherwise. */
export async function makeArticle(t: TestApp, council: Council, values: Partial<typeof knowledgeArticles.$inferInsert> = {}) {
  const nextYear = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
  const [a] = await t.db
    .insert(knowledgeArticles)
    .values({
      councilId: council.id,
      title: 'Wat is de Wmo?',
      summary: 'De Wmo helpt u thuis te wonen.',
      body: 'De gemeente helpt u als u dat zelf niet kunt.',
      topic: 'wmo',
      reviewBy: nextYear,
      ...values,
    })
    .returning();
  await t.db.insert(knowledgeArticleVersions).values({ councilId: council.id, articleId: a!.id, version: a!.version, title: a!.title, summary: a!.summary, body: a!.body });
  return a!;
}

/** The council adopted the article, having seen its current version. */
export async function adopt(t: TestApp, council: Council, article: { id: string; version: number }, localParagraph = '') {
  const [row] = await t.db.insert(knowledgeAdoptions).values({ councilId: council.id, articleId: article.id, seenVersion: article.version, localParagraph }).returning();
  return row!;
}

export async function makeNews(t: TestApp, council: Council, values: Partial<typeof knowledgeNews.$inferInsert> = {}) {
  const [n] = await t.db
    .insert(knowledgeNews)
    .values({ councilId: council.id, title: 'Nieuwe leden gezocht', summary: 'Wij zoeken nieuwe leden.', body: 'Doet u mee?', ...values })
    .returning();
  return n!;
}
