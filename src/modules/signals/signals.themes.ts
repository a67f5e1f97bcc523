/**
 * The themes view: monthly and per-source counts per theme, the threshold rule ("a larger group
 * may be affected") and the masking of small numbers for members. The counting happens in SQL
 * (themeOverview, at the end); the pure functions before it shape the result.
 */
import { and, count, gte, eq, lt, ne, sql } from 'drizzle-orm';
import type { Deps } from '../../core/deps.ts';
import { assertCan, can, type Actor } from '../../core/policy.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { signals, signalThemeDays, signalThemes, type SignalSource } from './signals.schema.ts';
import { settingsOf, type EffectiveSettings } from './signals.settings.ts';
import { listThemes } from './signals.queries.ts';

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

/** The last `count` months as "YYYY-MM" in Amsterdam time, oldest first, ending with the month of `now`. */
export function monthsBack(now: Date, count: number): string[] {
  const [y, m] = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit' }).format(now).split('-').map(Number) as [number, number];
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
  perMonth: Cell[];
  perSource: { source: SignalSource; count: Cell }[];
  window: { n: number; sources: number };
  flagged: boolean;
};
export type ThemeView = { months: string[]; themes: ThemeRow[] };

/**
 * One row per theme, month and source, as the single SQL aggregate returns it: `n` signals in the
 * month shown (0 when the month lies before the 12 shown) and `inWindow` of them within the
 * threshold window.
 */
export type CountRow = { themeId: string; month: string; source: SignalSource; n: number; inWindow: number };

export function buildThemeView(args: { themes: { id: string; name: string }[]; months: string[]; rows: CountRow[]; settings: Threshold; exact: boolean }): ThemeView {
  const { exact } = args;
  const themes = args.themes.map((t): ThemeRow => {
    const rows = args.rows.filter((r) => r.themeId === t.id);
    const months = args.months.map((m) => rows.filter((r) => r.month === m).reduce((a, r) => a + r.n, 0));
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
        months.reduce((a, b) => a + b, 0),
        exact,
      ),
      perMonth: months.map((n) => cell(n, exact)),
      perSource: [...bySource].sort((a, b) => b[1] - a[1]).map(([source, n]) => ({ source, count: cell(n, exact) })),
      window,
      flagged: crossesThreshold(window, args.settings),
    };
  });
  // Flagged themes first: they are the candidates for an unsolicited advice.
  themes.sort((a, b) => Number(b.flagged) - Number(a.flagged) || a.name.localeCompare(b.name, 'nl'));
  return { months: args.months, themes };
}

// ------------------------------------------------------------------ the counts

/**
 * Counts per theme and month (last 12 months) and per source, with the threshold flag. From the
 * rollup per theme, source and day (signal_theme_days, kept by triggers): the work grows with
 * themes x sources x days shown, not with the number of signals. The threshold window starts at
 * an instant; its first, partial day is counted from the signals themselves (one day per theme,
 * by the index on council, theme and created_at).
 */
export async function themeOverview(
  deps: Deps,
  args: { actor: Actor | null; council: Council; now?: Date },
): Promise<{ view: ThemeView; settings: EffectiveSettings; exact: boolean; may: { startAdvice: boolean; startAdviceFromTheme: boolean } }> {
  const { actor, council } = args;
  assertCan(actor, 'signals.view');
  const now = args.now ?? new Date();
  const db = deps.db;
  const settings = await settingsOf(db, council.id);
  const months = monthsBack(now, 12);
  const windowStart = new Date(now);
  windowStart.setUTCMonth(windowStart.getUTCMonth() - settings.thresholdMonths);
  const ws = sql`${windowStart.toISOString()}::timestamptz`;
  const windowDay = sql`(${ws} at time zone 'Europe/Amsterdam')::date`;
  const d = signalThemeDays;
  // Kept until the next change (any POST moves the cache generation on, on every instance); the
  // hour and the window are in the key because the months and the window move with the clock.
  const memoKey = `signal-theme-days:${council.id}:${now.toISOString().slice(0, 13)}:${settings.thresholdMonths}`;
  const [themes, days, firstDay] = await deps.cache.memo(memoKey, () =>
    Promise.all([
      listThemes(db, council.id),
      // Per theme, source and month; `inWindow`: the whole days after the window's first day.
      db
        .select({
          themeId: d.themeId,
          source: d.source,
          month: sql<string>`to_char(${d.day}, 'YYYY-MM')`,
          n: sql<number>`sum(${d.n})`.mapWith(Number),
          inWindow: sql<number>`coalesce(sum(${d.n}) filter (where ${d.day} > ${windowDay}), 0)`.mapWith(Number),
        })
        .from(d)
        .where(and(eq(d.councilId, council.id), gte(d.day, sql`least(${windowDay}, ${`${months[0]}-01`}::date)`)))
        .groupBy(sql`1`, sql`2`, sql`3`),
      // The window's first day from its starting instant to midnight in Amsterdam.
      db
        .select({ themeId: signals.themeId, source: signals.source, n: count() })
        .from(signalThemes)
        .innerJoin(signals, and(eq(signals.councilId, signalThemes.councilId), eq(signals.themeId, signalThemes.id)))
        .where(
          and(
            eq(signalThemes.councilId, council.id),
            ne(signals.status, 'duplicate'),
            gte(signals.createdAt, ws),
            lt(signals.createdAt, sql`((${windowDay} + 1)::timestamp at time zone 'Europe/Amsterdam')`),
          ),
        )
        .groupBy(signals.themeId, signals.source),
    ]),
  );
  // Members see small numbers as "fewer than 3"; the board, who see the signals anyway, exact ones.
  const exact = can(actor, 'signals.triage');
  const shown = new Set(months);
  const rows: CountRow[] = [
    // A month before the 12 shown counts for the window only; one after them (clock skew) too.
    ...days.map((r) => ({ themeId: r.themeId, month: shown.has(r.month) ? r.month : '', source: r.source, n: shown.has(r.month) ? r.n : 0, inWindow: r.inWindow })),
    ...firstDay.map((r) => ({ themeId: r.themeId!, month: '', source: r.source, n: 0, inWindow: Number(r.n) })),
  ];
  const view = buildThemeView({ themes, months, rows, settings, exact });
  // A flagged theme may lead to unsolicited advice: say so to those who may start one.
  return {
    view,
    settings,
    exact,
    may: { startAdvice: can(actor, 'advice.initiate'), startAdviceFromTheme: can(actor, 'advice.initiate') && can(actor, 'signals.triage') },
  };
}
