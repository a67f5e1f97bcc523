/**
 * Issue 17, item 15: two app processes on one PostgreSQL database behind a real nginx.
 *  - a session made through one instance works through the other;
 *  - a change made through one instance shows on the next request through the other (the page
 *    cache is cleared everywhere through LISTEN/NOTIFY);
 *  - the API rate limit counts across instances (core/http/rate-limit-store.ts);
 *  - each queued mail is delivered exactly once, even when one instance is killed with SIGKILL
 *    while an SMTP server is taking a mail from it (the SMTP peer counts deliveries by Message-ID).
 * Runs in the PostgreSQL run of `npm test`. nginx is installed by test/run.sh when missing; where
 * it cannot be installed the test says so and is skipped, except in CI, where that fails.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { migrate, openDatabase } from '../../src/core/db/index.ts';
import { outbox } from '../../src/core/mail/mail.schema.ts';
import { createTestApp, makeCouncil, makeMember, TEST_PASSWORD } from '../support/factories.ts';
import { testDbKind } from '../support/db.ts';
import { freePort } from '../support/ports.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SECRET = 'instances-secret-key-that-is-long-enough-0123456789';

function nginxBinary(): string | null {
  for (const p of ['/usr/sbin/nginx', '/usr/bin/nginx']) if (fs.existsSync(p)) return p;
  const which = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() : null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitUntil(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (
      await Promise.resolve()
        .then(check)
        .catch(() => false)
    )
      return;
    await sleep(200);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * An SMTP server that takes its time to accept each mail (so an instance can be killed while
 * sending), and counts a mail as delivered only when it accepted it on a connection still open.
 */
async function slowSmtp(acceptAfterMs: number) {
  const delivered: { id: string; from: string }[] = [];
  const aborted: { id: string; from: string }[] = [];
  const inFlight = new Map<string, { id: string; from: string }>();
  const closed = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const id = (/^message-id:\s*<([^@>]+)@/im.exec(raw)?.[1] ?? '?').toLowerCase();
        const mail = { id, from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '' };
        inFlight.set(session.id, mail);
        setTimeout(() => {
          inFlight.delete(session.id);
          if (closed.has(session.id)) {
            aborted.push(mail);
            return callback(new Error('the client went away'));
          }
          delivered.push(mail);
          callback();
        }, acceptAfterMs);
      });
    },
    onClose(session) {
      closed.add(session.id);
    },
  });
  const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.server.address() as net.AddressInfo).port)));
  return { port, delivered, aborted, inFlight, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** A small HTTP client through nginx: `via` picks the instance (nginx maps X-Instance to an upstream). */
function client(base: string) {
  return async (url: string, opts: { via: 'a' | 'b'; method?: string; cookie?: string; form?: Record<string, string> }) => {
    const headers: Record<string, string> = { 'x-instance': opts.via };
    if (opts.cookie) headers.cookie = opts.cookie;
    let body: string | undefined;
    if (opts.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(opts.form).toString();
    }
    const res = await fetch(base + url, { method: opts.method ?? (body ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
    return { status: res.status, headers: res.headers, body: await res.text(), upstream: res.headers.get('x-upstream') ?? '' };
  };
}

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

if (testDbKind() === 'postgres') {
  const nginx = nginxBinary();
  const title = 'two instances behind nginx on one PostgreSQL: sessions, cache invalidation, API rate limit, each mail exactly once through a kill -9';
  if (!nginx && process.env.CI !== 'true') {
    test(title, { skip: 'nginx is not installed and could not be installed (apt-get install nginx); the multi-instance test cannot run here' }, () => {});
  } else {
    test(title, { timeout: 180_000 }, async () => {
      assert.ok(nginx, 'CI needs nginx for the multi-instance test');
      const admin = process.env.TEST_DATABASE_URL!;
      const dbName = `raadwerk_instances_${process.pid}`;
      const dbUrl = Object.assign(new URL(admin), { pathname: `/${dbName}` }).toString();
      const adminClient = new pg.Client({ connectionString: admin });
      await adminClient.connect();
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'raadwerk-instances-'));
      const children: ChildProcess[] = [];
      const stops: (() => Promise<void>)[] = [];
      const smtp = await slowSmtp(1500);
      const database = await (async () => {
        await adminClient.query(`CREATE DATABASE ${dbName}`);
        const d = await openDatabase({ kind: 'postgres', url: dbUrl, poolSize: 3 });
        await migrate(d); // once, before the instances start
        return d;
      })();
      const t = await createTestApp({}, { database });
      try {
        const [pa, pb, proxy] = [await freePort(), await freePort(), await freePort()];
        const start = (name: 'a' | 'b', port: number) => {
          const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
            cwd: root,
            stdio: ['ignore', 'ignore', 'pipe'],
            env: {
              ...process.env,
              NODE_ENV: 'production',
              PORT: String(port),
              HOST: '127.0.0.1',
              BASE_URL: `http://127.0.0.1:${proxy}`,
              DATABASE_URL: dbUrl,
              DATA_DIR: path.join(tmp, 'data'),
              SECRET_KEY: SECRET,
              SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
              MAIL_FROM: `Raadwerk ${name} <noreply@${name}.raadwerk.test>`,
              TRUST_PROXY: 'true',
              DEMO_DATA: 'false',
              RUN_WORKER: 'true',
              LOG_LEVEL: 'warn',
            },
          });
          child.stderr?.on('data', (d: Buffer) => process.stderr.write(`[instance ${name}] ${d}`));
          children.push(child);
          return child;
        };
        const a = start('a', pa);
        start('b', pb);
        const conf = path.join(tmp, 'nginx.conf');
        fs.writeFileSync(
          conf,
          `worker_processes 1;
pid ${tmp}/nginx.pid;
error_log stderr warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${tmp}/body; proxy_temp_path ${tmp}/proxy; fastcgi_temp_path ${tmp}/fastcgi; uwsgi_temp_path ${tmp}/uwsgi; scgi_temp_path ${tmp}/scgi;
  upstream both { server 127.0.0.1:${pa} max_fails=0; server 127.0.0.1:${pb} max_fails=0; }
  upstream a { server 127.0.0.1:${pa}; }
  upstream b { server 127.0.0.1:${pb}; }
  map $http_x_instance $pool { a a; b b; default both; }
  server {
    listen 127.0.0.1:${proxy};
    location / {
      proxy_pass http://$pool;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`,
        );
        const proxyProcess = spawn(nginx!, ['-e', 'stderr', '-p', tmp, '-c', conf, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
        proxyProcess.stderr?.on('data', (d: Buffer) => process.stderr.write(`[nginx] ${d}`));
        // nginx's master stops its workers on SIGTERM (SIGKILL would leave them running).
        stops.push(
          () =>
            new Promise<void>((resolve) => {
              if (proxyProcess.exitCode !== null) return resolve();
              proxyProcess.once('exit', () => resolve());
              proxyProcess.kill('SIGTERM');
            }),
        );
        const http = client(`http://127.0.0.1:${proxy}`);
        for (const via of ['a', 'b'] as const) await waitUntil(`instance ${via}`, async () => (await http('/healthz', { via })).status === 200);

        // Fixtures, written straight into the shared database.
        const council = await makeCouncil(t, { require2faForBoard: false, tagline: 'Wij luisteren.' });
        const chair = await makeMember(t, council, 'chair');

        // A session made through instance a works through instance b.
        const loginPage = await http('/inloggen', { via: 'a' });
        const anonCookie = loginPage.headers.get('set-cookie')?.split(';')[0] ?? '';
        const loggedIn = await http('/inloggen', { via: 'a', cookie: anonCookie, form: { _csrf: csrfOf(loginPage.body), email: chair.user.email, password: TEST_PASSWORD } });
        assert.equal(loggedIn.status, 303, loggedIn.body.slice(0, 300));
        assert.ok(loggedIn.upstream.endsWith(`:${pa}`), `answered by a (${loggedIn.upstream})`);
        const session = /rw_sessie=[^;]+/.exec(loggedIn.headers.get('set-cookie') ?? '')?.[0];
        assert.ok(session, 'a session cookie');
        const onB = await http(`/${council.slug}/werkruimte/instellingen`, { via: 'b', cookie: session });
        assert.equal(onB.status, 200);
        assert.ok(onB.upstream.endsWith(`:${pb}`), `answered by b (${onB.upstream})`);

        // A change through a shows on the next request through b, whose cache held the old page.
        assert.match((await http(`/${council.slug}`, { via: 'b' })).body, /Wij luisteren\./);
        const cached = await http(`/${council.slug}`, { via: 'b' });
        assert.equal(cached.headers.get('x-cache'), 'hit', 'b serves the home page from its cache');
        const form = {
          _csrf: csrfOf(onB.body),
          name: council.name,
          tagline: 'Wij luisteren beter.',
          advises: council.advises,
          contactEmail: council.contactEmail,
          colour: council.colour,
        };
        const saved = await http(`/${council.slug}/werkruimte/instellingen`, { via: 'a', cookie: session, form });
        assert.equal(saved.status, 303, saved.body.slice(0, 500));
        const after = await http(`/${council.slug}`, { via: 'b' });
        assert.ok(after.upstream.endsWith(`:${pb}`));
        assert.match(after.body, /Wij luisteren beter\./, 'the change shows on the next request through the other instance');

        // The API rate limit (300 reads a minute per client) counts requests through both instances together.
        const statuses: { status: number; via: string }[] = [];
        for (let i = 0; i < 304; i++) {
          const via = i % 2 ? 'b' : 'a';
          statuses.push({ status: (await http(`/api/v1/raden/${council.slug}/adviezen`, { via })).status, via });
        }
        assert.deepEqual(
          statuses.slice(0, 300).filter((s) => s.status !== 200),
          [],
          'the first 300 are answered',
        );
        assert.deepEqual(
          statuses.slice(300).map((s) => s.status),
          [429, 429, 429, 429],
          'request 301 and later are refused, on both instances',
        );

        // Each queued mail is delivered exactly once, while instance a is killed in the middle of sending.
        const queued = await t.db
          .insert(outbox)
          .values(Array.from({ length: 6 }, (_, i) => ({ toAddress: `lid${i}@test.example`, subject: `Bericht ${i}`, body: `Tekst ${i}`, status: 'queued' as const })))
          .returning({ id: outbox.id });
        await waitUntil('instance a sending a mail', () => [...smtp.inFlight.values()].some((m) => m.from.endsWith('@a.raadwerk.test')), 30_000);
        a.kill('SIGKILL');
        await waitUntil('every mail sent', async () => (await t.db.select({ status: outbox.status }).from(outbox)).every((r) => r.status === 'sent'), 60_000);
        await sleep(500);
        const count = (id: string) => smtp.delivered.filter((m) => m.id === id).length;
        assert.deepEqual(
          queued.map((q) => count(q.id)),
          queued.map(() => 1),
          'each mail delivered exactly once',
        );
        assert.equal(smtp.delivered.length, queued.length);
        const cut = smtp.aborted.filter((m) => m.from.endsWith('@a.raadwerk.test'));
        assert.ok(cut.length >= 1, 'a mail was in the middle of being sent when a was killed');
        for (const m of cut)
          assert.ok(
            smtp.delivered.some((d) => d.id === m.id && d.from.endsWith('@b.raadwerk.test')),
            'and b sent it afterwards',
          );
      } finally {
        await Promise.all(stops.map((stop) => stop()));
        for (const c of children) c.kill('SIGKILL');
        await t.close();
        await database.close();
        await smtp.close();
        await adminClient.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
        await adminClient.end();
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    });
  }
}
