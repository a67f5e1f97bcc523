/**
 * The "for you" start page (issue 9, part 2): each role sees the work waiting on them, and not
 * the counts of members and vacancies that are the board's business.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, todayInAmsterdam } from '../../core/dates/working-days.ts';
import { dayFromToday, login, makeCouncils, makeMember, makeWorkingGroup, withApp } from '../../../test/support/factories.ts';
import { castVote, makeAdvice } from '../advice/advice.test-helpers.ts';
import { makeMeeting, makeMinutes } from '../meetings/meetings.test-helpers.ts';

test('each role sees what waits on them on the start page, and only that', async () => {
  await withApp(async (t) => {
    const [A, B] = await makeCouncils(t, 2);
    const m = await makeMember(t, A, 'member');
    const secretary = await login(t, (await makeMember(t, A, 'secretary')).user);
    const officialUser = (await makeMember(t, A, 'official')).user;
    const official = await login(t, officialUser);
    const member = await login(t, m.user);
    const partner = await login(t, (await makeMember(t, A, 'partner')).user);
    const outsider = await login(t, (await makeMember(t, B, 'member')).user);
    const group = await makeWorkingGroup(t, A, { name: 'Werkgroep Wonen' }, [m.membership.id]);

    const closes = new Date(Date.now() + 26 * 3600_000);
    const vote = await makeAdvice(t, A, { status: 'in_approval', subject: 'Stem over het minimabeleid', approvalRound: 1, approvalClosesAt: closes });
    await makeAdvice(t, A, { status: 'drafting', subject: 'Werk aan de woonvisie', workingGroupId: group.id, neededBy: dayFromToday(20) });
    await makeAdvice(t, A, { status: 'requested', subject: 'Nog zonder werkgroep', createdBy: officialUser.id, neededBy: dayFromToday(30) });
    await makeAdvice(t, A, { status: 'sent', subject: 'Antwoord laat op zich wachten', answerDueOn: addDays(todayInAmsterdam(), -3), sentAt: new Date(Date.now() - 40 * 24 * 3600_000) });
    const next = await makeMeeting(t, A, dayFromToday(7), { title: 'Raadsvergadering december' });
    const held = await makeMeeting(t, A, dayFromToday(-14), { title: 'Raadsvergadering november', status: 'held' });
    await makeMinutes(t, A, held, {}, m.membership.id, dayFromToday(-1));

    const page = async (who: typeof member, c = A) => {
      const res = await who.request({ url: `/${c.slug}/werkruimte` });
      assert.equal(res.statusCode, 200);
      return res.body;
    };

    const forMember = await page(member);
    assert.match(forMember, /Wat op u wacht/);
    assert.match(forMember, /Uw stem wordt gevraagd[\s\S]*Stem over het minimabeleid/);
    assert.ok(forMember.includes(`/adviezen/${vote.id}#stem`), 'the vote links to the vote form');
    assert.match(forMember, /Adviezen van uw werkgroep[\s\S]*Werk aan de woonvisie/);
    assert.match(forMember, /Volgende vergadering[\s\S]*Raadsvergadering december/);
    assert.ok(forMember.includes(`/vergaderingen/${next.id}/aanwezigheid`), 'the attendance question is on the start page');
    assert.match(forMember, /Uw open actiepunten[\s\S]*te laat/, 'an action point past its date says so');
    for (const notForMember of ['Actieve leden', 'Aanvragen zonder werkgroep', 'Verslagen om te publiceren', 'Antwoord laat op zich wachten']) {
      assert.ok(!forMember.includes(notForMember), `a member does not see "${notForMember}"`);
    }

    // Once voted, the vote no longer waits.
    await castVote(t, vote, m.membership.id);
    assert.ok(!(await page(member)).includes('Stem over het minimabeleid'));

    const forSecretary = await page(secretary);
    assert.match(forSecretary, /Aanvragen zonder werkgroep[\s\S]*Nog zonder werkgroep/);
    assert.match(forSecretary, /te laat zijn[\s\S]*Antwoord laat op zich wachten/);
    assert.match(forSecretary, /Verslagen om te publiceren[\s\S]*Raadsvergadering november/);
    assert.match(forSecretary, /Actieve leden/, 'the board keeps the figures');

    const forOfficial = await page(official);
    assert.match(forOfficial, /Uw adviesaanvragen[\s\S]*Nog zonder werkgroep/);
    assert.match(forOfficial, /te laat zijn[\s\S]*Antwoord laat op zich wachten/);
    for (const notForOfficial of ['Uw stem wordt gevraagd', 'Werk aan de woonvisie', 'Actieve leden', 'Volgende vergadering']) {
      assert.ok(!forOfficial.includes(notForOfficial), `an official does not see "${notForOfficial}"`);
    }

    // A partner council's contact sees what the council shared with them: the advices it sent.
    const forPartner = await page(partner);
    assert.match(forPartner, /Gedeeld met partners: verstuurde adviezen[\s\S]*Antwoord laat op zich wachten[\s\S]*verstuurd op/);
    for (const notForPartner of ['Stem over het minimabeleid', 'Werk aan de woonvisie', 'Nog zonder werkgroep', 'Actieve leden', 'te laat']) {
      assert.ok(!forPartner.includes(notForPartner), `a partner does not see "${notForPartner}"`);
    }

    const forOutsider = await page(outsider, B);
    assert.match(forOutsider, /Er wacht nu niets op u/);
    for (const other of ['Stem over het minimabeleid', 'Raadsvergadering december', 'Nog zonder werkgroep']) assert.ok(!forOutsider.includes(other), 'nothing of another council');
  });
});
