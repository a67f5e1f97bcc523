import { test } from 'node:test';
import assert from 'node:assert/strict';
import { basisCounts, consentStatus, contactOfToken, defaultExpiry, isValidConsent, nameKey, reminderDue, withdrawToken } from './network.rules.ts';

test('names compare without case, extra spaces or composed characters', () => {
  assert.equal(nameKey('  Ouderenbond   Voorst '), nameKey('ouderenbond voorst'));
  assert.equal(nameKey('Cliëntenraad'), nameKey('Clie\u0308ntenraad'));
  assert.notEqual(nameKey('Ouderenbond Voorst'), nameKey('Ouderenbond Twello'));
});

test('the default expiry is the same day months later, or the last day of a shorter month', () => {
  assert.equal(defaultExpiry('2026-03-15', 24), '2028-03-15');
  assert.equal(defaultExpiry('2026-08-31', 6), '2027-02-28');
  assert.equal(defaultExpiry('2027-08-31', 6), '2028-02-29');
  assert.equal(defaultExpiry('2026-11-30', 1), '2026-12-30');
  assert.equal(defaultExpiry('2026-12-10', 1), '2027-01-10');
});

test('a consent holds up to and including its expiry day, unless withdrawn', () => {
  assert.ok(isValidConsent({ expiresOn: '2026-12-06', withdrawnAt: null }, '2026-12-06'));
  assert.ok(!isValidConsent({ expiresOn: '2026-12-05', withdrawnAt: null }, '2026-12-06'));
  assert.ok(!isValidConsent({ expiresOn: '2027-12-06', withdrawnAt: new Date() }, '2026-12-06'));
  const today = '2026-12-06';
  assert.equal(consentStatus([], today), 'none');
  assert.equal(consentStatus([{ expiresOn: '2028-01-01', withdrawnAt: null }], today), 'valid');
  assert.equal(consentStatus([{ expiresOn: '2026-12-20', withdrawnAt: null }], today), 'expiring');
  assert.equal(consentStatus([{ expiresOn: '2026-11-20', withdrawnAt: null }], today), 'expired');
  assert.equal(consentStatus([{ expiresOn: '2028-01-01', withdrawnAt: new Date() }], today), 'withdrawn');
  // A newer valid consent beats an older expired one.
  assert.equal(
    consentStatus(
      [
        { expiresOn: '2025-01-01', withdrawnAt: null },
        { expiresOn: '2028-01-01', withdrawnAt: null },
      ],
      today,
    ),
    'valid',
  );
});

test('reminders fall 30 and 7 days before expiry, each once', () => {
  const today = '2026-12-06';
  const c = (expiresOn: string, r30: Date | null = null, r7: Date | null = null) => ({ expiresOn, withdrawnAt: null, reminded30At: r30, reminded7At: r7 });
  assert.equal(reminderDue(c('2027-02-01'), today), null);
  assert.equal(reminderDue(c('2027-01-05'), today), 30);
  assert.equal(reminderDue(c('2027-01-05', new Date()), today), null);
  assert.equal(reminderDue(c('2026-12-13', new Date()), today), 7);
  assert.equal(reminderDue(c('2026-12-13', new Date(), new Date()), today), null);
  assert.equal(reminderDue(c('2026-12-01'), today), null, 'expired: no reminder');
});

test('the withdrawal token opens only for its own contact and secret', () => {
  const id = '6f1c2b8e-4d3a-4b7e-9a51-0c2d3e4f5a6b';
  const token = withdrawToken('geheim', id);
  assert.equal(contactOfToken('geheim', token), id);
  assert.equal(contactOfToken('ander-geheim', token), null);
  assert.equal(contactOfToken('geheim', `${id}.${'x'.repeat(32)}`), null);
  for (const bad of ['', 'abc', '.', 'a'.repeat(300), `${id}`]) assert.equal(contactOfToken('geheim', bad), null, bad);
});

test('"based on N experiences from M consultations" counts distinct consultations', () => {
  assert.deepEqual(basisCounts([{ consultationId: 'a' }, { consultationId: 'a' }, { consultationId: 'b' }, { consultationId: null }]), { experiences: 4, consultations: 2 });
  assert.deepEqual(basisCounts([]), { experiences: 0, consultations: 0 });
});
