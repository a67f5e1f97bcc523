/**
 * Issue 17, item 13: the public contact form has a budget per organisation and hour. From many
 * addresses at once, the posts beyond it are held for the board's review instead of flooding the
 * council's mailbox, and the chair and secretary are told once.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { anonymousPost, login, makeCouncil, makeMember, makeUser, uniqueId, withApp } from '../support/factories.ts';
import { outbox } from '../../src/core/mail/mail.schema.ts';
import { notices } from '../../src/core/notices/notices.schema.ts';
import { PUBLIC_POSTS_PER_HOUR } from '../../src/core/public-budget.ts';
import { publicFormPosts } from '../../src/core/public-budget.schema.ts';
import { seal } from '../../src/core/crypto.ts';
import { signals } from '../../src/modules/signals/signals.schema.ts';
import { releaseHeldSignals, SIGNAL_QUEUE } from '../../src/modules/signals/signals.intake.held.ts';

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

test('signals beyond the hourly budget wait, sealed, out of the list and without mail; the board or the next hour lets them in; a full queue refuses with 429 (issue 17, item 13)', async () => {
  await withApp(async (t) => {
    const council = await makeCouncil(t);
    const { user: secretary } = await makeMember(t, council, 'secretary');
    const { perHour, heldCap } = SIGNAL_QUEUE;
    // The hour's budget is used up but for two signals.
    await t.db.insert(publicFormPosts).values(Array.from({ length: perHour - 2 }, () => ({ councilId: council.id, form: 'signal' as const })));
    const answers = { description: 'De taxi komt te laat.', area: 'transport', since: 'month', peopleCount: '', contactChoice: 'anoniem' };
    const withMail = { ...answers, description: 'De bus rijdt niet meer.', contactChoice: 'gegevens', name: 'Mila de Vries', email: 'mila@voorbeeld.nl', phone: '', consent: 'ja' };
    const send = (form: Record<string, string>, i: number) => anonymousPost(t, `/${council.slug}/signaal/versturen`, form, { ip: `10.17.13.${i}` });
    const places: string[] = [];
    for (const [i, form] of [answers, answers, withMail, answers, answers].entries()) {
      const r = await send(form, i + 1);
      assert.equal(r.statusCode, 303, r.body.slice(0, 300));
      places.push(String(r.headers.location));
    }
    assert.deepEqual(
      places.map((l) => (l.includes('nummer=') ? 'stored' : l.endsWith('?wacht=ja') ? 'held' : l)),
      ['stored', 'stored', 'held', 'held', 'held'],
    );
    const stored = async () => t.db.select().from(signals).where(eq(signals.councilId, council.id));
    assert.equal((await stored()).length, 2, 'held signals are not in the list');
    assert.equal((await t.db.select().from(outbox).where(eq(outbox.toAddress, 'mila@voorbeeld.nl'))).length, 0, 'no mail while it waits');
    const [held] = await t.db
      .select()
      .from(publicFormPosts)
      .where(and(eq(publicFormPosts.councilId, council.id), isNotNull(publicFormPosts.heldSealed)));
    assert.ok(!held!.heldSealed!.includes('taxi') && !held!.heldSealed!.includes('mila'), 'sealed');
    const sent = await t.app.inject({ url: places[2]! });
    assert.match(sent.body, /Het is nu erg druk\. Daarom bekijken wij uw signaal wat later\./);
    const told = await t.db
      .select()
      .from(notices)
      .where(and(eq(notices.councilId, council.id), eq(notices.kind, 'publicPost.held')));
    assert.deepEqual(
      told.map((n) => [n.userId, n.path]),
      [[secretary.id, `/${council.slug}/werkruimte/signalen/wachtend`]],
      'the secretary is told once',
    );

    // The board sees how many wait, and lets one in: it becomes a signal dated when it was sent, and the resident gets the confirmation now.
    const board = await login(t, secretary);
    assert.match((await board.request({ url: `/${council.slug}/werkruimte/signalen` })).body, /Door de drukte wachten 3 signalen\./);
    const page = await board.request({ url: `/${council.slug}/werkruimte/signalen/wachtend` });
    assert.equal(page.statusCode, 200);
    const ids = [...page.body.matchAll(/name="ids" value="([0-9a-f-]{36})"/g)].map((m) => m[1]!);
    assert.equal(ids.length, 3);
    assert.ok(page.body.includes('met contactgegevens') && !page.body.includes('mila@voorbeeld.nl'), 'no contact details on the page');
    assert.equal((await board.request({ url: `/${council.slug}/werkruimte/signalen/wachtend`, form: { actie: 'doorlaten' } })).statusCode, 400, 'nothing chosen');
    const releasedAt = new Date();
    assert.equal((await board.request({ url: `/${council.slug}/werkruimte/signalen/wachtend`, form: { ids: ids[0]!, actie: 'doorlaten' } })).statusCode, 303);
    const now = await stored();
    assert.equal(now.length, 3);
    const taken = now.find((r) => r.description === 'De bus rijdt niet meer.');
    assert.ok(taken && taken.status === 'new' && taken.createdAt < releasedAt, 'a new signal, dated when it was sent');
    assert.equal((await t.db.select().from(outbox).where(eq(outbox.toAddress, 'mila@voorbeeld.nl'))).length, 1, 'the confirmation goes out now');
    // Removing asks first, on a page of its own; only its button removes.
    const ask = await board.request({ url: `/${council.slug}/werkruimte/signalen/wachtend`, form: { ids: ids[1]!, actie: 'verwijderen' } });
    assert.equal(ask.statusCode, 303);
    const confirm = await board.request({ url: String(ask.headers.location) });
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /Weet u het zeker\?/);
    assert.equal((await board.request({ url: `/${council.slug}/werkruimte/signalen/wachtend` })).body.match(/name="ids" value=/g)?.length, 2, 'asking removes nothing');
    assert.equal((await board.request({ url: String(ask.headers.location), form: {} })).statusCode, 303);
    assert.equal((await stored()).length, 3, 'a removed one never becomes a signal');

    // The platform administrator does not see residents' waiting signals.
    const admin = await login(t, await makeUser(t, { isPlatformAdmin: true, email: `beheer-${uniqueId()}@voorbeeld.nl` }));
    assert.equal((await admin.request({ url: `/${council.slug}/werkruimte/signalen/wachtend` })).statusCode, 403);

    // The job lets the last one in only once the hour's budget allows.
    assert.equal(await releaseHeldSignals(t.app.deps), 0, 'the budget of this hour is used');
    await t.db.update(publicFormPosts).set({ at: sql`now() - interval '2 hours'` }).where(eq(publicFormPosts.councilId, council.id));
    assert.equal(await releaseHeldSignals(t.app.deps), 1);
    assert.equal((await stored()).length, 4);

    // A full queue: the form refuses, and stores nothing.
    await t.db.insert(publicFormPosts).values(Array.from({ length: perHour }, () => ({ councilId: council.id, form: 'signal' as const })));
    await t.db.insert(publicFormPosts).values(Array.from({ length: heldCap }, () => ({ councilId: council.id, form: 'signal' as const, heldSealed: seal(t.app.deps.secretKey, 'public-post', '{}') })));
    const full = await send(answers, 99);
    assert.equal(full.statusCode, 429);
    assert.equal(full.headers['retry-after'], '3600');
    assert.match(full.body, /Het is nu te druk/);
    assert.equal((await stored()).length, 4);
    assert.equal(
      (
        await t.db
          .select({ n: sql<number>`count(*)::int` })
          .from(publicFormPosts)
          .where(and(eq(publicFormPosts.councilId, council.id), isNotNull(publicFormPosts.heldSealed)))
      )[0]!.n,
      heldCap,
    );
  });
});
