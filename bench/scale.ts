/**
 * The scale part of `npm run bench` (`--parts scale`): a platform with 350 organisations, about
 * one for every Dutch municipality, each with ten years of advices, meetings with agendas, news,
 * knowledge articles (its own and 40 adopted national ones), documents, members and signals. All
 * names are made up here ("Adviesraad Sociaal Domein Vossebroek"); the data is written with
 * INSERT ... SELECT over generate_series, a few seconds per table.
 *
 * Measured, on PGlite and on PostgreSQL: the public pages of every organisation (home, register,
 * a register search, five advices, meetings, one meeting, news, one news item, knowledge base,
 * documents, members: 5,251 addresses with the platform home, about 70 MB of pages, more than
 * the cache's 64 MB), so that the load spreads over all organisations and the cache overflows:
 *
 * - a first pass requesting every address once, in random order (every page rendered, the cache
 *   filling up to its budget);
 * - cached: anonymous readers' traffic, as the public gets it: an organisation chosen by Zipf's
 *   law (a city is busier than a village), then one of its pages. The share of cache hits is
 *   printed: a page older than 60 s, or pushed out by the byte budget, is rendered again;
 * - rendered: the same sequence of addresses with a cookie that is not a session (bypasses the cache);
 * - the app's memory (RSS now and its peak) and the page cache's size (entries, bytes, budget).
 *
 * Baseline in the same run: a bare node:http server answering a page of the median size.
 *
 * The app runs in its own process (this file with --serve): migrates, seeds, builds the app as
 * production runs it (no worker, no demo data) and answers `stats` messages with its memory and
 * its cache's size. Run it with `npm run bench -- --parts scale` (bench/run.ts has the load generator).
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import type { Database } from '../src/core/db/index.ts';
import { SESSION_COOKIE } from '../src/core/auth/sessions.ts';
import { signalAreas, signalSinces, signalSources } from '../src/modules/signals/signals.schema.ts';
import type { BenchOpts } from './support/module-bench.ts';
import { peakRssMb } from './support/memory.ts';
import { recommendationTexts as RECOMMENDATIONS } from './register-seed.ts';

export const SCALE_ORGANISATIONS = 350;
const ADVICES = 40;
const MEETINGS = 30;
const AGENDA_ITEMS = 5;
const NEWS = 12;
const OWN_ARTICLES = 8;
const NATIONAL_ARTICLES = 40;
const DOCUMENTS = 12;
const MEMBERS = 9;
const SIGNALS = 150;
const THEMES = 6;
const SEARCH = 'mantelzorg';

// ------------------------------------------------------------------ names (fictional)

const FIRST = ['Vosse', 'Haze', 'Esse', 'Berke', 'Eike', 'Wilge', 'Klaver', 'Ruis', 'Kievit', 'Reiger', 'Lijster', 'Zwaluw', 'Otter', 'Bever', 'Mosse', 'Varen', 'Distel', 'Hulst', 'Elze', 'Lavende'];
const LAST = ['broek', 'wijk', 'dorp', 'veld', 'horst', 'rode', 'hoven', 'kamp', 'oord', 'stede', 'gaarde', 'weerd', 'hem', 'lo', 'zand', 'laar', 'meer', 'dijk'];
const KINDS = ['Adviesraad Sociaal Domein', 'Participatieraad', 'Wmo-raad', 'Adviesraad Wmo en Jeugd', 'Cliëntenraad Werk en Inkomen'];

/** 350 made-up places (20 x 18 combinations, the first 350), each with its council's name and slug. */
export function scaleOrganisations(): { place: string; slug: string; name: string }[] {
  const out: { place: string; slug: string; name: string }[] = [];
  for (const last of LAST) {
    for (const first of FIRST) {
      if (out.length === SCALE_ORGANISATIONS) return out;
      const place = first + last;
      out.push({ place, slug: `${place.toLowerCase()}-sd`, name: `${KINDS[out.length % KINDS.length]} ${place}` });
    }
  }
  return out;
}

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
const textArray = (values: readonly string[]) => sql.raw(`array[${values.map(quote).join(',')}]::text[]`);

const SUBJECTS = [
  'Beleidsplan Wmo',
  'Huishoudelijke hulp',
  'Armoedebeleid en minimaregelingen',
  'Wachtlijsten jeugdzorg',
  'Ondersteuning van mantelzorgers',
  'Doelgroepenvervoer',
  'Schuldhulpverlening',
  'Beschermd wonen in de wijk',
  'Inkoop hulpmiddelen',
  'Toegang tot het sociaal wijkteam',
];
const QUESTIONS = [
  'Hoe kijkt de raad naar het nieuwe plan voor ondersteuning thuis?',
  'Wat vindt de raad van de nieuwe regels voor hulp in het huishouden?',
  'Hoe bereikt de gemeente inwoners met weinig geld?',
  'Hoe kan de gemeente de wachttijden korter maken?',
  'Hoe ondersteunt de gemeente mantelzorgers beter?',
];
const SENTENCES = [
  'De gemeente helpt u als u thuis niet alles zelf kunt.',
  'In het keukentafelgesprek vertelt u wat u nodig hebt.',
  'Met een persoonsgebonden budget kiest u zelf wie u helpt.',
  'Voor veel hulp betaalt u een eigen bijdrage.',
  'U vraagt hulp bij het wijkteam of het Wmo-loket.',
  'De adviesraad geeft de gemeente gevraagd en ongevraagd advies.',
  'Mantelzorgers kunnen ook hulp krijgen, bijvoorbeeld respijtzorg.',
  'De raad praat elke maand met inwoners en organisaties in de wijk.',
];
const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const FIRST_NAMES = ['Anna', 'Mohamed', 'Els', 'Kees', 'Fatima', 'Jan', 'Ingrid', 'Youssef', 'Petra', 'Henk', 'Sanne', 'Ahmet'];
const LAST_NAMES = ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'El Amrani', 'de Boer', 'Mulder', 'Yilmaz', 'Bos', 'Vos'];

// ------------------------------------------------------------------ seeding

/** Writes the 350 organisations and their data; does nothing when they are there already. Returns the row counts. */
export async function seedScale(database: Database): Promise<Record<string, number>> {
  const db = database.db;
  const orgs = scaleOrganisations();
  const slugs = textArray(orgs.map((o) => o.slug));
  /** Their ids (for `council_id in`), and their rows (for `from ... c`). */
  const ours = sql`(select id from councils where slug = any(${slugs}))`;
  const ourRows = sql`(select id, slug, substr(slug, 1, length(slug) - 3) as place from councils where slug = any(${slugs}))`;
  const counted = async () => {
    const count = async (table: string) =>
      Number(((await db.execute(sql`select count(*)::int as n from ${sql.raw(table)} where council_id in ${ours}`)) as unknown as { rows: { n: number }[] }).rows[0]!.n);
    const out: Record<string, number> = {};
    for (const t of ['advices', 'advice_recommendations', 'meetings', 'agenda_items', 'knowledge_news', 'knowledge_articles', 'knowledge_adoptions', 'documents', 'memberships', 'signals'])
      out[t] = await count(t);
    return out;
  };
  const [{ n: present }] = ((await db.execute(sql`select count(*)::int as n from ${ourRows} o`)) as unknown as { rows: { n: number }[] }).rows as [{ n: number }];
  if (present > 0) return counted();

  await db.execute(sql`
    insert into councils (slug, name, advises, tagline, about, vision, target_groups, policy_fields, meeting_rhythm, contact_email, contact_phone, postal_address)
    select o.slug, o.name, 'het college van burgemeester en wethouders van ' || o.place,
           'Inwoners van ' || o.place || ' denken mee over zorg, werk en inkomen.',
           'De raad geeft het college van ' || o.place || ' gevraagd en ongevraagd advies over het sociaal domein. ' ||
           'De leden wonen in ' || o.place || ' en weten uit eigen ervaring wat er speelt.',
           'Iedereen in ' || o.place || ' doet mee, ook wie hulp nodig heeft.',
           'Ouderen, mensen met een beperking, mantelzorgers, jongeren en inwoners met weinig geld.',
           'Wmo, Jeugdwet en Participatiewet.',
           'Elke tweede dinsdag van de maand, 19.30 uur.',
           'secretariaat@' || o.slug || '.example', '0' || (100 + o.n)::text || '-123456',
           'Postbus ' || (1000 + o.n)::text || ', ' || o.place
    from unnest(${slugs}, ${textArray(orgs.map((o) => o.name))}, ${textArray(orgs.map((o) => o.place))}) with ordinality as o(slug, name, place, n)`);
  // A national organisation whose articles every council adopts (as the knowledge module allows).
  await db.execute(sql`
    insert into councils (slug, kind, name, advises, contact_email)
    values ('kennisplatform-sd', 'landelijk', 'Landelijk Kennisplatform Sociaal Domein', 'adviesraden in het sociaal domein', 'info@kennisplatform-sd.example')
    on conflict do nothing`);
  const year = sql`extract(year from now())::int`;
  // Advices: ten years, four a year; one in ten not public, one in five still waiting for an answer.
  await db.execute(sql`
    insert into advices (council_id, reference, kind, status, subject, question, policy_field, addressee, introduction, explanation,
                         sent_at, answer_due_on, answered_at, publication, publication_ground)
    select c.id, (${year} - 9 + g / 4)::text || '-' || lpad((g % 4 + 1)::text, 3, '0'),
           case when g % 4 = 0 then 'unsolicited' else 'requested' end,
           case when g % 5 = 0 then 'sent' else 'answered' end,
           (${textArray(SUBJECTS)})[1 + g % ${SUBJECTS.length}] || ' ' || (${year} - 9 + g / 4)::text,
           (${textArray(QUESTIONS)})[1 + g % ${QUESTIONS.length}],
           (array['wmo','participatiewet','jeugdwet','overig'])[1 + g % 4], 'college',
           'De raad sprak met inwoners, cliëntorganisaties en de gemeente.',
           'De raad licht elke aanbeveling toe. ' || (${textArray(SENTENCES)})[1 + g % ${SENTENCES.length}],
           make_timestamptz(${year} - 9 + g / 4, 1 + (g % 4) * 3, 1 + g % 27, 10, 0, 0, 'Europe/Amsterdam'),
           (make_timestamptz(${year} - 9 + g / 4, 1 + (g % 4) * 3, 1 + g % 27, 10, 0, 0, 'Europe/Amsterdam') + interval '42 days')::date,
           case when g % 5 = 0 then null else make_timestamptz(${year} - 9 + g / 4, 1 + (g % 4) * 3, 1 + g % 27, 10, 0, 0, 'Europe/Amsterdam') + (20 + g % 30) * interval '1 day' end,
           case when g % 10 = 9 then 'not_public' else 'public' end,
           case when g % 10 = 9 then 'Woo artikel 5.2' else '' end
    from ${ourRows} c cross join generate_series(0, ${ADVICES - 1}) g`);
  await db.execute(sql`
    insert into advice_recommendations (council_id, advice_id, number, text, answer, answer_reason, answered_at)
    select a.council_id, a.id, r, (${textArray(RECOMMENDATIONS)})[1 + (r + length(a.reference)) % ${RECOMMENDATIONS.length}],
           case when a.status = 'answered' then (array['adopted','partly','not_adopted'])[1 + r % 3] else 'unanswered' end,
           case when a.status = 'answered' and r % 3 > 0 then 'Daar is in de begroting geen ruimte voor.' else '' end,
           a.answered_at
    from advices a cross join generate_series(1, 3) r where a.council_id in ${ours}`);
  // Meetings: monthly, two years back and six months ahead; past ones held.
  await db.execute(sql`
    insert into meetings (council_id, uid, title, starts_at, ends_at, location, status)
    select c.id, 'scale-' || c.id || '-' || g || '@raadwerk.example', 'Vergadering ' || (${textArray(MONTHS)})[extract(month from date_trunc('month', now()) + (g - 24) * interval '1 month')::int] || ' ' || extract(year from date_trunc('month', now()) + (g - 24) * interval '1 month'),
           date_trunc('month', now()) + (g - 24) * interval '1 month' + interval '8 days 18 hours 30 minutes',
           date_trunc('month', now()) + (g - 24) * interval '1 month' + interval '8 days 21 hours',
           'Gemeentehuis, zaal 2', case when g < 24 then 'held' else 'planned' end
    from ${ourRows} c cross join generate_series(0, ${MEETINGS - 1}) g`);
  await db.execute(sql`
    insert into agenda_items (council_id, meeting_id, position, title, explanation, is_public)
    select m.council_id, m.id, p, (array['Opening en mededelingen','Verslag vorige vergadering','Signalen uit de wijk','Concept-advies','Rondvraag en sluiting'])[p],
           case when p = 3 then 'Leden bespreken de signalen van inwoners van de afgelopen maand.' else '' end,
           p <> 4 or m.starts_at < now() - interval '1 year'
    from meetings m cross join generate_series(1, ${AGENDA_ITEMS}) p where m.council_id in ${ours}`);
  await db.execute(sql`
    insert into knowledge_news (council_id, title, summary, body, published_at)
    select c.id, 'Nieuws ' || g || ': ' || (${textArray(SUBJECTS)})[1 + g % ${SUBJECTS.length}],
           (${textArray(SENTENCES)})[1 + g % ${SENTENCES.length}],
           (${textArray(SENTENCES)})[1 + g % ${SENTENCES.length}] || E'\n\n' || (${textArray(SENTENCES)})[1 + (g + 3) % ${SENTENCES.length}],
           now() - g * interval '26 days'
    from ${ourRows} c cross join generate_series(1, ${NEWS}) g`);
  await db.execute(sql`
    insert into knowledge_articles (council_id, title, summary, body, topic, review_by, version)
    select c.id, (${textArray(SUBJECTS)})[1 + g % ${SUBJECTS.length}] || ' in ' || initcap(c.place),
           (${textArray(SENTENCES)})[1 + g % ${SENTENCES.length}],
           (${textArray(SENTENCES)})[1 + g % ${SENTENCES.length}] || E'\n\n' || (${textArray(SENTENCES)})[1 + (g + 5) % ${SENTENCES.length}],
           'wmo', (current_date + (g * 40) % 400)::date, 1
    from ${ourRows} c cross join generate_series(1, ${OWN_ARTICLES}) g`);
  await db.execute(sql`
    insert into knowledge_articles (council_id, title, summary, body, topic, review_by, version)
    select c.id, 'Landelijk: ' || (${textArray(SUBJECTS)})[1 + g % ${SUBJECTS.length}] || ' (' || g || ')',
           (${textArray(SENTENCES)})[1 + g % ${SENTENCES.length}],
           (${textArray(SENTENCES)})[1 + g % ${SENTENCES.length}] || E'\n\n' || (${textArray(SENTENCES)})[1 + (g + 2) % ${SENTENCES.length}],
           'wmo', (current_date + 200)::date, 1
    from councils c cross join generate_series(1, ${NATIONAL_ARTICLES}) g where c.slug = 'kennisplatform-sd'`);
  await db.execute(sql`
    insert into knowledge_adoptions (council_id, article_id, local_paragraph, seen_version)
    select c.id, a.id, 'In onze gemeente belt u het wijkteam.', 1
    from ${ourRows} c cross join knowledge_articles a join councils n on n.id = a.council_id and n.slug = 'kennisplatform-sd'`);
  await db.execute(sql`
    insert into documents (council_id, title, access)
    select c.id, (array['Jaarverslag ','Werkplan ','Advies ','Verslag ','Reglement ','Notitie '])[1 + g % 6] || (${textArray(SUBJECTS)})[1 + g % ${SUBJECTS.length}] || ' ' || (${year} - g % 5)::text,
           (array['public','public','members','public','closed','public'])[1 + g % 6]
    from ${ourRows} c cross join generate_series(1, ${DOCUMENTS}) g`);
  await db.execute(sql`
    insert into document_versions (council_id, document_id, version, file_hash, file_name, mime_type, size_bytes, extraction, page_count)
    select d.council_id, d.id, 1, repeat('0', 64), 'document.pdf', 'application/pdf', 250000, 'done', 12
    from documents d where d.council_id in ${ours}`);
  // Members: nine per council, shown on the site.
  await db.execute(sql`
    insert into users (email, name)
    select 'lid' || g || '@' || c.slug || '.example',
           (${textArray(FIRST_NAMES)})[1 + (g + length(c.slug)) % ${FIRST_NAMES.length}] || ' ' || (${textArray(LAST_NAMES)})[1 + (g * 5 + length(c.slug)) % ${LAST_NAMES.length}]
    from councils c cross join generate_series(1, ${MEMBERS}) g where c.id in ${ours}`);
  await db.execute(sql`
    insert into memberships (council_id, user_id, role, target_group, bio)
    select c.id, u.id, case split_part(u.email, '@', 1) when 'lid1' then 'chair' when 'lid2' then 'secretary' else 'member' end,
           (array['ouderen','jongeren','mantelzorgers','mensen met een beperking'])[1 + length(u.name) % 4],
           'Woont in ' || substr(c.slug, 1, length(c.slug) - 3) || ' en kent de hulp uit eigen ervaring.'
    from councils c join users u on u.email like '%@' || c.slug || '.example' where c.id in ${ours}`);
  // Signals: not on the public pages, but in every council's rollup and workspace, as in real use.
  await db.execute(sql`
    insert into signal_themes (council_id, name)
    select c.id, (array['Vervoer','Huishoudelijke hulp','Jeugdzorg','Schulden','Mantelzorg','Wonen'])[g]
    from ${ourRows} c cross join generate_series(1, ${THEMES}) g`);
  await db.execute(sql`
    insert into signals (council_id, reference, description, area, since, source, status, theme_id, created_at, updated_at)
    select c.id, 'S-' || lpad(g::text, 5, '0'),
           'Signaal ' || g || ': de regiotaxi kwam te laat en de hulp bij het huishouden werd afgezegd.',
           (${textArray(signalAreas)})[1 + g % ${signalAreas.length}],
           (${textArray(signalSinces)})[1 + g % ${signalSinces.length}],
           (${textArray(signalSources)})[1 + (g / 7) % ${signalSources.length}],
           (array['new','in_triage','to_discuss','discussed','closed'])[1 + g % 5],
           th.ids[1 + g % ${THEMES}],
           now() - (g * 5 % 730) * interval '1 day', now()
    from ${ourRows} c join (select council_id, array_agg(id order by name) as ids from signal_themes group by council_id) th on th.council_id = c.id
    cross join generate_series(1, ${SIGNALS}) g`);
  await db.execute(sql`analyze`);
  return counted();
}

// ------------------------------------------------------------------ the app process (--serve)

type Stats = { entries: number; bytes: number; maxBytes: number; hits: number; misses: number; rssMb: number; peakMb: number | null; heapMb: number; buffersMb: number };
/** urls: the public addresses per organisation (the platform home first, alone). */
type Ready = { port: number; urls: string[][]; seedSeconds: number; counts: Record<string, number> };

/** The public addresses of every scale organisation, one list each, and the platform home. */
async function publicUrls(database: Database): Promise<string[][]> {
  const orgs = scaleOrganisations();
  const rows = (r: unknown) => (r as { rows: { slug: string; id: string }[] }).rows;
  const pick = async (query: ReturnType<typeof sql>) => {
    const by = new Map<string, string[]>();
    for (const r of rows(await database.db.execute(query))) by.set(r.slug, [...(by.get(r.slug) ?? []), r.id]);
    return by;
  };
  const slugs = textArray(orgs.map((o) => o.slug));
  const advices = await pick(sql`
    select slug, id from (select c.slug, a.id, row_number() over (partition by c.id order by a.sent_at desc) n
      from advices a join councils c on c.id = a.council_id where c.slug = any(${slugs}) and a.publication = 'public') x where n in (1, 4, 7, 10, 13)`);
  const meetings = await pick(sql`
    select slug, id from (select c.slug, m.id, row_number() over (partition by c.id order by m.starts_at desc) n
      from meetings m join councils c on c.id = m.council_id where c.slug = any(${slugs}) and m.status = 'held') x where n = 1`);
  const news = await pick(sql`
    select slug, id from (select c.slug, k.id, row_number() over (partition by c.id order by k.published_at desc) n
      from knowledge_news k join councils c on c.id = k.council_id where c.slug = any(${slugs})) x where n = 1`);
  const urls = [['/']];
  for (const { slug } of orgs) {
    const own = [`/${slug}`, `/${slug}/adviezen`, `/${slug}/adviezen?zoekterm=${SEARCH}`, `/${slug}/vergaderingen`, `/${slug}/nieuws`, `/${slug}/kennisbank`, `/${slug}/documenten`, `/${slug}/leden`];
    for (const id of advices.get(slug) ?? []) own.push(`/${slug}/adviezen/${id}`);
    for (const id of meetings.get(slug) ?? []) own.push(`/${slug}/vergaderingen/${id}`);
    for (const id of news.get(slug) ?? []) own.push(`/${slug}/nieuws/${id}`);
    urls.push(own);
  }
  return urls;
}

async function serve() {
  const { values } = parseArgs({ options: { serve: { type: 'boolean' }, 'data-dir': { type: 'string' }, 'database-url': { type: 'string' } } });
  const [{ openDatabase, migrate }, { loadConfig }, { buildApp }] = await Promise.all([import('../src/core/db/index.ts'), import('../src/core/config.ts'), import('../src/app.ts')]);
  await import('../src/modules.ts');
  const { BENCH_ENV } = await import('./support/module-bench.ts');
  const dataDir = values['data-dir']!;
  const database = values['database-url'] ? await openDatabase({ kind: 'postgres', url: values['database-url'] }) : await openDatabase({ kind: 'pglite', dataDir });
  await migrate(database);
  const t0 = performance.now();
  const counts = await seedScale(database);
  const seedSeconds = (performance.now() - t0) / 1000;
  const urls = await publicUrls(database);
  // As production runs it (bench/support/module-bench.ts), the page cache's budget from the environment.
  const config = loadConfig({
    ...BENCH_ENV,
    DATA_DIR: dataDir,
    ...(process.env.PAGE_CACHE_BYTES ? { PAGE_CACHE_BYTES: process.env.PAGE_CACHE_BYTES } : {}),
  });
  const app = await buildApp({ config, database, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const port = (app.server.address() as { port: number }).port;
  process.on('message', (m) => {
    if (m !== 'stats') return;
    const cache = app.deps.cache;
    const mem = process.memoryUsage();
    const stats: Stats = {
      ...cache.size(),
      hits: cache.hits,
      misses: cache.misses,
      rssMb: mem.rss / 2 ** 20,
      peakMb: peakRssMb(process.pid),
      heapMb: mem.heapUsed / 2 ** 20,
      buffersMb: mem.arrayBuffers / 2 ** 20,
    };
    process.send!({ stats });
  });
  process.once(
    'disconnect',
    () =>
      void app
        .close()
        .then(() => database.close())
        .then(() => process.exit(0)),
  );
  process.send!({ ready: { port, urls, seedSeconds, counts } satisfies Ready });
}

// ------------------------------------------------------------------ measuring (called from run.ts)

type Cannon = { requests: { average: number }; latency: { p50: number; p99: number }; non2xx: number; errors: number; timeouts: number };
export type ScaleHelpers = {
  /** autocannon against a url with extra options (requests), after a warm-up. */
  load(url: string, headers?: Record<string, string>, extra?: object): Promise<Cannon>;
  /** A bare node:http server answering these bytes. */
  startBare(body: Buffer): Promise<{ url: string; stop(): Promise<void> }>;
};
export type ScaleResult = {
  label: string;
  addresses: number;
  seedSeconds: number;
  fill: { seconds: number; pagesPerSecond: number; failed: number; totalMb: number; medianBytes: number };
  bare: Cannon;
  cached: Cannon;
  rendered: Cannon;
  hitShare: number;
  afterFill: Stats;
  afterCached: Stats;
  afterRendered: Stats;
};

function startScaleApp(env: NodeJS.ProcessEnv, args: string[]) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const child = fork(fileURLToPath(import.meta.url), ['--serve', ...args], { cwd: root, env, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = new Promise<Ready>((resolve, reject) => {
    child.on('message', (m: { ready?: Ready }) => m.ready && resolve(m.ready));
    child.once('exit', (code) => reject(new Error(`the scale app stopped (exit ${code})`)));
  });
  const stats = () =>
    new Promise<Stats>((resolve) => {
      const on = (m: { stats?: Stats }) => {
        if (!m.stats) return;
        child.off('message', on);
        resolve(m.stats);
      };
      child.on('message', on);
      child.send('stats');
    });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.disconnect();
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  return { ready, stats, stop };
}

/** Every address once, eight at a time: renders every page and fills the cache. */
async function fillPass(base: string, urls: string[]) {
  const t0 = performance.now();
  const sizes: number[] = [];
  let failed = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < urls.length) {
        const url = urls[next++]!;
        const res = await fetch(base + url);
        const body = await res.arrayBuffer();
        if (res.ok) sizes.push(body.byteLength);
        else {
          failed++;
          if (failed <= 3) console.log(`  GET ${url} answered ${res.status}`);
        }
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  sizes.sort((a, b) => a - b);
  return {
    seconds,
    pagesPerSecond: urls.length / seconds,
    failed,
    totalMb: sizes.reduce((a, b) => a + b, 0) / 2 ** 20,
    medianBytes: sizes[Math.floor(sizes.length / 2)] ?? 0,
  };
}

/** A deterministic random number generator in [0, 1), so that both databases get the same addresses. */
function random(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

function shuffled<T>(xs: T[], next = random(42)): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * Readers' traffic: an organisation by Zipf's law over a shuffled ranking (the first twice as
 * busy as the second, ten times the tenth; a large city against a small village), then one of its
 * pages at random. Returns a function giving the next address, the same sequence on every call.
 */
function readersTraffic(groups: string[][]): () => string {
  const ranked = shuffled(groups, random(7));
  const cumulative: number[] = [];
  let sum = 0;
  for (let rank = 1; rank <= ranked.length; rank++) {
    sum += 1 / rank;
    cumulative.push(sum);
  }
  const next = random(11);
  return () => {
    const x = next() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    const pages = ranked[lo]!;
    return pages[Math.floor(next() * pages.length)]!;
  };
}

async function measureOne(label: string, h: ScaleHelpers, env: NodeJS.ProcessEnv, args: string[]): Promise<ScaleResult> {
  console.log(`\n-- ${label}: seeding ${SCALE_ORGANISATIONS} organisations and starting the app ...`);
  const app = startScaleApp(env, args);
  try {
    const ready = await app.ready;
    const base = `http://127.0.0.1:${ready.port}`;
    const counts = Object.entries(ready.counts)
      .map(([t, n]) => `${t} ${n.toLocaleString('en')}`)
      .join(', ');
    console.log(`  seeded in ${ready.seedSeconds.toFixed(1)} s: ${counts}`);
    const urls = shuffled(ready.urls.flat());
    const fill = await fillPass(base, urls);
    const afterFill = await app.stats();
    console.log(
      `  first pass: ${urls.length} addresses in ${fill.seconds.toFixed(1)} s (${fill.pagesPerSecond.toFixed(0)} pages/s, ${fill.failed} failed), ${fill.totalMb.toFixed(1)} MB of pages, median ${fill.medianBytes} bytes`,
    );
    console.log(`  ${statsLine(afterFill)}`);
    const median = Buffer.from(`<!doctype html><title>x</title><p>${'x'.repeat(Math.max(0, fill.medianBytes - 40))}</p>`);
    const bareServer = await h.startBare(median);
    let bare: Cannon;
    try {
      bare = await h.load(bareServer.url);
    } finally {
      await bareServer.stop();
    }
    // Each request takes the next address of the readers' traffic: spread over all organisations.
    const spread = (headers: Record<string, string>) => {
      const next = readersTraffic(ready.urls);
      return { requests: [{ method: 'GET', headers, setupRequest: (req: object) => ({ ...req, path: next() }) }] };
    };
    const before = await app.stats();
    const cached = await h.load(`${base}/`, undefined, spread({}));
    const afterCached = await app.stats();
    const lookups = afterCached.hits + afterCached.misses - before.hits - before.misses;
    const hitShare = lookups ? (afterCached.hits - before.hits) / lookups : 0;
    console.log(`  cached: ${row(cached, bare)}; ${(hitShare * 100).toFixed(1)} % cache hits`);
    console.log(`  ${statsLine(afterCached)}`);
    const rendered = await h.load(`${base}/`, undefined, spread({ cookie: `${SESSION_COOKIE}=bench-no-session` }));
    const afterRendered = await app.stats();
    console.log(`  rendered: ${row(rendered, bare)}`);
    console.log(`  ${statsLine(afterRendered)}`);
    return { label, addresses: urls.length, seedSeconds: ready.seedSeconds, fill, bare, cached, rendered, hitShare, afterFill, afterCached, afterRendered };
  } finally {
    await app.stop();
  }
}

const row = (r: Cannon, bare: Cannon) =>
  `${r.requests.average.toFixed(0)} req/s (${((r.requests.average / bare.requests.average) * 100).toFixed(2)} % of bare ${bare.requests.average.toFixed(0)}), p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${r.non2xx} non-2xx, ${r.errors + r.timeouts} errors`;
const statsLine = (s: Stats) =>
  `page cache ${s.entries} pages, ${(s.bytes / 2 ** 20).toFixed(1)} of ${(s.maxBytes / 2 ** 20).toFixed(0)} MB; app RSS ${s.rssMb.toFixed(0)} MB (peak ${s.peakMb?.toFixed(0) ?? '?'} MB), heap ${s.heapMb.toFixed(0)} MB, buffers ${s.buffersMb.toFixed(0)} MB`;

export async function benchScale(opts: BenchOpts & ScaleHelpers): Promise<ScaleResult[]> {
  console.log(`\n== scale: ${SCALE_ORGANISATIONS} organisations, their public pages cached and rendered, memory and page cache`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'raadwerk-bench-scale-'));
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const results: ScaleResult[] = [];
  try {
    if (opts.only !== 'postgres') results.push(await measureOne('PGlite (embedded)', opts, env, ['--data-dir', path.join(dir, 'pglite')]));
    if (opts.only !== 'pglite') {
      const target = await opts.postgres();
      if (target) results.push(await measureOne(target.label, opts, env, ['--data-dir', path.join(dir, 'pg'), '--database-url', target.url]));
      else console.log('(PostgreSQL scale run skipped: no server)');
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

if (process.argv.includes('--serve')) await serve();
