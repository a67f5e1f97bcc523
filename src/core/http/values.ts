/** Checks of single input values that every layer shares (ids, characters PostgreSQL refuses). */
import { DomainError } from '../errors.ts';

/** A UUID as the database writes it: 8-4-4-4-12 hexadecimal digits (not just 36 of `[0-9a-f-]`). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The one UUID check for ids from the path, the query or a form. */
export function isUuid(v: unknown): v is string {
  return typeof v === 'string' && UUID_PATTERN.test(v);
}

/** The refusal of input with a NUL character: 400, the same words on a page and in the API. */
class NulByteError extends DomainError {
  constructor() {
    super('NUL_CHARACTER', 'input.nulByte', { status: 400 });
  }
}

/** Whether a value (a string, or any nesting of arrays and objects, keys included) holds a NUL character. */
function hasNulByte(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\0');
  if (!value || typeof value !== 'object' || depth > 32 || Buffer.isBuffer(value)) return false;
  if (Array.isArray(value)) return value.some((v) => hasNulByte(v, depth + 1));
  for (const [k, v] of Object.entries(value)) if (k.includes('\0') || hasNulByte(v, depth + 1)) return true;
  return false;
}

/** Refuses input with a NUL character: a NulByteError (400 with `input.nulByte`). */
export function refuseNulBytes(value: unknown): void {
  if (hasNulByte(value)) throw new NulByteError();
}

/**
 * A path on this site: "/..." in printable ASCII, not "//host" and without a backslash ("/\host"
 * is another host to a browser). Control characters are out too: browsers drop a tab or a newline
 * in an address, so "/\t/host" would become "//host".
 */
export function isLocalPath(value: string): boolean {
  return value.startsWith('/') && !value.startsWith('//') && /^[\x21-\x7e]+$/.test(value) && !value.includes('\\');
}

/** The one return-path check: a path a user gave (`?terug=`), when it stays on this site; else null. */
export function safeReturnPath(value: unknown): string | null {
  return typeof value === 'string' && value.length <= 500 && isLocalPath(value) ? value : null;
}
