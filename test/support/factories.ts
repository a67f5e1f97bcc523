/**
 * Shared test factories: a fresh app on a fresh database, councils, users with a role,
 * and logged-in sessions with their CSRF token. Use these in every *.test.ts.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.ts';
import type { Database } from '../../src/core/db/index.ts';
import { createTestDatabase, testConfig } from './db.ts';
import { councils, type Council } from '../../src/modules/councils/councils.schema.ts';
import { users, type User } from '../../src/core/auth/auth.schema.ts';
import { memberships, type Role } from '../../src/modules/members/members.schema.ts';
import { createSession, SESSION_COOKIE } from '../../src/core/auth/sessions.ts';
import { sessions } from '../../src/core/auth/auth.schema.ts';
import { csrfTokenFor } from '../../src/core/http/csrf.ts';
import { hashPassword } from '../../src/core/auth/passwords.ts';
import { eq } from 'drizzle-orm';
import type { Config } from '../../src/core/config.ts';

export type TestApp = { app: FastifyInstance; database: Database; config: Config; close(): Promise<void> };

export async function createTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = testConfig(overrides);
  const app = await buildApp({ config, database, logger: false });
  await app.ready();
  return {
    app,
    database,
    config,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

let n = 0;
const unique = () => `${Date.now().toString(36)}${(n++).toString(36)}${randomUUID().slice(0, 4)}`;

export async function makeCouncil(t: TestApp, values: Partial<typeof councils.$inferInsert> = {}): Promise<Council> {
  const slug = values.slug ?? `raad-${unique()}`;
  const [c] = await t.database.db
    .insert(councils)
    .values({ slug, name: `Adviesraad ${slug}`, advises: 'het college', contactEmail: `info@${slug}.example`, ...values })
    .returning();
  return c;
}

export const TEST_PASSWORD = 'Test-wachtwoord-123';
let cachedHash: Promise<string> | undefined;

export async function makeUser(t: TestApp, values: Partial<typeof users.$inferInsert> = {}): Promise<User> {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const id = unique();
  const [u] = await t.database.db
    .insert(users)
    .values({ name: `Persoon ${id}`, email: `p-${id}@test.example`, passwordHash: await cachedHash, ...values })
    .returning();
  return u;
}

/** A user with a role in the council (active membership). */
export async function makeMember(t: TestApp, council: Council, role: Role, values: Partial<typeof users.$inferInsert> = {}) {
  const user = await makeUser(t, values);
  const [membership] = await t.database.db.insert(memberships).values({ councilId: council.id, userId: user.id, role }).returning();
  return { user, membership };
}

export type LoggedIn = {
  user: User;
  cookie: string;
  csrf: string;
  /** inject() with the session cookie; for POSTs the CSRF token is added to a form body. */
  request(opts: { method?: 'GET' | 'POST'; url: string; form?: Record<string, string | string[]>; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
};

export async function login(t: TestApp, user: User): Promise<LoggedIn> {
  const raw = await createSession(t.database.db, user.id, false);
  const [s] = await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id));
  const csrf = csrfTokenFor(t.app.deps.secretKey, s.csrfSecret);
  const cookie = `${SESSION_COOKIE}=${raw}`;
  return {
    user,
    cookie,
    csrf,
    request: ({ method, url, form, headers }) =>
      t.app.inject({
        method: method ?? (form ? 'POST' : 'GET'),
        url,
        headers: { cookie, ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), ...headers },
        payload: form ? encodeForm({ _csrf: csrf, ...form }) : undefined,
      } as InjectOptions),
  };
}

/** An anonymous form post with a valid (backdated) anonymous CSRF token. */
export function anonymousPost(t: TestApp, url: string, form: Record<string, string | string[]>, opts: { ageMs?: number; ip?: string } = {}) {
  const token = anonymousToken(t, opts.ageMs ?? 10_000);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: encodeForm({ _csrf: token, ...form }),
    remoteAddress: opts.ip,
  });
}

export function anonymousToken(t: TestApp, ageMs: number): string {
  const realNow = Date.now;
  Date.now = () => realNow() - ageMs;
  try {
    return csrfTokenFor(t.app.deps.secretKey, null);
  } finally {
    Date.now = realNow;
  }
}

export function encodeForm(form: Record<string, string | string[]>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const one of Array.isArray(v) ? v : [v]) p.append(k, one);
  return p.toString();
}

/** Log in as an existing user (for example one of the demo logins). */
export async function loginByEmail(t: TestApp, email: string): Promise<LoggedIn> {
  const [user] = await t.database.db.select().from(users).where(eq(users.email, email));
  if (!user) throw new Error(`no user ${email}`);
  return login(t, user);
}
