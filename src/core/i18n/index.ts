import type { Locale, Messages } from './types.ts';
import { coreMessages } from './core.messages.ts';
import { authMessages } from '../auth/auth.messages.ts';
import { councilsMessages } from '../../modules/councils/councils.messages.ts';
import { membersMessages } from '../../modules/members/members.messages.ts';
import { adviceMessages } from '../../modules/advice/advice.messages.ts';
import { registerMessages } from '../../modules/advice/advice.register.messages.ts';
import { signalsMessages } from '../../modules/signals/signals.messages.ts';
import { signalsIntakeMessages } from '../../modules/signals/signals.intake.messages.ts';
import { meetingsMessages } from '../../modules/meetings/meetings.messages.ts';
import { meetingsCalendarMessages } from '../../modules/meetings/meetings.calendar.messages.ts';
import { documentsMessages } from '../../modules/documents/documents.messages.ts';

export * from './types.ts';

/** The one message catalogue: every user-facing text, assembled from the modules' parts. */
export const catalogue = {
  ...coreMessages,
  ...authMessages,
  ...councilsMessages,
  ...membersMessages,
  ...adviceMessages,
  ...registerMessages,
  ...signalsMessages,
  ...signalsIntakeMessages,
  ...meetingsMessages,
  ...meetingsCalendarMessages,
  ...documentsMessages,
} satisfies Messages;

export type MessageKey = keyof typeof catalogue;
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(catalogue, key);
}

export function translator(locale: Locale): Translate {
  return (key, params) => {
    const entry = (catalogue as Messages)[key];
    if (!entry) return key;
    const text = entry[locale];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
  };
}

const ZONE = 'Europe/Amsterdam';
const formatters = new Map<string, Intl.DateTimeFormat>();
/** Building an Intl.DateTimeFormat costs more than formatting with it; pages format many dates. */
function formatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { timeZone: ZONE, ...options });
    formatters.set(key, f);
  }
  return f;
}

/** A date-only string (YYYY-MM-DD) is taken at noon, so no time zone moves it to another day. */
const toDate = (value: Date | string) => (typeof value === 'string' ? new Date(value.length === 10 ? `${value}T12:00:00Z` : value) : value);

/** Formats a date the Dutch way ("8 december 2026"), in Europe/Amsterdam. */
export function formatDate(value: Date | string, locale: Locale): string {
  return formatter(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(toDate(value));
}

/** "09:30", in Europe/Amsterdam (24-hour clock in both languages). */
export function formatTime(value: Date): string {
  return formatter('nl', { hour: '2-digit', minute: '2-digit' }).format(value);
}

/** "woensdag" / "Wednesday", in Europe/Amsterdam. */
export function formatWeekday(value: Date | string, locale: Locale): string {
  return formatter(locale, { weekday: 'long' }).format(toDate(value));
}

/** "maart 2026" / "March 2026", in Europe/Amsterdam. */
export function formatMonth(value: Date | string, locale: Locale): string {
  return formatter(locale, { month: 'long', year: 'numeric' }).format(toDate(value));
}

export function formatDateTime(value: Date, locale: Locale): string {
  return `${formatDate(value, locale)} ${formatTime(value)}`;
}
