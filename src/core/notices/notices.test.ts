import { test } from 'node:test';
import assert from 'node:assert/strict';
import { localToUtc } from '../dates/amsterdam.ts';
import { login, mailsTo, makeCouncil, makeUser, titleOf, withApp, type TestApp } from '../../../test/support/factories.ts';
import { queueNotices, sendNotices } from './notices.ts';
import type { Council } from '../organisations.schema.ts';

const notice = (council: Council, userId: string, title: string) => ({
  userId,
  councilId: council.id,
  kind: 'advice.assigned',
  text: 'notice.digest.intro' as const,
  params: { title },
  path: `/${council.slug}/werkruimte/adviezen`,
});

async function twoNotices(t: TestApp, mode: 'each' | 'digest', locale: 'nl' | 'en' = 'nl') {
  const council = await makeCouncil(t);
  const user = await makeUser(t, { noticeMode: mode, locale, name: 'Ans Voorbeeld' });
  await queueNotices(t.db, [notice(council, user.id, 'een'), notice(council, user.id, 'twee')]);
  return { council, user };
}

test('each notice goes out at once as its own mail, in the receiver’s language, and only once', () =>
  withApp(async (t) => {
    const { user } = await twoNotices(t, 'each', 'en');
    const other = await makeUser(t);
    assert.equal(await sendNotices(t.app.deps), 2);
    const mails = await mailsTo(t, user.email);
    assert.equal(mails.length, 2);
    for (const m of mails) {
      assert.match(m.subject, /^This is new for you since yesterday:/);
      assert.match(m.body, /^Dear Ans Voorbeeld,/);
      assert.match(m.body, /http:\/\/[^\s]+\/werkruimte\/adviezen/);
    }
    assert.equal((await mailsTo(t, other.email)).length, 0);
    assert.equal(await sendNotices(t.app.deps), 0, 'sent notices are not sent again');
  }));

test('the daily overview waits until 07:00 Amsterdam time, holds every notice, and goes once a day', () =>
  withApp(async (t) => {
    const { user } = await twoNotices(t, 'digest');
    const early = localToUtc('2026-12-07', '06:30');
    const morning = localToUtc('2026-12-07', '07:05');
    assert.equal(await sendNotices(t.app.deps, early), 0);
    assert.equal((await mailsTo(t, user.email)).length, 0);
    assert.equal(await sendNotices(t.app.deps, morning), 2);
    const [mail] = await mailsTo(t, user.email);
    assert.equal(mail.subject, 'Uw overzicht: 2 nieuwe dingen voor u');
    assert.match(mail.body, /^Beste Ans Voorbeeld,/);
    assert.equal((mail.body.match(/werkruimte\/adviezen/g) ?? []).length, 2);
    // A new notice later that day waits for tomorrow's overview.
    const council = await makeCouncil(t);
    await queueNotices(t.db, [notice(council, user.id, 'drie')]);
    assert.equal(await sendNotices(t.app.deps, localToUtc('2026-12-07', '15:00')), 0);
    assert.equal(await sendNotices(t.app.deps, localToUtc('2026-12-08', '07:00')), 1);
    assert.equal((await mailsTo(t, user.email)).length, 2);
  }));

test('the account page lets someone choose one mail per notice or a daily overview', () =>
  withApp(async (t) => {
    const user = await makeUser(t);
    const as = await login(t, user);
    const page = await as.request({ url: '/account' });
    assert.match(page.body, /Berichten over nieuw werk/);
    const bad = await as.request({ url: '/account/berichten', form: { noticeMode: 'weekly' } });
    assert.equal(bad.statusCode, 400);
    assert.match(titleOf(bad.body), /^Fout:/);
    const ok = await as.request({ url: '/account/berichten', form: { noticeMode: 'digest' } });
    assert.equal(ok.statusCode, 303);
    const after = await as.request({ url: '/account?klaar=berichten' });
    assert.match(after.body, /Uw keuze voor berichten is opgeslagen/);
    assert.match(after.body, /value="digest"[^>]*checked|checked[^>]*value="digest"/);
  }));
