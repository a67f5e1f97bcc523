/** Small factories and an HTTP client for the auth tests. */
import type { FastifyInstance } from 'fastify';
import { desc, eq } from 'drizzle-orm';
import { generateSync } from 'otplib';
import { buildApp } from '../../app.ts';
import type { Database } from '../db/index.ts';
import { createTestDatabase, testConfig } from '../../../test/support/db.ts';
import { users } from './auth.schema.ts';
import { hashPassword } from './passwords.ts';
import { sealTotpSecret } from './totp.ts';
import { councils } from '../../modules/councils/councils.schema.ts';
import { memberships, type Role } from '../../modules/members/members.schema.ts';
import { outbox } from '../mail/mail.schema.ts';
import { SESSION_COOKIE } from './sessions.ts';

export const PASSWORD = 'een lang genoeg wachtwoord';

export type Env = { app: FastifyInstance; database: Database; close(): Promise<void> };

export async function startApp(env: Record<string, string> = {}, database?: Database): Promise<Env> {
  const db = database ?? (await createTestDatabase());
  const app = await buildApp({ config: testConfig(env), database: db, logger: false });
  await app.ready();
  return {
    app,
    database: db,
    async close() {
      await app.close();
      if (!database) await db.close();
    },
  };
}

let seq = 0;
const unique = () => `${Date.now().toString(36)}${(seq++).toString(36)}`;

export async function createUser(
  env: Env,
  opts: { email?: string; name?: string; password?: string | null; isPlatformAdmin?: boolean; totpSecret?: string; locale?: 'nl' | 'en' } = {},
) {
  const email = opts.email ?? `gebruiker-${unique()}@voorbeeld.nl`;
  const [user] = await env.database.db
    .insert(users)
    .values({
      email,
      name: opts.name ?? 'Anna de Vries',
      passwordHash: opts.password === null ? null : await hashPassword(opts.password ?? PASSWORD),
      isPlatformAdmin: opts.isPlatformAdmin ?? false,
      totpSecret: opts.totpSecret ? sealTotpSecret(env.app.deps.secretKey, opts.totpSecret) : null,
      totpEnabled: Boolean(opts.totpSecret),
      locale: opts.locale ?? 'nl',
    })
    .returning();
  return user;
}

export async function createCouncil(env: Env, opts: { require2faForBoard?: boolean; name?: string } = {}) {
  const slug = `raad-${unique()}`;
  const [council] = await env.database.db
    .insert(councils)
    .values({
      slug,
      name: opts.name ?? 'Adviesraad Sociaal Domein Voorbeeld',
      advises: 'Gemeente Voorbeeld',
      contactEmail: 'secretaris@voorbeeld.nl',
      require2faForBoard: opts.require2faForBoard ?? false,
    })
    .returning();
  return council;
}

export async function addMember(env: Env, councilId: string, userId: string, role: Role) {
  await env.database.db.insert(memberships).values({ councilId, userId, role });
}

export async function userRow(env: Env, id: string) {
  const [u] = await env.database.db.select().from(users).where(eq(users.id, id));
  return u;
}

export async function mailsTo(env: Env, to: string) {
  return env.database.db.select().from(outbox).where(eq(outbox.toAddress, to)).orderBy(desc(outbox.createdAt));
}

/** A TOTP code for now (or `offsetSteps` steps away). */
export function totpCode(secret: string, offsetSteps = 0): string {
  return generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSteps * 30 });
}

// ---------------------------------------------------------------- HTTP

export type Res = Awaited<ReturnType<FastifyInstance['inject']>>;

export function csrfFrom(html: string): string {
  const m = html.match(/name="_csrf" value="([^"]+)"/);
  if (!m) throw new Error('no _csrf field on the page');
  return m[1];
}

export function hiddenValue(html: string, name: string): string {
  const m = html.match(new RegExp(`name="${name}" value="([^"]+)"`));
  if (!m) throw new Error(`no ${name} field on the page`);
  return m[1];
}

export function sessionCookieOf(res: Res): string | undefined {
  return res.cookies.find((c) => c.name === SESSION_COOKIE)?.value;
}

/** A browser with one cookie jar and one address. */
export class Browser {
  cookies = new Map<string, string>();
  constructor(
    private env: Env,
    public ip = '10.0.0.1',
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
    const res = await this.env.app.inject({ method: 'GET', url, remoteAddress: this.ip, headers: { ...(cookie ? { cookie } : {}), ...headers } });
    this.remember(res);
    return res;
  }

  /** Posts a form as a browser would: with the CSRF token of the page it came from. */
  async post(url: string, fields: Record<string, string | string[]>, opts: { from?: string; csrf?: boolean; headers?: Record<string, string> } = {}): Promise<Res> {
    const body = new URLSearchParams();
    if (opts.csrf !== false) {
      const page = await this.get(opts.from ?? url);
      body.append('_csrf', csrfFrom(page.body));
    }
    for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    const cookie = this.cookieHeader();
    const res = await this.env.app.inject({
      method: 'POST',
      url,
      remoteAddress: this.ip,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}), ...opts.headers },
      payload: body.toString(),
    });
    this.remember(res);
    return res;
  }

  async login(email: string, password = PASSWORD, from = '/inloggen'): Promise<Res> {
    return this.post(from, { email, password }, { from });
  }
}

/** The page's <title>. */
export function titleOf(html: string): string {
  return html.match(/<title>([^<]*)<\/title>/)?.[1] ?? '';
}
