import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withApp, Browser, createUser, mailsTo, PASSWORD, titleOf, userRow, loggedInUser, auditEntries } from './auth.test-helpers.ts';

const NEW_PASSWORD = 'een ander lang wachtwoord';

test('the account page needs a login', () =>
  withApp(async (env) => {
    const res = await new Browser(env).get('/account');
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/inloggen?terug=%2Faccount');
  }));

test('changing the password ends the other sessions but keeps this one', () =>
  withApp(async (env) => {
    const user = await createUser(env);
    const here = new Browser(env, '10.0.0.1');
    const there = new Browser(env, '10.0.0.2');
    await here.login(user.email);
    await there.login(user.email);
    assert.equal((await there.get('/account')).statusCode, 200);

    const page = await here.get('/account');
    assert.match(page.body, /autocomplete="new-password"/);
    const res = await here.post('/account/wachtwoord', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, newPasswordRepeat: NEW_PASSWORD }, { from: '/account' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/account?klaar=wachtwoord');
    const done = await here.get('/account?klaar=wachtwoord');
    assert.equal(done.statusCode, 200);
    assert.match(done.body, /Uw wachtwoord is gewijzigd/);
    assert.equal((await there.get('/account')).statusCode, 303);

    assert.equal((await new Browser(env, '10.0.0.3').login(user.email, PASSWORD)).statusCode, 400);
    assert.equal((await new Browser(env, '10.0.0.4').login(user.email, NEW_PASSWORD)).statusCode, 303);
    const audits = await auditEntries(env, { action: 'user.passwordChanged', actorUserId: user.id });
    assert.equal(audits.length, 1);
    assert.equal(audits[0].data, null);
    const [mail] = await mailsTo(env, user.email);
    assert.equal(mail.subject, 'Uw wachtwoord is gewijzigd');
  }));

test('a wrong current password, a short or unequal new one, or odd input changes nothing', () =>
  withApp(async (env) => {
    const { user, b } = await loggedInUser(env);
    const cases: [Record<string, string | string[]>, RegExp][] = [
      [{ currentPassword: 'niet het goede wachtwoord', newPassword: NEW_PASSWORD, newPasswordRepeat: NEW_PASSWORD }, /Uw huidige wachtwoord klopt niet/],
      [{ currentPassword: PASSWORD, newPassword: 'kort', newPasswordRepeat: 'kort' }, /Gebruik minstens 12 tekens/],
      [{ currentPassword: PASSWORD, newPassword: NEW_PASSWORD, newPasswordRepeat: 'iets heel anders dan dat' }, /De wachtwoorden zijn niet hetzelfde/],
      [{ currentPassword: PASSWORD, newPassword: 'x'.repeat(100_000), newPasswordRepeat: 'x'.repeat(100_000) }, /Dit is te lang/],
      [{ currentPassword: [PASSWORD, PASSWORD], newPassword: [NEW_PASSWORD], newPasswordRepeat: NEW_PASSWORD }, /Vul dit veld in/],
      [{}, /Vul dit veld in/],
    ];
    for (const [fields, message] of cases) {
      const res = await b.post('/account/wachtwoord', fields, { from: '/account' });
      assert.equal(res.statusCode, 400, String(message));
      assert.equal(titleOf(res.body), 'Fout: Mijn account - Raadwerk');
      assert.match(res.body, /rw-error-summary/);
      assert.match(res.body, message);
    }
    assert.equal((await userRow(env, user.id)).passwordHash, user.passwordHash);
    assert.equal((await b.get('/account')).statusCode, 200, 'still logged in');
  }));

test('account forms without the CSRF token are refused and change nothing', () =>
  withApp(async (env) => {
    const { user, b } = await loggedInUser(env);
    const res = await b.post('/account/wachtwoord', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, newPasswordRepeat: NEW_PASSWORD }, { csrf: false });
    assert.equal(res.statusCode, 403);
    assert.match(res.body, /Formulier verlopen/);
    assert.equal((await userRow(env, user.id)).passwordHash, user.passwordHash);
    // A token from an anonymous page does not count for a logged-in user.
    const anon = await new Browser(env).get('/inloggen');
    const token = anon.body.match(/name="_csrf" value="([^"]+)"/)![1];
    const res2 = await b.post('/account/taal', { _csrf: token, locale: 'en' }, { csrf: false });
    assert.equal(res2.statusCode, 403);
    assert.equal((await userRow(env, user.id)).locale, 'nl');
    const logout = await b.post('/uitloggen', {}, { csrf: false });
    assert.equal(logout.statusCode, 403);
    assert.equal((await b.get('/account')).statusCode, 200, 'still logged in');
  }));

test('the preferred language is saved and used', () =>
  withApp(async (env) => {
    const { user, b } = await loggedInUser(env);
    const bad = await b.post('/account/taal', { locale: 'de' }, { from: '/account' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Kies een van de mogelijkheden/);
    const res = await b.post('/account/taal', { locale: 'en' }, { from: '/account' });
    assert.equal(res.statusCode, 303);
    assert.equal((await userRow(env, user.id)).locale, 'en');
    const page = await b.get('/account?klaar=taal');
    assert.equal(titleOf(page.body), 'My account - Raadwerk');
    assert.match(page.body, /Your language has been saved/);
    // A new browser without the language cookie follows the account.
    const fresh = new Browser(env, '10.0.0.8');
    await fresh.login(user.email);
    assert.equal(titleOf((await fresh.get('/account')).body), 'My account - Raadwerk');
  }));
