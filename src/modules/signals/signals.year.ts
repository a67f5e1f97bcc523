/**
 * Signals of one year counted per theme and month (no signal's text or person), for the annual
 * report; and the council's themes, which a work-plan topic can be tagged with. Read only;
 * index.ts exports them as part of the public surface.
 */
import { and, asc, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/index.ts';
import { localToUtc } from '../../core/dates/amsterdam.ts';
import { signals, signalThemes } from './signals.schema.ts';

/** Signals of one theme (null: none yet) in one month (1-12); `toAdvice`: of them, linked to an advice. */
export type SignalYearGroup = { themeId: string | null; themeName: string | null; month: number; count: number; toAdvice: number };

/** Signals received in `year` (Amsterdam time), duplicates left out, grouped by theme and month. */
export async function signalCountsOfYear(db: DbOrTx, councilId: string, year: number): Promise<SignalYearGroup[]> {
  const month = sql<number>`extract(month from ${signals.createdAt} at time zone 'Europe/Amsterdam')::int`;
  const rows = await db
    .select({
      themeId: signals.themeId,
      themeName: signalThemes.name,
      month,
      count: sql<number>`count(*)::int`,
      toAdvice: sql<number>`(count(*) filter (where ${signals.adviceId} is not null or ${signals.outcome} = 'included_in_advice'))::int`,
    })
    .from(signals)
    .leftJoin(signalThemes, eq(signalThemes.id, signals.themeId))
    .where(
      and(
        eq(signals.councilId, councilId),
        isNull(signals.duplicateOfId),
        gte(signals.createdAt, localToUtc(`${year}-01-01`, '00:00')),
        lt(signals.createdAt, localToUtc(`${year + 1}-01-01`, '00:00')),
      ),
    )
    .groupBy(signals.themeId, signalThemes.name, month);
  return rows.map((r) => ({ ...r, month: Number(r.month), count: Number(r.count), toAdvice: Number(r.toAdvice) }));
}

/** The council's signal themes (id, name), by name. */
export async function signalThemesOf(db: DbOrTx, councilId: string): Promise<{ id: string; name: string }[]> {
  return db.select({ id: signalThemes.id, name: signalThemes.name }).from(signalThemes).where(eq(signalThemes.councilId, councilId)).orderBy(asc(signalThemes.name));
}
