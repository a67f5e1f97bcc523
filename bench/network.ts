/**
 * The network part of `npm run bench` (bench/run.ts calls benchNetwork), on PGlite and on
 * PostgreSQL, with the app built in this process and driven through `app.inject` (no sockets).
 * A council with 500 organisations (half listed publicly) and 5,000 contact persons (sealed
 * details), 500 of them with consent for invitations, and 100 consultations:
 *
 * - the public network page (/{slug}/netwerk) and the workspace network list (500 organisations
 *   with their contact counts). Baseline: one bare SELECT of the organisations the page lists.
 * - the consultation list of the workspace. Baseline: one bare SELECT of the consultations.
 * - an invitation to the 500 consenting contacts: the time from the POST until the outbox holds all
 *   500 mails (each with its iCalendar part, the consent check, the sealed addresses opened).
 *   Baseline: one bare multi-row INSERT of 500 outbox rows.
 *
 * Median of the timed runs after a warm-up, and the ratio to the baseline. Figures only.
 *
 *   node --import tsx bench/network.ts [pglite | postgres URL]
 */
import { and, count, eq, sql } from 'drizzle-orm';
import type { Database } from '../src/core/db/index.ts';
import { councils, memberships } from '../src/core/organisations.schema.ts';
import { users } from '../src/core/auth/auth.schema.ts';
import { createSession, SESSION_COOKIE } from '../src/core/auth/sessions.ts';
import { seal } from '../src/core/crypto.ts';
import { outbox } from '../src/core/mail/mail.schema.ts';
import { BENCH_SECRET_KEY as SECRET_KEY, onBothDatabases, rowsOf as rows, runAlone, timeMedian, withBenchApp, type BenchOpts } from './support/module-bench.ts';

const ORGANISATIONS = 500;
const CONTACTS_PER_ORGANISATION = 10;
const CONSULTATIONS = 100;
const PAGES = 20;
const INVITATIONS = 3;
/** Untimed runs before each timed series. */
const WARMUP = 3;
const time = (n: number, fn: (i: number) => Promise<void>) => timeMedian(n, fn, WARMUP);

async function seed(database: Database) {
  const db = database.db;
  const slug = `bench-netwerk-${Date.now().toString(36)}`;
  const [council] = await db.insert(councils).values({ slug, name: 'Adviesraad Netwerkbench', advises: 'het college', contactEmail: 'info@netwerkbench.example' }).returning();
  const c = council!.id;
  const [user] = await db
    .insert(users)
    .values({ email: `secretaris-${slug}@bench.example`, name: 'Secretaris Netwerkbench' })
    .returning();
  await db.insert(memberships).values({ councilId: c, userId: user!.id, role: 'secretary' });
  const types = [
    'client_council',
    'elderly_union',
    'womens_organisation',
    'informal_care',
    'welfare',
    'volunteers',
    'youth_work',
    'youth_sports',
    'church',
    'village_interest',
    'employer',
    'social_platform',
  ];
  await db.execute(sql`
    insert into network_organisations (council_id, name, name_key, type, target_groups, policy_fields, listed)
    select ${c}, 'Organisatie ' || lpad(g::text, 4, '0'), 'organisatie ' || lpad(g::text, 4, '0'), (${sql.raw(`array[${types.map((t) => `'${t}'`).join(',')}]`)})[1 + g % ${types.length}],
           'Ouderen en mantelzorgers', '["wmo"]'::jsonb, g % 2 = 0
    from generate_series(1, ${ORGANISATIONS}) g`);
  const orgs = rows(await db.execute(sql`select id from network_organisations where council_id = ${c} order by name_key`));
  // Sealed details are written by the app's own seal(), as the register does.
  const values: string[] = [];
  let n = 0;
  for (const o of orgs) {
    for (let k = 0; k < CONTACTS_PER_ORGANISATION; k++) {
      n++;
      const lit = (v: string) => `'${seal(SECRET_KEY, 'network-contact', v)}'`;
      values.push(`('${c}', '${o.id}', 'Contactpersoon', ${lit(`Persoon ${n}`)}, ${lit(`persoon${n}@bench.example`)})`);
    }
  }
  for (let i = 0; i < values.length; i += 500) {
    await db.execute(sql.raw(`insert into network_contacts (council_id, organisation_id, role, name_sealed, email_sealed) values ${values.slice(i, i + 500).join(',')}`));
  }
  // The first contact of every organisation consents to invitations.
  await db.execute(sql`
    insert into network_consents (council_id, contact_id, purpose, given_on, expires_on, source, text_version)
    select ${c}, id, 'invitations', current_date - 30, current_date + 700, 'form', '2026-1'
    from (select distinct on (organisation_id) id from network_contacts where council_id = ${c} order by organisation_id, created_at, id) x`);
  await db.execute(sql`
    insert into consultations (council_id, kind, topic, held_on, start_time, end_time, uid, is_public)
    select ${c}, (array['expert_meeting','consultation_evening','conversations','written'])[1 + g % 4], 'Raadpleging ' || g, current_date - g, '19:30', '21:00', 'bench-' || g || '-' || ${slug}, g % 3 = 0
    from generate_series(1, ${CONSULTATIONS}) g`);
  await db.execute(sql`analyze`);
  const consenting = rows(await db.execute(sql`select contact_id from network_consents where council_id = ${c}`)).map((r) => r.contact_id!);
  return { slug, councilId: c, userId: user!.id, consenting };
}

async function measure(label: string, database: Database): Promise<void> {
  const t0 = performance.now();
  const s = await seed(database);
  console.log(
    `\n${label}: ${ORGANISATIONS} organisations, ${(ORGANISATIONS * CONTACTS_PER_ORGANISATION).toLocaleString('en')} contacts, ${s.consenting.length} consenting, ${CONSULTATIONS} consultations (seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
  await withBenchApp(database, 'network', async (app) => {
    const session = await createSession(database.db, s.userId, false);
    const headers = { cookie: `${SESSION_COOKIE}=${session}` };
    const page = async (url: string, h: Record<string, string> = {}) => {
      let bytes = 0;
      const ms = await time(PAGES, async () => {
        const res = await app.inject({ method: 'GET', url, headers: h });
        if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}`);
        bytes = res.body.length;
      });
      return { ms, kb: bytes / 1024 };
    };
    const orgBase = await time(PAGES, async () => {
      await database.db.execute(sql`select id, name, type, website, target_groups from network_organisations where council_id = ${s.councilId} order by name_key`);
    });
    const consBase = await time(PAGES, async () => {
      await database.db.execute(sql`select * from consultations where council_id = ${s.councilId} order by held_on desc`);
    });
    const report = (what: string, r: { ms: number; kb: number }, base: number, baseWhat: string) =>
      console.log(`  ${what} (${r.kb.toFixed(0)} kB): median ${r.ms.toFixed(1)} ms; baseline (${baseWhat}) ${base.toFixed(2)} ms; ratio ${(r.ms / base).toFixed(1)}x`);
    report('public network page', await page(`/${s.slug}/netwerk`), orgBase, 'bare SELECT of the organisations');
    report('workspace network list', await page(`/${s.slug}/werkruimte/netwerk`, headers), orgBase, 'bare SELECT of the organisations');
    report('consultation list', await page(`/${s.slug}/werkruimte/netwerk/raadplegingen`, headers), consBase, 'bare SELECT of the consultations');

    // An invitation to every consenting contact, each to a fresh consultation.
    const csrf = /name="_csrf" value="([^"]+)"/.exec((await app.inject({ method: 'GET', url: `/${s.slug}/werkruimte/netwerk/raadplegingen/nieuw`, headers })).body)?.[1];
    if (!csrf) throw new Error('no form token');
    const ids = rows(await database.db.execute(sql`select id from consultations where council_id = ${s.councilId} order by held_on desc limit ${INVITATIONS + 3}`)).map((r) => r.id!);
    const mailsOf = async () =>
      Number(
        (
          await database.db
            .select({ n: count() })
            .from(outbox)
            .where(and(eq(outbox.councilId, s.councilId)))
        )[0]!.n,
      );
    let k = 0;
    const invite = await time(INVITATIONS, async () => {
      const before = await mailsOf();
      const body = new URLSearchParams([['_csrf', csrf], ...s.consenting.map((id) => ['contactIds', id])]).toString();
      const res = await app.inject({
        method: 'POST',
        url: `/${s.slug}/werkruimte/netwerk/raadplegingen/${ids[k++]}/uitnodigen`,
        headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
        payload: body,
      });
      if (res.statusCode !== 303) throw new Error(`invitation answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
      const after = await mailsOf();
      if (after - before !== s.consenting.length) throw new Error(`outbox holds ${after - before} new mails, not ${s.consenting.length}`);
    });
    const bare = await time(INVITATIONS, async () => {
      await database.db.insert(outbox).values(s.consenting.map((_, i) => ({ councilId: null, toAddress: `basis${i}@bench.example`, subject: 'Basis', body: 'Basis' })));
    });
    console.log(
      `  invitation to ${s.consenting.length} consenting contacts, until the outbox holds all mails: median ${invite.toFixed(0)} ms (${(invite / s.consenting.length).toFixed(2)} ms a mail); baseline (one bare INSERT of ${s.consenting.length} outbox rows) ${bare.toFixed(1)} ms; ratio ${(invite / bare).toFixed(1)}x`,
    );
  });
}

export async function benchNetwork(opts: BenchOpts): Promise<void> {
  await onBothDatabases('network', 'network', opts, measure);
}

await runAlone(import.meta.url, benchNetwork);
