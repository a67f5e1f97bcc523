/**
 * Shared test factories: a fresh app on a fresh database, councils, users with a role,
 * working groups and vacancies, logged-in sessions with their CSRF token, anonymous form
 * tokens, a cookie-jar browser and small readers of pages and mail. Use these in every *.test.ts;
 * a module's own test helpers only add its domain defaults on top.
 */
import { randomUUID } from 'node:crypto';
import diagnostics from 'node:diagnostics_channel';
import { after, before } from 'node:test';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { and, desc, eq } from 'drizzle-orm';
import { buildApp } from '../../src/app.ts';
import type { Database, Db } from '../../src/core/db/index.ts';
import { createTestDatabase, testConfig } from './db.ts';
import { councils, type Council } from '../../src/core/organisations.schema.ts';
import { users, sessions, type User } from '../../src/core/auth/auth.schema.ts';
import { vacancies, workingGroupMembers, workingGroups } from '../../src/modules/members/members.schema.ts';
import { memberships } from '../../src/core/organisations.schema.ts';
import type { Role } from '../../src/core/roles.ts';
import { outbox } from '../../src/core/mail/mail.schema.ts';
import { auditLog } from '../../src/core/audit/audit.schema.ts';
import { createSession, SESSION_COOKIE } from '../../src/core/auth/sessions.ts';
import { csrfTokenFor } from '../../src/core/http/csrf.ts';
import { hashPassword } from '../../src/core/auth/passwords.ts';
import { sealTotpSecret } from '../../src/core/auth/totp.ts';
import { sha256 } from '../../src/core/secret.ts';
import type { Config } from '../../src/core/config.ts';

export type TestApp = { app: FastifyInstance; database: Database; db: Db; config: Config; close(): Promise<void> };
export type Res = LightMyRequestResponse;

/**
 * A fresh app on a fresh, migrated database. `overrides` are environment variables (see
 * testConfig). Pass `database` to start a second app on the same database (it is not closed).
 */
export async function createTestApp(overrides: Record<string, string> = {}, opts: { database?: Database } = {}): Promise<TestApp> {
  const database = opts.database ?? (await createTestDatabase());
  const config = testConfig(overrides);
  let app: FastifyInstance;
  try {
    app = await buildApp({ config, database, logger: false });
    await app.ready();
  } catch (err) {
    // An open database (its LISTEN connection) would keep the test process alive.
    if (!opts.database) await database.close().catch(() => undefined);
    throw err;
  }
  return {
    app,
    database,
    db: database.db,
    config,
    async close() {
      await app.close();
      if (!opts.database) await database.close();
    },
  };
}

/**
 * One app for the whole test file: started in a before() hook, closed in an after() hook.
 * Returns a stand-in whose fields read that app, so the file keeps writing `t.db`, `t.app`.
 * `env` are environment overrides (see testConfig); `demo` loads the demo data;
 * `routes` collects every route the app registers (see recordingRoutes); `setup` runs once the
 * app is up (the file's own data). It is not a second top-level before(): node:test starts
 * those at once, side by side, so one would not wait for the app.
 */
export function useTestApp(opts: { env?: Record<string, string>; demo?: boolean; routes?: RouteRecord[]; setup?: () => Promise<void> } = {}): TestApp {
  let started: TestApp | undefined;
  before(async () => {
    const { routes } = opts;
    if (routes) {
      const recorded = await recordingRoutes(() => createTestApp(opts.env));
      routes.push(...recorded.routes);
      started = recorded.result;
    } else started = await createTestApp(opts.env);
    if (opts.demo) {
      const { seedDemo } = await import('../../seeds/demo.ts');
      await seedDemo(started.database, started.app.deps);
    }
    await opts.setup?.();
  });
  after(() => started?.close());
  const running = (): TestApp => {
    if (!started) throw new Error('the test app starts in before(): use it inside a hook or a test');
    return started;
  };
  return {
    get app() {
      return running().app;
    },
    get database() {
      return running().database;
    },
    get db() {
      return running().db;
    },
    get config() {
      return running().config;
    },
    close: () => running().close(),
  };
}

let n = 0;
/** Runs a test body against a fresh app and closes it afterwards, whatever happens. */
export async function withApp(...args: [(t: TestApp) => Promise<void>] | [Record<string, string>, (t: TestApp) => Promise<void>]): Promise<void> {
  const [overrides, body] = args.length === 1 ? [{}, args[0]] : args;
  const t = await createTestApp(overrides);
  try {
    await body(t);
  } finally {
    await t.close();
  }
}

/**
 * Client addresses `prefix`.x.y for one test file, a new one at each call, so that the rate
 * limit one test runs into never hits another test.
 */
export function ipSequence(prefix: string): () => string {
  let seq = 0;
  return () => {
    seq++;
    return `${prefix}.${Math.floor(seq / 250)}.${(seq % 250) + 1}`;
  };
}

/** A short string unique within the test run (process id, time, counter, random). */
export const uniqueId = () => `${process.pid.toString(36)}${Date.now().toString(36)}${(n++).toString(36)}${randomUUID().slice(0, 4)}`;

export async function makeCouncil(t: TestApp, values: Partial<typeof councils.$inferInsert> = {}): Promise<Council> {
  const slug = values.slug ?? `raad-${uniqueId()}`;
  const [c] = await t.db
    .insert(councils)
    .values({ slug, name: `Adviesraad ${slug}`, advises: 'het college', contactEmail: `info@${slug}.example`, ...values })
    .returning();
  return c;
}

/**
 * Changes a council straight in the database. Requests remember council rows until the next
 * change (core/tenancy.ts rememberCouncils), so this tells the app, as the councils service does.
 */
export async function updateCouncil(t: TestApp, id: string, values: Partial<typeof councils.$inferInsert>): Promise<Council> {
  const [c] = await t.db.update(councils).set(values).where(eq(councils.id, id)).returning();
  await t.app.deps.cache.invalidate();
  return c!;
}

/** `count` fresh councils, for tests of what one organisation sees of another. */
export async function makeCouncils(t: TestApp, count: number): Promise<Council[]> {
  const made: Council[] = [];
  for (let i = 0; i < count; i++) made.push(await makeCouncil(t));
  return made;
}

export const TEST_PASSWORD = 'Test-wachtwoord-123';
const hashes = new Map<string, Promise<string>>();
/** argon2 is slow on purpose: hash each test password once per process. */
function hashOnce(password: string): Promise<string> {
  let h = hashes.get(password);
  if (!h) {
    h = hashPassword(password);
    hashes.set(password, h);
  }
  return h;
}

export type UserValues = Partial<typeof users.$inferInsert> & {
  /** Plain password to hash (default TEST_PASSWORD); null: no password yet (an invited user). */
  password?: string | null;
  /** Plain TOTP secret: stored sealed, with two-step verification turned on. */
  totp?: string;
};

export async function makeUser(t: TestApp, values: UserValues = {}): Promise<User> {
  const { password, totp, ...rest } = values;
  const id = uniqueId();
  const passwordHash = password === null ? null : await hashOnce(password ?? TEST_PASSWORD);
  const totpValues = totp ? { totpSecret: sealTotpSecret(t.app.deps.secretKey, totp), totpEnabled: true } : {};
  const [u] = await t.db
    .insert(users)
    .values({ name: `Persoon ${id}`, email: `p-${id}@test.example`, passwordHash, ...totpValues, ...rest })
    .returning();
  return u;
}

export type MembershipValues = Partial<Omit<typeof memberships.$inferInsert, 'councilId' | 'userId' | 'role'>>;

/** A user with a role in the council (active membership unless `membership.active` says otherwise). */
export async function makeMember(t: TestApp, council: Council, role: Role, values: UserValues = {}, membership: MembershipValues = {}) {
  const user = await makeUser(t, values);
  const m = await addMembership(t, council, user, role, membership);
  return { user, membership: m };
}

/** Gives an existing user a role in a council. */
export async function addMembership(t: TestApp, council: Pick<Council, 'id'>, user: Pick<User, 'id'>, role: Role, values: MembershipValues = {}) {
  const [m] = await t.db
    .insert(memberships)
    .values({ councilId: council.id, userId: user.id, role, ...values })
    .returning();
  return m;
}

export async function makeVacancy(t: TestApp, council: Council, values: Partial<typeof vacancies.$inferInsert> = {}) {
  const [v] = await t.db
    .insert(vacancies)
    .values({ councilId: council.id, title: `Vacature ${uniqueId()}`, description: 'Wij zoeken een nieuw lid.\n\nMeer tekst.', status: 'published', ...values })
    .returning();
  return v;
}

/** A working group with members (membership ids) and optionally a lead. */
export async function makeWorkingGroup(t: TestApp, council: Council, values: Partial<typeof workingGroups.$inferInsert> & { name: string }, memberIds: string[] = []) {
  const [g] = await t.db
    .insert(workingGroups)
    .values({ councilId: council.id, description: `Over ${values.name}`, ...values })
    .returning();
  for (const membershipId of memberIds) await t.db.insert(workingGroupMembers).values({ councilId: council.id, workingGroupId: g.id, membershipId });
  return g;
}

// ---------------------------------------------------------------- sessions and requests

export type LoggedIn = {
  user: User;
  cookie: string;
  csrf: string;
  /** inject() with the session cookie; for POSTs the CSRF token is added to a form body. */
  request(opts: { method?: 'GET' | 'HEAD' | 'POST'; url: string; form?: Record<string, string | string[]>; headers?: Record<string, string>; ip?: string }): Promise<Res>;
};

/** A new session for the user (second step done), as if they had just logged in. */
export async function login(t: TestApp, user: Pick<User, 'id'> & Partial<User>): Promise<LoggedIn> {
  const raw = await createSession(t.db, user.id, false);
  const [s] = await t.db
    .select()
    .from(sessions)
    .where(eq(sessions.idHash, sha256(raw)));
  const csrf = csrfTokenFor(t.app.deps.secretKey, s.csrfSecret);
  const cookie = `${SESSION_COOKIE}=${raw}`;
  return {
    user: user as User,
    cookie,
    csrf,
    request: ({ method, url, form, headers, ip }) =>
      t.app.inject({
        method: method ?? (form ? 'POST' : 'GET'),
        url,
        remoteAddress: ip,
        headers: { cookie, ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), ...headers },
        payload: form ? encodeForm({ _csrf: csrf, ...form }) : undefined,
      } as InjectOptions),
  };
}

/** Log in as an existing user (for example one of the demo logins). */
export async function loginByEmail(t: TestApp, email: string): Promise<LoggedIn> {
  const [user] = await t.db.select().from(users).where(eq(users.email, email));
  if (!user) throw new Error(`no user ${email}`);
  return login(t, user);
}

/** An anonymous form post with a valid (backdated) anonymous CSRF token. */
export function anonymousPost(t: TestApp, url: string, form: Record<string, string | string[]>, opts: { ageMs?: number; ip?: string } = {}) {
  return post(t, url, form, undefined, { csrf: anonymousToken(t, opts.ageMs ?? 10_000), ip: opts.ip });
}

/** An anonymous form token as if the form was served `ageMs` ago. */
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

/** A GET, as `as` (a session) or anonymously. */
export function get(t: TestApp, url: string, as?: { cookie: string }) {
  return t.app.inject({ method: 'GET', url, headers: as ? { cookie: as.cookie } : {} });
}

/** A form POST with the session's CSRF token (or `opts.csrf`; anonymous without it: no token). */
export function post(t: TestApp, url: string, form: Record<string, string | string[]>, as?: { cookie: string; csrf: string }, opts: { ip?: string; csrf?: string } = {}) {
  return t.app.inject({
    method: 'POST',
    url,
    payload: encodeForm({ _csrf: opts.csrf ?? as?.csrf ?? '', ...form }),
    remoteAddress: opts.ip,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(as ? { cookie: as.cookie } : {}) },
  });
}

/** A browser with one cookie jar and one address, that posts forms with the token of the page. */
export class Browser {
  cookies = new Map<string, string>();
  constructor(
    private t: TestApp,
    public ip = '10.0.0.1',
    /** The password `login()` uses when none is given. */
    private defaultPassword = TEST_PASSWORD,
  ) {}

  private cookieHeader(): string | undefined {
    if (this.cookies.size === 0) return undefined;
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(res: Res) {
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  get session(): string | undefined {
    return this.cookies.get(SESSION_COOKIE);
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<Res> {
    const cookie = this.cookieHeader();
    const res = await this.t.app.inject({ method: 'GET', url, remoteAddress: this.ip, headers: { ...(cookie ? { cookie } : {}), ...headers } });
    this.remember(res);
    return res;
  }

  /** Posts a form as a browser would: with the CSRF token of the page it came from. */
  async post(url: string, fields: Record<string, string | string[]>, opts: { from?: string; csrf?: boolean; headers?: Record<string, string> } = {}): Promise<Res> {
    const form: Record<string, string | string[]> = {};
    if (opts.csrf !== false) form._csrf = csrfFrom((await this.get(opts.from ?? url)).body);
    Object.assign(form, fields);
    const cookie = this.cookieHeader();
    const res = await this.t.app.inject({
      method: 'POST',
      url,
      remoteAddress: this.ip,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}), ...opts.headers },
      payload: encodeForm(form),
    });
    this.remember(res);
    return res;
  }

  async login(email: string, password = this.defaultPassword, from = '/inloggen'): Promise<Res> {
    return this.post(from, { email, password }, { from });
  }
}

// ---------------------------------------------------------------- reading pages and mail

/** The page's <title>. */
export function titleOf(html: string): string {
  return /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
}

export function csrfFrom(html: string): string {
  return hiddenValue(html, '_csrf');
}

export function hiddenValue(html: string, name: string): string {
  const m = html.match(new RegExp(`name="${name}" value="([^"]+)"`));
  if (!m) throw new Error(`no ${name} field on the page`);
  return m[1];
}

export function sessionCookieOf(res: Res): string | undefined {
  return res.cookies.find((c) => c.name === SESSION_COOKIE)?.value;
}

export async function userRow(t: TestApp, id: string): Promise<User> {
  const [u] = await t.db.select().from(users).where(eq(users.id, id));
  return u;
}

/** Mail sent to an address (the outbox), newest first. */
export async function mailsTo(t: TestApp, to: string) {
  return t.db.select().from(outbox).where(eq(outbox.toAddress, to)).orderBy(desc(outbox.createdAt));
}

type AuditMatch = Partial<Record<'action' | 'entity' | 'entityId' | 'actorUserId' | 'councilId', string>>;

/** The audit entries whose fields equal `match`, e.g. { action: 'user.passwordChanged', actorUserId: user.id }. */
export function auditEntries(t: Pick<TestApp, 'db'>, match: AuditMatch) {
  const where = Object.entries(match).map(([column, value]) => eq(auditLog[column as keyof AuditMatch], value));
  return t.db
    .select()
    .from(auditLog)
    .where(and(...where));
}

/** Today plus `days`, as YYYY-MM-DD in Amsterdam. */
export function dayFromToday(days: number): string {
  const d = new Date(Date.now() + days * 24 * 3600 * 1000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

// ---------------------------------------------------------------- uploads and routes

/** A valid 1x1 PNG. */
export const TINY_PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082', 'hex');

/** A multipart/form-data body with text fields and at most one file. */
export function multipart(fields: Record<string, string>, file?: { name: string; filename: string; type: string; bytes: Buffer }) {
  const boundary = '----raadwerktest';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`));
    parts.push(file.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

export type RouteRecord = { method: string; url: string };

/**
 * Runs `start` (which builds apps) and records every route those apps register, through an
 * onRoute hook added the moment Fastify creates an instance (its `fastify.initialization`
 * diagnostics channel), so before any plugin or route.
 */
export async function recordingRoutes<T>(start: () => Promise<T>): Promise<{ result: T; routes: RouteRecord[] }> {
  const routes: RouteRecord[] = [];
  const onInit = (message: unknown) => {
    const { fastify } = message as { fastify: FastifyInstance };
    fastify.addHook('onRoute', (r) => {
      for (const method of [r.method].flat()) routes.push({ method, url: r.url ?? r.path });
    });
  };
  diagnostics.subscribe('fastify.initialization', onInit);
  try {
    return { result: await start(), routes };
  } finally {
    diagnostics.unsubscribe('fastify.initialization', onInit);
  }
}
