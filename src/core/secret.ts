import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { hmacKeys } from './crypto.ts';

/** SECRET_KEY from the environment, else a key file made once in the data directory. */
export function resolveSecretKey(configured: string | undefined, dataDir: string): string {
  if (configured) return configured;
  const file = path.join(dataDir, 'secret.key');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const key = crypto.randomBytes(32).toString('base64url');
    try {
      fs.writeFileSync(file, key, { flag: 'wx', mode: 0o600 });
      return key;
    } catch {
      return fs.readFileSync(file, 'utf8').trim(); // another instance wrote it first
    }
  }
}

const macOf = (key: string, value: string) => crypto.createHmac('sha256', key).update(value).digest('base64url');

/** HMAC-SHA256 with the ring's newest key (crypto.ts hmacKeys). */
export function hmac(key: string, value: string): string {
  return macOf(hmacKeys(key)[0]!, value);
}

/** The HMAC of `value` under every key of the ring, newest first: what a stored code made before a rotation may be. */
export function hmacs(key: string, value: string): string[] {
  return hmacKeys(key).map((k) => macOf(k, value));
}

/** Whether `mac` is the HMAC of `value` (cut to `length` characters, when given) under any key of the ring. */
export function hmacMatches(key: string, value: string, mac: string, length?: number): boolean {
  return hmacs(key, value).some((m) => safeEqual(mac, length === undefined ? m : m.slice(0, length)));
}

export function sha256(value: string): string {
  return crypto.createHash('sha256').update(value).digest('hex');
}

export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}
