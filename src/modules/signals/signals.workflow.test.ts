import { test } from 'node:test';
import assert from 'node:assert/strict';
// The policy table, which answers who may take each step.
import '../../modules.ts';
import { availableActions, messageFor, signalActions, signalStates, transition, transitions } from './signals.workflow.ts';
import { buildThemeView, cell, crossesThreshold, monthsBack, onPage, themesOnPage, withMonths } from './signals.themes.ts';
import { actorAs, assertPath, assertRefused, assertSteps, platformAdmin as admin } from '../../../test/support/unit.ts';

const [secretary, member, official] = [actorAs('secretary'), actorAs('member'), actorAs('official')];

test('the happy path: new, triage, to discuss, discussed, closed, reopened', () => {
  assertPath(transition, 'new', { classify: 'in_triage', toDiscuss: 'to_discuss', markDiscussed: 'discussed', close: 'closed', linkAdvice: 'closed', reopen: 'in_triage' });
  // Classifying a signal that is to be discussed again keeps it there.
  assertSteps(transition, [['to_discuss', 'classify', 'to_discuss']]);
});

test('wrong states are refused by the table, wrong roles by the policy table; platform admins triage', () => {
  assertRefused(transition, [
    ['new', 'markDiscussed'],
    ['closed', 'close'],
    ['duplicate', 'markDuplicate'],
  ]);
  assert.deepEqual(transition('new', 'classify', { anonymised: true }), { ok: false, reason: 'anonymised' });
  assert.deepEqual(availableActions('new', official), []);
  assert.deepEqual(availableActions('new', admin), availableActions('new', secretary));
  assert.ok(availableActions('new', admin).includes('classify'));
});

test('every action leads somewhere from every state it allows, and members have no actions', () => {
  for (const a of signalActions) for (const s of transitions[a].from) assert.ok(signalStates.includes(s));
  for (const s of signalStates) assert.deepEqual(availableActions(s, member), []);
  assert.deepEqual(availableActions('closed', secretary), ['reopen', 'linkAdvice']);
  assert.deepEqual(availableActions('new', secretary, { anonymised: true }), []);
});

test('residents hear about discussed and closed only', () => {
  assert.equal(messageFor('discussed'), 'discussed');
  assert.equal(messageFor('closed'), 'closed');
  assert.equal(messageFor('to_discuss'), null);
  assert.equal(messageFor('duplicate'), null);
});

test('threshold rule: both the count and the number of sources must be reached', () => {
  const t = { thresholdCount: 5, thresholdSources: 3, thresholdMonths: 3 };
  assert.equal(crossesThreshold({ n: 5, sources: 3 }, t), true);
  assert.equal(crossesThreshold({ n: 50, sources: 2 }, t), false);
  assert.equal(crossesThreshold({ n: 4, sources: 4 }, t), false);
  assert.equal(crossesThreshold({ n: 6, sources: 4 }, t), true);
});

test('small counts are masked for members, zero and three or more are not', () => {
  assert.deepEqual(cell(1, false), { n: 0, masked: true });
  assert.deepEqual(cell(2, false), { n: 0, masked: true });
  assert.deepEqual(cell(0, false), { n: 0, masked: false });
  assert.deepEqual(cell(3, false), { n: 3, masked: false });
  assert.deepEqual(cell(2, true), { n: 2, masked: false });
});

test('months back, across a year boundary, in Amsterdam time', () => {
  // 31 December 23:30 UTC is already January in Amsterdam.
  assert.deepEqual(monthsBack(new Date('2026-12-31T23:30:00Z'), 3), ['2026-11', '2026-12', '2027-01']);
  assert.deepEqual(monthsBack(new Date('2026-02-15T12:00:00Z'), 3), ['2025-12', '2026-01', '2026-02']);
});

test('theme view: flagged first, totals over the months, masked sources, months only for the page shown', () => {
  const base = onPage(
    buildThemeView({
      themes: [
        { id: 'a', name: 'Armoede' },
        { id: 'v', name: 'Vervoer' },
      ],
      months: ['2026-01', '2026-02'],
      rows: [
        { themeId: 'v', source: 'phone', n: 5, inWindow: 5 },
        { themeId: 'v', source: 'web_form', n: 1, inWindow: 1 },
        // Before the months shown, but inside a longer window: counts for the flag only.
        { themeId: 'v', source: 'email', n: 0, inWindow: 1 },
        { themeId: 'a', source: 'email', n: 1, inWindow: 0 },
      ],
      settings: { thresholdCount: 5, thresholdSources: 3, thresholdMonths: 3 },
      exact: false,
    }),
    7,
  );
  assert.deepEqual([base.page, base.pages], [1, 1], 'a page beyond the last shows the last');
  const view = withMonths(
    base,
    [
      { themeId: 'v', month: '2026-01', n: 4 },
      { themeId: 'v', month: '2026-02', n: 2 },
    ],
    false,
  );
  assert.deepEqual(
    view.themes.map((x) => [x.name, x.flagged]),
    [
      ['Vervoer', true],
      ['Armoede', false],
    ],
  );
  const v = view.themes[0]!;
  assert.deepEqual(v.total, { n: 6, masked: false });
  assert.deepEqual(v.perMonth, [
    { n: 4, masked: false },
    { n: 0, masked: true },
  ]);
  assert.deepEqual(v.perSource, [
    { source: 'phone', count: { n: 5, masked: false } },
    { source: 'web_form', count: { n: 0, masked: true } },
  ]);
  assert.deepEqual(view.themes[1]!.total, { n: 0, masked: true });

  // Twelve themes: the first page counts the months of the first five only.
  const many = onPage(
    buildThemeView({
      themes: Array.from({ length: 12 }, (_, i) => ({ id: `t${i}`, name: `Thema ${String(i).padStart(2, '0')}` })),
      months: ['2026-01'],
      rows: [],
      settings: { thresholdCount: 5, thresholdSources: 3, thresholdMonths: 3 },
      exact: true,
    }),
    3,
  );
  assert.deepEqual([many.page, many.pages], [3, 3]);
  assert.deepEqual(
    themesOnPage(many).map((x) => x.id),
    ['t10', 't11'],
  );
  assert.ok(withMonths(many, [], true).themes.every((x) => (x.perMonth !== null) === ['t10', 't11'].includes(x.id)));
});
