/**
 * From the signal list onto a meeting's agenda (issue 9, part 12): the board picks signals to
 * discuss and a coming meeting; the meeting page then names the signals. Bad choices change nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { count, eq } from 'drizzle-orm';
import { dayFromToday, login, makeCouncil, makeMember, withApp } from '../../../test/support/factories.ts';
import { makeSignal } from '../signals/signals.test-helpers.ts';
import { makeMeeting } from './meetings.test-helpers.ts';
import { agendaItems } from './meetings.schema.ts';

test('the secretary puts signals to discuss on a coming meeting; the meeting names them', async () => {
  await withApp(async (t) => {
    const A = await makeCouncil(t);
    const B = await makeCouncil(t);
    const secretary = await login(t, (await makeMember(t, A, 'secretary')).user);
    const member = await login(t, (await makeMember(t, A, 'member')).user);
    const waiting = await makeSignal(t, A, 'to_discuss', 'De regiotaxi komt vaak te laat bij de dagbesteding.');
    const fresh = await makeSignal(t, A, 'new', 'Nog niet beoordeeld.');
    const meeting = await makeMeeting(t, A, dayFromToday(14), { title: 'Raadsvergadering' });
    const elsewhere = await makeMeeting(t, B, dayFromToday(14));
    const items = async () => Number((await t.db.select({ n: count() }).from(agendaItems).where(eq(agendaItems.meetingId, meeting.id)))[0]!.n);
    const page = `/${A.slug}/werkruimte/vergaderingen/signalen-agenderen`;

    assert.match((await secretary.request({ url: `/${A.slug}/werkruimte/signalen` })).body, /Signalen op de agenda van een vergadering zetten/);
    assert.doesNotMatch((await member.request({ url: `/${A.slug}/werkruimte/signalen` })).body, /Signalen op de agenda van een vergadering zetten/);

    const form = await secretary.request({ url: page });
    assert.equal(form.statusCode, 200);
    assert.ok(form.body.includes(waiting.reference) && !form.body.includes(fresh.reference), 'only signals to discuss are offered');

    const none = await secretary.request({ url: page, form: { meetingId: meeting.id, title: 'Signalen' } });
    assert.equal(none.statusCode, 400);
    assert.match(none.body, /Kies ten minste één signaal/);
    const notYet = await secretary.request({ url: page, form: { meetingId: meeting.id, title: 'Signalen', signalIds: fresh.id } });
    assert.equal(notYet.statusCode, 400, 'a signal not marked to discuss is refused');
    assert.equal((await secretary.request({ url: page, form: { meetingId: elsewhere.id, title: 'Signalen', signalIds: waiting.id } })).statusCode, 404, "another council's meeting");
    assert.equal(await items(), 0, 'nothing changed');

    const done = await secretary.request({ url: page, form: { meetingId: meeting.id, title: 'Signalen van inwoners', signalIds: waiting.id } });
    assert.equal(done.statusCode, 303);
    assert.equal(await items(), 1);
    const shown = await member.request({ url: `/${A.slug}/werkruimte/vergaderingen/${meeting.id}` });
    assert.ok(shown.body.includes(`/werkruimte/signalen/${waiting.id}`), 'the meeting page links the signal');
    assert.ok(shown.body.includes(waiting.reference), 'and names it');
  });
});
