/**
 * The campaigns part of `npm run bench` (bench/run.ts calls benchCampaigns), on PGlite and on
 * PostgreSQL, with the app built in this process and driven through `app.inject` (no sockets):
 *
 * - the public nomination form's POST: validation, the address count of the public forms, the
 *   nomination, its audit entry and the confirmation mail in the outbox, in one transaction.
 *   Baseline: one bare INSERT into the outbox (what any mail-sending form must at least write).
 * - the jury overview (/{org}/werkruimte/campagnes/{id}) of a campaign with 1,000 nominations and
 *   10 jurors who all declared and scored (30,000 scores), as an organiser (figures for every
 *   nomination, the province view) and as a juror. Baseline: one bare aggregate over the
 *   campaign's scores (SELECT nomination, avg(score) ... GROUP BY), the least the page must read.
 *
 * Median of the timed runs after a warm-up, and the ratio to the baseline. Figures only.
 *
 *   node --import tsx bench/campaigns.ts [pglite | postgres URL]
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../src/core/db/index.ts';
import { councils } from '../src/core/organisations.schema.ts';
import { createSession, SESSION_COOKIE } from '../src/core/auth/sessions.ts';
import { csrfTokenFor } from '../src/core/http/csrf.ts';
import { outbox } from '../src/core/mail/mail.schema.ts';
import { municipalities } from '../src/modules/campaigns/municipalities.ts';
import { sealNominator } from '../src/modules/campaigns/campaigns.privacy.ts';
import { BENCH_SECRET_KEY, onBothDatabases, rowsOf as rows, runAlone, timeMedian, withBenchApp, type BenchOpts } from './support/module-bench.ts';

const NOMINATIONS = 1_000;
const JURORS = 10;
const POSTS = 200;
const PAGES = 20;
/** Untimed runs before each timed series. */
const WARMUP = 5;
const time = (n: number, fn: (i: number) => Promise<void>) => timeMedian(n, fn, WARMUP);

/** A national organisation with one open campaign (for the form) and one judged campaign (for the overview). */
async function seed(database: Database) {
  const db = database.db;
  const slug = `bench-campagnes-${Date.now().toString(36)}`;
  const [org] = await db.insert(councils).values({ slug, name: 'Bench Landelijk', kind: 'landelijk', advises: 'heel Nederland', contactEmail: 'info@bench.example' }).returning();
  const o = org!.id;
  const [open] = rows(
    await db.execute(sql`insert into campaigns (council_id, title, purpose, opens_at, closes_at) values (${o}, 'Open', 'Bench', now() - interval '1 day', now() + interval '30 days') returning id`),
  );
  const [judged] = rows(
    await db.execute(
      sql`insert into campaigns (council_id, title, purpose, opens_at, closes_at, phase) values (${o}, 'Beoordeeld', 'Bench', now() - interval '60 days', now() - interval '30 days', 'jury') returning id`,
    ),
  );
  for (const c of [open!.id, judged!.id]) {
    await db.execute(sql`insert into campaign_criteria (council_id, campaign_id, position, question, explanation) select ${o}, ${c}, g, 'Vraag ' || g, 'Uitleg ' || g from generate_series(1, 3) g`);
  }
  // The chair (organiser) and ten jurors.
  await db.execute(sql`insert into users (email, name) select 'bench-' || g || '-' || ${slug} || '@bench.example', 'Jurylid ' || g from generate_series(0, ${JURORS}) g`);
  await db.execute(
    sql`insert into memberships (council_id, user_id, role) select ${o}, id, case when name = 'Jurylid 0' then 'chair' else 'member' end from users where email like ${`%-${slug}@bench.example`}`,
  );
  await db.execute(
    sql`insert into campaign_jurors (council_id, campaign_id, membership_id) select ${o}, ${judged!.id}, m.id from memberships m join users u on u.id = m.user_id where m.council_id = ${o} and m.role = 'member'`,
  );
  const codes = sql.raw(`array[${municipalities.map((m) => `'${m.code}'`).join(',')}]`);
  const provinces = sql.raw(`array[${municipalities.map((m) => `'${m.province}'`).join(',')}]`);
  // Nominators are sealed by the app's own sealNominator, as the form does.
  const nominators = Array.from({ length: NOMINATIONS }, (_, i) => sealNominator(BENCH_SECRET_KEY, { name: `Voordrager ${i + 1}`, role: 'inwoner', email: `v${i + 1}@bench.example` }));
  await db.execute(sql`
    insert into campaign_nominations (council_id, campaign_id, municipality_code, province, nominator_sealed, motivations, edit_token_hash)
    select ${o}, ${judged!.id}, (${codes})[1 + g % ${municipalities.length}], (${provinces})[1 + g % ${municipalities.length}],
           (array[${sql.join(
             nominators.map((n) => sql`${n}`),
             sql`, `,
           )}]::text[])[g], '{}'::jsonb, md5(${slug} || g)
    from generate_series(1, ${NOMINATIONS}) g`);
  await db.execute(sql`
    insert into campaign_declarations (council_id, nomination_id, membership_id, conflict)
    select ${o}, n.id, j.membership_id, false from campaign_nominations n cross join campaign_jurors j
    where n.campaign_id = ${judged!.id} and j.campaign_id = ${judged!.id}`);
  await db.execute(sql`
    insert into campaign_scores (council_id, nomination_id, membership_id, criterion_id, score, motivation)
    select ${o}, n.id, j.membership_id, c.id, 1 + (abs(hashtext(n.id::text || j.membership_id::text || c.id::text)) % 5), 'Een toelichting van genoeg tekens.'
    from campaign_nominations n cross join campaign_jurors j cross join campaign_criteria c
    where n.campaign_id = ${judged!.id} and j.campaign_id = ${judged!.id} and c.campaign_id = ${judged!.id}`);
  await db.execute(sql`analyze`);
  const people = rows(await db.execute(sql`select u.id, m.role from memberships m join users u on u.id = m.user_id where m.council_id = ${o} order by u.name`));
  return { slug, orgId: o, open: open!.id, judged: judged!.id, chair: people.find((p) => p.role === 'chair')!.id, juror: people.find((p) => p.role === 'member')!.id };
}

async function measure(label: string, database: Database): Promise<void> {
  const t0 = performance.now();
  const s = await seed(database);
  console.log(
    `\n${label}: ${NOMINATIONS.toLocaleString('en')} nominations, ${JURORS} jurors, ${(NOMINATIONS * JURORS * 3).toLocaleString('en')} scores (seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
  await withBenchApp(database, 'campaigns', async (app) => {
    // The form's token, as if the page was served a minute ago (past the minimum fill time).
    const realNow = Date.now;
    Date.now = () => realNow() - 60_000;
    const token = csrfTokenFor(app.deps.secretKey, null);
    Date.now = realNow;
    const body = (i: number) =>
      new URLSearchParams({
        municipality: municipalities[Math.abs(i) % municipalities.length]!.code,
        name: 'Bench Voordrager',
        role: 'inwoner',
        email: 'voordrager@bench.example',
        motivatie1: 'Cliëntondersteuning staat hier hoog op de agenda van de raad en de adviesraad.',
        motivatie2: 'Gemeente, inwoners, professionals en vrijwilligers leren samen.',
        motivatie3: 'Een spreekuur in de bibliotheek en maatjes voor nieuwe vrijwilligers.',
      }).toString();
    let ip = 0;
    const post = await time(POSTS, async (i) => {
      ip++;
      const res = await app.inject({
        method: 'POST',
        url: `/${s.slug}/campagnes/${s.open}/voordragen?_csrf=${encodeURIComponent(token)}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: body(i),
        remoteAddress: `10.${(ip >> 16) & 255}.${(ip >> 8) & 255}.${ip & 255}`,
      });
      if (res.statusCode !== 303) throw new Error(`nomination POST answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
    });
    const mails = await time(POSTS, async () => {
      await database.db.insert(outbox).values({ councilId: s.orgId, toAddress: 'basis@bench.example', subject: 'Basis', body: 'Basis' });
    });
    console.log(`  nomination form POST (store + audit + mail): median ${post.toFixed(1)} ms; baseline (one outbox INSERT) ${mails.toFixed(2)} ms; ratio ${(post / mails).toFixed(1)}x`);

    const as = async (userId: string) => ({ cookie: `${SESSION_COOKIE}=${await createSession(database.db, userId, false)}` });
    const url = `/${s.slug}/werkruimte/campagnes/${s.judged}`;
    const aggregate = await time(PAGES, async () => {
      await database.db.execute(
        sql`select nomination_id, avg(score), count(distinct membership_id) from campaign_scores where nomination_id in (select id from campaign_nominations where campaign_id = ${s.judged}) group by nomination_id`,
      );
    });
    for (const [who, userId] of [
      ['organiser', s.chair],
      ['juror', s.juror],
    ] as const) {
      const headers = await as(userId);
      let bytes = 0;
      const page = await time(PAGES, async () => {
        const res = await app.inject({ method: 'GET', url, headers });
        if (res.statusCode !== 200) throw new Error(`jury overview answered ${res.statusCode}`);
        bytes = res.body.length;
      });
      console.log(
        `  jury overview as ${who} (${(bytes / 1024).toFixed(0)} kB): median ${page.toFixed(0)} ms; baseline (bare score aggregate) ${aggregate.toFixed(1)} ms; ratio ${(page / aggregate).toFixed(1)}x`,
      );
    }
  });
}

export async function benchCampaigns(opts: BenchOpts): Promise<void> {
  await onBothDatabases('campaigns', 'campaigns', opts, measure);
}

await runAlone(import.meta.url, benchCampaigns);
