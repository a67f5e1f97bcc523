import crypto from 'node:crypto';
import QRCode from 'qrcode';
import { generateSecret, generateURI, verifySync } from 'otplib';
import { hmac, safeEqual } from '../secret.ts';

export const TOTP_ISSUER = 'Raadwerk';
const PERIOD = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

/** A code is 6 digits; spaces typed by the user are removed first. */
export function normaliseCode(code: string): string {
  return code.replace(/[\s-]/g, '');
}

/**
 * Checks a code, allowing one 30-second step either side for clocks that drift.
 * `afterStep` is the last step used, so a code cannot be used twice.
 * Returns the step of the code when it is right, otherwise null.
 */
export function checkTotp(secret: string, code: string, afterStep: number | null): number | null {
  const token = normaliseCode(code);
  if (!/^\d{6}$/.test(token)) return null;
  try {
    const result = verifySync({ secret, token, epochTolerance: PERIOD, afterTimeStep: afterStep ?? undefined });
    if (!result.valid) return null;
    return 'timeStep' in result ? result.timeStep : Math.floor(Date.now() / 1000 / PERIOD) + result.delta;
  } catch {
    return null;
  }
}

export function otpauthUri(secret: string, label: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label, secret });
}

/** The QR code as an SVG data URL (the CSP allows img data:). */
export async function qrDataUrl(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/** The secret in groups of four, easier to type over. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

// The secret at rest: AES-256-GCM with a key derived from SECRET_KEY.
function keyFor(secretKey: string): Buffer {
  return crypto.createHash('sha256').update(`totp-at-rest:${secretKey}`).digest();
}

export function sealTotpSecret(secretKey: string, secret: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', keyFor(secretKey), iv);
  const ct = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
}

export function openTotpSecret(secretKey: string, sealed: string | null): string | null {
  if (!sealed) return null;
  const [v, iv, tag, ct] = sealed.split('.');
  if (v !== 'v1' || !iv || !tag || !ct) return null;
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', keyFor(secretKey), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/**
 * While setting up, the new secret travels in the form, signed for this user, so nothing
 * is stored until the user proves their app works.
 */
export function signEnrolment(secretKey: string, userId: string, secret: string): string {
  return hmac(secretKey, `totp-enrol:${userId}:${secret}`);
}

export function checkEnrolmentSignature(secretKey: string, userId: string, secret: unknown, signature: unknown): secret is string {
  if (typeof secret !== 'string' || typeof signature !== 'string') return false;
  if (!/^[A-Z2-7]{16,64}$/.test(secret) || signature.length > 100) return false;
  return safeEqual(signature, signEnrolment(secretKey, userId, secret));
}
