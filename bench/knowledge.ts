/**
 * The knowledge part of `npm run bench` (bench/run.ts calls in here): the public knowledge base
 * page of a council whose site shows 2,000 articles (1,000 national ones it adopted, with a local
 * paragraph, and 1,000 of its own), unfiltered and with a Dutch search (stemming, synonyms, the
 * typo list), each cached (as anonymous readers get it) and rendered on every request.
 *
 *   node --import tsx bench/knowledge.ts --data-dir DIR | --database-url URL
 *     migrates, seeds (once) and prints `knowledge seeded <n>`.
 */
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../src/core/db/index.ts';
import { councils } from '../src/core/organisations.schema.ts';
import { withBenchDatabase } from './register-seed.ts';

export const KNOWLEDGE_COUNCIL = 'kennisbankbench';
const NATIONAL = 'kennisbanklandelijk';
const PER_SOURCE = 1_000;
/** "pgb" also finds "persoonsgebonden budget"; the search measured runs over both. */
const SEARCH = 'pgb keukentafelgesprek';

/** Article texts: B1 sentences of the field, mixed per row so the search finds a share of them. */
const sentences = [
  'De gemeente helpt u als u thuis niet alles zelf kunt.',
  'In het keukentafelgesprek vertelt u wat u nodig hebt.',
  'Met een persoonsgebonden budget kiest u zelf wie u helpt.',
  'De SVB betaalt uw hulpverleners.',
  'Voor veel hulp betaalt u een eigen bijdrage.',
  'U vraagt hulp bij het wijkteam of het Wmo-loket.',
  'De adviesraad geeft de gemeente advies over de regels.',
  'Mantelzorgers kunnen ook hulp krijgen.',
];

/** 1,000 national articles adopted by the bench council and 1,000 of its own; 0 when already there. */
async function seedKnowledgeBench(database: Database): Promise<number> {
  const db = database.db;
  if ((await db.select({ id: councils.id }).from(councils).where(eq(councils.slug, KNOWLEDGE_COUNCIL))).length) return 0;
  const [national] = await db
    .insert(councils)
    .values({ slug: NATIONAL, name: 'Landelijk Kennisplatform Bench', kind: 'landelijk', advises: 'raden', contactEmail: 'info@kennisbanklandelijk.example' })
    .returning();
  const [council] = await db.insert(councils).values({ slug: KNOWLEDGE_COUNCIL, name: 'Adviesraad Kennisbankbench', advises: 'het college', contactEmail: 'info@kennisbankbench.example' }).returning();
  const texts = sql.raw(`array[${sentences.map((s) => `'${s.replace(/'/g, "''")}'`).join(',')}]`);
  // One INSERT ... SELECT per source, as the signals bench does: seconds, not minutes.
  for (const owner of [national!, council!]) {
    await db.execute(sql`
      insert into knowledge_articles (council_id, title, summary, body, topic, review_by, version)
      select ${owner.id}, 'Artikel ' || g || ': ' || (${texts})[1 + g % 8], (${texts})[1 + (g + 3) % 8],
             (${texts})[1 + g % 8] || E'\n\n' || (${texts})[1 + (g + 1) % 8] || ' ' || (${texts})[1 + (g + 5) % 8],
             'wmo', (current_date + (g % 400) - 30)::date, 1
      from generate_series(1, ${PER_SOURCE}) g`);
  }
  await db.execute(sql`
    insert into knowledge_adoptions (council_id, article_id, local_paragraph, seen_version)
    select ${council!.id}, id, 'In onze gemeente belt u het wijkteam.', 1 from knowledge_articles where council_id = ${national!.id}`);
  return PER_SOURCE * 2;
}

// ------------------------------------------------------------------ measuring (called from run.ts)

export async function measureKnowledge<R>(measurePage: (path: string, label: string, headers?: Record<string, string>) => Promise<R[]>, uncached: Record<string, string>): Promise<R[]> {
  const list = `/${KNOWLEDGE_COUNCIL}/kennisbank`;
  const search = `${list}?q=${encodeURIComponent(SEARCH)}`;
  const rows: R[] = [];
  rows.push(...(await measurePage(list, `knowledge base ${list} (2,000 articles, cached)`)));
  rows.push(...(await measurePage(list, `knowledge base ${list} (2,000 articles, rendered)`, uncached)));
  rows.push(...(await measurePage(search, `knowledge search "${SEARCH}" (cached)`)));
  rows.push(...(await measurePage(search, `knowledge search "${SEARCH}" (rendered)`, uncached)));
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await withBenchDatabase(async (database) => {
    const t0 = Date.now();
    console.log(`knowledge seeded ${await seedKnowledgeBench(database)} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  });
}
