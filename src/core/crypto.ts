import crypto from 'node:crypto';

/**
 * Encryption at rest for personal data and secrets: AES-256-GCM with a key derived from
 * SECRET_KEY per purpose, so a copy of the database alone reveals nothing. A tampered or
 * foreign value does not open (null), it never decrypts to something else.
 */
function keyFor(secretKey: string, purpose: string): Buffer {
  return crypto.createHash('sha256').update(`${purpose}-at-rest:${secretKey}`).digest();
}

export function seal(secretKey: string, purpose: string, plain: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', keyFor(secretKey, purpose), iv);
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
}

/** The plain text, or null when the value cannot be opened (wrong key or purpose, damaged). */
export function open(secretKey: string, purpose: string, sealed: string | null): string | null {
  if (!sealed) return null;
  const [v, iv, tag, ct] = sealed.split('.');
  if (v !== 'v1' || !iv || !tag || ct === undefined) return null;
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', keyFor(secretKey, purpose), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
