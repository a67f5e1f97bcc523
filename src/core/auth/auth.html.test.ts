import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateSecret } from 'otplib';
import { checkHtml, formatHtmlErrors } from '../../../test/support/vnu.ts';
import { Browser, createCouncil, createUser, mailsTo, withApp, inviteToCouncil } from './auth.test-helpers.ts';

test('every account page, with and without errors, is valid HTML', () =>
  withApp(async (env) => {
    const pages: { name: string; html: string }[] = [];
    const add = (name: string, html: string) => pages.push({ name, html });
    const anon = new Browser(env);
    add('login', (await anon.get('/inloggen')).body);
    add('login-errors', (await anon.post('/inloggen', { email: 'x', password: '' })).body);
    add('forgot', (await anon.get('/wachtwoord-vergeten')).body);
    add('forgot-errors', (await anon.post('/wachtwoord-vergeten', { email: '' })).body);
    add('forgot-sent', (await anon.get('/wachtwoord-vergeten?verstuurd=1')).body);
    add('reset-invalid', (await anon.get('/wachtwoord-herstellen/onbekend')).body);
    add('reset-done', (await anon.get('/wachtwoord-herstellen/klaar')).body);

    const user = await createUser(env);
    await anon.post('/wachtwoord-vergeten', { email: user.email });
    const resetPath = (await mailsTo(env, user.email))[0].body.match(/\/wachtwoord-herstellen\/[A-Za-z0-9_-]{43}/)![0];
    add('reset', (await anon.get(resetPath)).body);
    add('reset-errors', (await anon.post(resetPath, { newPassword: 'kort', newPasswordRepeat: '' })).body);

    const council = await createCouncil(env);
    await inviteToCouncil(env, council, { email: 'nieuw@voorbeeld.nl', name: 'Nieuw Lid', invitedByName: 'Secretaris' });
    const invitePath = (await mailsTo(env, 'nieuw@voorbeeld.nl'))[0].body.match(/\/uitnodiging\/[A-Za-z0-9_-]{43}/)![0];
    add('invitation', (await anon.get(invitePath)).body);
    add('invitation-errors', (await anon.post(invitePath, { newPassword: '', newPasswordRepeat: '' })).body);

    const b = new Browser(env, '10.0.0.2');
    await b.login(user.email);
    add('account', (await b.get('/account?klaar=wachtwoord')).body);
    add('account-errors', (await b.post('/account/wachtwoord', {}, { from: '/account' })).body);
    add('totp-setup', (await b.get('/account/tweestapsverificatie')).body);
    add('totp-setup-errors', (await b.post('/account/tweestapsverificatie', { actie: 'aanzetten', code: '1' }, { from: '/account' })).body);

    const withTotp = await createUser(env, { totpSecret: generateSecret() });
    const c = new Browser(env, '10.0.0.3');
    await c.login(withTotp.email);
    add('code', (await c.get('/inloggen/code')).body);
    add('code-errors', (await c.post('/inloggen/code', { code: '' })).body);

    const errors = await checkHtml(pages);
    assert.deepEqual(errors, [], formatHtmlErrors(errors));
  }));
