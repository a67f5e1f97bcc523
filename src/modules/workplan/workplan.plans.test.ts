/**
 * The work plan through HTTP: one plan per year, topics with status and progress, tags, carrying
 * over, the approval round, the public page; bad input gets a Dutch message and changes nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, sql } from 'drizzle-orm';
import { checkHtml, formatHtmlErrors } from '../../../test/support/vnu.ts';
import { useTestApp, get, makeAdvice, makeCouncil, makePlan, person, titleOf } from './workplan.test-helpers.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { workplans, workplanTags, workplanTopics } from './workplan.schema.ts';
import { thisYear } from './workplan.plans.ts';

let A: Council;
let B: Council;
let chair: Awaited<ReturnType<typeof person>>;
let secretary: Awaited<ReturnType<typeof person>>;
let member: Awaited<ReturnType<typeof person>>;
const year = thisYear();

const t = useTestApp({
  setup: async () => {
    A = await makeCouncil(t, { adviceApprovalRule: 'consent' });
    B = await makeCouncil(t);
    chair = await person(t, A, 'chair');
    secretary = await person(t, A, 'secretary');
    member = await person(t, A, 'member');
  },
});

/** Every work-plan row of council A, as one comparable string. */
async function state(): Promise<string> {
  const r = await t.db.execute(
    sql`select (select count(*) from workplans where council_id = ${A.id}) || '/' || (select coalesce(string_agg(t::text, '|' order by t.id), '') from workplan_topics t where council_id = ${A.id}) || '/' || (select count(*) from workplan_tags where council_id = ${A.id}) || '/' || (select count(*) from workplan_notes where council_id = ${A.id}) as s`,
  );
  return (r as unknown as { rows: { s: string }[] }).rows[0]!.s;
}
const ws = () => `/${A.slug}/werkruimte/werkplan`;

test('a plan per year: made once, a second is refused with a message; topics are added; bad input changes nothing', async () => {
  const res = await secretary.request({ url: `${ws()}/${year}`, form: {} });
  assert.equal(res.statusCode, 303);
  const before = await state();
  const again = await secretary.request({ url: `${ws()}/${year}`, form: {} });
  assert.equal(again.statusCode, 400);
  assert.match(titleOf(again.body), /^Fout:/);
  assert.match(again.body, /Er is al een werkplan voor dit jaar/);
  assert.equal(await state(), before);

  const bad = await secretary.request({
    url: `${ws()}/${year}/onderwerpen`,
    form: { title: '', policyField: 'verzonnen', workingGroupId: '00000000-0000-0000-0000-000000000000', plannedQuarter: '7' },
  });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Vul dit veld in|verplicht/i);
  assert.equal(await state(), before);

  for (const title of ['Mantelzorg', 'Armoedebeleid']) {
    const ok = await secretary.request({ url: `${ws()}/${year}/onderwerpen`, form: { title, policyField: 'wmo', workingGroupId: '', aim: 'Beter beleid.', plannedQuarter: '2' } });
    assert.equal(ok.statusCode, 303);
  }
  const page = await secretary.request({ url: `${ws()}/${year}` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Mantelzorg/);
  assert.match(page.body, /Kwartaal 2/);
  // Years outside the range: 404, never a 500.
  for (const y of ['1900', '3000', 'abc', String(year + 2)]) assert.equal((await secretary.request({ url: `${ws()}/${y}` })).statusCode, 404, y);
  // A member sees the plan but cannot add topics.
  assert.equal((await member.request({ url: `${ws()}/${year}` })).statusCode, 200);
  assert.equal((await member.request({ url: `${ws()}/${year}/onderwerpen`, form: { title: 'X', policyField: 'wmo' } })).statusCode, 403);
});

test('a topic: dropping without a reason is refused, with a reason kept; progress notes; tags of own records only', async () => {
  const [topic] = await t.db
    .select()
    .from(workplanTopics)
    .where(and(eq(workplanTopics.councilId, A.id), eq(workplanTopics.title, 'Armoedebeleid')));
  const url = `${ws()}/onderwerpen/${topic!.id}`;
  const before = await state();
  const noReason = await secretary.request({ url: `${url}/status`, form: { status: 'dropped', dropReason: '' } });
  assert.equal(noReason.statusCode, 400);
  assert.match(noReason.body, /Schrijf op waarom het onderwerp geschrapt wordt/);
  assert.equal(await state(), before);
  assert.equal((await secretary.request({ url: `${url}/status`, form: { status: 'dropped', dropReason: 'De gemeente schoof het op.' } })).statusCode, 303);
  const [dropped] = await t.db.select().from(workplanTopics).where(eq(workplanTopics.id, topic!.id));
  assert.equal(dropped!.status, 'dropped');
  assert.equal(dropped!.dropReason, 'De gemeente schoof het op.');

  // Progress: a member notes it; a date in the future is refused.
  const [mantelzorg] = await t.db
    .select()
    .from(workplanTopics)
    .where(and(eq(workplanTopics.councilId, A.id), eq(workplanTopics.title, 'Mantelzorg')));
  const murl = `${ws()}/onderwerpen/${mantelzorg!.id}`;
  assert.equal((await member.request({ url: `${murl}/voortgang`, form: { notedOn: `${year + 1}-12-01`, text: 'Later.' } })).statusCode, 400);
  assert.equal((await member.request({ url: `${murl}/voortgang`, form: { notedOn: `${year}-01-02`, text: 'Gesprek met de wethouder.' } })).statusCode, 303);

  // Tags: an advice of A is tagged and shown; B's advice and a made-up id are refused, nothing changes.
  const own = await makeAdvice(t, A, { status: 'sent', subject: 'Advies over mantelzorg' });
  const foreign = await makeAdvice(t, B, { status: 'sent', subject: 'Van een andere raad' });
  const before2 = await state();
  for (const record of [`advice:${foreign.id}`, 'advice:00000000-0000-0000-0000-000000000000', 'advice:abc', `signalTheme:${own.id}`, own.id]) {
    const res = await secretary.request({ url: `${murl}/koppelen`, form: { record } });
    assert.equal(res.statusCode, 400, record);
    assert.match(res.body, /Kies iets uit de lijst/);
  }
  assert.equal(await state(), before2);
  assert.equal((await secretary.request({ url: `${murl}/koppelen`, form: { record: `advice:${own.id}` } })).statusCode, 303);
  const page = await member.request({ url: murl });
  assert.match(page.body, /Advies over mantelzorg/);
  assert.match(page.body, /Gesprek met de wethouder/);
  assert.equal((await t.db.select().from(workplanTags).where(eq(workplanTags.topicId, mantelzorg!.id))).length, 1);
  // Another council's topic under A's address: 404.
  const { topics } = await makePlan(t, B, year, ['Van B']);
  assert.equal((await secretary.request({ url: `${ws()}/onderwerpen/${topics[0]!.id}` })).statusCode, 404);
  assert.equal((await secretary.request({ url: `${ws()}/onderwerpen/${topics[0]!.id}/status`, form: { status: 'done', dropReason: '' } })).statusCode, 404);
});

test('approval round: members vote, the chair closes it; the approved plan is public; carry over in one action', async () => {
  const pub = `/${A.slug}/werkplan/${year}`;
  assert.equal((await get(t, pub)).statusCode, 404);
  assert.match((await get(t, pub)).body, /Er is geen goedgekeurd werkplan/);
  assert.equal((await secretary.request({ url: `${ws()}/${year}/goedkeuring`, form: {} })).statusCode, 303);
  assert.equal((await member.request({ url: `${ws()}/${year}/stem`, form: { vote: 'agree', remark: '' } })).statusCode, 303);
  assert.equal((await chair.request({ url: `${ws()}/${year}/stem`, form: { vote: 'agree', remark: '' } })).statusCode, 303);
  assert.equal((await chair.request({ url: `${ws()}/${year}/besluit`, form: {} })).statusCode, 303);
  const [plan] = await t.db
    .select()
    .from(workplans)
    .where(and(eq(workplans.councilId, A.id), eq(workplans.year, year)));
  assert.equal(plan!.status, 'approved');
  const page = await get(t, pub);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Mantelzorg/);
  assert.match(page.body, /De gemeente schoof het op/);
  // Voting after the round is closed: a message, nothing changes.
  assert.equal((await member.request({ url: `${ws()}/${year}/stem`, form: { vote: 'object', remark: '' } })).statusCode, 400);

  const carried = await secretary.request({ url: `${ws()}/${year}/doorzetten`, form: {} });
  assert.equal(carried.statusCode, 303);
  const [next] = await t.db
    .select()
    .from(workplans)
    .where(and(eq(workplans.councilId, A.id), eq(workplans.year, year + 1)));
  const nextTopics = await t.db.select().from(workplanTopics).where(eq(workplanTopics.planId, next!.id));
  // Mantelzorg (planned) goes along, Armoedebeleid (dropped) does not.
  assert.deepEqual(
    nextTopics.map((x) => x.title),
    ['Mantelzorg'],
  );
  const twice = await secretary.request({ url: `${ws()}/${year}/doorzetten`, form: {} });
  assert.equal(twice.statusCode, 400);
  assert.match(twice.body, /geen onderwerpen meer om door te zetten/);
});

test('the pages are valid HTML (Nu checker)', async () => {
  const [topic] = await t.db.select().from(workplanTopics).where(eq(workplanTopics.councilId, A.id)).limit(1);
  const pages = [
    { name: 'plan', html: (await secretary.request({ url: `${ws()}/${year}` })).body },
    { name: 'topic', html: (await secretary.request({ url: `${ws()}/onderwerpen/${topic!.id}` })).body },
    { name: 'public plan', html: (await get(t, `/${A.slug}/werkplan/${year}`)).body },
    { name: 'no public plan', html: (await get(t, `/${A.slug}/werkplan/${year - 1}`)).body },
  ];
  const errors = await checkHtml(pages);
  assert.deepEqual(errors, [], formatHtmlErrors(errors));
});
