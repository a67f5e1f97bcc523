import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { dayFromToday, get, login, makeCouncil, makeCouncils, makeMember, makeMoment, makeWorkingGroup, titleOf, withApp } from './policycalendar.test-helpers.ts';
import { makeAdvice } from '../advice/advice.test-helpers.ts';
import { policyMoments, policyMomentShifts } from './policycalendar.schema.ts';
import { notices } from '../../core/notices/notices.schema.ts';
import { sendMomentReminders } from './policycalendar.service.ts';

const momentForm = (over: Record<string, string> = {}) => ({
  kind: 'verordening',
  title: 'Verordening Wmo 2028',
  expectedOn: dayFromToday(200),
  recurrenceYears: '',
  workingGroupId: '',
  remindWeeks: '12',
  reason: '',
  ...over,
});

test('the board adds a moment and moves its date: the shift is kept with its reason; members read, do not change', async () => {
  await withApp(async (t) => {
    const council = await makeCouncil(t);
    const secretary = await login(t, (await makeMember(t, council, 'secretary')).user);
    const member = await login(t, (await makeMember(t, council, 'member')).user);
    const group = await makeWorkingGroup(t, council, { name: 'Wmo' });
    const url = `/${council.slug}/werkruimte/beleidskalender`;
    assert.equal((await member.request({ url, form: momentForm() })).statusCode, 403);
    const added = await secretary.request({ url, form: momentForm({ workingGroupId: group.id, recurrenceYears: '4' }) });
    assert.equal(added.statusCode, 303);
    const [m] = await t.db.select().from(policyMoments);
    assert.equal(m!.recurrenceYears, 4);
    const moved = await secretary.request({
      url: `${url}/${m!.id}`,
      form: momentForm({ workingGroupId: group.id, recurrenceYears: '4', expectedOn: dayFromToday(260), reason: 'Het college heeft meer tijd nodig.' }),
    });
    assert.equal(moved.statusCode, 303);
    const [shift] = await t.db.select().from(policyMomentShifts).where(eq(policyMomentShifts.momentId, m!.id));
    assert.equal(shift!.fromDate, dayFromToday(200));
    assert.equal(shift!.toDate, dayFromToday(260));
    const page = await member.request({ url: `${url}/${m!.id}` });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Het college heeft meer tijd nodig\./);
    assert.match(page.body, /Onze werkgroep Wmo volgt dit onderwerp\./, 'the draft letter');
    assert.doesNotMatch(page.body, /Moment wijzigen/, 'a member sees no form');
  });
});

test('bad input gets a Dutch message and changes nothing; another council’s advice cannot be linked', async () => {
  await withApp(async (t) => {
    const [council, other] = await makeCouncils(t, 2);
    const secretary = await login(t, (await makeMember(t, council, 'secretary')).user);
    const url = `/${council.slug}/werkruimte/beleidskalender`;
    const bad = await secretary.request({ url, form: momentForm({ remindWeeks: '0', expectedOn: '2027-02-30' }) });
    assert.equal(bad.statusCode, 400);
    assert.match(titleOf(bad.body), /^Fout:/);
    assert.match(bad.body, /Vul een aantal weken in, van 1 tot en met 52\./);
    const strangeGroup = await makeWorkingGroup(t, other, { name: 'Vreemd' });
    assert.equal((await secretary.request({ url, form: momentForm({ workingGroupId: strangeGroup.id }) })).statusCode, 400);
    assert.equal((await t.db.select().from(policyMoments)).length, 0);
    const m = await makeMoment(t, council);
    const foreign = await makeAdvice(t, other, { status: 'requested' });
    const refused = await secretary.request({ url: `${url}/${m.id}/adviesaanvraag`, form: { adviceId: foreign.id } });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Kies een advies van uw eigen raad\./);
    assert.equal((await secretary.request({ url: `${url}/00000000-0000-4000-8000-000000000000` })).statusCode, 404);
  });
});

test('when a request for advice arrives, the secretary links it to its moment: status "aanvraag ontvangen"', async () => {
  await withApp(async (t) => {
    const council = await makeCouncil(t);
    const secretary = await login(t, (await makeMember(t, council, 'secretary')).user);
    const m = await makeMoment(t, council);
    const advice = await makeAdvice(t, council, { status: 'requested', subject: 'Verordening maatschappelijke ondersteuning' });
    const res = await secretary.request({ url: `/${council.slug}/werkruimte/beleidskalender/${m.id}/adviesaanvraag`, form: { adviceId: advice.id } });
    assert.equal(res.statusCode, 303);
    const [after] = await t.db.select().from(policyMoments).where(eq(policyMoments.id, m.id));
    assert.equal(after!.adviceId, advice.id);
    assert.equal(after!.status, 'request_received');
    assert.match((await secretary.request({ url: res.headers.location as string })).body, /Verordening maatschappelijke ondersteuning/);
  });
});

test('N weeks ahead the working group gets a notice with a link to the draft letter, once', async () => {
  await withApp(async (t) => {
    const council = await makeCouncil(t);
    const a = await makeMember(t, council, 'member');
    const b = await makeMember(t, council, 'member');
    const outsider = await makeMember(t, council, 'member');
    const group = await makeWorkingGroup(t, council, { name: 'Wmo' }, [a.membership.id, b.membership.id]);
    const soon = await makeMoment(t, council, { expectedOn: dayFromToday(30), remindWeeks: 6, workingGroupId: group.id, title: 'Inkoop hulp bij het huishouden' });
    await makeMoment(t, council, { expectedOn: dayFromToday(200), remindWeeks: 6, workingGroupId: group.id });
    assert.equal(await sendMomentReminders(t.app.deps), 1);
    assert.equal(await sendMomentReminders(t.app.deps), 0);
    const got = await t.db.select().from(notices);
    assert.deepEqual(got.map((n) => n.userId).sort(), [a.user.id, b.user.id].sort());
    assert.equal(got[0]!.path, `/${council.slug}/werkruimte/beleidskalender/${soon.id}`);
    assert.ok(!got.some((n) => n.userId === outsider.user.id));
  });
});

test('public view, iCalendar feed and API show only the moments the council made public', async () => {
  await withApp(async (t) => {
    const council = await makeCouncil(t);
    await makeMoment(t, council, { title: 'Begroting 2028', kind: 'begroting', isPublic: true, recurrenceYears: 1, expectedOn: '2027-11-10' });
    await makeMoment(t, council, { title: 'Geheime planning', isPublic: false });
    const page = await get(t, `/${council.slug}/beleidskalender`);
    assert.match(page.body, /Begroting 2028/);
    assert.doesNotMatch(page.body, /Geheime planning/);
    const ics = await get(t, `/${council.slug}/beleidskalender.ics`);
    assert.match(ics.headers['content-type'] as string, /^text\/calendar/);
    assert.match(ics.body, /SUMMARY:Begroting 2028/);
    assert.match(ics.body, /DTSTART;VALUE=DATE:20271110/);
    assert.match(ics.body, /RRULE:FREQ=YEARLY;INTERVAL=1/);
    assert.doesNotMatch(ics.body, /Geheime planning/);
    const api = (await get(t, `/api/v1/raden/${council.slug}/beleidskalender`)).json() as { items: { title: string }[] };
    assert.deepEqual(
      api.items.map((i) => i.title),
      ['Begroting 2028'],
    );
    const national = await makeCouncil(t, { kind: 'landelijk' });
    assert.equal((await get(t, `/${national.slug}/beleidskalender`)).statusCode, 404, 'a national organisation has no policy calendar');
  });
});
