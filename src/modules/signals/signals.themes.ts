/**
 * The themes view: monthly and per-source counts per theme, the threshold rule ("a larger group
 * may be affected") and the masking of small numbers for members. The counting happens in SQL
 * (themeOverview, at the end); the pure functions before it shape the result.
 */
import { and, between, eq, inArray, sql } from 'drizzle-orm';
import type { Deps } from '../../core/deps.ts';
import { assertCan, can, type Actor } from '../../core/policy.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { signals, signalThemeDays, signalThemeMonths, signalThemes, type SignalSource } from './signals.schema.ts';
import { settingsOf, type EffectiveSettings } from './signals.settings.ts';
import { listThemes } from './signals.queries.ts';
import { rowsOf } from '../../core/db/index.ts';

export type Threshold = { thresholdCount: number; thresholdSources: number; thresholdMonths: number };

/** At least N signals from at least M different sources within the window. */
export function crossesThreshold(window: { n: number; sources: number }, t: Threshold): boolean {
  return window.n >= t.thresholdCount && window.sources >= t.thresholdSources;
}

/** Below this, a count could point at a person: members see "fewer than 3". */
const SMALL_COUNT = 3;

export type Cell = { n: number; masked: boolean };

export function cell(n: number, exact: boolean): Cell {
  return !exact && n > 0 && n < SMALL_COUNT ? { n: 0, masked: true } : { n, masked: false };
}

/** Made once: building an Intl.DateTimeFormat costs more than the rest of the view's counting. */
const amsterdamMonth = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit' });

/** The last `count` months as "YYYY-MM" in Amsterdam time, oldest first, ending with the month of `now`. */
export function monthsBack(now: Date, count: number): string[] {
  const [y, m] = amsterdamMonth.format(now).split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const total = y * 12 + (m - 1) - i;
    out.push(`${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

type ThemeRow = {
  id: string;
  name: string;
  total: Cell;
  /** Per month shown; null for a theme whose tables are on another page (not counted). */
  perMonth: Cell[] | null;
  perSource: { source: SignalSource; count: Cell }[];
  window: { n: number; sources: number };
  flagged: boolean;
};
export type ThemeView = { months: string[]; themes: ThemeRow[]; page: number; pages: number };

/** Themes whose month and source tables one page shows: the page stays small with many themes. */
export const THEMES_PER_PAGE = 5;

/**
 * One row per theme and source, as the overview's SQL aggregate returns it: `n` signals in the
 * months shown and `inWindow` of them within the threshold window (which may reach further back).
 */
export type CountRow = { themeId: string; source: SignalSource; n: number; inWindow: number };
/** Signals per theme and month (YYYY-MM), only for the themes on the page shown. */
export type MonthRow = { themeId: string; month: string; n: number };

/** The overview (every theme, flagged first) and which of them this page shows in full. */
export function buildThemeView(args: { themes: { id: string; name: string }[]; months: string[]; rows: CountRow[]; settings: Threshold; exact: boolean }): ThemeView {
  const { exact } = args;
  const themes = args.themes.map((t): ThemeRow => {
    const rows = args.rows.filter((r) => r.themeId === t.id);
    const bySource = new Map<SignalSource, number>();
    for (const r of rows) if (r.n > 0) bySource.set(r.source, (bySource.get(r.source) ?? 0) + r.n);
    const window = {
      n: rows.reduce((a, r) => a + r.inWindow, 0),
      sources: new Set(rows.filter((r) => r.inWindow > 0).map((r) => r.source)).size,
    };
    return {
      id: t.id,
      name: t.name,
      total: cell(
        rows.reduce((a, r) => a + r.n, 0),
        exact,
      ),
      perMonth: null,
      perSource: [...bySource].sort((a, b) => b[1] - a[1]).map(([source, n]) => ({ source, count: cell(n, exact) })),
      window,
      flagged: crossesThreshold(window, args.settings),
    };
  });
  // Flagged themes first: they are the candidates for an unsolicited advice.
  themes.sort((a, b) => Number(b.flagged) - Number(a.flagged) || a.name.localeCompare(b.name, 'nl'));
  const pages = Math.max(1, Math.ceil(themes.length / THEMES_PER_PAGE));
  return { months: args.months, themes, page: 1, pages };
}

/** The view on the page asked for, within 1 and the last page (anything else in the address: the first). */
export const onPage = (view: ThemeView, page: number | undefined): ThemeView => ({ ...view, page: Math.min(Math.max(1, Math.trunc(page ?? 1) || 1), view.pages) });

/** The themes whose tables the view's page shows. */
export const themesOnPage = (view: ThemeView) => view.themes.slice((view.page - 1) * THEMES_PER_PAGE, view.page * THEMES_PER_PAGE);

/** Fills the month counts of the page's themes. */
export function withMonths(view: ThemeView, monthRows: MonthRow[], exact: boolean): ThemeView {
  const onPage = new Set(themesOnPage(view).map((t) => t.id));
  const themes = view.themes.map((t) => {
    if (!onPage.has(t.id)) return t;
    const perMonth = view.months.map((m) => cell(monthRows.find((r) => r.themeId === t.id && r.month === m)?.n ?? 0, exact));
    return { ...t, perMonth };
  });
  return { ...view, themes };
}

// ------------------------------------------------------------------ the counts

/**
 * The themes view for one page: every theme with its total, sources and threshold flag, and
 * the months of the THEMES_PER_PAGE themes on the page. From the rollups kept by triggers
 * (signal_theme_months, signal_theme_days): the work grows with themes x sources x months, not
 * with the number of signals. The threshold window starts at an instant: its whole months come
 * from the month rows, the rest of its first month from the day rows, and its first, partial day
 * from the signals themselves (one day per theme, by the index on council, theme and created_at).
 */
export async function themeOverview(
  deps: Deps,
  args: { actor: Actor | null; council: Council; now?: Date; page?: number },
): Promise<{ view: ThemeView; settings: EffectiveSettings; exact: boolean; may: { startAdvice: boolean; startAdviceFromTheme: boolean } }> {
  const { actor, council } = args;
  assertCan(actor, 'signals.view');
  const now = args.now ?? new Date();
  const db = deps.db;
  // Settings change only through a request (saveSettings), which moves the cache generation on.
  const settings = await deps.cache.memo(`signal-settings:${council.id}`, () => settingsOf(db, council.id));
  // Members see small numbers as "fewer than 3"; the board, who see the signals anyway, exact ones.
  const exact = can(actor, 'signals.triage');
  // Kept until the next change (any POST moves the cache generation on, on every instance); the
  // hour and the window are in the key because the months and the window move with the clock.
  // Built once per key: a request only picks its page (the overview's sorting in Dutch order
  // and the months took a tenth of the main thread at 50 connections; decision 0031, session 14).
  const memoKey = `signal-themes:${council.id}:${now.toISOString().slice(0, 13)}:${settings.thresholdMonths}`;
  const overview = await deps.cache.memo(`${memoKey}:overview:${exact}`, async () => {
    const months = monthsBack(now, 12);
    const windowStart = new Date(now);
    windowStart.setUTCMonth(windowStart.getUTCMonth() - settings.thresholdMonths);
    const [themes, rows] = await deps.cache.memo(memoKey, () => Promise.all([listThemes(db, council.id), countsPerSource(db, council.id, months, windowStart)]));
    return buildThemeView({ themes, months, rows, settings, exact });
  });
  const paged = onPage(overview, args.page);
  // The same view object until the next change: views/themes.tsx renders its tables once per view.
  const view = await deps.cache.memo(`${memoKey}:view:${exact}:${paged.page}`, async () => {
    const ids = themesOnPage(paged).map((t) => t.id);
    const monthRows = ids.length ? await deps.cache.memo(`${memoKey}:${ids.join(',')}`, () => countsPerMonth(db, council.id, overview.months, ids)) : [];
    return withMonths(paged, monthRows, exact);
  });
  // A flagged theme may lead to unsolicited advice: say so to those who may start one.
  return {
    view,
    settings,
    exact,
    may: { startAdvice: can(actor, 'advice.initiate'), startAdviceFromTheme: can(actor, 'advice.initiate') && can(actor, 'signals.triage') },
  };
}

const firstOf = (month: string) => sql`${`${month}-01`}::date`;

/** Per theme and source: signals in the months shown, and within the threshold window. One statement. */
async function countsPerSource(db: Deps['db'], councilId: string, months: string[], windowStart: Date): Promise<CountRow[]> {
  const ws = sql`${windowStart.toISOString()}::timestamptz`;
  const windowDay = sql`(${ws} at time zone 'Europe/Amsterdam')::date`;
  const windowMonth = sql`date_trunc('month', ${windowDay})::date`;
  const [first, last] = [firstOf(months[0]!), firstOf(months.at(-1)!)];
  const m = signalThemeMonths;
  const d = signalThemeDays;
  const res = await db.execute(sql`
    select theme_id as "themeId", source, sum(n)::int as n, sum(in_window)::int as "inWindow" from (
      select ${m.themeId} as theme_id, ${m.source} as source,
             case when ${m.month} between ${first} and ${last} then ${m.n} else 0 end as n,
             case when ${m.month} > ${windowMonth} then ${m.n} else 0 end as in_window
      from ${m} where ${m.councilId} = ${councilId} and ${m.month} >= least(${first}, ${windowMonth})
      union all
      select ${d.themeId}, ${d.source}, 0, ${d.n}
      from ${d} where ${d.councilId} = ${councilId} and ${d.day} > ${windowDay} and ${d.day} < (${windowMonth} + interval '1 month')::date
      union all
      select ${signals.themeId}, ${signals.source}, 0, 1
      from ${signalThemes} join ${signals} on ${signals.councilId} = ${signalThemes.councilId} and ${signals.themeId} = ${signalThemes.id}
      where ${signalThemes.councilId} = ${councilId} and ${signals.status} <> 'duplicate'
        and ${signals.createdAt} >= ${ws} and ${signals.createdAt} < ((${windowDay} + 1)::timestamp at time zone 'Europe/Amsterdam')
    ) x group by 1, 2`);
  return rowsOf<CountRow>(res).map((r) => ({ ...r, n: Number(r.n), inWindow: Number(r.inWindow) }));
}

/** Per theme and month shown, for the given themes only. */
async function countsPerMonth(db: Deps['db'], councilId: string, months: string[], themeIds: string[]): Promise<MonthRow[]> {
  const m = signalThemeMonths;
  return db
    .select({ themeId: m.themeId, month: sql<string>`to_char(${m.month}, 'YYYY-MM')`, n: sql<number>`sum(${m.n})`.mapWith(Number) })
    .from(m)
    .where(and(eq(m.councilId, councilId), inArray(m.themeId, themeIds), between(m.month, firstOf(months[0]!), firstOf(months.at(-1)!))))
    .groupBy(m.themeId, m.month);
}
