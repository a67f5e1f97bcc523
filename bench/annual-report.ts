/**
 * The annual-report part of `npm run bench` (bench/run.ts calls benchAnnualReport): a council with
 * 10 years of data (2,000 advices with 3 recommendations each, 100,000 signals in 20 themes,
 * 120 meetings with attendance and guests, a work plan per year), seeded with INSERT ... SELECT
 * over generate_series. Measured per year, median of the 10 years:
 *
 * - figures: gathering and counting one year through the modules' read functions (gatherFigures);
 * - HTML: rendering the public report page's body from those figures;
 * - PDF: the tagged PDF of the report;
 * - baseline: one bare `count(*)` per source table for the same year (the least any report must
 *   read), so the figures are a ratio against the database's own speed in the same run.
 *
 * Peak memory: the highest resident set size sampled every 10 ms while generating all 10 years.
 * On PGlite and PostgreSQL. Figures only: nothing here passes or fails on speed.
 *
 *   node --import tsx bench/annual-report.ts [pglite | postgres URL]
 */
import { sql } from 'drizzle-orm';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Database } from '../src/core/db/index.ts';
import { councils, type Council } from '../src/core/organisations.schema.ts';
import { translator } from '../src/core/i18n/index.ts';
import { CouncilScopeProvider, PageCtxProvider, type PageCtx } from '../src/ui/context.ts';
import { gatherFigures } from '../src/modules/workplan/workplan.report.ts';
import { reportPdf } from '../src/modules/workplan/workplan.pdf.ts';
import { ReportBody } from '../src/modules/workplan/views/report-body.tsx';
import { sectionsOf } from '../src/modules/workplan/views/report.tsx';
import type { AnnualReport } from '../src/modules/workplan/workplan.schema.ts';
import { median, onBothDatabases, runAlone, type BenchOpts } from './support/module-bench.ts';

const YEARS = 10;
const ADVICES = 2_000;
const SIGNALS = 100_000;
const MEETINGS = 120;
const FIRST = 2015;

/** The council and its 10 years, written in a handful of statements. */
async function seed(database: Database): Promise<Council> {
  const db = database.db;
  const [council] = await db
    .insert(councils)
    .values({ slug: `jaarbank-${Date.now().toString(36)}`, name: 'Adviesraad Jaarbank', advises: 'het college van Jaarbank', contactEmail: 'info@jaarbank.example' })
    .returning();
  const c = council!.id;
  await db.execute(sql`
    insert into advices (council_id, reference, kind, status, subject, question, policy_field, addressee, sent_at, answer_due_on, answered_at)
    select ${c}, 'B-' || lpad(g::text, 5, '0'),
           case when g % 3 = 0 then 'unsolicited' else 'requested' end,
           case when g % 4 = 0 then 'sent' else 'answered' end,
           'Advies ' || g, 'Vraag ' || g,
           (array['wmo','participatiewet','jeugdwet','overig'])[1 + g % 4], 'college',
           make_timestamptz(${FIRST} + (g % ${YEARS}), 1 + (g / ${YEARS}) % 12, 1 + g % 28, 10, 0, 0, 'Europe/Amsterdam'),
           (make_date(${FIRST} + (g % ${YEARS}), 1 + (g / ${YEARS}) % 12, 1 + g % 28) + 42),
           case when g % 4 = 0 then null else make_timestamptz(${FIRST} + (g % ${YEARS}), 1 + (g / ${YEARS}) % 12, 1 + g % 28, 10, 0, 0, 'Europe/Amsterdam') + (20 + g % 40) * interval '1 day' end
    from generate_series(1, ${ADVICES}) g`);
  await db.execute(sql`
    insert into advice_recommendations (council_id, advice_id, number, text, answer, follow_up)
    select ${c}, a.id, n, 'Aanbeveling ' || n,
           case when a.status = 'sent' then 'unanswered' else (array['adopted','partly','not_adopted'])[1 + (n + length(a.reference)) % 3] end,
           case when n = 1 then 'Gedaan.' else '' end
    from advices a cross join generate_series(1, 3) n where a.council_id = ${c}`);
  await db.execute(sql`insert into signal_themes (council_id, name) select ${c}, 'Thema ' || lpad(g::text, 2, '0') from generate_series(1, 20) g`);
  await db.execute(sql`
    insert into signals (council_id, reference, description, area, since, source, status, theme_id, created_at, updated_at)
    select ${c}, 'S-J-' || lpad(g::text, 6, '0'), '', 'transport', 'month', 'web_form', 'closed',
           case when g % 10 = 0 then null else (select array_agg(id order by name) from signal_themes where council_id = ${c})[1 + g % 20] end,
           make_timestamptz(${FIRST} + (g % ${YEARS}), 1 + (g / ${YEARS}) % 12, 1 + g % 28, 12, 0, 0, 'Europe/Amsterdam'), now()
    from generate_series(1, ${SIGNALS}) g`);
  await db.execute(sql`
    insert into meetings (council_id, uid, title, starts_at, ends_at, status)
    select ${c}, 'jaarbank-' || g || '@raadwerk', 'Vergadering ' || g,
           make_timestamptz(${FIRST} + (g - 1) / 12, 1 + (g - 1) % 12, 15, 9, 30, 0, 'Europe/Amsterdam'),
           make_timestamptz(${FIRST} + (g - 1) / 12, 1 + (g - 1) % 12, 15, 12, 30, 0, 'Europe/Amsterdam'), 'held'
    from generate_series(1, ${MEETINGS}) g`);
  await db.execute(sql`
    insert into agenda_items (council_id, meeting_id, position, title)
    select ${c}, m.id, p, 'Punt ' || p from meetings m cross join generate_series(1, 5) p where m.council_id = ${c}`);
  await db.execute(sql`
    insert into agenda_guests (council_id, agenda_item_id, name, email, kind)
    select ${c}, i.id, 'Gast', 'gast@jaarbank.example', (array['official','expert','organisation'])[1 + i.position % 3]
    from agenda_items i where i.council_id = ${c} and i.position <= 2`);
  await db.execute(sql`insert into workplans (council_id, year, status) select ${c}, y, 'approved' from generate_series(${FIRST}::int, ${FIRST + YEARS - 1}::int) y`);
  await db.execute(sql`
    insert into workplan_topics (council_id, plan_id, title, policy_field, status)
    select ${c}, w.id, 'Onderwerp ' || n, 'wmo', (array['planned','in_progress','done','dropped'])[1 + n % 4]
    from workplans w cross join generate_series(1, 6) n where w.council_id = ${c}`);
  await db.execute(sql`analyze`);
  return council!;
}

type Timing = { figures: number; html: number; pdf: number; baseline: number; htmlKb: number; pdfKb: number };

async function measure(label: string, database: Database): Promise<void> {
  const t0 = performance.now();
  const council = await seed(database);
  const seedSeconds = (performance.now() - t0) / 1000;
  const t = translator('nl');
  const ctx: PageCtx = { t, locale: 'nl', url: '/', user: null, csrfToken: '', workspaces: [] };
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const timings: Timing[] = [];
  const all0 = performance.now();
  try {
    for (let year = FIRST; year < FIRST + YEARS; year++) {
      const from = `${year}-01-01`;
      const to = `${year + 1}-01-01`;
      const b0 = performance.now();
      await database.db.execute(sql`select
        (select count(*) from advices where council_id = ${council.id} and sent_at >= ${from}::date and sent_at < ${to}::date),
        (select count(*) from signals where council_id = ${council.id} and created_at >= ${from}::date and created_at < ${to}::date),
        (select count(*) from meetings where council_id = ${council.id} and starts_at >= ${from}::date and starts_at < ${to}::date)`);
      const baseline = performance.now() - b0;
      const f0 = performance.now();
      const figures = await gatherFigures(database.db, council, year, '2030-01-01');
      const f1 = performance.now();
      // As `reply.page` renders it: inside the page's context and its organisation's scope.
      const body = h(ReportBody, { ctx, foreword: 'Voorwoord.', sections: sectionsOf(ctx, council, figures, {}, false) });
      const html = renderToString(h(PageCtxProvider, { value: ctx }, h(CouncilScopeProvider, { value: { council, actor: null } }, body)));
      const f2 = performance.now();
      const report = { year, figures, foreword: 'Voorwoord.', texts: {}, generatedAt: new Date() } as unknown as AnnualReport;
      const pdf = await reportPdf({ council, report, t, locale: 'nl' });
      const f3 = performance.now();
      timings.push({ baseline, figures: f1 - f0, html: f2 - f1, pdf: f3 - f2, htmlKb: html.length / 1024, pdfKb: pdf.length / 1024 });
    }
  } finally {
    clearInterval(sampler);
  }
  const allSeconds = (performance.now() - all0) / 1000;
  const m = (k: keyof Timing) => median(timings.map((x) => x[k]));
  const one = m('figures') + m('html') + m('pdf');
  console.log(`\n${label}: ${ADVICES.toLocaleString('en')} advices, ${SIGNALS.toLocaleString('en')} signals, ${MEETINGS} meetings over ${YEARS} years (seeded in ${seedSeconds.toFixed(1)} s)`);
  console.log(
    `  one year, median of ${YEARS}: figures ${m('figures').toFixed(0)} ms, HTML ${m('html').toFixed(0)} ms (${m('htmlKb').toFixed(0)} kB), PDF ${m('pdf').toFixed(0)} ms (${m('pdfKb').toFixed(0)} kB); together ${one.toFixed(0)} ms`,
  );
  console.log(`  baseline (bare count(*) per table for the year): ${m('baseline').toFixed(1)} ms; figures/baseline ${(m('figures') / Math.max(m('baseline'), 0.01)).toFixed(1)}x`);
  console.log(`  all ${YEARS} years (HTML and PDF each): ${allSeconds.toFixed(1)} s; peak resident memory ${(peak / 1024 / 1024).toFixed(0)} MB`);
}

export async function benchAnnualReport(opts: BenchOpts): Promise<void> {
  await onBothDatabases('annual report', 'report', opts, measure);
}

await runAlone(import.meta.url, benchAnnualReport);
