import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { sessions } from './auth.schema.ts';
import { SESSION_COOKIE } from './sessions.ts';
import { withApp, addMember, Browser, createCouncil, createUser, PASSWORD, sessionCookieOf, startApp, titleOf, loggedInUser, auditEntries } from './auth.test-helpers.ts';

test('an anonymous visitor of the login page gets no cookie and a proper form', () =>
  withApp(async (env) => {
    const res = await new Browser(env).get('/inloggen');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['set-cookie'], undefined);
    assert.equal(titleOf(res.body), 'Inloggen - Raadwerk');
    assert.match(res.body, /autocomplete="username"/);
    assert.match(res.body, /autocomplete="current-password"/);
    assert.match(res.body, /name="_csrf"/);
    assert.match(res.body, /href="\/wachtwoord-vergeten"/);
  }));

test('the login page is in English for an English visitor', () =>
  withApp(async (env) => {
    const res = await new Browser(env).get('/inloggen', { cookie: 'rw_taal=en' });
    assert.equal(titleOf(res.body), 'Log in - Raadwerk');
    assert.match(res.body, /E-mail address/);
  }));

test('logging in with the right password sets a safe session cookie and opens the account', () =>
  withApp(async (env) => {
    const user = await createUser(env, { email: 'anna@voorbeeld.nl', name: 'Anna de Vries' });
    const b = new Browser(env);
    // E-mail address typed with capitals and spaces still works.
    const res = await b.login('  Anna@Voorbeeld.NL ');
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/account');
    const raw = String(res.headers['set-cookie']);
    assert.match(raw, new RegExp(`^${SESSION_COOKIE}=`));
    assert.match(raw, /HttpOnly/);
    assert.match(raw, /SameSite=Lax/);
    assert.match(raw, /Path=\//);
    assert.doesNotMatch(raw, /Secure/);
    const account = await b.get('/account');
    assert.equal(account.statusCode, 200);
    assert.match(account.body, /Anna de Vries/);
    assert.match(account.body, /anna@voorbeeld\.nl/);
    const entries = await auditEntries(env, { action: 'user.loggedIn' });
    assert.equal(entries.length, 1);
    assert.equal(entries[0].actorUserId, user.id);
    assert.doesNotMatch(JSON.stringify(entries[0]), /anna@voorbeeld/);
  }));

test('behind a trusted proxy on https the cookie is Secure', async () => {
  await withApp({ TRUST_PROXY: 'true' }, async (env) => {
    const user = await createUser(env);
    const b = new Browser(env);
    const res = await b.post('/inloggen', { email: user.email, password: PASSWORD }, { headers: { 'x-forwarded-proto': 'https' } });
    assert.equal(res.statusCode, 303);
    assert.match(String(res.headers['set-cookie']), /; Secure/);
  });
  // Without TRUST_PROXY the header is not believed.
  await withApp(async (plain) => {
    const user = await createUser(plain);
    const res = await new Browser(plain).post('/inloggen', { email: user.email, password: PASSWORD }, { headers: { 'x-forwarded-proto': 'https' } });
    assert.equal(res.statusCode, 303);
    assert.doesNotMatch(String(res.headers['set-cookie']), /Secure/);
  });
});

test('after login the user lands in a workspace, or on the local page they asked for', () =>
  withApp(async (env) => {
    const user = await createUser(env);
    const council = await createCouncil(env);
    await addMember(env, council.id, user.id, 'member');
    assert.equal((await new Browser(env).login(user.email)).headers.location, `/${council.slug}/werkruimte`);
    const from = '/inloggen?terug=%2Fraad%2Fwerkruimte%2Fleden';
    assert.equal((await new Browser(env).login(user.email, PASSWORD, from)).headers.location, '/raad/werkruimte/leden');
    // Another site is never a return address.
    for (const evil of ['//evil.example', 'https://evil.example', '/\\evil.example']) {
      const res = await new Browser(env).login(user.email, PASSWORD, `/inloggen?terug=${encodeURIComponent(evil)}`);
      assert.equal(res.headers.location, `/${council.slug}/werkruimte`, evil);
    }
  }));

test('a wrong password or unknown address gets one generic message and no session', () =>
  withApp(async (env) => {
    const user = await createUser(env);
    for (const [email, password] of [
      [user.email, 'niet het goede wachtwoord'],
      ['niemand@voorbeeld.nl', PASSWORD],
    ]) {
      const res = await new Browser(env).login(email, password);
      assert.equal(res.statusCode, 400);
      assert.equal(titleOf(res.body), 'Fout: Inloggen - Raadwerk');
      assert.match(res.body, /E-mailadres of wachtwoord klopt niet\./);
      assert.match(res.body, /utrecht-alert--error/);
      assert.equal(sessionCookieOf(res), undefined);
    }
    // The typed address comes back; the password never does.
    const res = await new Browser(env).login(user.email, 'niet het goede wachtwoord');
    assert.match(res.body, new RegExp(`value="${user.email.replace('.', '\\.')}"`));
    assert.doesNotMatch(res.body, /niet het goede wachtwoord/);
    assert.equal((await env.database.db.select().from(sessions)).length, 0);
  }));

test('after five wrong passwords the account is paused, even for the right password, on every instance', () =>
  withApp(async (env) => {
    const user = await createUser(env);
    for (let i = 0; i < 5; i++) assert.equal((await new Browser(env, `10.1.0.${i}`).login(user.email, `fout wachtwoord ${i}`)).statusCode, 400);
    const res = await new Browser(env, '10.2.0.1').login(user.email, PASSWORD);
    assert.equal(res.statusCode, 429);
    assert.match(res.body, /Wacht 15 minuten/);
    assert.equal(sessionCookieOf(res), undefined);
    // A second instance on the same database knows it too.
    const other = await startApp({}, { database: env.database });
    try {
      const again = await new Browser(other, '10.3.0.1').login(user.email, PASSWORD);
      assert.equal(again.statusCode, 429);
      assert.equal(sessionCookieOf(again), undefined);
    } finally {
      await other.close();
    }
    // Another account is not paused.
    const someoneElse = await createUser(env);
    assert.equal((await new Browser(env, '10.2.0.1').login(someoneElse.email)).statusCode, 303);
  }));

test('more than 20 login posts a minute from one address are refused', () =>
  withApp(async (env) => {
    const b = new Browser(env, '10.9.9.9');
    const page = await b.get('/inloggen');
    const csrf = page.body.match(/name="_csrf" value="([^"]+)"/)![1];
    const post = () => env.app.inject({ method: 'POST', url: '/inloggen', remoteAddress: '10.9.9.9', payload: { _csrf: csrf, email: '', password: '' } });
    for (let i = 0; i < 20; i++) assert.equal((await post()).statusCode, 400);
    const res = await post();
    assert.equal(res.statusCode, 429);
    assert.match(res.body, /Even wachten/);
  }));

test('bad input gets a clear message with status 400, never a 500', () =>
  withApp(async (env) => {
    const user = await createUser(env);
    const cases: Record<string, string | string[]>[] = [
      {},
      { email: 'a'.repeat(100_000), password: PASSWORD },
      { email: user.email, password: 'x'.repeat(100_000) },
      { email: [user.email, user.email], password: PASSWORD },
      { email: user.email, password: [PASSWORD, PASSWORD] },
      { email: 'geen-adres', password: PASSWORD },
    ];
    for (const fields of cases) {
      const res = await new Browser(env).post('/inloggen', fields, { from: '/inloggen' });
      assert.equal(res.statusCode, 400, JSON.stringify(fields).slice(0, 80));
      assert.match(res.body, /Er ging iets mis/);
      assert.match(titleOf(res.body), /^Fout: /);
      assert.equal(sessionCookieOf(res), undefined);
    }
    const missing = await new Browser(env).post('/inloggen', {}, { from: '/inloggen' });
    assert.match(missing.body, /href="#veld-email"/);
    assert.match(missing.body, /href="#veld-password"/);
    assert.match(missing.body, /Vul dit veld in\./);
    const long = await new Browser(env).post('/inloggen', { email: user.email, password: 'x'.repeat(100_000) }, { from: '/inloggen' });
    assert.match(long.body, /Dit is te lang/);
  }));

test('a login post without a valid CSRF token is refused with 403', () =>
  withApp(async (env) => {
    const user = await createUser(env);
    const res = await new Browser(env).post('/inloggen', { email: user.email, password: PASSWORD }, { csrf: false });
    assert.equal(res.statusCode, 403);
    assert.equal(sessionCookieOf(res), undefined);
    const forged = await new Browser(env).post('/inloggen', { email: user.email, password: PASSWORD, _csrf: 'a.123.abc' }, { csrf: false });
    assert.equal(forged.statusCode, 403);
  }));

test('logging out ends the session on the server and clears the cookie', () =>
  withApp(async (env) => {
    const { b } = await loggedInUser(env);
    const cookie = b.session!;
    const res = await b.post('/uitloggen', {}, { from: '/account' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/');
    assert.match(String(res.headers['set-cookie']), new RegExp(`${SESSION_COOKIE}=;`));
    assert.equal((await env.database.db.select().from(sessions)).length, 0);
    // The old cookie value opens nothing any more.
    const again = await env.app.inject({ method: 'GET', url: '/account', headers: { cookie: `${SESSION_COOKIE}=${cookie}` } });
    assert.equal(again.statusCode, 303);
    assert.equal(again.headers.location, '/inloggen?terug=%2Faccount');
  }));

test('an inactive account cannot log in', () =>
  withApp(async (env) => {
    const user = await createUser(env);
    const { users } = await import('./auth.schema.ts');
    await env.database.db.update(users).set({ active: false }).where(eq(users.id, user.id));
    const res = await new Browser(env).login(user.email);
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /E-mailadres of wachtwoord klopt niet\./);
  }));
