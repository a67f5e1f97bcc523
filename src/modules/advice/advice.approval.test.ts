import { test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { adviceVotes } from './advice.schema.ts';
import { castVote, adopt } from './advice.lifecycle.ts';
import { DomainError } from '../../core/errors.ts';
import { adviceRow, useTestApp, get, makeAdvice, makeCouncil, person, people, auditEntries } from './advice.test-helpers.ts';

const t = useTestApp();

const inAWeek = () => new Date(Date.now() + 7 * 24 * 3600 * 1000);

async function votesOf(adviceId: string, round = 1) {
  return t.db
    .select()
    .from(adviceVotes)
    .where(and(eq(adviceVotes.adviceId, adviceId), eq(adviceVotes.round, round)));
}

test('two members voting at the same moment count once each; one member voting twice at once keeps one vote, the last', async () => {
  const c = await makeCouncil(t);
  const ws = `/${c.slug}/werkruimte/adviezen`;
  const a = await makeAdvice(t, c, { status: 'in_approval', approvalRound: 1, approvalClosesAt: inAWeek() }, ['Aanbeveling']);
  const m1 = await person(t, c, 'member');
  const m2 = await person(t, c, 'member');
  const both = await Promise.all([m1.request({ url: `${ws}/${a.id}/stem`, form: { vote: 'agree' } }), m2.request({ url: `${ws}/${a.id}/stem`, form: { vote: 'agree' } })]);
  assert.deepEqual(
    both.map((r) => r.statusCode),
    [303, 303],
  );
  assert.equal((await votesOf(a.id)).length, 2);

  // Since a vote can be changed while the round is open (issue 9), a second vote at the same moment changes the first.
  const m3 = await person(t, c, 'member');
  const twice = await Promise.all([m3.request({ url: `${ws}/${a.id}/stem`, form: { vote: 'agree' } }), m3.request({ url: `${ws}/${a.id}/stem`, form: { vote: 'object', remark: 'Toch niet.' } })]);
  assert.deepEqual(
    twice.map((r) => r.statusCode),
    [303, 303],
  );
  const mine = (await votesOf(a.id)).filter((v) => v.membershipId === m3.membershipId);
  assert.equal(mine.length, 1, 'one vote per member per round');

  // Through the service as well (the API path): the unique key decides; the same vote again changes nothing.
  const results = await Promise.allSettled([1, 2, 3].map(() => castVote(t.app.deps, { actor: m1.actor, council: c, adviceId: a.id, input: { vote: 'agree', remark: '' } })));
  assert.ok(results.every((r) => r.status === 'fulfilled' && r.value === 'unchanged'));
  assert.equal((await votesOf(a.id)).length, 3);
});

test('a member changes their vote while the round is open, not after; the audit log says so', async () => {
  const c = await makeCouncil(t);
  const ws = `/${c.slug}/werkruimte/adviezen`;
  const a = await makeAdvice(t, c, { status: 'in_approval', approvalRound: 1, approvalClosesAt: inAWeek() }, ['Aanbeveling']);
  const m = await person(t, c, 'member');
  const first = await m.request({ url: `${ws}/${a.id}/stem`, form: { vote: 'object', remark: 'Te vaag.' } });
  assert.equal(first.headers.location, `${ws}/${a.id}?melding=gestemd`);
  // The page says how she voted, after the text, with a link to change it; the step's page has the form with her vote.
  const page = await get(t, `${ws}/${a.id}`, m);
  assert.match(page.body, /U hebt gestemd: bezwaar\./);
  assert.ok(page.body.indexOf('Aanbeveling</p>') < page.body.indexOf('U hebt gestemd'), 'the vote comes after the text');
  assert.doesNotMatch(page.body, /Stem wijzigen/, 'the main page shows no second form');
  const step = await get(t, `${ws}/${a.id}?stap=stemronde`, m);
  assert.match(step.body, /<input[^>]*value="object"[^>]*checked/);
  assert.match(step.body, /Te vaag\./);

  const changed = await m.request({ url: `${ws}/${a.id}/stem`, form: { vote: 'agree', remark: '' } });
  assert.equal(changed.statusCode, 303);
  assert.equal(changed.headers.location, `${ws}/${a.id}?melding=stemgewijzigd`);
  assert.match((await get(t, changed.headers.location as string, m)).body, /Uw stem is gewijzigd\./);
  const [vote] = await votesOf(a.id);
  assert.deepEqual([vote!.vote, vote!.remark], ['agree', '']);
  const logged = await auditEntries(t, { entityId: a.id, action: 'advice.voteChanged' });
  assert.equal(logged.length, 1);
  assert.deepEqual(logged[0]!.data, { round: 1, vote: 'agree', from: 'object' });

  // After the closing time the vote stays as it is.
  await castVote(t.app.deps, {
    actor: m.actor,
    council: c,
    adviceId: a.id,
    input: { vote: 'object', remark: 'Toch.' },
    now: new Date(Date.now() + 8 * 24 * 3600 * 1000),
  }).then(
    () => assert.fail('a vote after closing was taken'),
    (err) => assert.ok(err instanceof DomainError && err.code === 'closed'),
  );
  assert.equal((await votesOf(a.id))[0]!.vote, 'agree');
});

test('no vote after the closing time, none outside a round; an objection needs a reason', async () => {
  const c = await makeCouncil(t);
  const ws = `/${c.slug}/werkruimte/adviezen`;
  const m = await person(t, c, 'member');
  const closed = await makeAdvice(t, c, { status: 'in_approval', approvalRound: 1, approvalClosesAt: new Date(Date.now() - 60_000) }, ['A']);
  const res = await m.request({ url: `${ws}/${closed.id}/stem`, form: { vote: 'agree' } });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /De stemronde is gesloten/);
  assert.equal((await votesOf(closed.id)).length, 0);

  const concept = await makeAdvice(t, c, { status: 'concept' }, ['A']);
  const notOpen = await m.request({ url: `${ws}/${concept.id}/stem`, form: { vote: 'agree' } });
  assert.equal(notOpen.statusCode, 400);
  assert.match(notOpen.body, /Er is geen open stemronde/);

  const open = await makeAdvice(t, c, { status: 'in_approval', approvalRound: 1, approvalClosesAt: inAWeek() }, ['A']);
  const noReason = await m.request({ url: `${ws}/${open.id}/stem`, form: { vote: 'object', remark: '' } });
  assert.equal(noReason.statusCode, 400);
  assert.match(noReason.body, /Schrijf de reden van uw bezwaar op/);
  const badVote = await m.request({ url: `${ws}/${open.id}/stem`, form: { vote: ['agree', 'object'] } });
  assert.equal(badVote.statusCode, 400);
  assert.equal((await votesOf(open.id)).length, 0);

  // Officials and partners do not vote.
  for (const role of ['official', 'partner'] as const) {
    const p = await person(t, c, role);
    assert.equal((await p.request({ url: `${ws}/${open.id}/stem`, form: { vote: 'agree' } })).statusCode, 403);
  }
  assert.equal((await votesOf(open.id)).length, 0);
});

test('consent: an objection blocks adoption; the chair reopens, a new round starts and votes count per round', async () => {
  const c = await makeCouncil(t, { adviceApprovalRule: 'consent' });
  const ws = `/${c.slug}/werkruimte/adviezen`;
  const [chair, secretary, m] = await people(t, c, ['chair', 'secretary', 'member']);
  const a = await makeAdvice(t, c, { status: 'in_approval', approvalRound: 1, approvalClosesAt: inAWeek() }, ['A']);
  assert.equal((await m.request({ url: `${ws}/${a.id}/stem`, form: { vote: 'object', remark: 'Aanbeveling A is te vaag.' } })).statusCode, 303);
  const page = await get(t, `${ws}/${a.id}`, chair);
  assert.match(page.body, /Aanbeveling A is te vaag/);
  assert.match(page.body, /kan nog niet worden vastgesteld/);
  const refused = await chair.request({ url: `${ws}/${a.id}/vaststellen`, form: {} });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /Er is bezwaar gemaakt/);
  assert.equal((await adviceRow(t, a.id)).status, 'in_approval');

  assert.equal((await chair.request({ url: `${ws}/${a.id}/heropenen`, form: {} })).statusCode, 303);
  assert.equal((await adviceRow(t, a.id)).status, 'concept');
  // A closing time in the past is refused.
  const past = await secretary.request({ url: `${ws}/${a.id}/stemronde`, form: { closesOn: '2020-01-01', closesTime: '12:00' } });
  assert.equal(past.statusCode, 400);
  assert.match(past.body, /Kies een moment in de toekomst/);
  const badTime = await secretary.request({ url: `${ws}/${a.id}/stemronde`, form: { closesOn: '2099-01-01', closesTime: '25:99' } });
  assert.equal(badTime.statusCode, 400);
  assert.equal((await adviceRow(t, a.id)).status, 'concept');
  assert.equal((await secretary.request({ url: `${ws}/${a.id}/stemronde`, form: { closesOn: '2099-01-01', closesTime: '12:00' } })).statusCode, 303);
  const round2 = await adviceRow(t, a.id);
  assert.equal(round2.approvalRound, 2);
  assert.equal(round2.approvalClosesAt?.toISOString(), '2099-01-01T11:00:00.000Z', 'Amsterdam winter time');
  for (const p of [chair, secretary, m]) assert.equal((await p.request({ url: `${ws}/${a.id}/stem`, form: { vote: 'agree' } })).statusCode, 303);
  assert.equal((await votesOf(a.id, 2)).length, 3);
  assert.equal((await chair.request({ url: `${ws}/${a.id}/vaststellen`, form: {} })).statusCode, 303);
  const adopted = await adviceRow(t, a.id);
  assert.equal(adopted.status, 'adopted');
  assert.ok(adopted.adoptedAt);
});

test('majority: adopted only when more than half of the active council members agreed', async () => {
  const c = await makeCouncil(t, { adviceApprovalRule: 'majority' });
  const chair = await person(t, c, 'chair');
  const members = [await person(t, c, 'member'), await person(t, c, 'member'), await person(t, c, 'member')];
  await person(t, c, 'official'); // not counted
  const a = await makeAdvice(t, c, { status: 'in_approval', approvalRound: 1, approvalClosesAt: inAWeek() }, ['A']);
  await castVote(t.app.deps, { actor: members[0]!.actor, council: c, adviceId: a.id, input: { vote: 'agree', remark: '' } });
  await castVote(t.app.deps, { actor: chair.actor, council: c, adviceId: a.id, input: { vote: 'agree', remark: '' } });
  // 2 of 4: not more than half.
  await assert.rejects(adopt(t.app.deps, { actor: chair.actor, council: c, adviceId: a.id }), (e: unknown) => e instanceof DomainError && e.messageKey === 'advice.adopt.noMajority');
  await castVote(t.app.deps, { actor: members[1]!.actor, council: c, adviceId: a.id, input: { vote: 'agree_with_remark', remark: 'Goed zo.' } });
  const done = await adopt(t.app.deps, { actor: chair.actor, council: c, adviceId: a.id });
  assert.equal(done.status, 'adopted');
});
