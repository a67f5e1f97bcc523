import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextPhase, nominationsOpen, provinceView, scoreFigures } from './campaigns.workflow.ts';

test('phases go nominations, jury, decision, published, and stop there', () => {
  assert.equal(nextPhase('nominations'), 'jury');
  assert.equal(nextPhase('jury'), 'decision');
  assert.equal(nextPhase('decision'), 'published');
  assert.equal(nextPhase('published'), null);
});

test('the window is open from the opening minute up to, not including, the closing minute', () => {
  const c = { phase: 'nominations' as const, opensAt: new Date('2026-01-12T08:00:00Z'), closesAt: new Date('2026-03-01T16:00:00Z') };
  assert.equal(nominationsOpen(c, new Date('2026-01-12T07:59:59.999Z')), false);
  assert.equal(nominationsOpen(c, new Date('2026-01-12T08:00:00Z')), true);
  assert.equal(nominationsOpen(c, new Date('2026-03-01T15:59:59.999Z')), true);
  assert.equal(nominationsOpen(c, new Date('2026-03-01T16:00:00Z')), false);
  assert.equal(nominationsOpen({ ...c, phase: 'jury' }, new Date('2026-02-01T12:00:00Z')), false);
});

test('mean and spread over the jurors; a spread of 2 or more is flagged for discussion', () => {
  assert.deepEqual(scoreFigures([]), { jurors: 0, mean: null, spread: null, discuss: false });
  const close = scoreFigures([
    { membershipId: 'a', scores: [4, 4, 5] },
    { membershipId: 'b', scores: [3, 4, 4] },
  ]);
  assert.equal(close.jurors, 2);
  assert.equal(close.mean, 4);
  assert.equal(close.spread, 0.7);
  assert.equal(close.discuss, false);
  const apart = scoreFigures([
    { membershipId: 'a', scores: [5, 5, 5] },
    { membershipId: 'b', scores: [3, 3, 3] },
    { membershipId: 'c', scores: [4, 4, 4] },
  ]);
  assert.equal(apart.spread, 2);
  assert.equal(apart.discuss, true);
});

test('the province view lists all twelve provinces and warns where no front runner is chosen', () => {
  const rows = provinceView([
    { province: 'PV26', scored: true, selected: true },
    { province: 'PV26', scored: true, selected: false },
    { province: 'PV20', scored: false, selected: false },
  ]);
  assert.equal(rows.length, 12);
  const utrecht = rows.find((r) => r.name === 'Utrecht')!;
  assert.deepEqual({ n: utrecht.nominations, s: utrecht.scored, f: utrecht.frontRunners, w: utrecht.warning }, { n: 2, s: 2, f: 1, w: false });
  const groningen = rows.find((r) => r.name === 'Groningen')!;
  assert.deepEqual({ n: groningen.nominations, w: groningen.warning }, { n: 1, w: true });
  assert.equal(rows.filter((r) => r.warning).length, 11);
});
