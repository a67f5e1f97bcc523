import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { withApp, makeUser } from '../../test/support/factories.ts';
import { users } from './auth/auth.schema.ts';
import { openTotpSecret, sealTotpSecret } from './auth/totp.ts';
import { keyId, open, seal } from './crypto.ts';
import { resealAll, sealedColumns } from './keyring.ts';
import { hmac, hmacMatches } from './secret.ts';
import { csrfTokenFor } from './http/csrf.ts';
import { checkEnrolmentSignature, signEnrolment } from './auth/totp.ts';
import { normaliseRecoveryCode, replaceRecoveryCodes, useRecoveryCode } from './auth/recovery.ts';

const older = 'o'.repeat(40);
const newer = 'n'.repeat(40);

test('the re-seal command seals every value again with the newest key; a second run finds nothing; unreadable values stay', async () => {
  await withApp({ SECRET_KEY: older }, async (t) => {
    const a = await makeUser(t, { totpEnabled: true, totpSecret: sealTotpSecret(older, 'JBSWY3DPEHPK3PXP') });
    const b = await makeUser(t, { totpEnabled: true, totpSecret: sealTotpSecret('f'.repeat(40), 'KRUGS4ZANFZSAYJA') }); // a key nobody has
    const ring = `${newer},${older}`;
    const first = await resealAll(
      t.db,
      ring,
      sealedColumns().filter((c) => c.table === 'users'),
    );
    assert.deepEqual(first, [{ column: 'users.totp_secret', resealed: 1, unreadable: 1 }]);
    const row = async (id: string) => (await t.db.select().from(users).where(eq(users.id, id)))[0]!;
    const sealed = (await row(a.id)).totpSecret!;
    assert.ok(sealed.startsWith(`v2.${keyId(newer)}.`));
    assert.equal(openTotpSecret(newer, sealed), 'JBSWY3DPEHPK3PXP', 'opens with the new key alone: the old key may go');
    assert.equal((await row(b.id)).totpSecret, b.totpSecret, 'a value no key opens is left as it was');
    assert.deepEqual(
      await resealAll(
        t.db,
        ring,
        sealedColumns().filter((c) => c.table === 'users'),
      ),
      [{ column: 'users.totp_secret', resealed: 0, unreadable: 1 }],
    );
  });
});

test('every module that seals personal data lists its sealed columns, so none is missed by a rotation', () => {
  const listed = sealedColumns().map((c) => `${c.table}.${c.column}:${c.purpose}`);
  for (const c of [
    'users.totp_secret:totp',
    'signal_contacts.email_sealed:signal-contact',
    'network_contacts.email_sealed:network-contact',
    'experience_contacts.email_sealed:experience-contact',
    'vacancy_applications.motivation:applications',
  ]) {
    assert.ok(listed.includes(c), c);
  }
  // A value sealed for one purpose does not open for another: the purpose listed must be the one used.
  assert.equal(open(newer, 'applications', seal(newer, 'signal-contact', 'x')), null);
});

test('after a key rotation new MACs use the newest key, and codes and links made with an older key of the ring still check (issue 17, keys)', async () => {
  const ring = `${newer},${older}`;
  assert.equal(hmac(ring, 'x'), hmac(newer, 'x'), 'new MACs: the newest key');
  assert.ok(hmacMatches(ring, 'x', hmac(older, 'x')), 'a MAC of the older key still checks');
  assert.ok(!hmacMatches(newer, 'x', hmac(older, 'x')), 'once the older key leaves the ring, its MACs stop');
  assert.ok(hmacMatches(ring, 'x', hmac(older, 'x').slice(0, 16), 16), 'a shortened MAC too');
  // A form token handed out with the newest key only.
  const token = csrfTokenFor(ring, 'sessie-geheim');
  assert.equal(token, csrfTokenFor(newer, 'sessie-geheim'));
  // A second-factor enrolment begun before the rotation completes after it.
  const user = '00000000-0000-4000-8000-000000000001';
  assert.ok(checkEnrolmentSignature(ring, user, 'JBSWY3DPEHPK3PXP', signEnrolment(older, user, 'JBSWY3DPEHPK3PXP')));
  assert.ok(!checkEnrolmentSignature(ring, user, 'JBSWY3DPEHPK3PXP', signEnrolment('f'.repeat(40), user, 'JBSWY3DPEHPK3PXP')));
  // Recovery codes stored before the rotation still sign in, once.
  await withApp({ SECRET_KEY: older }, async (t) => {
    const u = await makeUser(t, {});
    const [code] = await replaceRecoveryCodes(t.db, older, u.id);
    const normalised = normaliseRecoveryCode(code!)!;
    assert.ok(await useRecoveryCode(t.db, ring, u.id, normalised));
    assert.ok(!(await useRecoveryCode(t.db, ring, u.id, normalised)), 'once only');
  });
});
