import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateSecret } from 'otplib';
import { withApp, addMember, Browser, createCouncil, createUser, hiddenValue, PASSWORD, titleOf, totpCode, userRow, loggedInUser, auditEntries } from './auth.test-helpers.ts';

test('a user turns on two-step verification and from then on logs in with a code', () =>
  withApp(async (env) => {
    const { user, b } = await loggedInUser(env);
    const page = await b.get('/account/tweestapsverificatie');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<img src="data:image\/svg\+xml;base64,[^"]+" alt="QR-code om Raadwerk toe te voegen aan uw code-app"/);
    const secret = hiddenValue(page.body, 'secret');
    // The key is also shown as text, in groups of four, for typing over.
    assert.ok(page.body.includes(`${secret.slice(0, 4)} ${secret.slice(4, 8)}`));
    assert.match(page.body, /autocomplete="one-time-code"/);
    const signature = hiddenValue(page.body, 'signature');

    const post = (code: string, s = secret) => b.post('/account/tweestapsverificatie', { actie: 'aanzetten', secret: s, signature, code }, { from: '/account' });
    const wrong = await post(totpCode(secret, 5));
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /Deze code klopt niet/);
    assert.equal((await userRow(env, user.id)).totpEnabled, false);
    // A secret the server did not hand out is not accepted.
    const other = generateSecret();
    const forged = await post(totpCode(other), other);
    assert.equal(forged.statusCode, 400);
    assert.equal((await userRow(env, user.id)).totpEnabled, false);

    // The answer is the page with the recovery codes (see auth.recovery.test.ts).
    const ok = await post(totpCode(secret));
    assert.equal(ok.statusCode, 200);
    assert.match(ok.body, /Tweestapsverificatie staat nu aan/);
    assert.match(ok.body, /href="\/account\/tweestapsverificatie"[^>]*>Verder</);
    const stored = await userRow(env, user.id);
    assert.equal(stored.totpEnabled, true);
    assert.ok(stored.totpSecret && !stored.totpSecret.includes(secret), 'the secret is not stored in plain text');

    // Logging in again now asks for a code.
    const b2 = new Browser(env, '10.0.0.2');
    const login = await b2.login(user.email);
    assert.equal(login.headers.location, '/inloggen/code');
    // Until the code is in, the account is out of reach.
    const blocked = await b2.get('/account');
    assert.equal(blocked.statusCode, 303);
    assert.equal(blocked.headers.location, '/inloggen/code');
    const codePage = await b2.get('/inloggen/code');
    assert.equal(titleOf(codePage.body), 'Code invullen - Raadwerk');
    assert.match(codePage.body, /autocomplete="one-time-code"/);
    const bad = await b2.post('/inloggen/code', { code: 'abcdef' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Vul de code van 6 cijfers uit de app in, of een herstelcode van 10 tekens\./);
    const wrongCode = await b2.post('/inloggen/code', { code: totpCode(secret, 10) });
    assert.equal(wrongCode.statusCode, 400);
    assert.match(wrongCode.body, /Deze code klopt niet/);
    // Enrolling used the code of this step, so the app's next code works (one step ahead
    // is allowed for clock drift); typed with a space as some apps show it.
    const prev = totpCode(secret, 1);
    const good = await b2.post('/inloggen/code', { code: `${prev.slice(0, 3)} ${prev.slice(3)}` });
    assert.equal(good.statusCode, 303);
    assert.equal(good.headers.location, '/account');
    assert.equal((await b2.get('/account')).statusCode, 200);

    // The same code cannot be used a second time.
    const b3 = new Browser(env, '10.0.0.3');
    await b3.login(user.email);
    const replay = await b3.post('/inloggen/code', { code: prev });
    assert.equal(replay.statusCode, 400);
    const audits = await auditEntries(env, { actorUserId: user.id, action: 'user.totpEnabled' });
    assert.equal(audits.length, 1);
  }));

test('a code from one step ago is still accepted (a phone clock that runs behind)', () =>
  withApp(async (env) => {
    const secret = generateSecret();
    const { user, b } = await loggedInUser(env, { totpSecret: secret });
    const res = await b.post('/inloggen/code', { code: totpCode(secret, -1) });
    assert.equal(res.statusCode, 303);
    assert.equal((await b.get('/account')).statusCode, 200);
    // Two steps behind is too old.
    const b2 = new Browser(env, '10.0.0.4');
    await b2.login(user.email);
    assert.equal((await b2.post('/inloggen/code', { code: totpCode(secret, -3) })).statusCode, 400);
  }));

test('wrong codes are throttled: after five, even the right code does not log in', () =>
  withApp(async (env) => {
    const secret = generateSecret();
    const { user, b } = await loggedInUser(env, { totpSecret: secret });
    for (let i = 0; i < 5; i++) assert.equal((await b.post('/inloggen/code', { code: totpCode(secret, 20 + i) })).statusCode, 400);
    const res = await b.post('/inloggen/code', { code: totpCode(secret) });
    assert.equal(res.statusCode, 429);
    assert.match(res.body, /te vaak een verkeerde code/);
    assert.equal((await b.get('/account')).headers.location, '/inloggen/code');
    // A new password login does not reset the count for codes.
    const b2 = new Browser(env, '10.0.0.7');
    await b2.login(user.email);
    assert.equal((await b2.post('/inloggen/code', { code: totpCode(secret) })).statusCode, 429);
  }));

test('a platform admin must set up two-step verification before going anywhere', () =>
  withApp(async (env) => {
    const admin = await createUser(env, { isPlatformAdmin: true });
    const b = new Browser(env);
    const login = await b.login(admin.email, PASSWORD, '/inloggen?terug=%2Fbeheer');
    assert.equal(login.statusCode, 303);
    assert.equal(login.headers.location, '/account/tweestapsverificatie?terug=%2Fbeheer');
    // Other pages send the pending session back to the second step.
    assert.equal((await b.get('/account')).headers.location, '/inloggen/code');
    assert.equal((await b.get('/inloggen/code?terug=%2Fbeheer')).headers.location, '/account/tweestapsverificatie?terug=%2Fbeheer');
    const page = await b.get('/account/tweestapsverificatie?terug=%2Fbeheer');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Voor uw rol is tweestapsverificatie verplicht/);
    const secret = hiddenValue(page.body, 'secret');
    const res = await b.post(
      '/account/tweestapsverificatie',
      { actie: 'aanzetten', terug: '/beheer', secret, signature: hiddenValue(page.body, 'signature'), code: totpCode(secret) },
      { from: '/account/tweestapsverificatie' },
    );
    // The recovery codes first, then "Verder" goes on to where the admin was going.
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /href="\/beheer"[^>]*>Verder</);
    assert.equal((await b.get('/account')).statusCode, 200);

    // Required, so it cannot be turned off.
    const status = await b.get('/account/tweestapsverificatie');
    assert.match(status.body, /Daarom kunt u het niet uitzetten/);
    assert.doesNotMatch(status.body, /value="uitzetten"/);
    const off = await b.post('/account/tweestapsverificatie', { actie: 'uitzetten', password: PASSWORD }, { from: '/account' });
    assert.equal(off.statusCode, 400);
    assert.equal((await userRow(env, admin.id)).totpEnabled, true);
  }));

test('chair and secretary of a council that asks for it must enrol; a member need not', () =>
  withApp(async (env) => {
    const strict = await createCouncil(env, { require2faForBoard: true });
    const relaxed = await createCouncil(env);
    const chair = await createUser(env);
    const secretary = await createUser(env);
    const member = await createUser(env);
    const relaxedChair = await createUser(env);
    await addMember(env, strict.id, chair.id, 'chair');
    await addMember(env, strict.id, secretary.id, 'secretary');
    await addMember(env, strict.id, member.id, 'member');
    await addMember(env, relaxed.id, relaxedChair.id, 'chair');
    assert.equal((await new Browser(env).login(chair.email)).headers.location, '/account/tweestapsverificatie');
    assert.equal((await new Browser(env).login(secretary.email)).headers.location, '/account/tweestapsverificatie');
    assert.equal((await new Browser(env).login(member.email)).headers.location, `/${strict.slug}/werkruimte`);
    assert.equal((await new Browser(env).login(relaxedChair.email)).headers.location, `/${relaxed.slug}/werkruimte`);
  }));

test('a user who chose two-step verification can turn it off with their password', () =>
  withApp(async (env) => {
    const secret = generateSecret();
    const { user, b } = await loggedInUser(env, { totpSecret: secret });
    await b.post('/inloggen/code', { code: totpCode(secret) });
    const wrong = await b.post('/account/tweestapsverificatie', { actie: 'uitzetten', password: 'niet mijn wachtwoord' }, { from: '/account/tweestapsverificatie' });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /Uw huidige wachtwoord klopt niet/);
    assert.equal((await userRow(env, user.id)).totpEnabled, true);
    const ok = await b.post('/account/tweestapsverificatie', { actie: 'uitzetten', password: PASSWORD }, { from: '/account/tweestapsverificatie' });
    assert.equal(ok.statusCode, 303);
    const row = await userRow(env, user.id);
    assert.equal(row.totpEnabled, false);
    assert.equal(row.totpSecret, null);
    assert.equal((await new Browser(env, '10.0.0.9').login(user.email)).headers.location, '/account');
  }));
