import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { keyId, keyRing, needsReseal, seal, open } from './crypto.ts';
import { hmac } from './secret.ts';

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

// Key ring (issue 17, item 16): SECRET_KEY=newest,older.
const older = 'o'.repeat(40);
const newer = 'n'.repeat(40);

test('key ring: new values are sealed with the newest key and name it; older values open until the old key leaves the ring', () => {
  const old = seal(older, 'p', 'oud geheim');
  const ring = `${newer},${older}`;
  assert.equal(open(ring, 'p', old), 'oud geheim', 'sealed with the old key, opened through the ring');
  const fresh = seal(ring, 'p', 'nieuw geheim');
  assert.ok(fresh.startsWith(`v2.${keyId(newer)}.`));
  assert.equal(open(newer, 'p', fresh), 'nieuw geheim', 'the newest key alone opens new values');
  assert.equal(open(older, 'p', fresh), null);
  assert.equal(needsReseal(ring, old), true);
  assert.equal(needsReseal(ring, fresh), false);
  assert.equal(open(newer, 'p', old), null, 'once the old key is gone, values not sealed again are lost: run npm run reseal first');
});

test('key ring: values from before the ring (v1, no key id) open with any key of the ring', () => {
  // The v1 format as it was written before key ids: v1.iv.tag.ct with the key derived per purpose.
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', crypto.createHash('sha256').update(`p-at-rest:${older}`).digest(), iv);
  const ct = Buffer.concat([cipher.update('van vroeger', 'utf8'), cipher.final()]);
  const v1 = ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
  assert.equal(open(older, 'p', v1), 'van vroeger');
  assert.equal(open(`${newer},${older}`, 'p', v1), 'van vroeger');
  assert.equal(needsReseal(`${newer},${older}`, v1), true);
});

test('key ring: the ring is read newest first; new HMACs use the newest key (keyring.test.ts checks that old ones still verify)', () => {
  assert.equal(hmac(`${newer},${older}`, 'recovery-code:x'), hmac(newer, 'recovery-code:x'));
  assert.deepEqual(keyRing(` ${newer} , ${older} `), [newer, older]);
});
