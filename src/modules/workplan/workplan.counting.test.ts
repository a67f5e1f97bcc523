/**
 * The counting rules on a fixed data set whose figures were counted by hand (the comments say how).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  adoptionAcrossCouncils,
  countAdvices,
  countCooperation,
  countedUpToOf,
  countMeetings,
  countSignals,
  countNetwork,
  countTopics,
  mask,
  suppressGroup,
  type AdviceInput,
  type ConsultationInput,
  type MeetingInput,
} from './workplan.counting.ts';
import { approvalStep, tally, topicStep, validPlanYear } from './workplan.workflow.ts';

const d = (iso: string) => new Date(`${iso}T10:00:00Z`);
const rec = (answer: AdviceInput['recommendations'][number]['answer'], hasFollowUp = false) => ({ answer, hasFollowUp });

// Four advices of 2025, counted by hand:
// A1 requested wmo, sent 10 Feb, due 24 Mar, answered 3 Mar (21 days, on time): adopted (follow-up), partly, not.
// A2 unsolicited wmo, sent 1 Apr, due 13 May, answered 30 May (59 days, late): adopted (no follow-up).
// A3 requested jeugdwet, sent 1 Sep, due 13 Oct, no answer: unanswered x2 -> open past due on 31 Dec.
// A4 requested participatiewet, sent 15 Dec, due 26 Jan 2026, no answer: unanswered -> not past due.
const advices: AdviceInput[] = [
  {
    id: 'a1',
    reference: '2025-001',
    subject: 'Mantelzorg',
    kind: 'requested',
    policyField: 'wmo',
    isPublic: true,
    sentAt: d('2025-02-10'),
    answerDueOn: '2025-03-24',
    answeredAt: d('2025-03-03'),
    recommendations: [rec('adopted', true), rec('partly'), rec('not_adopted')],
  },
  {
    id: 'a2',
    reference: '2025-002',
    subject: 'Vervoer',
    kind: 'unsolicited',
    policyField: 'wmo',
    isPublic: true,
    sentAt: d('2025-04-01'),
    answerDueOn: '2025-05-13',
    answeredAt: d('2025-05-30'),
    recommendations: [rec('adopted')],
  },
  {
    id: 'a3',
    reference: '2025-003',
    subject: 'Jeugdhulp',
    kind: 'requested',
    policyField: 'jeugdwet',
    isPublic: false,
    sentAt: d('2025-09-01'),
    answerDueOn: '2025-10-13',
    answeredAt: null,
    recommendations: [rec('unanswered'), rec('unanswered')],
  },
  {
    id: 'a4',
    reference: '2025-004',
    subject: 'Armoede',
    kind: 'requested',
    policyField: 'participatiewet',
    isPublic: true,
    sentAt: d('2025-12-15'),
    answerDueOn: '2026-01-26',
    answeredAt: null,
    recommendations: [rec('unanswered')],
  },
];

test('advices: kinds, fields, answers, time to answer, late and overdue, follow-up (counted by hand)', () => {
  const f = countAdvices(advices, '2025-12-31');
  assert.equal(f.total, 4);
  assert.equal(f.requested, 3);
  assert.equal(f.unsolicited, 1);
  assert.deepEqual(
    f.perField.map((p) => [p.field, p.requested, p.unsolicited]),
    [
      ['jeugdwet', 1, 0],
      ['participatiewet', 1, 0],
      ['wmo', 1, 1],
    ],
  );
  assert.deepEqual(f.answers, { adopted: 2, partly: 1, not_adopted: 1, unanswered: 3 });
  assert.equal(f.recommendations, 7);
  assert.equal(f.answered, 2);
  // (21 + 59) / 2 = 40; longest 59 days, A2.
  assert.equal(f.averageDays, 40);
  assert.equal(f.longestDays, 59);
  assert.equal(f.longest?.id, 'a2');
  assert.equal(f.answeredLate, 1);
  assert.equal(f.openPastDue, 1);
  // Adopted or partly: A1 adopted (follow-up), A1 partly, A2 adopted -> 3, of which 1 with a follow-up.
  assert.equal(f.adoptedRecommendations, 3);
  assert.equal(f.withFollowUp, 1);
  assert.deepEqual(f.perField.find((p) => p.field === 'wmo')?.answers, { adopted: 2, partly: 1, not_adopted: 1, unanswered: 0 });
});

test('advices: counted up to a day in the year, A3 is not yet past due on 1 October', () => {
  assert.equal(countAdvices(advices, '2025-10-01').openPastDue, 0);
  assert.equal(countAdvices([], '2025-12-31').averageDays, null);
});

test('signals: per theme and month, 1 to 4 shown as fewer than 5, zero stays zero', () => {
  const f = countSignals([
    { themeId: 't1', themeName: 'Wachtlijst', month: 1, count: 6, toAdvice: 2 },
    { themeId: 't1', themeName: 'Wachtlijst', month: 2, count: 3, toAdvice: 1 },
    { themeId: 't2', themeName: 'Taxi', month: 2, count: 4, toAdvice: 0 },
    { themeId: null, themeName: null, month: 3, count: 2, toAdvice: 0 },
  ]);
  // 6 + 3 + 4 + 2 = 15; to advice 2 + 1 = 3 -> fewer than 5.
  assert.equal(f.total, 15);
  assert.equal(f.ledToAdvice, null);
  assert.deepEqual(f.perTheme, [
    { name: 'Wachtlijst', count: 9, toAdvice: null },
    { name: 'Taxi', count: null, toAdvice: 0 },
    { name: null, count: null, toAdvice: 0 },
  ]);
  // January 6, February 3 + 4 = 7, March 2 -> fewer than 5, the other months 0. With the total 15
  // shown, March would be 15 - 6 - 7 = 2: January (the smallest above 5) is hidden too.
  assert.deepEqual(
    f.perMonth.slice(0, 4).map((m) => m.count),
    ['hidden', 7, null, 0],
  );
  assert.equal(mask(0), 0);
  assert.equal(mask(4), null);
  assert.equal(mask(5), 5);
});

test('meetings: held, cancelled, planned; average attendance of held meetings; guests of held meetings', () => {
  const m = (id: string, date: string, status: MeetingInput['status'], attending: number, officials = 0, experts = 0, organisations = 0): MeetingInput => ({
    id,
    title: id,
    startsAt: d(date),
    status,
    attending,
    officials,
    experts,
    organisations,
  });
  const f = countMeetings(
    [m('m1', '2025-01-15', 'held', 8, 1), m('m2', '2025-02-19', 'planned', 7, 0, 1, 2), m('m3', '2025-03-19', 'cancelled', 0, 1), m('m4', '2025-12-17', 'planned', 9)],
    '2025-06-30',
  );
  // Held: m1 (held) and m2 (planned, date passed); m4 is still to come; m3 cancelled (its guest does not count).
  assert.equal(f.held, 2);
  assert.equal(f.cancelled, 1);
  assert.equal(f.planned, 1);
  assert.equal(f.averageAttending, 7.5);
  assert.deepEqual([f.officials, f.experts, f.organisations], [1, 1, 2]);
});

test('topics per status; the counting day; adoption across councils hides fields with fewer than 5 councils', () => {
  const f = countTopics([
    { id: '1', title: 'Mantelzorg', policyField: 'wmo', status: 'done', dropReason: '' },
    { id: '2', title: 'Armoede', policyField: 'participatiewet', status: 'dropped', dropReason: 'Geen capaciteit' },
    { id: '3', title: 'Vervoer', policyField: 'wmo', status: 'in_progress', dropReason: '' },
  ]);
  assert.deepEqual(f.perStatus, { planned: 0, in_progress: 1, done: 1, dropped: 1 });
  assert.equal(countedUpToOf(2025, '2026-02-01'), '2025-12-31');
  assert.equal(countedUpToOf(2026, '2026-02-01'), '2026-02-01');
  const report = (councilId: string, field: string, adopted: number) => ({
    councilId,
    figures: { advices: { ...countAdvices([], '2025-12-31'), perField: [{ field, requested: 1, unsolicited: 0, answers: { adopted, partly: 0, not_adopted: 1, unanswered: 0 } }] } },
  });
  const rows = adoptionAcrossCouncils([...['c1', 'c2', 'c3', 'c4', 'c5'].map((c) => report(c, 'wmo', 2)), report('c6', 'jeugdwet', 3)]);
  assert.deepEqual(rows, [
    { field: 'jeugdwet', councils: 1, answers: null },
    { field: 'wmo', councils: 5, answers: { adopted: 10, partly: 0, not_adopted: 5, unanswered: 0 } },
  ]);
});

test('workflow: dropping needs a reason; rounds by the council rule; years in range', () => {
  assert.deepEqual(topicStep('planned', 'dropped', ' '), { ok: false, reason: 'reasonRequired' });
  assert.deepEqual(topicStep('planned', 'dropped', 'Geen tijd'), { ok: true, to: 'dropped' });
  assert.deepEqual(topicStep('done', 'done', ''), { ok: false, reason: 'sameStatus' });
  assert.equal(tally('consent', ['agree', 'agree', 'object']).approved, false);
  assert.equal(tally('consent', ['agree', 'agree']).approved, true);
  assert.equal(tally('consent', []).approved, false);
  assert.equal(tally('majority', ['agree', 'agree', 'object']).approved, true);
  assert.equal(approvalStep('publish', 'draft').ok, false);
  assert.equal(approvalStep('open', 'draft').ok, true);
  assert.equal(validPlanYear(1900, 2026), false);
  assert.equal(validPlanYear(3000, 2026), false);
  assert.equal(validPlanYear(2027, 2026), true);
});

test('network: consultations held in the year by their date, per kind; invited, came, head count and experiences added up; delegations', () => {
  const c = (id: string, kind: ConsultationInput['kind'], heldOn: string, invited: number, attended: number, headCount: number | null, experiences: number): ConsultationInput => ({
    id,
    topic: id,
    kind,
    heldOn,
    invited,
    attended,
    headCount,
    experiences,
  });
  const f = countNetwork(
    [
      c('k1', 'expert_meeting', '2025-03-01', 4, 3, 12, 6),
      c('k2', 'conversations', '2025-10-12', 0, 0, null, 9),
      c('k3', 'expert_meeting', '2025-11-30', 3, 1, 5, 0),
      c('k4', 'expert_meeting', '2024-12-31', 8, 8, 30, 8),
    ],
    [{ id: 'd1', body: 'Regio Werk en Inkomen', startsOn: '2024-06-01', endsOn: null, reports: 2 }],
    2025,
  );
  // k4 is of 2024. Expert meetings k1, k3 -> 2; conversations k2 -> 1; invited 4 + 0 + 3 = 7, came 3 + 0 + 1 = 4;
  // head count 12 + (none) 0 + 5 = 17; experiences 6 + 9 + 0 = 15.
  assert.equal(f.total, 3);
  assert.deepEqual(f.perKind, [
    { kind: 'conversations', count: 1 },
    { kind: 'expert_meeting', count: 2 },
  ]);
  assert.deepEqual([f.organisations, f.attended, f.headCount, f.experiences], [7, 4, 17, 15]);
  assert.deepEqual(f.delegations, [{ body: 'Regio Werk en Inkomen', startsOn: '2024-06-01', endsOn: null, reports: 2 }]);
  assert.equal(f.reportBacks, 2);
});

test('cooperation: agreements, folders shared both ways, joint meetings held, advices of the year that drew on it', () => {
  const meeting = (id: string, date: string, status: 'held' | 'planned' | 'cancelled') => ({ id, title: id, startsAt: d(date), status, agreementId: 'g1', own: true });
  const f = countCooperation(
    {
      agreements: [{ id: 'g1', title: 'Samen sterk', startsOn: '2025-01-01', endsOn: '2025-12-31', partners: 1 }],
      dossiers: [
        { id: 'f1', agreementId: 'g1', folderName: 'Vervoer', own: true },
        { id: 'f2', agreementId: 'g1', folderName: 'Zorg', own: false },
        { id: 'f3', agreementId: 'g1', folderName: 'Jeugd', own: false },
      ],
      // Held: j1 (held) and j2 (planned, date passed on 30 June); j3 cancelled; j4 still to come.
      jointMeetings: [meeting('j1', '2025-03-10', 'held'), meeting('j2', '2025-05-10', 'planned'), meeting('j3', '2025-04-10', 'cancelled'), meeting('j4', '2025-10-10', 'planned')],
      // a9 drew on the cooperation but was not sent in this year.
      adviceIds: ['a2', 'a9'],
    },
    advices,
    '2025-06-30',
  );
  assert.deepEqual([f.agreements, f.dossiersShared, f.dossiersReceived, f.jointMeetings, f.jointAdvices], [1, 1, 2, 2, 1]);
  assert.deepEqual(f.adviceRecords, [{ id: 'a2', label: '2025-002 Vervoer', isPublic: true }]);
});

test('complementary suppression: one small count with the total shown hides a second count', () => {
  // 12 + 3 + 7 = 22: with 22 shown, the 3 would be 22 - 12 - 7. The smallest count above 5 (7) is hidden too.
  assert.deepEqual(suppressGroup([12, 3, 7], { totalShown: true }), { cells: [12, null, 'hidden'], totalHidden: false });
  // Without the total there is nothing to subtract from.
  assert.deepEqual(suppressGroup([12, 3, 7], { totalShown: false }), { cells: [12, null, 7], totalHidden: false });
  // Zeros stay shown and are never the second count; nothing small, nothing hidden.
  assert.deepEqual(suppressGroup([0, 2, 9], { totalShown: true }).cells, [0, null, 'hidden']);
  assert.deepEqual(suppressGroup([0, 5, 9], { totalShown: true }).cells, [0, 5, 9]);
  // A 5 next to a 1 would still give the 1 away (6 - 5 >= 5 is impossible): an 8 is taken instead.
  assert.deepEqual(suppressGroup([5, 1, 8], { totalShown: true }).cells, [5, null, 'hidden']);
});

test('complementary suppression: two rows', () => {
  // 3 and 10, total 13: the 10 is hidden as well; the reader knows only that they add up to 13.
  assert.deepEqual(suppressGroup([3, 10], { totalShown: true }), { cells: [null, 'hidden'], totalHidden: false });
  // 3 and 2, total 5: both already hidden, and 5 can be split in four ways.
  assert.deepEqual(suppressGroup([3, 2], { totalShown: true }), { cells: [null, null], totalHidden: false });
  // 4 and 4, total 8: only 4 + 4 makes 8, and 5 and 1, total 6: only 5 + 1. The total goes too.
  assert.deepEqual(suppressGroup([4, 4], { totalShown: true }), { cells: [null, null], totalHidden: true });
  assert.deepEqual(suppressGroup([5, 1], { totalShown: true }), { cells: ['hidden', null], totalHidden: true });
  // A count another table gives away (also) is guarded like a small one: alone it would be 14 - 8.
  assert.deepEqual(suppressGroup([8, 6, 0], { totalShown: true, also: [false, true, true] }).cells, ['hidden', 'hidden', 0]);
});

test('signals: a total that must go is hidden in every table that adds up to it', () => {
  // Themes 5 and 1 (total 6) give the 1 away whatever else is hidden: the total and both months' counts go.
  const f = countSignals([
    { themeId: 't1', themeName: 'Wachtlijst', month: 1, count: 5, toAdvice: 0 },
    { themeId: 't2', themeName: 'Taxi', month: 1, count: 1, toAdvice: 0 },
  ]);
  assert.equal(f.total, 'hidden');
  assert.deepEqual(
    f.perTheme.map((x) => x.count),
    ['hidden', null],
  );
  assert.equal(f.perMonth[0]!.count, 'hidden');
  // A theme whose count is hidden hides what led to an advice, and that is guarded too.
  const g = countSignals([
    { themeId: 't1', themeName: 'Wachtlijst', month: 1, count: 10, toAdvice: 8 },
    { themeId: 't2', themeName: 'Taxi', month: 2, count: 7, toAdvice: 6 },
    { themeId: 't3', themeName: 'Vervoer', month: 3, count: 2, toAdvice: 0 },
  ]);
  assert.deepEqual(
    g.perTheme.map((x) => [x.count, x.toAdvice]),
    [
      [10, 'hidden'],
      ['hidden', 'hidden'],
      [null, 0],
    ],
  );
  assert.equal(g.ledToAdvice, 14);
});
