import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { useTestApp, login, makeUser, mailsTo, post, auditEntries } from '../../../test/support/factories.ts';
import { users, recoveryCodes } from '../../core/auth/auth.schema.ts';
import { replaceRecoveryCodes } from '../../core/auth/recovery.ts';
import { sealTotpSecret } from '../../core/auth/totp.ts';
import { auditLog } from '../../core/audit/audit.schema.ts';

const t = useTestApp();

const PATH = '/beheer/tweestapsverificatie';

test('the platform admin turns off a lost second factor: secret and recovery codes gone, logged out everywhere, audited, mail to the user', async () => {
  const admin = await login(t, await makeUser(t, { isPlatformAdmin: true, totpEnabled: true }));
  const user = await makeUser(t, { totpEnabled: true, totpSecret: sealTotpSecret(t.config.secretKey!, 'JBSWY3DPEHPK3PXP') });
  await replaceRecoveryCodes(t.db, t.config.secretKey!, user.id);
  const session = await login(t, user);
  assert.equal((await session.request({ url: '/account' })).statusCode, 200);

  const page = await admin.request({ url: PATH });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Tweestapsverificatie uitzetten/);
  const res = await post(t, PATH, { email: user.email.toUpperCase(), reason: 'Telefoon kwijt, teruggebeld op het bekende nummer.' }, admin);
  assert.equal(res.statusCode, 303);
  const done = await admin.request({ url: String(res.headers.location) });
  assert.match(done.body, /staat uit/);

  const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
  assert.equal(row!.totpEnabled, false);
  assert.equal(row!.totpSecret, null);
  assert.deepEqual(await t.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id)), []);
  assert.equal((await session.request({ url: '/account' })).statusCode, 303, 'the old session has ended');
  const [entry] = await auditEntries(t, { entityId: user.id });
  assert.equal(entry!.action, 'user.secondFactorReset');
  assert.equal(entry!.actorUserId, admin.user.id);
  assert.deepEqual(entry!.data, { reason: 'Telefoon kwijt, teruggebeld op het bekende nummer.' });
  const [mail] = await mailsTo(t, user.email);
  assert.equal(mail!.subject, 'Uw tweestapsverificatie is uitgezet');
  assert.match(mail!.body, /Heeft u hier niet om gevraagd\?/);
});

test('bad input gets a clear message and changes nothing', async () => {
  const adminUser = await makeUser(t, { isPlatformAdmin: true, totpEnabled: true });
  const admin = await login(t, adminUser);
  const without = await makeUser(t);
  const cases: [Record<string, string>, RegExp][] = [
    [{ email: 'niemand@test.example', reason: 'x' }, /Er is geen account met dit e-mailadres/],
    [{ email: without.email, reason: 'x' }, /heeft geen tweestapsverificatie aan/],
    [{ email: adminUser.email, reason: 'x' }, /Uw eigen tweestapsverificatie zet u uit bij Mijn account/],
    [{ email: 'geen adres', reason: 'x' }, /Fout:/],
    [{ email: without.email, reason: '' }, /Fout:/],
  ];
  for (const [form, message] of cases) {
    const before = await t.db.select().from(auditLog);
    const res = await post(t, PATH, form, admin);
    assert.equal(res.statusCode, 400, JSON.stringify(form));
    assert.match(res.body, message);
    assert.match(res.body, /<title>Fout:/);
    assert.equal((await t.db.select().from(auditLog)).length, before.length, 'nothing changed');
  }
  const [self] = await t.db.select().from(users).where(eq(users.id, adminUser.id));
  assert.equal(self!.totpEnabled, true);
});
