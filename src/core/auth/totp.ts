import { seal, open } from '../crypto.ts';
import { createRequire } from 'node:module';
import type * as Otplib from 'otplib';
import { hmac, hmacMatches } from '../secret.ts';

let otp: typeof Otplib | undefined;

/** otplib (with its crypto plug-ins) is loaded with the first code checked, not at start. */
const otplib = (): typeof Otplib => (otp ??= createRequire(import.meta.url)('otplib') as typeof Otplib);

const TOTP_ISSUER = 'Raadwerk';
const PERIOD = 30;

export function newTotpSecret(): string {
  return otplib().generateSecret();
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
    const result = otplib().verifySync({ secret, token, epochTolerance: PERIOD, afterTimeStep: afterStep ?? undefined });
    if (!result.valid) return null;
    return 'timeStep' in result ? result.timeStep : Math.floor(Date.now() / 1000 / PERIOD) + result.delta;
  } catch {
    return null;
  }
}

export function otpauthUri(secret: string, label: string): string {
  return otplib().generateURI({ issuer: TOTP_ISSUER, label, secret });
}

/** The QR code as an SVG data URL (the CSP allows img data:). */
export async function qrDataUrl(uri: string): Promise<string> {
  // Loaded here, not at start: only setting up the second step shows a QR code.
  const { default: QRCode } = await import('qrcode');
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/** The secret in groups of four, easier to type over. */
export function groupSecret(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

// The secret at rest, encrypted with the shared helper.
export function sealTotpSecret(secretKey: string, secret: string): string {
  return seal(secretKey, 'totp', secret);
}

export function openTotpSecret(secretKey: string, sealed: string | null): string | null {
  return open(secretKey, 'totp', sealed);
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
  return hmacMatches(secretKey, `totp-enrol:${userId}:${secret}`, signature);
}
