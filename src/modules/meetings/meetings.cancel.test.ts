/**
 * Cancelling a meeting asks first and can be undone (issue 9, part 4): the confirmation page says
 * who gets an e-mail, the board can restore the meeting within 30 days while it lies ahead, and
 * those who got the cancellation get the invitation again.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { dayFromToday, login, mailsTo, makeCouncil, makeMember, withApp } from '../../../test/support/factories.ts';
import { makeMeeting, meetingRow } from './meetings.test-helpers.ts';
import { meetings } from './meetings.schema.ts';
import { mayRestoreMeeting, RESTORE_DAYS } from './meetings.workflow.ts';

const DAY = 24 * 3600_000;

test('a cancellation can be undone within the period and only while the meeting lies ahead', () => {
  const now = new Date('2026-12-06T10:00:00Z');
  const ahead = new Date(now.getTime() + 5 * DAY);
  assert.equal(mayRestoreMeeting({ status: 'cancelled', cancelledAt: new Date(now.getTime() - DAY), startsAt: ahead }, now), true);
  assert.equal(mayRestoreMeeting({ status: 'cancelled', cancelledAt: new Date(now.getTime() - RESTORE_DAYS * DAY), startsAt: ahead }, now), true, 'the last day counts');
  assert.equal(mayRestoreMeeting({ status: 'cancelled', cancelledAt: new Date(now.getTime() - (RESTORE_DAYS + 1) * DAY), startsAt: ahead }, now), false);
  assert.equal(mayRestoreMeeting({ status: 'cancelled', cancelledAt: new Date(now.getTime() - DAY), startsAt: new Date(now.getTime() - 3600_000) }, now), false, 'not once it began');
  assert.equal(mayRestoreMeeting({ status: 'planned', cancelledAt: null, startsAt: ahead }, now), false);
});

test('the secretary is asked first, members are mailed once, and the board can take the cancellation back', async () => {
  await withApp(async (t) => {
    const A = await makeCouncil(t);
    const secretary = await login(t, (await makeMember(t, A, 'secretary')).user);
    const m = await makeMember(t, A, 'member');
    const member = await login(t, m.user);
    const meeting = await makeMeeting(t, A, dayFromToday(10), { title: 'Raadsvergadering januari', invitedAt: new Date() });
    const path = `/${A.slug}/werkruimte/vergaderingen/${meeting.id}`;

    const detail = await secretary.request({ url: path });
    assert.ok(detail.body.includes(`href="${path}/afzeggen"`), 'the meeting page links to the confirmation, it does not cancel at once');
    assert.equal((await member.request({ url: `${path}/afzeggen` })).statusCode, 403, 'a member may not');

    const ask = await secretary.request({ url: `${path}/afzeggen` });
    assert.equal(ask.statusCode, 200);
    assert.match(ask.body, /Wat gebeurt er\?/);
    assert.match(ask.body, /\d+ leden en gasten krijgen een e-mail/);
    assert.match(ask.body, /binnen 30 dagen terugdraaien/);
    assert.equal((await meetingRow(t, meeting.id)).status, 'planned', 'asking changes nothing');

    const done = await secretary.request({ url: `${path}/afzeggen`, form: {} });
    assert.equal(done.statusCode, 303);
    assert.equal((await meetingRow(t, meeting.id)).status, 'cancelled');
    assert.equal((await mailsTo(t, m.user.email)).length, 1, 'the member got the cancellation');

    const cancelled = await secretary.request({ url: path });
    assert.match(cancelled.body, /Afzeggen terugdraaien/);
    const back = await secretary.request({ url: `${path}/terugzetten`, form: {} });
    assert.equal(back.statusCode, 303);
    const restored = await meetingRow(t, meeting.id);
    assert.equal(restored.status, 'planned');
    assert.equal(restored.cancelledAt, null);
    assert.equal((await mailsTo(t, m.user.email)).length, 2, 'and the invitation again');
    assert.match((await secretary.request({ url: String(back.headers.location) })).body, /De vergadering gaat toch door/);

    // After the period the button is gone and a post is refused with the reason, changing nothing.
    await secretary.request({ url: `${path}/afzeggen`, form: {} });
    await t.db
      .update(meetings)
      .set({ cancelledAt: new Date(Date.now() - (RESTORE_DAYS + 1) * DAY) })
      .where(eq(meetings.id, meeting.id));
    assert.doesNotMatch((await secretary.request({ url: path })).body, /Afzeggen terugdraaien/);
    const late = await secretary.request({ url: `${path}/terugzetten`, form: {} });
    assert.equal(late.statusCode, 400);
    assert.match(late.body, /kan niet meer worden teruggedraaid/);
    assert.equal((await meetingRow(t, meeting.id)).status, 'cancelled');
  });
});
