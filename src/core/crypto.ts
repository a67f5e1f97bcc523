import crypto from 'node:crypto';

/**
 * Encryption at rest for personal data and secrets: AES-256-GCM with a key derived from
 * SECRET_KEY per purpose, so a copy of the database alone reveals nothing. A tampered or
 * foreign value does not open (null), it never decrypts to something else.
 *
 * Key ring: SECRET_KEY may hold several keys, newest first, separated by commas
 * (`SECRET_KEY=new-key,old-key`). New values are sealed with the newest key and carry its key
 * id (`v2.<kid>.<iv>.<tag>.<ct>`); a value sealed with an older key still opens as long as that
 * key is in the ring, until `npm run reseal` has sealed it again with the newest key
 * (core/keyring.ts). Values from before the ring (`v1`, no key id) open with any key of the ring.
 */
function keyFor(secretKey: string, purpose: string): Buffer {
  return crypto.createHash('sha256').update(`${purpose}-at-rest:${secretKey}`).digest();
}

/** The keys of a SECRET_KEY value, newest first. */
export function keyRing(secretKey: string): string[] {
  const keys = secretKey
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  return keys.length ? keys : [secretKey];
}

/** A short public name of a key (not secret: it says which key sealed a value). */
export function keyId(key: string): string {
  return crypto.createHash('sha256').update(`raadwerk-key-id:${key}`).digest('base64url').slice(0, 8);
}

/**
 * The keys for HMACs (CSRF tokens, recovery codes, signed links), newest first: a new MAC is made
 * with the newest key, and a MAC is checked against every key of the ring, so codes and links
 * handed out before a rotation keep working until the old key leaves the ring. See
 * docs/decisions/0026-hostile-files-backup-instances.md.
 */
export function hmacKeys(secretKey: string): string[] {
  return keyRing(secretKey);
}

export function seal(secretKey: string, purpose: string, plain: string): string {
  const key = keyRing(secretKey)[0]!;
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', keyFor(key, purpose), iv);
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v2', keyId(key), iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
}

function decrypt(key: string, purpose: string, iv: string, tag: string, ct: string): string | null {
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', keyFor(key, purpose), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/** The plain text, or null when the value cannot be opened (key not in the ring, wrong purpose, damaged). */
export function open(secretKey: string, purpose: string, sealed: string | null): string | null {
  if (!sealed) return null;
  const parts = sealed.split('.');
  const ring = keyRing(secretKey);
  if (parts[0] === 'v2' && parts.length === 5) {
    const [, kid, iv, tag, ct] = parts as [string, string, string, string, string];
    const key = ring.find((k) => keyId(k) === kid);
    return key ? decrypt(key, purpose, iv, tag, ct) : null;
  }
  if (parts[0] === 'v1' && parts.length === 4) {
    const [, iv, tag, ct] = parts as [string, string, string, string];
    for (const key of ring) {
      const plain = decrypt(key, purpose, iv, tag, ct);
      if (plain !== null) return plain;
    }
  }
  return null;
}

/** True when the value was not sealed with the newest key of the ring (it should be sealed again). */
export function needsReseal(secretKey: string, sealed: string): boolean {
  return !sealed.startsWith(`v2.${keyId(keyRing(secretKey)[0]!)}.`);
}
