/**
 * Pure rules of the network: names, consent validity and expiry, reminder moments, the
 * withdrawal link. No database; unit-tested in network.rules.test.ts.
 */
import { addDays, type IsoDate } from '../../core/dates/working-days.ts';
import { hmac, hmacMatches } from '../../core/secret.ts';
import { isUuid } from '../../core/http/forms.ts';

/** Purposes of the sealed columns (core/crypto.ts): a contact person's details, a contributor's. */
export const CONTACT_PURPOSE = 'network-contact';
export const EXPERIENCE_CONTACT_PURPOSE = 'experience-contact';

/** The council's public site, for links in mail. */
export const siteOf = (config: { baseUrl: string }, council: { slug: string }) => `${config.baseUrl.replace(/\/$/, '')}/${council.slug}`;

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
  return hmacMatches(secretKey, `network-withdraw:${id}`, sig, 32) ? id : null;
}

/** "Gebaseerd op N ervaringen uit M raadplegingen": experiences and the distinct consultations they came from. */
export function basisCounts(list: { consultationId: string | null }[]): { experiences: number; consultations: number } {
  return { experiences: list.length, consultations: new Set(list.map((e) => e.consultationId).filter(Boolean)).size };
}

/** A consultation is open until its closing date, or without one until the day it is held (inclusive). */
export function isOpenConsultation(c: { heldOn: IsoDate; closesOn: IsoDate | null }, today: IsoDate): boolean {
  return (c.closesOn ?? c.heldOn) >= today;
}

type ConsultationFields = { kind: string; topic: string; heldOn: IsoDate; closesOn: IsoDate | null; isPublic: boolean };
type Refusal = { key: 'network.error.consultationOver' | 'network.error.lockedAfterResponse' | 'network.error.closesEarlier' | 'network.error.closesBeforeHeld'; field?: string };

/**
 * Whether a consultation may change this way. Only while it is open. Once the first experience came
 * in, what people responded to stays: the kind, the topic (the question asked) and the public form;
 * the closing date may move later, never earlier or away. Null: allowed.
 */
export function consultationChangeRefusal(c: ConsultationFields, next: ConsultationFields, opts: { responses: number; today: IsoDate }): Refusal | null {
  if (!isOpenConsultation(c, opts.today)) return { key: 'network.error.consultationOver' };
  if (next.closesOn && next.closesOn < next.heldOn) return { key: 'network.error.closesBeforeHeld', field: 'closesOn' };
  if (opts.responses === 0) return null;
  const locked = (['kind', 'topic', 'isPublic'] as const).find((k) => next[k] !== c[k]);
  if (locked) return { key: 'network.error.lockedAfterResponse', field: locked };
  if (c.closesOn && (!next.closesOn || next.closesOn < c.closesOn)) return { key: 'network.error.closesEarlier', field: 'closesOn' };
  return null;
}
