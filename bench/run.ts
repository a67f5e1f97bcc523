/**
 * `npm run bench`: requests per second and latency of a public page, as a ratio of a bare
 * node:http server answering a page of the same size, measured in the same run.
 *
 *   npm run bench
 *   npm run bench -- --path /lindewijk --duration 10 --connections 50
 *   npm run bench -- --database-url postgres://user:pass@127.0.0.1:5432/raadwerk
 *   npm run bench -- --only pglite
 *   npm run bench -- --node-flags ''   (the app without the Node flags of `npm start`)
 *   npm run bench -- --parts pages,signals,documents   (default: every part)
 *
 * Every server runs in its own process on 127.0.0.1; autocannon drives them from this one.
 * PostgreSQL: --database-url is used as it is (the app migrates it and loads the demo data
 * when it is empty). Without it, TEST_DATABASE_URL or else a throwaway local server
 * (test/support/pg.sh, only when PostgreSQL is installed) gets a fresh database that is
 * dropped afterwards.
 *
 * Pages measured: the council home page (--path), and the public advice register of a council
 * holding 2,000 advices over 10 years (bench/register-seed.ts writes them into the database
 * before the app starts), unfiltered and with a search. Public pages are cached in memory for
 * anonymous readers, so each register page is measured twice: as readers get it (cached) and
 * rendered on every request (a cookie that is not a session bypasses the cache). Then the
 * residents' signal form (final POST) and the themes view over 100,000 signals (bench/signals.ts).
 * Then the public knowledge base with 2,000 articles, plain and searched, cached and rendered (bench/knowledge.ts).
 * Then documents (bench/documents.ts) and the annual report over 10 years of data (bench/annual-report.ts).
 * Then campaigns (bench/campaigns.ts): the nomination form's POST and the jury overview of 1,000 nominations and 10 jurors.
 * Then the network (bench/network.ts): the network page and consultation list of a council with 500 organisations and 5,000 contacts, and an invitation to 500 consenting contacts.
 * Then the start-up (bench/startup.ts): cold (fresh clone, new data) and warm, as `npm start` runs it.
 * Last the scale run (bench/scale.ts): 350 organisations, their public pages cached and rendered,
 * the app's memory and the page cache's size.
 *
 * The run ends with one summary (bench/support/summary.ts): every measure of issue 14 per
 * database, its ratio to the baseline of the same run, the issue's target and whether it is met,
 * the app's peak memory, and the load average of the machine before and after.
 * Shorter runs: --duration 3 --warmup 1 (seconds per server), or --parts with a few parts.
 *
 * Figures only: nothing here passes or fails on speed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { BENCH_COUNCIL, BENCH_SEARCH } from './register-seed.ts';
import { SESSION_COOKIE } from '../src/core/auth/sessions.ts';
import { measureSignals } from './signals.ts';
import { benchDocuments } from './documents.ts';
import { benchAnnualReport } from './annual-report.ts';
import { benchCampaigns } from './campaigns.ts';
import { measureKnowledge } from './knowledge.ts';
import { benchNetwork } from './network.ts';
import { benchStartup } from './startup.ts';
import { benchScale, type ScaleResult } from './scale.ts';
import { peakRssMb } from './support/memory.ts';
import { isPostgres, printSummary, type SummaryLine } from './support/summary.ts';
import { freePort } from '../test/support/ports.ts';
import { startFlags } from './support/start-flags.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const { values: args } = parseArgs({
  options: {
    path: { type: 'string' },
    'database-url': { type: 'string' },
    only: { type: 'string' },
    /** Comma list of pages, signals, knowledge, documents, annual-report, campaigns, network, startup, scale. */
    parts: { type: 'string' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '50' },
    /** The app's Node flags instead of those of `npm start` (a comparison): --node-flags='' for none. */
    'node-flags': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (args.help) {
  console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0]);
  process.exit(0);
}
const PARTS = ['pages', 'signals', 'knowledge', 'documents', 'annual-report', 'campaigns', 'network', 'startup', 'scale'] as const;
const parts = new Set(args.parts ? args.parts.split(',').map((p) => p.trim()) : PARTS);
const unknownPart = [...parts].find((p) => !(PARTS as readonly string[]).includes(p));
if (unknownPart) {
  console.error(`--parts takes ${PARTS.join(', ')}; not ${unknownPart}`);
  process.exit(2);
}
const part = (name: (typeof PARTS)[number]) => parts.has(name);
const duration = Number(args.duration);
const warmup = Number(args.warmup);
const connections = Number(args.connections);
if (args.only && args.only !== 'pglite' && args.only !== 'postgres') {
  console.error('--only takes pglite or postgres');
  process.exit(2);
}

// ------------------------------------------------------------------ autocannon (CommonJS, no types)
type Histogram = { average: number; mean: number; p50: number; p99: number; max: number };
type CannonResult = {
  requests: Histogram;
  latency: Histogram;
  throughput: Histogram;
  non2xx: number;
  errors: number;
  timeouts: number;
  '2xx': number;
};
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  pipelining?: number;
  headers?: Record<string, string>;
  /** method, body, requests (bench/signals.ts posts a form). */
  [extra: string]: unknown;
}) => Promise<CannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

// ------------------------------------------------------------------ processes
const children = new Set<ChildProcess>();
const cleanups: (() => Promise<void>)[] = [];
let exiting = false;
async function cleanup() {
  if (exiting) return;
  exiting = true;
  for (const child of children) child.kill('SIGTERM');
  for (const fn of cleanups.reverse()) await fn().catch((err) => console.error(`cleanup: ${(err as Error).message}`));
}
process.on('SIGINT', () => void cleanup().then(() => process.exit(130)));
process.on('SIGTERM', () => void cleanup().then(() => process.exit(143)));
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

type Started = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

function start(command: string, argv: string[], env: NodeJS.ProcessEnv): Started {
  const child = spawn(command, argv, { cwd: root, env, stdio: ['pipe', 'pipe', 'pipe'] });
  children.add(child);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      children.delete(child);
      resolve(code);
    }),
  );
  return { child, output: () => output, exited };
}

async function stop(p: Started) {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  p.child.kill('SIGTERM');
  const timer = setTimeout(() => p.child.kill('SIGKILL'), 15_000);
  await p.exited;
  clearTimeout(timer);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls /readyz until it answers 200 with fresh statistics; fails when the process exits (or, as a hang guard, after 5 minutes). */
async function waitReady(base: string, app: Started) {
  const started = Date.now();
  let exitCode: number | null | undefined;
  void app.exited.then((c) => (exitCode = c));
  while (Date.now() - started < 300_000) {
    if (exitCode !== undefined) throw new Error(`the app stopped (exit ${exitCode}) before it was ready:\n${app.output()}`);
    try {
      const res = await fetch(`${base}/readyz`);
      // PGlite's statistics are refreshed 10 s after the start (main.ts), holding every statement
      // meanwhile: measuring starts after that ('fresh'), as it would be in use.
      if (res.ok && ((await res.json()) as { statistics?: string }).statistics === 'fresh') return;
    } catch {
      /* not listening yet */
    }
    await sleep(250);
  }
  throw new Error(`the app did not answer /readyz after 5 minutes:\n${app.output()}`);
}

// ------------------------------------------------------------------ PostgreSQL
type PgTarget = { url: string; label: string };

async function throwawayPostgres(): Promise<string | undefined> {
  // A bash that starts the server, prints its URL and waits on stdin: when this process ends,
  // stdin closes, bash exits, and pg.sh's EXIT trap stops and removes the server.
  const p = start('bash', ['-c', 'source test/support/pg.sh && start_test_postgres && echo "URL=$TEST_DATABASE_URL" && read -r _'], {
    ...process.env,
    RAADWERK_PG_NO_INSTALL: '1',
  });
  // Not stopped with the other children: the databases on it are dropped first (cleanups).
  children.delete(p.child);
  const url = await new Promise<string | undefined>((resolve) => {
    let buffer = '';
    p.child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const m = /^URL=(.+)$/m.exec(buffer);
      if (m) resolve(m[1]!.trim());
    });
    void p.exited.then(() => resolve(undefined));
  });
  if (!url) return undefined;
  cleanups.push(async () => {
    p.child.stdin!.end();
    await p.exited;
  });
  return url;
}

async function freshDatabase(serverUrl: string): Promise<string> {
  const name = `raadwerk_bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  cleanups.push(async () => {
    const c = new pg.Client({ connectionString: serverUrl });
    c.on('error', () => undefined);
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  });
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

/** The PostgreSQL server to use: --database-url as it is, TEST_DATABASE_URL, or a throwaway local one (started once). */
async function postgresTarget(): Promise<PgTarget | undefined> {
  if (args['database-url']) return { url: args['database-url'], label: 'PostgreSQL (--database-url)' };
  if (process.env.TEST_DATABASE_URL) return { url: process.env.TEST_DATABASE_URL, label: 'PostgreSQL (TEST_DATABASE_URL)' };
  const server = await throwawayPostgres();
  if (!server) return undefined;
  return { url: server, label: 'PostgreSQL (throwaway local server)' };
}

/** A fresh database on the server for each part; --database-url is used as it is. */
async function freshDatabaseOn(target: PgTarget): Promise<string> {
  return args['database-url'] ? target.url : freshDatabase(target.url);
}

// ------------------------------------------------------------------ measuring
type Row = { name: string; result: CannonResult; ratio?: number };

async function load(url: string, headers?: Record<string, string>, extra: object = {}): Promise<CannonResult> {
  if (warmup > 0) await autocannon({ url, connections, duration: warmup, headers, ...extra });
  return autocannon({ url, connections, duration, headers, ...extra });
}

async function discoverPath(base: string): Promise<string> {
  if (args.path) return args.path;
  const fallback = '/lindewijk';
  if ((await fetch(base + fallback)).ok) return fallback;
  // The first link on the home page that looks like a council (one path segment).
  const html = await (await fetch(`${base}/`)).text();
  for (const m of html.matchAll(/href="(\/[a-z0-9][a-z0-9-]*)"/g)) {
    const candidate = m[1]!;
    if (['/assets', '/inloggen', '/taal', '/beheer', '/api'].some((p) => candidate.startsWith(p))) continue;
    if ((await fetch(base + candidate)).ok) return candidate;
  }
  return fallback;
}

async function benchTarget(label: string, databaseUrl: string | undefined): Promise<{ rows: Row[]; peakMb: number | null }> {
  console.log(`\n== ${label}`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'raadwerk-bench-'));
  cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    BASE_URL: base,
    DATA_DIR: dataDir,
    DEMO_DATA: 'true',
    LOG_LEVEL: 'silent',
    // The signal form counts submissions per address; bench/signals.ts sends each from another one.
    TRUST_PROXY: 'true',
  };
  delete env.DATABASE_URL;
  delete env.SMTP_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;

  // The register's 2,000 advices go into the database before the app starts (PGlite allows one process).
  const t0 = Date.now();
  const seed = start(process.execPath, ['--import', 'tsx', 'bench/register-seed.ts', ...(databaseUrl ? ['--database-url', databaseUrl] : ['--data-dir', dataDir])], env);
  const seedExit = await seed.exited;
  if (seedExit !== 0) throw new Error(`seeding the register failed (exit ${seedExit}):\n${seed.output()}`);
  console.log(`register data ready in ${((Date.now() - t0) / 1000).toFixed(1)} s (${/seeded (\d+)/.exec(seed.output())?.[1] ?? '?'} advices written)`);
  const workspaceSession = /^workspace-session (\S+)$/m.exec(seed.output())?.[1];
  let signalSession = '';
  if (part('signals')) {
    const signalSeed = start(process.execPath, ['--import', 'tsx', 'bench/signals.ts', ...(databaseUrl ? ['--database-url', databaseUrl] : ['--data-dir', dataDir])], env);
    if ((await signalSeed.exited) !== 0) throw new Error(`seeding the signals failed:\n${signalSeed.output()}`);
    console.log(/signals seeded .*/.exec(signalSeed.output())?.[0]);
    signalSession = /^session (\S+)$/m.exec(signalSeed.output())![1]!;
  }
  if (part('knowledge')) {
    // Knowledge (issue 11): 2,000 articles on one council's site, seeded before the app starts.
    const knowledgeSeed = start(process.execPath, ['--import', 'tsx', 'bench/knowledge.ts', ...(databaseUrl ? ['--database-url', databaseUrl] : ['--data-dir', dataDir])], env);
    if ((await knowledgeSeed.exited) !== 0) throw new Error(`seeding the knowledge base failed:\n${knowledgeSeed.output()}`);
    console.log(/knowledge seeded .*/.exec(knowledgeSeed.output())?.[0]);
  }

  // As `npm start` runs it: its Node flags, and the server compiled ahead of time (scripts/start.mjs).
  const app = start(process.execPath, [...startFlags(root, args['node-flags']), 'scripts/start.mjs'], env);
  try {
    const t1 = Date.now();
    await waitReady(base, app);
    console.log(`app ready (statistics fresh) in ${((Date.now() - t1) / 1000).toFixed(1)} s`);

    const homePath = await discoverPath(base);
    const register = `/${BENCH_COUNCIL}/adviezen`;
    const search = `${register}?zoekterm=${encodeURIComponent(BENCH_SEARCH)}`;
    // A cookie that is not a valid session: no login, but the page cache is bypassed.
    const uncached = { cookie: 'rw_sessie=bench-no-session' };
    const rows: Row[] = [];
    if (part('pages')) {
      rows.push(...(await measurePage(base, dataDir, homePath, `app ${homePath}`)));
      rows.push(...(await measurePage(base, dataDir, register, `register ${register} (cached)`)));
      rows.push(...(await measurePage(base, dataDir, register, `register ${register} (rendered)`, uncached)));
      rows.push(...(await measurePage(base, dataDir, search, `search ${search} (cached)`)));
      rows.push(...(await measurePage(base, dataDir, search, `search ${search} (rendered)`, uncached)));
      if (workspaceSession) rows.push(...(await measureWorkspace(base, dataDir, { cookie: `${SESSION_COOKIE}=${workspaceSession}` })));
    }
    if (part('signals')) {
      rows.push(
        ...(await measureSignals(
          {
            base,
            load,
            startBare: (body) => startBare(dataDir, body),
            measurePage: (p, l, h) => measurePage(base, dataDir, p, l, h),
            row: (name, result, ratio) => ({ name, result: result as CannonResult, ratio }),
          },
          signalSession,
        )),
      );
    }
    if (part('knowledge')) rows.push(...(await measureKnowledge((p, l, h) => measurePage(base, dataDir, p, l, h), uncached)));
    const peakMb = peakRssMb(app.child.pid);
    if (peakMb !== null) console.log(`app peak memory (RSS high-water mark, with its sandbox processes, ${label}): ${peakMb.toFixed(0)} MB`);
    return { rows, peakMb };
  } finally {
    await stop(app);
  }
}

/** The Lindewijk secretary's workspace: dashboard, advice list and detail, signals list, a meeting. */
async function measureWorkspace(base: string, dataDir: string, headers: Record<string, string>): Promise<Row[]> {
  const ws = `/lindewijk/werkruimte`;
  const firstLink = async (listPath: string, pattern: RegExp) => {
    const html = await (await fetch(base + listPath, { headers })).text();
    return pattern.exec(html)?.[0];
  };
  const advice = await firstLink(`${ws}/adviezen`, /\/lindewijk\/werkruimte\/adviezen\/[0-9a-f-]{36}/);
  const meeting = await firstLink(`${ws}/vergaderingen`, /\/lindewijk\/werkruimte\/vergaderingen\/[0-9a-f-]{36}/);
  const pages: [string, string][] = [
    [ws, 'workspace dashboard'],
    [`${ws}/adviezen`, 'workspace advice list'],
    ...(advice ? [[advice, 'workspace advice detail'] as [string, string]] : []),
    [`${ws}/signalen`, 'workspace signals list'],
    ...(meeting ? [[meeting, 'workspace meeting detail'] as [string, string]] : []),
  ];
  const rows: Row[] = [];
  for (const [p, label] of pages) {
    // One page failing (a 500 from work in progress) should not lose the others' figures.
    try {
      rows.push(...(await measurePage(base, dataDir, p, label, headers)));
    } catch (err) {
      console.log(`  skipped: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  return rows;
}

/** One page: a bare node:http server answering the same bytes, then the app; the ratio of the two. */
async function measurePage(base: string, dataDir: string, pagePath: string, label: string, headers?: Record<string, string>): Promise<Row[]> {
  const res = await fetch(base + pagePath, { headers });
  const body = Buffer.from(await res.arrayBuffer());
  if (!res.ok) throw new Error(`GET ${pagePath} answered ${res.status}; pass an existing page with --path`);
  console.log(`${label}: ${body.length} bytes`);
  const bare = await startBare(dataDir, body);
  try {
    console.log(`  loading bare node:http for ${warmup} + ${duration} s ...`);
    const bareResult = await load(bare.url);
    console.log(`  loading the app for ${warmup} + ${duration} s ...`);
    const appResult = await load(base + pagePath, headers);
    const ratio = appResult.requests.average / bareResult.requests.average;
    // Printed as it comes, so that a run stopped half-way still leaves its figures.
    console.log(
      `  bare ${bareResult.requests.average.toFixed(0)} req/s; app ${appResult.requests.average.toFixed(0)} req/s, p50 ${appResult.latency.p50} ms, p99 ${appResult.latency.p99} ms, ${appResult.non2xx} non-2xx, ${appResult.errors + appResult.timeouts} errors: ${(ratio * 100).toFixed(2)} % of bare`,
    );
    return [
      { name: `bare node:http (${body.length} bytes)`, result: bareResult },
      { name: label, result: appResult, ratio },
    ];
  } finally {
    await bare.stop();
  }
}

/** The baseline: a bare node:http server in its own process answering these bytes. */
async function startBare(dataDir: string, body: Buffer): Promise<{ url: string; stop(): Promise<void> }> {
  const pageFile = path.join(dataDir, `page-${crypto.randomBytes(4).toString('hex')}.html`);
  fs.writeFileSync(pageFile, body);
  const bare = start(process.execPath, ['--import', 'tsx', 'bench/bare-server.ts', '--file', pageFile], process.env);
  try {
    const barePort = await new Promise<number>((resolve, reject) => {
      bare.child.stdout!.on('data', (chunk: Buffer) => {
        const m = /listening (\d+)/.exec(chunk.toString());
        if (m) resolve(Number(m[1]));
      });
      void bare.exited.then((code) => reject(new Error(`bare server exited (${code}):\n${bare.output()}`)));
    });
    return { url: `http://127.0.0.1:${barePort}/`, stop: () => stop(bare) };
  } catch (err) {
    await stop(bare);
    throw err;
  }
}

function printTable(title: string, rows: Row[]) {
  const header = ['', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'errors', 'app/bare'];
  const lines = rows.map((r) => [
    r.name,
    r.result.requests.average.toFixed(0),
    String(r.result.latency.p50),
    String(r.result.latency.p99),
    String(r.result.non2xx),
    String(r.result.errors + r.result.timeouts),
    r.ratio === undefined ? '' : `${(r.ratio * 100).toFixed(1)} %`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`\n${title}`);
  console.log(fmt(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of lines) console.log(fmt(l));
  const bad = rows.filter((r) => r.result.non2xx > 0 || r.result.errors > 0);
  if (bad.length) console.log(`note: ${bad.map((r) => r.name).join(', ')} had non-2xx answers or errors; their figures are not comparable`);
}

/** The lines of the summary that come from the app parts (pages, signals) of one database. */
function appSummary(label: string, rows: Row[], peakMb: number | null): SummaryLine[] {
  const pg = isPostgres(label);
  const database = pg ? 'PostgreSQL' : 'PGlite';
  const out: SummaryLine[] = [];
  const share = pg ? 5 : 2;
  const perSecond = (r: Row) => `${r.result.requests.average.toFixed(0)} req/s, p99 ${r.result.latency.p99} ms`;
  const ofBare = (r: Row) => (r.ratio === undefined ? undefined : `${(r.ratio * 100).toFixed(2)} % of bare`);
  // A measure that answered nothing in its window (autocannon then reports p99 0) or had errors meets nothing.
  const dirty = (r: Row) => r.result.non2xx > 0 || r.result.errors > 0 || r.result.requests.average === 0;
  for (const [measure, match] of [
    ['rendered public register (2,000 advices)', (n: string) => n.startsWith('register ') && n.endsWith('(rendered)')],
    ['rendered register search', (n: string) => n.startsWith('search ') && n.endsWith('(rendered)')],
    ['workspace dashboard', (n: string) => n === 'workspace dashboard'],
    ['workspace advice list', (n: string) => n === 'workspace advice list'],
    ['workspace advice detail', (n: string) => n === 'workspace advice detail'],
    ['workspace signals list', (n: string) => n === 'workspace signals list'],
    ['workspace meeting detail', (n: string) => n === 'workspace meeting detail'],
  ] as const) {
    const r = rows.find((x) => match(x.name));
    if (!r) continue;
    out.push({
      measure,
      database,
      figure: perSecond(r) + (dirty(r) ? ' (errors or no answers)' : ''),
      ratio: ofBare(r),
      target: `>= ${share} % of bare`,
      met: r.ratio !== undefined && !dirty(r) && r.ratio * 100 >= share,
    });
  }
  // bench/signals.ts measures these with 50 connections and one at a time: both are judged.
  const under = (r: Row) => (r.name.includes('one at a time') ? ', one at a time' : ', 50 connections');
  for (const themes of rows.filter((r) => r.name.startsWith('themes view'))) {
    out.push({
      measure: `themes view (100,000 signals)${under(themes)}`,
      database,
      figure: perSecond(themes) + (dirty(themes) ? ' (errors or no answers)' : ''),
      ratio: ofBare(themes),
      target: 'p99 <= 50 ms',
      met: !dirty(themes) && themes.result.latency.p99 <= 50,
    });
  }
  for (const post of rows.filter((r) => r.name.startsWith('signal form POST'))) {
    const limit = pg ? 100 : 300;
    const timeouts = post.result.timeouts + post.result.errors;
    out.push({
      measure: `signal form final POST${under(post)}`,
      database,
      figure: `${perSecond(post)}, ${timeouts} timeouts/errors`,
      ratio: ofBare(post),
      target: `0 timeouts, p99 <= ${limit} ms`,
      met: timeouts === 0 && !dirty(post) && post.result.latency.p99 <= limit,
    });
  }
  if (peakMb !== null) out.push({ measure: 'app peak memory (RSS) during these parts', database, figure: `${peakMb.toFixed(0)} MB` });
  return out;
}

function scaleSummary(results: ScaleResult[]): SummaryLine[] {
  return results.flatMap((r) => {
    const database = isPostgres(r.label) ? 'PostgreSQL' : 'PGlite';
    const ofBare = (x: { requests: { average: number } }) => `${((x.requests.average / r.bare.requests.average) * 100).toFixed(2)} % of bare`;
    const last = r.afterRendered;
    const peakBytes = Math.max(r.afterFill.bytes, r.afterCached.bytes, r.afterRendered.bytes);
    return [
      {
        measure: `scale: public pages of 350 organisations, cached (${(r.hitShare * 100).toFixed(0)} % hits)`,
        database,
        figure: `${r.cached.requests.average.toFixed(0)} req/s, p99 ${r.cached.latency.p99} ms`,
        ratio: ofBare(r.cached),
      },
      { measure: 'scale: the same pages, rendered', database, figure: `${r.rendered.requests.average.toFixed(0)} req/s, p99 ${r.rendered.latency.p99} ms`, ratio: ofBare(r.rendered) },
      {
        measure: `scale: page cache (${r.addresses} addresses, ${r.fill.totalMb.toFixed(0)} MB of pages)`,
        database,
        figure: `${r.afterCached.entries} pages, ${(peakBytes / 2 ** 20).toFixed(1)} MB at most`,
        target: `bounded: <= ${(last.maxBytes / 2 ** 20).toFixed(0)} MB budget`,
        met: peakBytes <= last.maxBytes,
      },
      { measure: 'scale: app memory (RSS) now / peak', database, figure: `${last.rssMb.toFixed(0)} / ${last.peakMb?.toFixed(0) ?? '?'} MB` },
    ];
  });
}

async function main() {
  const startedAt = Date.now();
  const loadBefore = os.loadavg();
  console.log(
    `Raadwerk benchmark: ${connections} connections, ${warmup} s warm-up + ${duration} s per server, ` + `node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown cpu'})`,
  );
  const results: { label: string; rows: Row[] }[] = [];
  const summary: SummaryLine[] = [];
  const appParts = part('pages') || part('signals') || part('knowledge');
  const targets: { label: string; url: string | undefined }[] = [];
  if (args.only !== 'postgres') targets.push({ label: 'PGlite (embedded)', url: undefined });
  // The PostgreSQL target is made once and shared by every part (each part makes its own database on it).
  let pgTarget: PgTarget | undefined | null = null;
  const postgres = async () => {
    if (pgTarget === null) pgTarget = await postgresTarget();
    return pgTarget;
  };
  const postgresFor = async () => {
    const t = await postgres();
    return t ? { url: await freshDatabaseOn(t), label: t.label } : undefined;
  };
  if (appParts) {
    if (args.only !== 'pglite') {
      const target = await postgresFor();
      if (target) targets.push({ label: target.label, url: target.url });
      else console.log('\n(PostgreSQL skipped: no --database-url, no TEST_DATABASE_URL and no local PostgreSQL installed)');
    }
    for (const t of targets) {
      try {
        const { rows, peakMb } = await benchTarget(t.label, t.url);
        results.push({ label: t.label, rows });
        summary.push(...appSummary(t.label, rows, peakMb));
      } catch (err) {
        console.error(`\n${t.label} failed: ${(err as Error).stack ?? err}`);
        summary.push({ measure: 'pages, signals, knowledge', database: t.label, figure: `failed: ${(err as Error).message.split('\n')[0]!.slice(0, 80)}` });
      }
    }
  }
  // A part that fails is reported and the run goes on: the other parts' figures still count.
  const guarded = async (name: (typeof PARTS)[number], fn: () => Promise<void>) => {
    if (!part(name)) return;
    try {
      await fn();
    } catch (err) {
      console.error(`\npart ${name} failed: ${(err as Error).stack ?? err}`);
      summary.push({ measure: `part ${name}`, database: '-', figure: `failed: ${(err as Error).message.split('\n')[0]!.slice(0, 80)}` });
    }
  };
  const opts = { only: args.only, postgres: postgresFor };
  await guarded('documents', async () => {
    summary.push(...(await benchDocuments(opts)));
  });
  await guarded('annual-report', () => benchAnnualReport(opts));
  await guarded('campaigns', () => benchCampaigns(opts));
  await guarded('network', () => benchNetwork(opts));
  await guarded('startup', async () => {
    summary.push(...(await benchStartup(opts)));
  });
  await guarded('scale', async () => {
    const scaleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'raadwerk-bench-scale-bare-'));
    cleanups.push(async () => fs.rmSync(scaleDir, { recursive: true, force: true }));
    summary.push(...scaleSummary(await benchScale({ ...opts, load, startBare: (body) => startBare(scaleDir, body) })));
  });
  console.log('\n== results (higher req/s and lower latency are better; app/bare is the share of bare Node throughput)');
  for (const r of results) printTable(r.label, r.rows);
  const fmtLoad = (l: number[]) => l.map((x) => x.toFixed(2)).join(', ');
  printSummary(
    summary,
    `${((Date.now() - startedAt) / 60_000).toFixed(1)} min, ${warmup} + ${duration} s per measure, ${connections} connections; load average (1, 5, 15 min) before ${fmtLoad(loadBefore)}, after ${fmtLoad(os.loadavg())}`,
  );
}

main()
  .then(cleanup)
  .catch(async (err) => {
    console.error(`bench failed: ${(err as Error).stack ?? err}`);
    await cleanup();
    process.exitCode = 1;
  });
