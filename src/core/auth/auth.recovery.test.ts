import { test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq, isNull, notInArray } from 'drizzle-orm';
import { checkHtml, formatHtmlErrors } from '../../../test/support/vnu.ts';
import { recoveryCodes } from './auth.schema.ts';
import { newRecoveryCode, normaliseRecoveryCode } from './recovery.ts';
import { withApp, Browser, hiddenValue, mailsTo, PASSWORD, titleOf, totpCode, userRow, type Env, type Res, loggedInUser, auditEntries } from './auth.test-helpers.ts';

const CODE_RE = /<code>([2-9a-z]{5}-[2-9a-z]{5})<\/code>/g;
const codesOn = (html: string) => [...html.matchAll(CODE_RE)].map((m) => m[1]);

/** A user who turned on two-step verification through the pages; returns the answer with the codes. */
async function enrolled(env: Env, ip = '10.1.0.1') {
  const { user, b } = await loggedInUser(env, {}, ip);
  const page = await b.get('/account/tweestapsverificatie');
  const secret = hiddenValue(page.body, 'secret');
  const res = await b.post(
    '/account/tweestapsverificatie',
    { actie: 'aanzetten', secret, signature: hiddenValue(page.body, 'signature'), code: totpCode(secret) },
    { from: '/account/tweestapsverificatie' },
  );
  return { user, b, secret, res, codes: codesOn(res.body) };
}

/** A new browser that has typed the password and now stands at the code step. */
async function atCodeStep(env: Env, email: string, ip: string) {
  const b = new Browser(env, ip);
  const login = await b.login(email);
  assert.equal(login.headers.location, '/inloggen/code');
  return b;
}

const rowsOf = (env: Env, userId: string) => env.database.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, userId));

function assertErrorPage(res: Res, message: RegExp, what: string) {
  assert.equal(res.statusCode, 400, what);
  assert.match(titleOf(res.body), /^Fout: /, what);
  assert.match(res.body, /class="[^"]*rw-error-summary[^"]*"/, what);
  assert.match(res.body, message, what);
}

test('codes are readable, without look-alikes, and typed in any form they are recognised', () => {
  for (let i = 0; i < 200; i++) {
    const code = newRecoveryCode();
    assert.match(code, /^[2-9a-hjkmnp-z]{5}-[2-9a-hjkmnp-z]{5}$/);
    assert.equal(normaliseRecoveryCode(code), code.replace('-', ''));
    assert.equal(normaliseRecoveryCode(` ${code.toUpperCase().replace('-', ' ')} `), code.replace('-', ''));
  }
  assert.equal(normaliseRecoveryCode('123456'), null);
  assert.equal(normaliseRecoveryCode('abcde-fghio'), null, 'i and o are not in the alphabet');
  assert.equal(normaliseRecoveryCode('abcde-fghjkm'), null, 'one too many');
});

test('turning on two-step verification shows 10 recovery codes once, stored only as keyed hashes', () =>
  withApp(async (env) => {
    const { user, b, res, codes } = await enrolled(env);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.equal(titleOf(res.body), 'Uw herstelcodes - Raadwerk');
    assert.equal(codes.length, 10);
    assert.equal(new Set(codes).size, 10);
    assert.match(res.body, /Druk deze pagina af, of schrijf de codes op papier\./);
    assert.match(res.body, /Niet bij uw telefoon/);
    assert.match(res.body, /Elke code werkt maar 1 keer/);
    assert.match(res.body, /href="\/account\/tweestapsverificatie"[^>]*>Verder</);

    // Not in plain text, in no form, in any column.
    const rows = await rowsOf(env, user.id);
    assert.equal(rows.length, 10);
    const stored = JSON.stringify(rows).toLowerCase();
    for (const code of codes) {
      assert.ok(!stored.includes(code) && !stored.includes(code.replace('-', '')), `code ${code} is not stored`);
    }
    assert.ok(rows.every((r) => r.usedAt === null && /^[A-Za-z0-9_-]{43}$/.test(r.codeHash)));

    // Shown once: the page itself afterwards gives only the count.
    const later = await b.get('/account/tweestapsverificatie');
    assert.equal(codesOn(later.body).length, 0);
    assert.match(later.body, /U hebt nog 10 herstelcodes die u kunt gebruiken\./);
    assert.doesNotMatch(later.body, /Bijna geen herstelcodes/);
    // Sending the form again (browser back, reload) does not make or show new codes.
    assert.equal((await rowsOf(env, user.id)).length, 10);

    const errors = await checkHtml([
      { name: 'recovery codes', html: res.body },
      { name: 'two-step page with count', html: later.body },
      {
        name: 'regenerate with errors',
        html: (await b.post('/account/tweestapsverificatie/herstelcodes', {}, { from: '/account/tweestapsverificatie' })).body,
      },
    ]);
    assert.deepEqual(errors, [], formatHtmlErrors(errors));
  }));

test('a recovery code logs in once, in any case and with or without the dash; the user gets a mail', () =>
  withApp(async (env) => {
    const { user, codes } = await enrolled(env);
    const [first, second] = codes;

    const b = await atCodeStep(env, user.email, '10.1.0.2');
    assert.match((await b.get('/inloggen/code')).body, /Vul dan een van uw herstelcodes in/);
    const ok = await b.post('/inloggen/code', { code: first.toUpperCase().replace('-', '') });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, '/account');
    assert.equal((await b.get('/account')).statusCode, 200);

    const logins = await auditEntries(env, { actorUserId: user.id, action: 'user.loggedIn' });
    assert.equal(logins.filter((l) => (l.data as Record<string, unknown> | null)?.recoveryCode === true).length, 1);
    const mail = (await mailsTo(env, user.email)).find((m) => m.subject === 'U bent ingelogd met een herstelcode');
    assert.ok(mail, 'a mail about the recovery code is queued');
    assert.match(mail.body, /U hebt nog 9 herstelcodes over\./);
    assert.match(mail.body, /\/account\/tweestapsverificatie/);
    assert.ok(!mail.body.includes(first), 'the mail does not repeat the code');

    // The same code a second time: refused, and counted as a wrong code.
    const again = await atCodeStep(env, user.email, '10.1.0.3');
    const replay = await again.post('/inloggen/code', { code: first });
    assertErrorPage(replay, /Deze herstelcode klopt niet of is al gebruikt\./, 'used code');
    assert.equal((await again.get('/account')).headers.location, '/inloggen/code');
    // Another code, with spaces, still works.
    const other = await again.post('/inloggen/code', { code: ` ${second.replace('-', ' ')} ` });
    assert.equal(other.statusCode, 303);

    const page = await again.get('/account/tweestapsverificatie');
    assert.match(page.body, /U hebt nog 8 herstelcodes die u kunt gebruiken\./);
  }));

test('codes run out one by one; the mails and the page count down to none', () =>
  withApp(async (env) => {
    const { user, codes } = await enrolled(env);
    let b: Browser | undefined;
    for (const [i, code] of codes.entries()) {
      b = await atCodeStep(env, user.email, `10.2.0.${i + 1}`);
      assert.equal((await b.post('/inloggen/code', { code })).statusCode, 303, code);
      if (i === 8) assert.match((await b.get('/account/tweestapsverificatie')).body, /U hebt nog maar 1 herstelcode over\./);
    }
    const bodies = (await mailsTo(env, user.email)).filter((m) => m.subject === 'U bent ingelogd met een herstelcode').map((m) => m.body);
    assert.equal(bodies.length, 10);
    assert.equal(bodies.filter((m) => m.includes('U hebt nog 1 herstelcode over.')).length, 1);
    assert.equal(bodies.filter((m) => m.includes('U hebt geen herstelcodes meer over.')).length, 1);
    assert.match((await b!.get('/account/tweestapsverificatie')).body, /U hebt geen herstelcodes die u kunt gebruiken\./);
  }));

test('two requests with the same recovery code at the same moment: exactly one logs in', () =>
  withApp(async (env) => {
    const { user, codes } = await enrolled(env);
    const b1 = await atCodeStep(env, user.email, '10.1.0.4');
    const b2 = await atCodeStep(env, user.email, '10.1.0.5');
    const results = await Promise.all([b1.post('/inloggen/code', { code: codes[3] }), b2.post('/inloggen/code', { code: codes[3] })]);
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [303, 400]);
    const used = (await rowsOf(env, user.id)).filter((r) => r.usedAt !== null);
    assert.equal(used.length, 1);
    const mails = (await mailsTo(env, user.email)).filter((m) => m.subject === 'U bent ingelogd met een herstelcode');
    assert.equal(mails.length, 1);
  }));

test('garbage and oversized input at the code step gives the Dutch error summary, and wrong codes are throttled', () =>
  withApp(async (env) => {
    const { user, secret, codes } = await enrolled(env);
    const b = await atCodeStep(env, user.email, '10.1.0.6');
    const format = /Vul de code van 6 cijfers uit de app in, of een herstelcode van 10 tekens\./;
    for (const code of ['', 'abc', '12345', '1234567', 'abcde-fghio', '<script>alert(1)</script>', '💥💥💥💥💥-💥💥💥💥💥']) {
      assertErrorPage(await b.post('/inloggen/code', { code }), code === '' ? /Vul dit veld in\./ : format, JSON.stringify(code));
    }
    // A NUL character is refused by the input layer for every form (issue 17): 400, its own message.
    const nul = await b.post('/inloggen/code', { code: '\u0000\u0000' });
    assert.equal(nul.statusCode, 400);
    assert.match(nul.body, /nul-teken/);
    assertErrorPage(await b.post('/inloggen/code', { code: 'a'.repeat(100_000) }), /Dit is te lang\. Gebruik hooguit 40 tekens\./, 'oversized');
    assertErrorPage(await b.post('/inloggen/code', { code: [codes[0], codes[1]] }), /Vul dit veld in\./, 'two values');
    // None of that was a try at a code; the codes are all still unused.
    assert.equal((await rowsOf(env, user.id)).filter((r) => r.usedAt === null).length, 10);

    // Well-formed but wrong recovery codes count towards the per-account pause.
    const wrong = ['22222-22222', '33333-33333', '44444-44444', '55555-55555', '66666-66666'];
    for (const code of wrong) assertErrorPage(await b.post('/inloggen/code', { code }), /Deze herstelcode klopt niet/, code);
    const paused = await b.post('/inloggen/code', { code: codes[0] });
    assert.equal(paused.statusCode, 429);
    assert.match(paused.body, /te vaak een verkeerde code/);
    // The pause holds for the app's codes too, and the right recovery code was not used up.
    assert.equal((await b.post('/inloggen/code', { code: totpCode(secret, 1) })).statusCode, 429);
    assert.equal((await rowsOf(env, user.id)).filter((r) => r.usedAt === null).length, 10);
  }));

test('new recovery codes need the password and replace all old ones; a warning when few are left', () =>
  withApp(async (env) => {
    const { user, b, codes } = await enrolled(env);
    const from = { from: '/account/tweestapsverificatie' };
    // 7 of the 10 used (as if over time): the page warns.
    const keep = (await rowsOf(env, user.id)).slice(0, 3).map((r) => r.id);
    await env.database.db
      .update(recoveryCodes)
      .set({ usedAt: new Date() })
      .where(and(eq(recoveryCodes.userId, user.id), notInArray(recoveryCodes.id, keep)));
    const low = await b.get('/account/tweestapsverificatie');
    assert.match(low.body, /Bijna geen herstelcodes meer/);
    assert.match(low.body, /U hebt nog maar 3 herstelcodes over\./);
    assert.match(low.body, /Nieuwe herstelcodes maken/);

    const before = JSON.stringify(await rowsOf(env, user.id));
    assertErrorPage(await b.post('/account/tweestapsverificatie/herstelcodes', {}, from), /Vul dit veld in\./, 'no password');
    assertErrorPage(await b.post('/account/tweestapsverificatie/herstelcodes', { currentPassword: 'niet mijn wachtwoord' }, from), /Uw huidige wachtwoord klopt niet/, 'wrong');
    assertErrorPage(await b.post('/account/tweestapsverificatie/herstelcodes', { currentPassword: 'x'.repeat(100_000) }, from), /Dit is te lang\./, 'oversized');
    assert.equal(JSON.stringify(await rowsOf(env, user.id)), before, 'refused: nothing changed');

    const res = await b.post('/account/tweestapsverificatie/herstelcodes', { currentPassword: PASSWORD }, from);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.match(res.body, /De oude herstelcodes werken niet meer/);
    const fresh = codesOn(res.body);
    assert.equal(fresh.length, 10);
    const after = await rowsOf(env, user.id);
    assert.equal(after.length, 10);
    assert.ok(after.every((r) => r.usedAt === null));
    assert.match((await b.get('/account/tweestapsverificatie')).body, /U hebt nog 10 herstelcodes/);
    const replaced = await auditEntries(env, { actorUserId: user.id, action: 'user.recoveryCodesReplaced' });
    assert.equal(replaced.length, 1);

    // An old code that was never used no longer works; a new one does.
    const c = await atCodeStep(env, user.email, '10.1.0.7');
    assertErrorPage(await c.post('/inloggen/code', { code: codes[0] }), /Deze herstelcode klopt niet/, 'old code');
    assert.equal((await c.post('/inloggen/code', { code: fresh[0] })).statusCode, 303);
  }));

test('a pending session and a user without two-step verification cannot make recovery codes', () =>
  withApp(async (env) => {
    const { user: plain, b } = await loggedInUser(env, {}, '10.1.0.8');
    const res = await b.post('/account/tweestapsverificatie/herstelcodes', { currentPassword: PASSWORD }, { from: '/account' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/account/tweestapsverificatie');
    assert.equal((await rowsOf(env, plain.id)).length, 0);

    const { user } = await enrolled(env);
    const pending = await atCodeStep(env, user.email, '10.1.0.9');
    const before = JSON.stringify(await rowsOf(env, user.id));
    const refused = await pending.post('/account/tweestapsverificatie/herstelcodes', { currentPassword: PASSWORD }, { from: '/inloggen/code' });
    assert.equal(refused.statusCode, 303);
    assert.equal(refused.headers.location, '/inloggen/code');
    assert.equal(JSON.stringify(await rowsOf(env, user.id)), before);
  }));

test('turning two-step verification off deletes the recovery codes', () =>
  withApp(async (env) => {
    const { user, b } = await enrolled(env);
    assert.equal((await rowsOf(env, user.id)).length, 10);
    const off = await b.post('/account/tweestapsverificatie', { actie: 'uitzetten', password: PASSWORD }, { from: '/account/tweestapsverificatie' });
    assert.equal(off.statusCode, 303);
    assert.equal((await userRow(env, user.id)).totpEnabled, false);
    assert.equal((await rowsOf(env, user.id)).length, 0);
    const left = await env.database.db
      .select()
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, user.id), isNull(recoveryCodes.usedAt)));
    assert.equal(left.length, 0);
  }));
