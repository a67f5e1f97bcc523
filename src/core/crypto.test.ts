import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seal, open } from './crypto.ts';

const key = 'k'.repeat(40);

test('sealed text opens with the same key and purpose only', () => {
  const sealed = seal(key, 'applications', 'Jan Jansen, 06-12345678');
  assert.doesNotMatch(sealed, /Jansen/);
  assert.equal(open(key, 'applications', sealed), 'Jan Jansen, 06-12345678');
  assert.equal(open('x'.repeat(40), 'applications', sealed), null);
  assert.equal(open(key, 'totp', sealed), null);
});

test('tampered ciphertext fails to open', () => {
  const sealed = seal(key, 'p', 'geheim');
  const parts = sealed.split('.');
  const ct = Buffer.from(parts[3], 'base64url');
  ct[0] ^= 1;
  parts[3] = ct.toString('base64url');
  assert.equal(open(key, 'p', parts.join('.')), null);
  assert.equal(open(key, 'p', 'geen-versleutelde-waarde'), null);
});
