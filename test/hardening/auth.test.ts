/**
 * Issue 17, items 3 and 4: parallel password guesses cannot pass the throttle, and a new
 * password ends every reset and invitation link sent before it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, isNull } from 'drizzle-orm';
import { Browser, login, mailsTo, makeCouncil, makeUser, post, TEST_PASSWORD, uniqueId, withApp, anonymousToken } from '../support/factories.ts';
import { oneTimeTokens } from '../../src/core/auth/auth.schema.ts';
import { issueInvitation } from '../../src/core/auth/auth.service.ts';

const linkIn = (body: string, path: string) => new RegExp(`https?://[^\\s/]+(${path}/[A-Za-z0-9_-]{43})`).exec(body)?.[1];

test('40 wrong passwords sent at once for one account: at most 5 are evaluated, the rest wait (issue 17, item 3)', async () => {
  await withApp(async (t) => {
    const user = await makeUser(t, { email: `doelwit-${uniqueId()}@voorbeeld.nl` });
    const csrf = anonymousToken(t, 10_000);
    // From 40 addresses, so only the account's own count can hold them back.
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => post(t, '/inloggen', { email: user.email, password: `fout-${i}` }, undefined, { csrf, ip: `10.17.3.${i + 1}` })));
    const statuses = answers.map((r) => r.statusCode);
    const evaluated = statuses.filter((s) => s === 400).length;
    const throttled = statuses.filter((s) => s === 429).length;
    assert.equal(evaluated + throttled, 40, `only failures and refusals: ${statuses.join(',')}`);
    assert.ok(evaluated <= 5, `${evaluated} evaluated`);
    assert.equal(evaluated, 5, 'the allowed five were evaluated');
    // The right password is refused too until the window has passed.
    const right = await post(t, '/inloggen', { email: user.email, password: TEST_PASSWORD }, undefined, { csrf, ip: '10.17.4.1' });
    assert.equal(right.statusCode, 429);
  });
});

test('a successful login does not use up the allowance; failures before it are cleared (issue 17, item 3)', async () => {
  await withApp(async (t) => {
    const user = await makeUser(t, { email: `gewoon-${uniqueId()}@voorbeeld.nl` });
    const csrf = anonymousToken(t, 10_000);
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 4; i++) assert.equal((await post(t, '/inloggen', { email: user.email, password: 'fout' }, undefined, { csrf, ip: '10.17.5.1' })).statusCode, 400);
      assert.equal((await post(t, '/inloggen', { email: user.email, password: TEST_PASSWORD }, undefined, { csrf, ip: '10.17.5.1' })).statusCode, 303, `round ${round}`);
    }
  });
});

test('a reset link asked for before a password change no longer sets a password (issue 17, item 4)', async () => {
  await withApp(async (t) => {
    const user = await makeUser(t, { email: `reset-${uniqueId()}@voorbeeld.nl` });
    await new Browser(t, '10.17.6.1').post('/wachtwoord-vergeten', { email: user.email });
    const link = linkIn((await mailsTo(t, user.email))[0]!.body, '/wachtwoord-herstellen');
    assert.ok(link);
    // The user changes the password on the account page.
    const me = await login(t, user);
    const changed = await me.request({
      url: '/account/wachtwoord',
      form: { currentPassword: TEST_PASSWORD, newPassword: 'een heel nieuw wachtwoord 1', newPasswordRepeat: 'een heel nieuw wachtwoord 1' },
    });
    assert.equal(changed.statusCode, 303);
    // The old link: refused on the page and on the post; the password stays the new one.
    const attacker = new Browser(t, '10.17.6.2');
    const page = await attacker.get(link);
    assert.notEqual(page.statusCode, 200);
    const set = await t.app.inject({
      method: 'POST',
      url: link,
      remoteAddress: '10.17.6.2',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(anonymousToken(t, 10_000))}&newPassword=overgenomen-wachtwoord-9&newPasswordRepeat=overgenomen-wachtwoord-9`,
    });
    assert.notEqual(set.statusCode, 303);
    assert.equal((await new Browser(t, '10.17.6.3').login(user.email, 'overgenomen-wachtwoord-9')).statusCode, 400);
    assert.equal((await new Browser(t, '10.17.6.4').login(user.email, 'een heel nieuw wachtwoord 1')).statusCode, 303);
  });
});

test('a reset ends the other reset links and the open invitations of the account (issue 17, item 4)', async () => {
  await withApp(async (t) => {
    const council = await makeCouncil(t);
    const user = await makeUser(t, { email: `twee-${uniqueId()}@voorbeeld.nl` });
    await t.db.transaction((tx) =>
      issueInvitation(t.app.deps, tx, { userId: user.id, email: user.email, name: user.name, councilId: council.id, councilName: council.name, invitedByName: 'Secretaris', locale: 'nl' }),
    );
    await new Browser(t, '10.17.7.1').post('/wachtwoord-vergeten', { email: user.email });
    await new Browser(t, '10.17.7.1').post('/wachtwoord-vergeten', { email: user.email });
    const mails = await mailsTo(t, user.email);
    const resets = mails.map((m) => linkIn(m.body, '/wachtwoord-herstellen')).filter(Boolean) as string[];
    assert.equal(resets.length, 2);
    const b = new Browser(t, '10.17.7.2');
    assert.equal((await b.post(resets[0]!, { newPassword: 'eerste nieuwe wachtwoord', newPasswordRepeat: 'eerste nieuwe wachtwoord' })).statusCode, 303);
    const open = await t.db
      .select()
      .from(oneTimeTokens)
      .where(and(eq(oneTimeTokens.userId, user.id), isNull(oneTimeTokens.usedAt)));
    assert.deepEqual(open, [], 'no reset link or invitation of the account is still open');
    assert.notEqual((await new Browser(t, '10.17.7.3').get(resets[1]!)).statusCode, 200);
  });
});
