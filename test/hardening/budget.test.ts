/**
 * Issue 17, item 13: the public contact form has a budget per organisation and hour. From many
 * addresses at once, the posts beyond it are held for the board's review instead of flooding the
 * council's mailbox, and the chair and secretary are told once.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { anonymousPost, login, makeCouncil, makeMember, makeUser, uniqueId, withApp } from '../support/factories.ts';
import { outbox } from '../../src/core/mail/mail.schema.ts';
import { notices } from '../../src/core/notices/notices.schema.ts';
import { PUBLIC_POSTS_PER_HOUR } from '../../src/core/public-budget.ts';

test('contact posts from 40 addresses at once: the budget goes through, the rest waits for the board, who is told once (issue 17, item 13)', async () => {
  await withApp(async (t) => {
    const council = await makeCouncil(t);
    const other = await makeCouncil(t);
    const { user: secretary } = await makeMember(t, council, 'secretary');
    const total = PUBLIC_POSTS_PER_HOUR + 10;
    const answers = await Promise.all(
      Array.from({ length: total }, (_, i) =>
        anonymousPost(t, `/${council.slug}/contact`, { name: `Afzender ${i}`, email: `afzender${i}@voorbeeld.nl`, subject: `Vraag ${i}`, message: 'Hallo raad.' }, { ip: `10.13.${i}.1` }),
      ),
    );
    // Every sender gets the same answer: held or not, their message arrived.
    assert.deepEqual(new Set(answers.map((r) => r.statusCode)), new Set([303]));
    const mails = await t.db.select().from(outbox).where(eq(outbox.councilId, council.id));
    assert.equal(mails.length, PUBLIC_POSTS_PER_HOUR, 'only the budget reaches the mailbox');
    const told = await t.db
      .select()
      .from(notices)
      .where(and(eq(notices.councilId, council.id), eq(notices.kind, 'publicPost.held')));
    assert.deepEqual(
      told.map((n) => n.userId),
      [secretary.id],
      'the secretary is told once',
    );
    // Another organisation's budget is its own.
    assert.equal((await anonymousPost(t, `/${other.slug}/contact`, { name: 'Iemand', email: 'iemand@voorbeeld.nl', subject: 'Vraag', message: 'Hallo.' }, { ip: '10.13.200.1' })).statusCode, 303);
    assert.equal((await t.db.select().from(outbox).where(eq(outbox.councilId, other.id))).length, 1);

    // The board reviews: sends one on, removes another.
    const board = await login(t, secretary);
    const page = await board.request({ url: `/${council.slug}/werkruimte/wachtende-berichten` });
    assert.equal(page.statusCode, 200);
    const ids = [...page.body.matchAll(/wachtende-berichten\/([0-9a-f-]{36})\/doorsturen/g)].map((m) => m[1]!);
    assert.equal(ids.length, 10);
    const sent = await board.request({ url: `/${council.slug}/werkruimte/wachtende-berichten/${ids[0]}/doorsturen`, form: {} });
    assert.equal(sent.statusCode, 303);
    assert.equal((await t.db.select().from(outbox).where(eq(outbox.councilId, council.id))).length, PUBLIC_POSTS_PER_HOUR + 1);
    assert.equal((await board.request({ url: `/${council.slug}/werkruimte/wachtende-berichten/${ids[0]}/doorsturen`, form: {} })).statusCode, 404, 'once only');
    assert.equal((await board.request({ url: `/${council.slug}/werkruimte/wachtende-berichten/${ids[1]}/verwijderen`, form: {} })).statusCode, 303);
    const after = await board.request({ url: `/${council.slug}/werkruimte/wachtende-berichten?melding=verwijderd` });
    assert.equal([...after.body.matchAll(/\/doorsturen"/g)].length, 8);
    assert.match(after.body, /Het bericht is verwijderd/);

    // The platform administrator does not read residents' words here.
    const admin = await login(t, await makeUser(t, { isPlatformAdmin: true, email: `beheer-${uniqueId()}@voorbeeld.nl` }));
    assert.equal((await admin.request({ url: `/${council.slug}/werkruimte/wachtende-berichten` })).statusCode, 403);
  });
});
