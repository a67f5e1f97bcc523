import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { oneTimeTokens, sessions, users } from './auth.schema.ts';
import { findOrCreateUserByEmail } from './auth.service.ts';
import { addMember, Browser, createCouncil, createUser, mailsTo, PASSWORD, sessionCookieOf, titleOf, userRow, type Env, withApp, inviteToCouncil, auditEntries } from './auth.test-helpers.ts';

const NEW_PASSWORD = 'mijn nieuwe wachtwoord 2026';

function linkIn(body: string, path: string): string {
  const m = body.match(new RegExp(`https?://[^\\s/]+(${path}/[A-Za-z0-9_-]+)`));
  if (!m) throw new Error(`no ${path} link in mail`);
  return m[1];
}

test('asking for a reset link looks the same for known and unknown addresses; only a known one gets mail', () =>
  withApp(async (env) => {
    const user = await createUser(env, { email: 'piet@voorbeeld.nl' });
    const known = await new Browser(env).post('/wachtwoord-vergeten', { email: 'Piet@Voorbeeld.nl' });
    const unknown = await new Browser(env).post('/wachtwoord-vergeten', { email: 'onbekend@voorbeeld.nl' });
    assert.equal(known.statusCode, 303);
    assert.equal(unknown.statusCode, 303);
    assert.equal(known.headers.location, unknown.headers.location);
    const page = await new Browser(env).get(known.headers.location!);
    assert.equal(titleOf(page.body), 'Kijk in uw e-mail - Raadwerk');
    assert.match(page.body, /De link werkt 1 uur en maar 1 keer/);
    const mails = await mailsTo(env, user.email);
    assert.equal(mails.length, 1);
    assert.equal(mails[0].subject, 'Nieuw wachtwoord kiezen');
    assert.match(mails[0].body, /http:\/\/localhost:0\/wachtwoord-herstellen\/[A-Za-z0-9_-]{43}/);
    assert.equal((await mailsTo(env, 'onbekend@voorbeeld.nl')).length, 0);
    // The token is stored hashed, never as in the link.
    const token = linkIn(mails[0].body, '/wachtwoord-herstellen').split('/').pop()!;
    const rows = await env.database.db.select().from(oneTimeTokens);
    assert.equal(rows.length, 1);
    assert.notEqual(rows[0].tokenHash, token);
    // A bad address is a form error.
    const bad = await new Browser(env).post('/wachtwoord-vergeten', { email: ['a', 'b'] }, { from: '/wachtwoord-vergeten' });
    assert.equal(bad.statusCode, 400);
    assert.match(titleOf(bad.body), /^Fout: /);
  }));

test('a reset link sets a new password once, ends every session and then stops working', () =>
  withApp(async (env) => {
    const user = await createUser(env);
    const elsewhere = new Browser(env, '10.0.0.5');
    await elsewhere.login(user.email);
    assert.equal((await elsewhere.get('/account')).statusCode, 200);

    await new Browser(env).post('/wachtwoord-vergeten', { email: user.email });
    const path = linkIn((await mailsTo(env, user.email))[0].body, '/wachtwoord-herstellen');
    const b = new Browser(env);
    const form = await b.get(path);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /autocomplete="new-password"/);

    // Mistakes change nothing.
    const mismatch = await b.post(path, { newPassword: NEW_PASSWORD, newPasswordRepeat: `${NEW_PASSWORD}!` });
    assert.equal(mismatch.statusCode, 400);
    assert.match(mismatch.body, /De wachtwoorden zijn niet hetzelfde/);
    const short = await b.post(path, { newPassword: 'kort', newPasswordRepeat: 'kort' });
    assert.equal(short.statusCode, 400);
    assert.match(short.body, /Gebruik minstens 12 tekens/);
    const huge = await b.post(path, { newPassword: 'x'.repeat(100_000), newPasswordRepeat: 'x'.repeat(100_000) });
    assert.equal(huge.statusCode, 400);
    assert.match(huge.body, /Dit is te lang/);
    assert.equal((await userRow(env, user.id)).passwordHash, user.passwordHash);

    const ok = await b.post(path, { newPassword: NEW_PASSWORD, newPasswordRepeat: NEW_PASSWORD });
    assert.equal(ok.statusCode, 303);
    const done = await b.get(ok.headers.location!);
    assert.match(done.body, /Uw wachtwoord is gewijzigd/);
    assert.match(done.body, /href="\/inloggen"/);

    // Logged out everywhere; old password gone, new one works.
    assert.equal((await elsewhere.get('/account')).statusCode, 303);
    assert.equal((await env.database.db.select().from(sessions).where(eq(sessions.userId, user.id))).length, 0);
    assert.equal((await new Browser(env, '10.0.1.1').login(user.email, PASSWORD)).statusCode, 400);
    assert.equal((await new Browser(env, '10.0.1.2').login(user.email, NEW_PASSWORD)).statusCode, 303);

    // Single use.
    const again = await new Browser(env).get(path);
    assert.equal(again.statusCode, 404);
    assert.match(again.body, /Deze link werkt niet meer/);
    const reuse = await new Browser(env).post(path, { newPassword: 'nog een ander wachtwoord', newPasswordRepeat: 'nog een ander wachtwoord' }, { from: '/wachtwoord-vergeten' });
    assert.equal(reuse.statusCode, 404);
    assert.equal((await new Browser(env, '10.0.1.3').login(user.email, NEW_PASSWORD)).statusCode, 303);

    const audits = await auditEntries(env, { action: 'user.passwordReset', actorUserId: user.id });
    assert.equal(audits.length, 1);
    // The user hears that the password changed.
    assert.ok((await mailsTo(env, user.email)).some((m) => m.subject === 'Uw wachtwoord is gewijzigd'));
  }));

test('an expired, unknown or malformed reset link gets a friendly page, not an error', () =>
  withApp(async (env) => {
    const user = await createUser(env);
    await new Browser(env).post('/wachtwoord-vergeten', { email: user.email });
    const path = linkIn((await mailsTo(env, user.email))[0].body, '/wachtwoord-herstellen');
    await env.database.db.update(oneTimeTokens).set({ expiresAt: new Date(Date.now() - 1000) });
    const urls = [
      path,
      `/wachtwoord-herstellen/${'A'.repeat(43)}`,
      '/wachtwoord-herstellen/abc',
      '/wachtwoord-herstellen/%00%27%3Cscript%3E',
      `/wachtwoord-herstellen/${'A'.repeat(42)}%C3%A9`,
      `/wachtwoord-herstellen/${'x'.repeat(150)}`,
    ];
    for (const url of urls) {
      const res = await new Browser(env).get(url);
      assert.equal(res.statusCode, 404, url);
      assert.match(res.body, /Deze link werkt niet meer/, url);
    }
    const post = await new Browser(env).post(path, { newPassword: NEW_PASSWORD, newPasswordRepeat: NEW_PASSWORD }, { from: '/wachtwoord-vergeten' });
    assert.equal(post.statusCode, 404);
    assert.equal((await userRow(env, user.id)).passwordHash, user.passwordHash);
  }));

async function invite(env: Env, opts: { email: string; require2fa?: boolean; role?: 'member' | 'chair'; locale?: 'nl' | 'en' }) {
  const council = await createCouncil(env, { require2faForBoard: opts.require2fa, name: 'Adviesraad Zorg Voorbeeldstad' });
  const user = await inviteToCouncil(env, council, { email: opts.email, name: 'Karin Jansen', invitedByName: 'Henk Bakker', locale: opts.locale });
  await addMember(env, council.id, user.id, opts.role ?? 'member');
  const [mail] = await mailsTo(env, user.email);
  return { council, user, mail, path: linkIn(mail.body, '/uitnodiging') };
}

test('an invited member chooses a password and lands in the workspace', () =>
  withApp(async (env) => {
    const { council, user, mail, path } = await invite(env, { email: 'Karin@Voorbeeld.nl' });
    assert.equal(user.email, 'karin@voorbeeld.nl');
    assert.equal(user.passwordHash, null);
    assert.equal(mail.subject, 'Uitnodiging voor de werkruimte van Adviesraad Zorg Voorbeeldstad');
    assert.match(mail.body, /Henk Bakker nodigt u uit/);
    assert.match(mail.body, /7 dagen/);
    assert.equal(mail.councilId, council.id);
    // The same address gives the same user.
    const same = await findOrCreateUserByEmail(env.database.db, { email: ' KARIN@voorbeeld.nl', name: 'Iemand anders' });
    assert.equal(same.id, user.id);

    const b = new Browser(env);
    const page = await b.get(path);
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['set-cookie'], undefined);
    assert.match(page.body, /Welkom bij Adviesraad Zorg Voorbeeldstad/);
    const short = await b.post(path, { newPassword: 'te kort', newPasswordRepeat: 'te kort' });
    assert.equal(short.statusCode, 400);
    assert.match(short.body, /Gebruik minstens 12 tekens/);
    assert.equal((await userRow(env, user.id)).passwordHash, null);

    const res = await b.post(path, { newPassword: NEW_PASSWORD, newPasswordRepeat: NEW_PASSWORD });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/${council.slug}/werkruimte`);
    assert.ok(sessionCookieOf(res));
    assert.equal((await b.get('/account')).statusCode, 200);
    assert.equal((await new Browser(env, '10.0.2.1').login(user.email, NEW_PASSWORD)).statusCode, 303);

    const again = await new Browser(env).get(path);
    assert.equal(again.statusCode, 404);
    assert.match(again.body, /De uitnodiging is verlopen, al gebruikt of niet compleet/);
    const audits = await auditEntries(env, { action: 'user.invitationAccepted' });
    assert.equal(audits.length, 1);
    assert.equal(audits[0].councilId, council.id);
    assert.equal(audits[0].data, null);
  }));

test('an invitation mail is in English for an English user, and expires after 7 days', () =>
  withApp(async (env) => {
    const { mail, path } = await invite(env, { email: 'john@example.org', locale: 'en' });
    assert.equal(mail.subject, 'Invitation to the workspace of Adviesraad Zorg Voorbeeldstad');
    assert.match(mail.body, /Henk Bakker invites you/);
    const [token] = await env.database.db.select().from(oneTimeTokens).where(eq(oneTimeTokens.kind, 'invitation'));
    const days = (token.expiresAt.getTime() - Date.now()) / 86_400_000;
    assert.ok(days > 6.9 && days <= 7, `valid ${days} days`);
    await env.database.db.update(oneTimeTokens).set({ expiresAt: new Date(Date.now() - 1) });
    assert.equal((await new Browser(env).get(path)).statusCode, 404);
    assert.equal((await new Browser(env).get('/uitnodiging/niet-geldig')).statusCode, 404);
  }));

test('an invited chair of a council that asks for two-step verification goes to set it up first', () =>
  withApp(async (env) => {
    const { council, path } = await invite(env, { email: 'voorzitter@voorbeeld.nl', require2fa: true, role: 'chair' });
    const b = new Browser(env);
    const res = await b.post(path, { newPassword: NEW_PASSWORD, newPasswordRepeat: NEW_PASSWORD });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/account/tweestapsverificatie?terug=${encodeURIComponent(`/${council.slug}/werkruimte`)}`);
    assert.equal((await b.get('/account')).headers.location, '/inloggen/code');
  }));

test('someone who already has a password is asked to log in instead', () =>
  withApp(async (env) => {
    await createUser(env, { email: 'bestaand@voorbeeld.nl' });
    const { council, path } = await invite(env, { email: 'bestaand@voorbeeld.nl' });
    const page = await new Browser(env).get(path);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /U hebt al een account/);
    assert.ok(page.body.includes(`/inloggen?terug=${encodeURIComponent(`/${council.slug}/werkruimte`)}`));
    const before = (await env.database.db.select().from(users).where(eq(users.email, 'bestaand@voorbeeld.nl')))[0];
    const post = await new Browser(env).post(path, { newPassword: NEW_PASSWORD, newPasswordRepeat: NEW_PASSWORD }, { from: '/wachtwoord-vergeten' });
    assert.equal(post.statusCode, 200);
    assert.equal(sessionCookieOf(post), undefined);
    assert.equal((await userRow(env, before.id)).passwordHash, before.passwordHash);
  }));
