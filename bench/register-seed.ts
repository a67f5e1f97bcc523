/**
 * Benchmark data for the public advice register: one council ("registerbank") with 2,000
 * given advices over 10 years, 3-5 recommendations each, written straight into the database.
 *
 *   node --import tsx bench/register-seed.ts --data-dir DIR        (PGlite)
 *   node --import tsx bench/register-seed.ts --database-url URL    (PostgreSQL)
 *
 * Migrates first, loads the demo data when the database is empty (as the app would), and
 * does nothing when the council is already there. Prints `seeded <n>` when done.
 */
import { parseArgs } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { openDatabase, migrate, type Database } from '../src/core/db/index.ts';
import { councils } from '../src/core/organisations.schema.ts';
import { adviceRecommendations, advices, answers, policyFields } from '../src/modules/advice/advice.schema.ts';
import { seedDemoIfEmpty } from '../seeds/demo.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveSecretKey } from '../src/core/secret.ts';
import { diskFileStore } from '../src/core/files/store.ts';
import { users } from '../src/core/auth/auth.schema.ts';
import { createSession } from '../src/core/auth/sessions.ts';

export const BENCH_COUNCIL = 'registerbank';
export const BENCH_ADVICES = 2000;
/** A search word found in the questions and recommendations of many of these advices. */
export const BENCH_SEARCH = 'mantelzorgers';

const topics = [
  ['Beleidsplan Wmo', 'Hoe kijkt de raad naar het nieuwe beleidsplan voor ondersteuning thuis?'],
  ['Huishoudelijke hulp', 'Wat vindt de raad van de nieuwe regels voor hulp in het huishouden?'],
  ['Armoedebeleid', 'Hoe bereikt de gemeente inwoners met weinig geld?'],
  ['Jeugdzorg wachtlijsten', 'Hoe kan de gemeente de wachttijden in de jeugdzorg korter maken?'],
  ['Mantelzorg', 'Hoe ondersteunt de gemeente mantelzorgers beter?'],
  ['Vervoer op maat', 'Wat vindt de raad van het nieuwe contract voor doelgroepenvervoer?'],
  ['Schuldhulpverlening', 'Hoe helpt de gemeente inwoners eerder bij schulden?'],
  ['Beschermd wonen', 'Hoe regelt de gemeente wonen met begeleiding in de wijk?'],
] as const;
export const recommendationTexts = [
  'Betrek inwoners en mantelzorgers vanaf het begin.',
  'Maak de informatie begrijpelijk, op taalniveau B1.',
  'Zorg voor één vast aanspreekpunt per gezin.',
  'Meet elk jaar of de hulp echt helpt.',
  'Verlaag de eigen bijdrage voor inwoners met een laag inkomen.',
  'Maak de wachttijd zichtbaar op de website.',
];

export async function seedRegisterBench(database: Database): Promise<number> {
  const db = database.db;
  const existing = await db.select({ id: councils.id }).from(councils).where(eq(councils.slug, BENCH_COUNCIL));
  if (existing.length) return 0;
  const [council] = await db
    .insert(councils)
    .values({ slug: BENCH_COUNCIL, name: 'Adviesraad Registerbank', advises: 'het college van Registerbank', contactEmail: 'info@registerbank.example' })
    .returning();
  const thisYear = new Date().getUTCFullYear();
  let n = 0;
  const batch = 200;
  for (let start = 0; start < BENCH_ADVICES; start += batch) {
    const rows: (typeof advices.$inferInsert)[] = [];
    for (let i = start; i < Math.min(BENCH_ADVICES, start + batch); i++) {
      const [topic, question] = topics[i % topics.length];
      const year = thisYear - 9 + Math.floor((i * 10) / BENCH_ADVICES);
      const sentAt = new Date(Date.UTC(year, i % 12, 1 + (i % 27), 9));
      const answered = i % 5 !== 0;
      rows.push({
        councilId: council.id,
        reference: `${year}-${String(i + 1).padStart(4, '0')}`,
        kind: i % 4 === 0 ? 'unsolicited' : 'requested',
        status: answered ? 'answered' : 'sent',
        subject: `${topic} ${year} (${i + 1})`,
        question,
        policyField: policyFields[i % policyFields.length],
        addressee: 'college',
        introduction: 'De raad sprak met inwoners, cliëntorganisaties en de gemeente.',
        explanation: 'De raad licht elke aanbeveling toe in de bijlage.',
        sentAt,
        answerDueOn: new Date(sentAt.getTime() + 42 * 86_400_000).toISOString().slice(0, 10),
        answeredAt: answered ? new Date(sentAt.getTime() + (20 + (i % 40)) * 86_400_000) : null,
        publication: i % 10 === 9 ? 'not_public' : 'public',
        publicationGround: i % 10 === 9 ? 'Woo artikel 5.2' : '',
      });
    }
    const inserted = await db.insert(advices).values(rows).returning({ id: advices.id, status: advices.status });
    const recs: (typeof adviceRecommendations.$inferInsert)[] = [];
    inserted.forEach((a, k) => {
      const count = 3 + ((start + k) % 3);
      for (let r = 0; r < count; r++) {
        const answer = a.status === 'answered' ? answers[1 + ((start + k + r) % 3)] : 'unanswered';
        recs.push({
          councilId: council.id,
          adviceId: a.id,
          number: r + 1,
          text: recommendationTexts[(start + k + r) % recommendationTexts.length],
          answer,
          answerReason: answer === 'partly' || answer === 'not_adopted' ? 'Daar is in de begroting geen ruimte voor.' : '',
          answeredAt: answer === 'unanswered' ? null : new Date(),
        });
      }
    });
    await db.insert(adviceRecommendations).values(recs);
    n += inserted.length;
  }
  // Fresh statistics, as PostgreSQL's autovacuum would gather within a minute (PGlite has none).
  await db.execute(sql`analyze advices, advice_recommendations`);
  return n;
}

/**
 * For a seeding script run by bench/run.ts before the app starts: opens the database named by
 * --data-dir or --database-url, migrates it, loads the demo data when empty, runs `seed`, closes.
 */
export async function withBenchDatabase(seed: (database: Database) => Promise<void>): Promise<void> {
  const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, 'database-url': { type: 'string' } } });
  const database = values['database-url'] ? await openDatabase({ kind: 'postgres', url: values['database-url'], poolSize: 2 }) : await openDatabase({ kind: 'pglite', dataDir: values['data-dir'] });
  try {
    await migrate(database);
    // The demo's sealed data and files go where an app on this data directory looks for them.
    const dataDir = values['data-dir'] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'raadwerk-bench-'));
    await seedDemoIfEmpty(database, { secretKey: resolveSecretKey(process.env.SECRET_KEY, dataDir), files: diskFileStore(path.join(dataDir, 'files')) });
    await seed(database);
  } finally {
    await database.close();
  }
}

/** The demo secretary of Lindewijk, whose workspace pages the bench measures logged in. */
export const WORKSPACE_EMAIL = 'secretaris@adviesraad-lindewijk.example';

if (import.meta.url === `file://${process.argv[1]}`) {
  await withBenchDatabase(async (database) => {
    console.log(`seeded ${await seedRegisterBench(database)}`);
    const [user] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, WORKSPACE_EMAIL));
    if (user) console.log(`workspace-session ${await createSession(database.db, user.id, false)}`);
  });
}
