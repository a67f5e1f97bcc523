/**
 * Pure rules of the network: names, consent validity and expiry, reminder moments, the
 * withdrawal link. No database; unit-tested in network.rules.test.ts.
 */
import { addDays, type IsoDate } from '../../core/dates/working-days.ts';
import { hmac, safeEqual } from '../../core/secret.ts';
import { isUuid } from '../../core/http/forms.ts';

/** An organisation's name as compared for duplicates: case, accents of spacing and surrounding spaces do not count. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');
}

/** The default expiry of a consent given on `givenOn`: `months` later (the same day of the month, or the last day of a shorter month). */
export function defaultExpiry(givenOn: IsoDate, months: number): IsoDate {
  const [y, m, d] = givenOn.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export type ConsentState = { expiresOn: IsoDate; withdrawnAt: Date | null };

/** A consent counts from the day it was given up to and including its expiry day, unless withdrawn. */
export function isValidConsent(c: ConsentState, today: IsoDate): boolean {
  return c.withdrawnAt === null && c.expiresOn >= today;
}

export type ConsentStatus = 'valid' | 'expiring' | 'expired' | 'withdrawn' | 'none';

/** What to show for a contact's consents for one purpose: the best of them. */
export function consentStatus(list: ConsentState[], today: IsoDate): ConsentStatus {
  if (list.length === 0) return 'none';
  const valid = list.filter((c) => isValidConsent(c, today));
  if (valid.length) return valid.some((c) => c.expiresOn > addDays(today, 30)) ? 'valid' : 'expiring';
  return list.some((c) => c.withdrawnAt === null) ? 'expired' : 'withdrawn';
}

/** Reminder moments before expiry: 30 and 7 days. Which one is due today, if any (the later one wins). */
export function reminderDue(c: ConsentState & { reminded30At: Date | null; reminded7At: Date | null }, today: IsoDate): 30 | 7 | null {
  if (!isValidConsent(c, today)) return null;
  if (c.expiresOn <= addDays(today, 7)) return c.reminded7At ? null : 7;
  if (c.expiresOn <= addDays(today, 30)) return c.reminded30At ? null : 30;
  return null;
}

/**
 * The withdrawal link's token: the contact's id and a signature with the secret key. Nothing is
 * stored; only the holder of a mail to this contact has it. Null when the token is not genuine.
 */
export function withdrawToken(secretKey: string, contactId: string): string {
  return `${contactId}.${hmac(secretKey, `network-withdraw:${contactId}`).slice(0, 32)}`;
}
export function contactOfToken(secretKey: string, token: string): string | null {
  if (token.length > 100) return null;
  const [id, sig] = token.split('.');
  if (!isUuid(id) || !sig) return null;
  return safeEqual(token, withdrawToken(secretKey, id)) ? id : null;
}

/** "Gebaseerd op N ervaringen uit M raadplegingen": experiences and the distinct consultations they came from. */
export function basisCounts(list: { consultationId: string | null }[]): { experiences: number; consultations: number } {
  return { experiences: list.length, consultations: new Set(list.map((e) => e.consultationId).filter(Boolean)).size };
}
