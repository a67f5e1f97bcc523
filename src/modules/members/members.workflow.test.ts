import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canTransition, closingDateAllowed, isOpenToPublic, leavesNoBoard, summarise, transitionBlocker, vacancyTransitions, type VacancyStatus } from './members.workflow.ts';

test('vacancy transitions: exactly the allowed table', () => {
  const all: VacancyStatus[] = ['draft', 'published', 'closed'];
  const allowed = new Set(['draft>published', 'published>closed', 'closed>published']);
  for (const from of all) {
    for (const to of all) {
      assert.equal(canTransition(from, to), allowed.has(`${from}>${to}`), `${from} -> ${to}`);
    }
  }
  assert.deepEqual(Object.keys(vacancyTransitions).sort(), [...all].sort());
});

test('publishing with a passed closing date is blocked; closing is not', () => {
  assert.equal(transitionBlocker({ status: 'draft', closesOn: '2026-01-01' }, 'published', '2026-01-02'), 'closingDatePassed');
  assert.equal(transitionBlocker({ status: 'draft', closesOn: '2026-01-02' }, 'published', '2026-01-02'), null);
  assert.equal(transitionBlocker({ status: 'draft', closesOn: null }, 'published', '2026-01-02'), null);
  assert.equal(transitionBlocker({ status: 'published', closesOn: '2020-01-01' }, 'closed', '2026-01-02'), null);
  assert.equal(transitionBlocker({ status: 'draft', closesOn: null }, 'closed', '2026-01-02'), 'notAllowed');
  assert.equal(transitionBlocker({ status: 'published', closesOn: null }, 'draft', '2026-01-02'), 'notAllowed');
});

test('open to the public: published and not past the closing date', () => {
  assert.equal(isOpenToPublic({ status: 'published', closesOn: null }, '2026-05-01'), true);
  assert.equal(isOpenToPublic({ status: 'published', closesOn: '2026-05-01' }, '2026-05-01'), true);
  assert.equal(isOpenToPublic({ status: 'published', closesOn: '2026-04-30' }, '2026-05-01'), false);
  assert.equal(isOpenToPublic({ status: 'draft', closesOn: null }, '2026-05-01'), false);
  assert.equal(isOpenToPublic({ status: 'closed', closesOn: null }, '2026-05-01'), false);
  assert.equal(closingDateAllowed('2026-04-30', '2026-05-01'), false);
});

test('last chair or secretary', () => {
  assert.equal(leavesNoBoard(['a'], 'a'), true);
  assert.equal(leavesNoBoard(['a', 'b'], 'a'), false);
  assert.equal(leavesNoBoard(['a'], 'c'), false);
});

test('summary: first paragraph, cut at a word', () => {
  assert.equal(summarise('Eerste alinea.\n\nTweede alinea.'), 'Eerste alinea.');
  const long = 'woord '.repeat(100);
  const s = summarise(long, 50);
  assert.ok(s.length <= 51, s);
  assert.ok(s.endsWith('woord…'), s);
});
