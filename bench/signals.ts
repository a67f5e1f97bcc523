/**
 * The signals part of `npm run bench` (bench/run.ts calls in here):
 *
 * - the final POST of the residents' form (/{council}/signaal/versturen) with contact details,
 *   so each request validates, seals the contact details (AES-256-GCM), stores the signal with
 *   its event, audit entry and acknowledgement mail, and counts the address for the rate limit.
 *   Every request comes from another address (X-Forwarded-For; the app runs with TRUST_PROXY)
 *   so the limit of 60 an hour per address is counted but never reached. The posts go round
 *   the POST_COUNCILS councils seeded for it (residents of many organisations at once), so no
 *   organisation passes its hourly budget (SIGNAL_QUEUE: 60 stored, then held, then 429) and
 *   every post takes the whole store path; the row prints how many were stored, held or refused.
 * - the themes view of a council holding 100,000 signals (20 themes, 2 years, all sources),
 *   seeded with one INSERT ... SELECT over generate_series before the app starts.
 *
 *   node --import tsx bench/signals.ts --data-dir DIR | --database-url URL
 *     migrates, seeds (once) and prints `signals seeded <n>` and `session <cookie value>`.
 */
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../src/core/db/index.ts';
import { councils } from '../src/core/organisations.schema.ts';
import { users } from '../src/core/auth/auth.schema.ts';
import { memberships } from '../src/core/organisations.schema.ts';
import { signalAreas, signalSinces, signalSources } from '../src/modules/signals/signals.schema.ts';
import { createSession, SESSION_COOKIE } from '../src/core/auth/sessions.ts';
import { withBenchDatabase } from './register-seed.ts';

export const SIGNALS_COUNCIL = 'signaalbank';
export const SIGNALS_COUNT = 100_000;
const THEMES = 20;
/**
 * Councils the form's POST goes round, each within its budget of 60 stored signals an hour:
 * room for 30,000 posts, about 25 s at 1,000 req/s (more than --duration 10 with warm-up uses).
 */
export const POST_COUNCILS = 500;
const postCouncil = (i: number) => `signaalpost-${String(i + 1).padStart(3, '0')}`;

/** One council with 100,000 signals over two years; returns how many were written (0 when already there). */
export async function seedSignalsBench(database: Database): Promise<{ seeded: number; userId: string }> {
  const db = database.db;
  const [existing] = await db.select({ id: councils.id }).from(councils).where(eq(councils.slug, SIGNALS_COUNCIL));
  // The POST's councils: bare organisations with the defaults (no signals, no members).
  await db.execute(sql`
    insert into councils (slug, name, advises, contact_email)
    select 'signaalpost-' || lpad(g::text, 3, '0'), 'Adviesraad Signaalpost ' || g, 'het college van Signaalpost ' || g, 'info@signaalpost-' || g || '.example'
    from generate_series(1, ${POST_COUNCILS}) g
    on conflict do nothing`);
  if (existing) {
    const [m] = await db.select({ userId: memberships.userId }).from(memberships).where(eq(memberships.councilId, existing.id)).limit(1);
    return { seeded: 0, userId: m!.userId };
  }
  const [council] = await db
    .insert(councils)
    .values({ slug: SIGNALS_COUNCIL, name: 'Adviesraad Signaalbank', advises: 'het college van Signaalbank', contactEmail: 'info@signaalbank.example' })
    .returning();
  const [user] = await db.insert(users).values({ email: 'secretaris@signaalbank.example', name: 'Secretaris Signaalbank' }).returning();
  await db.insert(memberships).values({ councilId: council.id, userId: user.id, role: 'secretary' });
  await db.execute(sql`insert into signal_themes (council_id, name) select ${council.id}, 'Thema ' || lpad(g::text, 2, '0') from generate_series(1, ${THEMES}) g`);
  const list = (values: readonly string[]) => sql.raw(`array[${values.map((v) => `'${v}'`).join(',')}]`);
  // Spread over 730 days, every source and state; one in ten without a theme, one in fifty a duplicate.
  await db.execute(sql`
    insert into signals (council_id, reference, description, area, since, source, status, theme_id, created_at, updated_at)
    select ${council.id},
           'S-B-' || lpad(g::text, 6, '0'),
           'Signaal ' || g || ': de regiotaxi kwam te laat en de hulp bij het huishouden werd afgezegd.',
           (${list(signalAreas)})[1 + g % ${signalAreas.length}],
           (${list(signalSinces)})[1 + g % ${signalSinces.length}],
           (${list(signalSources)})[1 + (g / 7) % ${signalSources.length}],
           case when g % 50 = 0 then 'duplicate' else (array['new','in_triage','to_discuss','discussed','closed'])[1 + g % 5] end,
           case when g % 10 = 0 then null else (select array_agg(id order by name) from signal_themes where council_id = ${council.id})[1 + g % ${THEMES}] end,
           now() - (g % 730) * interval '1 day' - (g % 24) * interval '1 hour',
           now()
    from generate_series(1, ${SIGNALS_COUNT}) g`);
  await db.execute(sql`analyze signals`);
  // The themes view's rollups (kept by triggers) were filled by the insert above.
  await db.execute(sql`analyze signal_theme_days`);
  await db.execute(sql`analyze signal_theme_months`);
  return { seeded: SIGNALS_COUNT, userId: user.id };
}

// ------------------------------------------------------------------ measuring (called from run.ts)

type Cannon = { requests: { average: number }; non2xx: number; statusCodeStats?: Record<string, { count: number }> };
type Req = { method: string; path: string; headers: Record<string, string>; body: string };
export type SignalsBenchHelpers<R> = {
  base: string;
  /** The app's page as a bare node:http server would serve it, measured like run.ts's pages. */
  measurePage(path: string, label: string, headers?: Record<string, string>): Promise<R[]>;
  /** autocannon against the app with extra options (method, body, requests), after a warm-up. */
  load(url: string, headers?: Record<string, string>, extra?: object): Promise<Cannon>;
  /** A bare node:http server answering these bytes; resolves with its url. */
  startBare(body: Buffer): Promise<{ url: string; stop(): Promise<void> }>;
  row(name: string, result: Cannon, ratio?: number): R;
};

const MIN_FILL_WAIT_MS = 5_500;

export async function measureSignals<R>(h: SignalsBenchHelpers<R>, session: string): Promise<R[]> {
  const rows: R[] = [];
  // The form token of a start page, older than the minimum fill time (it stays valid for a day).
  const start = await fetch(`${h.base}/lindewijk/signaal`);
  const token = /name="_csrf" value="([^"]+)"/.exec(await start.text())?.[1];
  if (!token) throw new Error('no form token on /lindewijk/signaal');
  await new Promise((r) => setTimeout(r, MIN_FILL_WAIT_MS));
  const body = new URLSearchParams({
    _csrf: token,
    description: 'De regiotaxi kwam vorige week twee keer niet opdagen. Daardoor miste ik mijn afspraak bij de fysiotherapeut.',
    area: 'transport',
    since: 'month',
    peopleCount: '3',
    contactChoice: 'gegevens',
    name: 'Bench Bewoner',
    email: 'bewoner@bench.example',
    phone: '06 12345678',
    consent: 'ja',
  }).toString();
  const path = (i: number) => `/${postCouncil(i)}/signaal/versturen`;
  const headers = { 'content-type': 'application/x-www-form-urlencoded' };
  // Each request from its own address (10.a.b.c counts up) to the next council in turn.
  let n = 0;
  const next = (req: Req): Req => {
    n++;
    return { ...req, path: path(n % POST_COUNCILS), headers: { ...req.headers, 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` } };
  };
  // What each 303 says: stored (?nummer=), held beyond the budget (?wacht=ja); 429 refused.
  const outcomes = { stored: 0, held: 0, refused: 0, other: 0 };
  const onResponse = (status: number, _body: string, _ctx: unknown, h: Record<string, string>) => {
    const where = h.location ?? '';
    if (status === 303 && where.includes('nummer=')) outcomes.stored++;
    else if (status === 303 && where.includes('wacht=ja')) outcomes.held++;
    else if (status === 429) outcomes.refused++;
    else outcomes.other++;
  };
  const counted = () => {
    const out = { ...outcomes };
    Object.assign(outcomes, { stored: 0, held: 0, refused: 0, other: 0 });
    return `${out.stored} stored, ${out.held} held, ${out.refused} refused (429), ${out.other} other (warm-up included)`;
  };
  const first = path(0);
  const check = await fetch(h.base + first, { method: 'POST', headers: { ...headers, 'x-forwarded-for': '10.255.255.254' }, body, redirect: 'manual' });
  if (check.status !== 303 || !check.headers.get('location')?.includes('nummer=')) {
    throw new Error(`POST ${first} answered ${check.status} ${check.headers.get('location')}, not 303 to a reference:\n${(await check.text()).slice(0, 500)}`);
  }
  const answer = Buffer.from(await check.arrayBuffer());
  console.log(`signal form POST ${first} (and ${POST_COUNCILS - 1} more councils in turn): 303, ${answer.length} bytes`);
  const bare = await h.startBare(answer);
  try {
    const bareResult = await h.load(bare.url, headers, { method: 'POST', body });
    const request = { method: 'POST', path: first, headers, body, setupRequest: next, onResponse };
    const result = await h.load(`${h.base}${first}`, headers, { requests: [request] });
    console.log(`  signal form POST, 50 connections: ${counted()}`);
    // 303 (see the confirmation page) is this form's success answer.
    const redirects = result.statusCodeStats?.['303']?.count ?? 0;
    rows.push(h.row(`bare node:http (${answer.length} bytes, POST)`, bareResult));
    rows.push(h.row(`signal form POST (seal + store + mail)`, { ...result, non2xx: result.non2xx - redirects }, result.requests.average / bareResult.requests.average));
    // The time one resident waits when nobody else posts (p50/p99 of one connection).
    const alone = await h.load(`${h.base}${first}`, headers, { connections: 1, requests: [request] });
    console.log(`  signal form POST, one at a time: ${counted()}`);
    rows.push(h.row(`signal form POST, one at a time`, { ...alone, non2xx: alone.non2xx - (alone.statusCodeStats?.['303']?.count ?? 0) }));
  } finally {
    await bare.stop();
  }
  const themes = `/${SIGNALS_COUNCIL}/werkruimte/signalen/themas`;
  const cookie = { cookie: `${SESSION_COOKIE}=${session}` };
  rows.push(...(await h.measurePage(themes, `themes view (${SIGNALS_COUNT.toLocaleString('en')} signals), 50 connections`, cookie)));
  rows.push(h.row(`themes view, one at a time`, await h.load(`${h.base}${themes}`, cookie, { connections: 1 })));
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await withBenchDatabase(async (database) => {
    const t0 = Date.now();
    const { seeded, userId } = await seedSignalsBench(database);
    console.log(`signals seeded ${seeded} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    console.log(`session ${await createSession(database.db, userId, false)}`);
  });
}
