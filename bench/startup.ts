/**
 * The start-up part of `npm run bench` (bench/run.ts calls benchStartup): the real start
 * (`npm start`'s command, `node scripts/start.mjs`) spawned and timed until its first answer on
 * `/`, on PGlite and on PostgreSQL, side by side:
 *
 * - cold: what `npm install` leaves (the server built into dist/, the database template; both
 *   made here first, as the install does, and not timed), a fresh data directory or database and
 *   an empty temporary directory (so tsx has no compiled files cached): the first start on a
 *   fresh clone (copy the template, migrate, demo data);
 * - warm: the same data started again;
 * - warm from the sources: the same, run through tsx instead of dist/ (RAADWERK_TSX=1), to show
 *   what compiling ahead of time saves.
 *
 * Baseline in the same run: a bare node:http server (bench/bare-server.ts, through tsx) spawned
 * and timed the same way. main.ts prints each step's seconds (RAADWERK_START_TIMES=1): the cold
 * and warm steps are printed below the table. Figures only; it returns the summary's lines.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { migratedTemplateDataDir } from '../src/core/db/template.ts';
import { startFlags } from './support/start-flags.ts';
import { freePort } from '../test/support/ports.ts';
import { peakRssMb } from './support/memory.ts';
import type { SummaryLine } from './support/summary.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

type Start = { seconds: number; peakMb: number | null; steps: string[]; times: string };

/** Spawns `argv`, polls `/` until it answers (any status below 500), then stops it. */
async function timeStart(argv: string[], env: NodeJS.ProcessEnv, port: number): Promise<Start> {
  const t0 = performance.now();
  const child = spawn(process.execPath, argv, { cwd: root, env: { ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  const steps: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n'))
      if (line.trim() && steps.length < 40) steps.push(`${((performance.now() - t0) / 1000).toFixed(1).padStart(5)} s  ${line.includes('Starttijden:') ? line.trim() : line.trim().slice(0, 90)}`);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exit: number | null | undefined;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      exit = code;
      resolve();
    }),
  );
  try {
    for (;;) {
      if (exit !== undefined) throw new Error(`the start stopped (exit ${exit}):\n${steps.join('\n')}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/`);
        await res.arrayBuffer();
        if (res.status < 500) break;
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    const seconds = (performance.now() - t0) / 1000;
    const peakMb = peakRssMb(child.pid);
    // The step times line comes right after "draait op": wait for it briefly.
    for (let i = 0; i < 20 && !steps.some((l) => l.includes('Starttijden:')); i++) await new Promise((r) => setTimeout(r, 50));
    const times = steps.find((l) => l.includes('Starttijden:'))?.replace(/^.*Starttijden:\s*/, '') ?? '';
    return { seconds, peakMb, steps, times };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

function run(cmd: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited with ${code}`))));
  });
}

async function coldAndWarm(label: string, databaseUrl: string | undefined, dir: string) {
  const tmp = fs.mkdtempSync(path.join(dir, 'tmp-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: '127.0.0.1',
    DATA_DIR: path.join(dir, `data-${label.length}-${Date.now()}`),
    DEMO_DATA: 'true',
    LOG_LEVEL: 'warn',
    TMPDIR: tmp,
    RAADWERK_START_TIMES: '1',
  };
  delete env.DATABASE_URL;
  delete env.SECRET_KEY;
  delete env.RAADWERK_TSX;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  const app = [...startFlags(root), 'scripts/start.mjs'];
  const port = await freePort();
  const cold = await timeStart(app, env, port);
  const warm = await timeStart(app, env, port);
  const sources = await timeStart(app, { ...env, RAADWERK_TSX: '1' }, port);
  return { label, cold, warm, sources };
}

/** The summary's lines: cold (target 10 s) and warm (2 s) per database, as a multiple of the bare server's start. */
function summaryLines(results: Awaited<ReturnType<typeof coldAndWarm>>[], bare: Start): SummaryLine[] {
  return (['cold', 'warm'] as const).flatMap((kind) =>
    results.map((r) => {
      const limit = kind === 'cold' ? 10 : 2;
      return {
        measure: kind === 'cold' ? 'cold start (fresh clone: create, migrate, demo)' : 'warm start',
        database: r.label,
        figure: `${r[kind].seconds.toFixed(1)} s`,
        ratio: `${(r[kind].seconds / bare.seconds).toFixed(1)}x bare start`,
        target: `<= ${limit} s`,
        met: r[kind].seconds <= limit,
      };
    }),
  );
}

export async function benchStartup(opts: { only?: string; postgres: () => Promise<{ url: string; label: string } | undefined> }): Promise<SummaryLine[]> {
  console.log('\n== start-up (spawned as `npm start` does, time to the first answer on /)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'raadwerk-bench-start-'));
  try {
    // What `npm install` does after a fresh clone (postinstall): build dist/, make the template.
    const install = performance.now();
    await run(process.execPath, ['scripts/build.mjs']);
    await migratedTemplateDataDir();
    console.log(`  install steps (build, database template): ${((performance.now() - install) / 1000).toFixed(1)} s, not counted below`);
    // Baseline: a bare server through tsx, cold (empty cache) and warm.
    const tmp = fs.mkdtempSync(path.join(dir, 'tmp-'));
    const barePort = await freePort();
    const bareArgv = ['--import', 'tsx', 'bench/bare-server.ts', '--bytes', '1000', '--port', String(barePort)];
    const bare = await timeStart(bareArgv, { ...process.env, TMPDIR: tmp }, barePort);
    const results: Awaited<ReturnType<typeof coldAndWarm>>[] = [];
    if (opts.only !== 'postgres') results.push(await coldAndWarm('PGlite', undefined, dir));
    if (opts.only !== 'pglite') {
      const target = await opts.postgres();
      if (target) results.push(await coldAndWarm('PostgreSQL', target.url, dir));
      else console.log('(PostgreSQL start-up skipped: no server)');
    }
    const cell = (s: Start) => `${s.seconds.toFixed(1)} s (${(s.seconds / bare.seconds).toFixed(1)}x bare)`;
    console.log(`  bare node:http server through tsx: ${bare.seconds.toFixed(2)} s`);
    console.log(`  ${'start'.padEnd(34)}${results.map((r) => r.label.padEnd(26)).join('')}`);
    console.log(`  ${'cold (fresh clone, new data)'.padEnd(34)}${results.map((r) => cell(r.cold).padEnd(26)).join('')}`);
    console.log(`  ${'warm (second start)'.padEnd(34)}${results.map((r) => cell(r.warm).padEnd(26)).join('')}`);
    console.log(`  ${'warm, from the sources (tsx)'.padEnd(34)}${results.map((r) => cell(r.sources).padEnd(26)).join('')}`);
    console.log(`  ${'peak RSS, cold start'.padEnd(34)}${results.map((r) => (r.cold.peakMb === null ? '?' : `${r.cold.peakMb.toFixed(0)} MB`).padEnd(26)).join('')}`);
    for (const r of results) {
      console.log(`  steps on ${r.label} (seconds; the first is Node and main.ts loading, from the process start):`);
      console.log(`    cold: ${r.cold.times}\n    warm: ${r.warm.times}\n    warm from the sources: ${r.sources.times}`);
    }
    return summaryLines(results, bare);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Alone: `node --import tsx bench/startup.ts [postgres URL]`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const url = process.argv[2];
  await benchStartup({ only: url ? undefined : 'pglite', postgres: async () => (url ? { url, label: 'PostgreSQL' } : undefined) });
}
