import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { notices } from '../../core/notices/notices.schema.ts';
import { sendNotices } from '../../core/notices/notices.ts';
import { assignToGroup, castVote, openApproval } from './advice.lifecycle.ts';
import { sendVoteReminders } from './advice.reminders.ts';
import { mailsTo, makeAdvice, makeCouncil, makeWorkingGroup, people, withApp } from './advice.test-helpers.ts';
import type { TestApp } from '../../../test/support/factories.ts';

const noticesOf = (t: TestApp, userId: string) => t.db.select().from(notices).where(eq(notices.userId, userId));

test('assigning an advice tells the working group, each in their own language', () =>
  withApp(async (t) => {
    const c = await makeCouncil(t);
    const [chair, inGroup, outside] = await people(t, c, ['chair', 'member', 'member']);
    const group = await makeWorkingGroup(t, c, { name: 'Wonen en zorg' }, [inGroup.membershipId]);
    const a = await makeAdvice(t, c, { status: 'requested', subject: 'Beschermd wonen' });
    await assignToGroup(t.app.deps, { actor: chair.actor, council: c, adviceId: a.id, workingGroupId: group.id });
    assert.equal((await noticesOf(t, inGroup.user.id)).length, 1);
    assert.equal((await noticesOf(t, outside.user.id)).length, 0);
    await sendNotices(t.app.deps);
    const [mail] = await mailsTo(t, inGroup.email);
    assert.match(mail!.subject, /Nieuw werk voor werkgroep Wonen en zorg: advies .*Beschermd wonen/);
    assert.match(mail!.body, new RegExp(`/${c.slug}/werkruimte/adviezen/${a.id}`));
  }));

test('a vote tells every member when it opens, and a day before it closes those who have not voted', () =>
  withApp(async (t) => {
    const c = await makeCouncil(t);
    const [chair, voter, waiter] = await people(t, c, ['chair', 'member', 'member']);
    const a = await makeAdvice(t, c, { status: 'concept', subject: 'Mantelzorg' }, ['Meer respijtzorg']);
    const closesAt = new Date(Date.now() + 3 * 24 * 3600 * 1000);
    await openApproval(t.app.deps, { actor: chair.actor, council: c, adviceId: a.id, closesAt });
    for (const p of [chair, voter, waiter]) assert.equal((await noticesOf(t, p.user.id)).length, 1, 'vote opened');
    await castVote(t.app.deps, { actor: voter.actor, council: c, adviceId: a.id, input: { vote: 'agree', remark: '' } });
    // Two days before closing: no reminder yet; one day before: only those who have not voted, once.
    assert.equal(await sendVoteReminders(t.app.deps, new Date(closesAt.getTime() - 48 * 3600 * 1000)), 0);
    const dayBefore = new Date(closesAt.getTime() - 20 * 3600 * 1000);
    assert.equal(await sendVoteReminders(t.app.deps, dayBefore), 2);
    assert.equal(await sendVoteReminders(t.app.deps, dayBefore), 0);
    assert.equal((await noticesOf(t, waiter.user.id)).length, 2);
    assert.equal((await noticesOf(t, voter.user.id)).length, 1);
    const reminder = (await noticesOf(t, waiter.user.id)).find((n) => n.kind === 'advice.voteClosing');
    assert.ok(reminder);
  }));
