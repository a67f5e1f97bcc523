import { test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, sql } from 'drizzle-orm';
import type { Council } from '../../core/organisations.schema.ts';
import { useTestApp, makeCouncil, person } from '../advice/advice.test-helpers.ts';
import { signals, signalThemeDays, signalThemeMonths, signalThemes } from './signals.schema.ts';
import { rowsOf } from '../../core/db/index.ts';
import { classify, markDuplicate } from './signals.triage.ts';
import { runSignalRetention } from './signals.retention.ts';
import { themeOverview } from './signals.themes.ts';
import { submitSignal } from './signals.submit.ts';

const t = useTestApp();
const deps = () => t.app.deps;

/** The rollup as the triggers keep it, and the same counts straight from the signals: they must agree. */
async function assertRollupRight(c: Pick<Council, 'id'>, label: string) {
  const kept = await t.db
    .select({ theme: signalThemeDays.themeId, source: signalThemeDays.source, day: signalThemeDays.day, n: signalThemeDays.n })
    .from(signalThemeDays)
    .where(eq(signalThemeDays.councilId, c.id));
  const counted = rowsOf<{ theme: string; source: string; day: string; n: number }>(
    await t.db.execute(sql`
      select theme_id as theme, source, to_char((created_at at time zone 'Europe/Amsterdam')::date, 'YYYY-MM-DD') as day, count(*)::int as n
      from signals where council_id = ${c.id} and theme_id is not null and status <> 'duplicate' group by 1, 2, 3`),
  );
  const key = (r: { theme: string; source: string; day: string; n: number }) => `${r.theme} ${r.source} ${r.day} ${Number(r.n)}`;
  assert.deepEqual(kept.map(key).sort(), counted.map(key).sort(), label);
  const keptMonths = await t.db
    .select({ theme: signalThemeMonths.themeId, source: signalThemeMonths.source, day: signalThemeMonths.month, n: signalThemeMonths.n })
    .from(signalThemeMonths)
    .where(eq(signalThemeMonths.councilId, c.id));
  const months = new Map<string, { theme: string; source: string; day: string; n: number }>();
  for (const r of counted) {
    const k = `${r.theme} ${r.source} ${r.day.slice(0, 7)}-01`;
    const m = months.get(k) ?? { ...r, day: `${r.day.slice(0, 7)}-01`, n: 0 };
    months.set(k, { ...m, n: m.n + Number(r.n) });
  }
  assert.deepEqual(keptMonths.map(key).sort(), [...months.values()].map(key).sort(), `${label} (months)`);
  return kept.reduce((a, r) => a + r.n, 0);
}

test('the themes rollup follows create, theme change, duplicate, retention and removal, and the view reads it', async () => {
  const c = await makeCouncil(t);
  const other = await makeCouncil(t);
  const { actor } = await person(t, c, 'secretary');
  const { actor: otherSecretary } = await person(t, other, 'secretary');
  const submit = (council: Council, description: string, source: 'web_form' | 'phone', now?: Date) =>
    submitSignal(deps(), {
      council,
      actor: council === c ? actor : otherSecretary,
      input: { description, area: 'transport', since: 'month', peopleCount: null },
      contact: null,
      consent: false,
      source,
      now,
    });
  const june = new Date('2026-06-10T12:00:00Z');
  const a = await submit(c, 'De taxi kwam niet.', 'web_form', june);
  const b = await submit(c, 'Weer geen taxi.', 'phone', june);
  // The window (3 months) starts at 15 March 10:00 UTC: one signal that day before, one after.
  const before = await submit(c, 'Net voor het venster.', 'phone', new Date('2026-03-15T09:00:00Z'));
  const inside = await submit(c, 'Net in het venster.', 'web_form', new Date('2026-03-15T11:00:00Z'));
  // Just after midnight in Amsterdam on 1 March is 1 March (in UTC still 28 February).
  const old = await submit(c, 'Lang geleden.', 'phone', new Date('2026-02-28T23:30:00Z'));
  const elsewhere = await submit(other, 'Elders.', 'phone');
  assert.equal(await assertRollupRight(c, 'no theme yet: nothing counted'), 0);

  const input = (themeId: string, newTheme = '') => ({ themeId, newTheme, policyField: null });
  await classify(deps(), { actor, council: c, id: a.id, input: input('nieuw', 'Vervoer') });
  const [{ themeId: vervoer }] = await t.db.select({ themeId: signals.themeId }).from(signals).where(eq(signals.id, a.id));
  await classify(deps(), { actor, council: c, id: b.id, input: input(vervoer!) });
  for (const id of [old.id, before.id, inside.id]) await classify(deps(), { actor, council: c, id, input: input(vervoer!) });
  await classify(deps(), { actor: otherSecretary, council: other, id: elsewhere.id, input: input('nieuw', 'Elders') });
  assert.equal(await assertRollupRight(c, 'created and classified'), 5);
  const [march] = await t.db.select({ day: signalThemeDays.day }).from(signalThemeDays).where(eq(signalThemeDays.day, '2026-03-01'));
  assert.ok(march, 'the day is the day in Amsterdam');

  await classify(deps(), { actor, council: c, id: b.id, input: input('nieuw', 'Schulden') });
  assert.equal(await assertRollupRight(c, 'moved to another theme'), 5);
  await markDuplicate(deps(), { actor, council: c, id: a.id, duplicateOf: (await t.db.select().from(signals).where(eq(signals.id, b.id)))[0]!.reference });
  assert.equal(await assertRollupRight(c, 'a duplicate does not count'), 4);

  deps().cache.clearLocal();
  const view = await themeOverview(deps(), { actor, council: c, now: new Date('2026-06-15T10:00:00Z') });
  assert.deepEqual(
    view.view.themes.map((x) => [x.name, x.total.n, x.window.n, x.perMonth![8]!.n]),
    [
      ['Schulden', 1, 1, 0],
      ['Vervoer', 3, 1, 3],
    ],
    "the view counts from the rollup; of the window's first day only what came after its start",
  );

  // Retention anonymises old texts (an update that moves no count); then a signal and a council go.
  await runSignalRetention(deps(), new Date('2030-01-01T00:00:00Z'));
  assert.equal(await assertRollupRight(c, 'after retention'), 4);
  await t.db.delete(signals).where(eq(signals.id, old.id));
  assert.equal(await assertRollupRight(c, 'a removed signal'), 3);
  await t.db.delete(signals).where(eq(signals.councilId, c.id));
  assert.equal(await assertRollupRight(c, 'all removed at once'), 0);
  assert.equal(await assertRollupRight(other, 'another council untouched'), 1);
});

test('the themes page renders its tables once per change: the same HTML again, each session its own form token, the member masked, a new signal shown', async () => {
  const c = await makeCouncil(t);
  const secretary = await person(t, c, 'secretary');
  const other = await person(t, c, 'secretary');
  const member = await person(t, c, 'member');
  const url = `/${c.slug}/werkruimte/signalen/themas`;
  const page = async (who: { cookie: string }, suffix = '') => (await t.app.inject({ url: url + suffix, headers: { cookie: who.cookie } })).body;
  const add = async (description: string) => {
    const s = await submitSignal(deps(), {
      council: c,
      actor: null,
      input: { description, area: 'transport', since: 'month', peopleCount: null },
      contact: null,
      consent: false,
      source: 'web_form',
    });
    await classify(deps(), { actor: secretary.actor, council: c, id: s.id, input: { themeId: themeId ?? 'nieuw', newTheme: themeId ? '' : 'Vervoer', policyField: null } });
    [{ themeId }] = await t.db.select({ themeId: signals.themeId }).from(signals).where(eq(signals.id, s.id));
  };
  let themeId: string | null = null;
  await add('De taxi kwam niet.');
  await add('Weer geen taxi.');

  const first = await page(secretary);
  assert.equal(await page(secretary), first, 'the kept tables give the same page');
  assert.match(first, /action="[^"]+\/advies"/, 'the secretary may start an advice from the theme');
  const token = (html: string) => [...html.matchAll(/name="_csrf" value="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(new Set(token(first)), new Set([secretary.csrf]), 'every form carries this session’s token');
  const second = await page(other);
  assert.deepEqual(new Set(token(second)), new Set([other.csrf]), 'the other session its own');
  assert.equal(second.replaceAll(other.csrf, secretary.csrf).replace(/Secretaris[^<]*|[^>]*@[^<]*/g, ''), first.replace(/Secretaris[^<]*|[^>]*@[^<]*/g, ''));
  // English, and a page number: their own tables.
  assert.match(await page(secretary, '?pagina=1'), /taxi|Vervoer/);
  const english = (await t.app.inject({ url, headers: { cookie: `${secretary.cookie}; rw_taal=en` } })).body;
  assert.match(english, /lang="en"/);

  // The member sees "fewer than 3" and no advice form; the secretary the exact 2.
  const masked = await page(member);
  assert.match(masked, />minder dan 3</);
  assert.doesNotMatch(masked, /\/advies"/);
  assert.doesNotMatch(first, />minder dan 3</);

  // A new signal moves the view on (a request's change clears content, public-cache.ts): the member now sees the count.
  await add('Alweer geen taxi.');
  deps().cache.clearLocal('content');
  const after = await page(member);
  assert.doesNotMatch(after, />minder dan 3</);
  assert.match(after, />3</);
  // The kept form token works: the other secretary starts an advice from the theme.
  const started = await t.app.inject({
    method: 'POST',
    url: `${url}/${themeId}/advies`,
    payload: `_csrf=${encodeURIComponent(token(await page(other))[1]!)}`,
    headers: { cookie: other.cookie, 'content-type': 'application/x-www-form-urlencoded' },
  });
  assert.equal(started.statusCode, 303, started.body.slice(0, 300));
});

test('the themes view pages through many themes: each page its own themes with their months, odd pages within range', async () => {
  const c = await makeCouncil(t);
  const { actor } = await person(t, c, 'secretary');
  const now = new Date('2026-06-10T12:00:00Z');
  // Seven themes: two pages of five. One signal in the theme that sorts last, so it has a month count.
  const names = ['Armoede', 'Bereikbaarheid', 'Cultuur', 'Dagbesteding', 'Eenzaamheid', 'Financiën', 'Gezondheid'];
  for (const name of names) await t.db.insert(signalThemes).values({ councilId: c.id, name });
  const signal = await submitSignal(deps(), {
    council: c,
    actor,
    input: { description: 'Het gezondheidscentrum is moeilijk te bereiken.', area: 'transport', since: 'month', peopleCount: null },
    contact: null,
    consent: false,
    source: 'phone',
    now,
  });
  const [last] = await t.db
    .select({ id: signalThemes.id })
    .from(signalThemes)
    .where(and(eq(signalThemes.councilId, c.id), eq(signalThemes.name, 'Gezondheid')));
  await classify(deps(), { actor, council: c, id: signal.id, input: { themeId: last!.id, newTheme: '', policyField: null } });

  const shown = async (page?: number) => {
    const { view } = await themeOverview(deps(), { actor, council: c, now, page });
    return { page: view.page, pages: view.pages, withMonths: view.themes.filter((x) => x.perMonth !== null).map((x) => x.name), months: view.themes.find((x) => x.name === 'Gezondheid')?.perMonth };
  };
  const first = await shown(1);
  assert.deepEqual([first.page, first.pages], [1, 2]);
  assert.deepEqual(first.withMonths, names.slice(0, 5));
  const second = await shown(2);
  assert.deepEqual([second.page, second.pages], [2, 2]);
  assert.deepEqual(second.withMonths, names.slice(5));
  assert.equal(second.months?.at(-1)?.n, 1, 'June counts the signal');
  // The first page again after the second: its own view, not the last one asked for.
  assert.deepEqual((await shown(1)).withMonths, names.slice(0, 5));
  assert.deepEqual((await shown(99)).withMonths, names.slice(5), 'past the end: the last page');
  assert.deepEqual((await shown(Number.NaN)).withMonths, names.slice(0, 5), 'no number: the first page');
  assert.deepEqual((await shown(-3)).page, 1);
});
