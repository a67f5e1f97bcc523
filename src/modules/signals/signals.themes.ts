/**
 * The themes view: monthly and per-source counts per theme, the threshold rule ("a larger group
 * may be affected") and the masking of small numbers for members. The counting happens in SQL
 * (themeOverview, at the end); the pure functions before it shape the result.
 */
import { and, count, gte, eq, isNotNull, ne, sql } from 'drizzle-orm';
import type { Deps } from '../../core/deps.ts';
import { assertCan, can, type Actor } from '../../core/policy.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { signals, type SignalSource } from './signals.schema.ts';
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

/** "2026-03" -> "2026-04". */
function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
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

/** Counts per theme and month (last 12 months) and per source, with the threshold flag. */
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
  // Month buckets by their Amsterdam boundaries (width_bucket over 13 instants the database
  // works out once): cheaper per row than converting every timestamp to local time.
  const bound = (m: string) => sql`(${`${m}-01 00:00`}::timestamp at time zone 'Europe/Amsterdam')`;
  const bounds = sql.join([...months, nextMonth(months[months.length - 1]!)].map(bound), sql`, `);
  const bucket = sql<number>`width_bucket(${signals.createdAt}, array[${bounds}])`;
  // One pass over the council's signals (index on council, theme, created_at), grouped by theme,
  // month and source; duplicates are left out: one problem reported twice is one signal.
  // Kept until the next change (any POST moves the cache generation on, on every instance); the
  // hour and the window are in the key because the months and the window move with the clock.
  const memoKey = `signal-themes:${council.id}:${now.toISOString().slice(0, 13)}:${settings.thresholdMonths}`;
  const [themes, rows] = await deps.cache.memo(memoKey, () =>
    Promise.all([
      listThemes(db, council.id),
      db
        .select({
          themeId: signals.themeId,
          bucket,
          source: signals.source,
          n: count(),
          inWindow: sql<number>`count(*) filter (where ${signals.createdAt} >= ${windowStart.toISOString()}::timestamptz)`,
        })
        .from(signals)
        .where(
          and(
            eq(signals.councilId, council.id),
            isNotNull(signals.themeId),
            ne(signals.status, 'duplicate'),
            gte(signals.createdAt, sql`least(${windowStart.toISOString()}::timestamptz, ${bound(months[0]!)})`),
          ),
        )
        // By position: the bucket expression carries parameters, so it cannot be repeated here.
        .groupBy(sql`1`, sql`2`, sql`3`),
    ]),
  );
  // Members see small numbers as "fewer than 3"; the board, who see the signals anyway, exact ones.
  const exact = can(actor, 'signals.triage');
  const view = buildThemeView({
    themes,
    months,
    // Bucket 1..12 is a month shown; 0 lies before them (window only), 13 after (clock skew).
    rows: rows.map((r) => {
      const b = Number(r.bucket);
      const shown = b >= 1 && b <= months.length;
      return { themeId: r.themeId!, month: shown ? months[b - 1]! : '', source: r.source, n: shown ? Number(r.n) : 0, inWindow: Number(r.inWindow) };
    }),
    settings,
    exact,
  });
  // A flagged theme may lead to unsolicited advice: say so to those who may start one.
  return {
    view,
    settings,
    exact,
    may: { startAdvice: can(actor, 'advice.initiate'), startAdviceFromTheme: can(actor, 'advice.initiate') && can(actor, 'signals.triage') },
  };
}
