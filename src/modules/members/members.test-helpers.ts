/** Fixtures for the members module's tests: councils, people with roles, logged-in sessions, posts. */
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { buildApp } from '../../app.ts';
import type { Database, Db } from '../../core/db/index.ts';
import { createTestDatabase, testConfig } from '../../../test/support/db.ts';
import { councils, type Council } from '../councils/councils.schema.ts';
import { users, sessions } from '../../core/auth/auth.schema.ts';
import { createSession, SESSION_COOKIE } from '../../core/auth/sessions.ts';
import { csrfTokenFor } from '../../core/http/csrf.ts';
import { hmac, sha256 } from '../../core/secret.ts';
import { memberships, vacancies, workingGroupMembers, workingGroups, type Role } from './members.schema.ts';

export type TestApp = { app: FastifyInstance; database: Database; db: Db; close(): Promise<void> };

export async function startApp(): Promise<TestApp> {
  const database = await createTestDatabase();
  const app = await buildApp({ config: testConfig(), database, logger: false });
  await app.ready();
  return {
    app,
    database,
    db: database.db,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

let seq = 0;
const unique = () => `${process.pid.toString(36)}${(++seq).toString(36)}${Math.random().toString(36).slice(2, 6)}`;

export async function makeCouncil(db: Db, name = 'Adviesraad Test'): Promise<Council> {
  const slug = `raad-${unique()}`;
  const [c] = await db
    .insert(councils)
    .values({ slug, name: `${name} ${slug}`, advises: 'Gemeente Test', contactEmail: `secretariaat@${slug}.example.nl` })
    .returning();
  return c!;
}

export type Person = { userId: string; membershipId: string; name: string; email: string };

export async function makePerson(
  db: Db,
  council: Council | null,
  opts: { role?: Role; name?: string; targetGroup?: string; showOnSite?: boolean; active?: boolean; platformAdmin?: boolean; password?: boolean } = {},
): Promise<Person> {
  const name = opts.name ?? `Persoon ${unique()}`;
  const email = `p-${unique()}@example.nl`;
  const [u] = await db
    .insert(users)
    .values({ email, name, isPlatformAdmin: opts.platformAdmin ?? false, passwordHash: opts.password === false ? null : 'x' })
    .returning();
  let membershipId = '';
  if (council) {
    const [m] = await db
      .insert(memberships)
      .values({
        councilId: council.id,
        userId: u!.id,
        role: opts.role ?? 'member',
        targetGroup: opts.targetGroup ?? '',
        showOnSite: opts.showOnSite ?? true,
        active: opts.active ?? true,
      })
      .returning();
    membershipId = m!.id;
  }
  return { userId: u!.id, membershipId, name, email };
}

/** A logged-in browser: the session cookie and the CSRF token that belongs to it. */
export type Browser = { cookie: string; csrf: string };

export async function login(t: TestApp, person: Person): Promise<Browser> {
  const raw = await createSession(t.db, person.userId, false);
  const [s] = await t.db.select().from(sessions).where(eq(sessions.idHash, sha256(raw)));
  return { cookie: `${SESSION_COOKIE}=${raw}`, csrf: csrfTokenFor(t.app.deps.secretKey, s!.csrfSecret) };
}

/** An anonymous form token as if the form was served `ageMs` ago. */
export function anonymousToken(t: TestApp, ageMs: number): string {
  const ts = (Date.now() - ageMs).toString(36);
  return `a.${ts}.${hmac(t.app.deps.secretKey, `a:${ts}`)}`;
}

export function get(t: TestApp, url: string, browser?: Browser) {
  return t.app.inject({ method: 'GET', url, headers: browser ? { cookie: browser.cookie } : {} });
}

export function post(t: TestApp, url: string, form: Record<string, string | string[]>, browser?: Browser, opts: { ip?: string; csrf?: string } = {}) {
  const body = new URLSearchParams();
  const withToken = { _csrf: opts.csrf ?? browser?.csrf ?? '', ...form };
  for (const [k, v] of Object.entries(withToken)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  return t.app.inject({
    method: 'POST',
    url,
    payload: body.toString(),
    remoteAddress: opts.ip,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(browser ? { cookie: browser.cookie } : {}) },
  });
}

export async function makeVacancy(db: Db, council: Council, opts: Partial<typeof vacancies.$inferInsert> = {}) {
  const [v] = await db
    .insert(vacancies)
    .values({ councilId: council.id, title: `Vacature ${unique()}`, description: 'Wij zoeken een nieuw lid.\n\nMeer tekst.', status: 'published', ...opts })
    .returning();
  return v!;
}

export async function makeGroup(db: Db, council: Council, name: string, members: Person[] = [], lead?: Person) {
  const [g] = await db
    .insert(workingGroups)
    .values({ councilId: council.id, name, description: `Over ${name}`, leadMembershipId: lead?.membershipId ?? null })
    .returning();
  for (const m of members) await db.insert(workingGroupMembers).values({ councilId: council.id, workingGroupId: g!.id, membershipId: m.membershipId });
  return g!;
}

/** Today plus `days`, as YYYY-MM-DD in Amsterdam. */
export function dayFromToday(days: number): string {
  const d = new Date(Date.now() + days * 24 * 3600 * 1000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

/** The text of the page's <title>. */
export function titleOf(html: string): string {
  return /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
}
