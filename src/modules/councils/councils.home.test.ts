import { test } from 'node:test';
import assert from 'node:assert/strict';
import { localToUtc } from '../../core/dates/amsterdam.ts';
import { dayFromToday, makeCouncil, withApp } from '../../../test/support/factories.ts';
import { makeMeeting, makeRhythm } from '../meetings/meetings.test-helpers.ts';

test('the home page shows when the council meets, from its rhythm, the next meeting and a way to report a problem', () =>
  withApp(async (t) => {
    const c = await makeCouncil(t, { meetingRhythm: 'Oude vrije tekst' });
    await makeRhythm(t, c);
    const day = dayFromToday(10);
    const next = await makeMeeting(t, c, day, {
      title: 'Raadsvergadering',
      location: 'Het Dorpshuis',
      startsAt: localToUtc(day, '09:30'),
      endsAt: localToUtc(day, '12:30'),
    });
    const home = await t.app.inject({ url: `/${c.slug}` });
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /Wij vergaderen elke derde woensdag van de maand, van 09:30 tot 12:30 uur\./);
    assert.doesNotMatch(home.body, /Oude vrije tekst/, 'the rule wins over the old free text');
    assert.match(home.body, new RegExp(`href="/${c.slug}/vergaderingen/${next.id}"[^>]*>[^<]*om 09:30 uur`));
    assert.match(home.body, /in Het Dorpshuis/);
    assert.match(home.body, new RegExp(`href="/${c.slug}/signaal"[^>]*>Meld een probleem`));
    const en = await t.app.inject({ url: `/${c.slug}`, headers: { cookie: 'rw_taal=en' } });
    assert.match(en.body, /We meet on the third Wednesday of every month, from 09:30 to 12:30\./);
  }));

test('a national organisation has no signal form and, without a rhythm or a coming meeting, says nothing of meeting', () =>
  withApp(async (t) => {
    const c = await makeCouncil(t, { kind: 'landelijk' });
    const home = await t.app.inject({ url: `/${c.slug}` });
    assert.equal(home.statusCode, 200);
    assert.doesNotMatch(home.body, /Meld een probleem|Wij vergaderen/);
  }));
