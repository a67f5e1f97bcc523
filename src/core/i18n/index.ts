import type { Locale, Message, Messages } from './types.ts';
import coreMessages from './core.messages.json' with { type: 'json' };
import authMessages from '../auth/auth.messages.json' with { type: 'json' };
import apiMessages from '../api/api.messages.json' with { type: 'json' };
import httpMessages from '../http/http.messages.json' with { type: 'json' };
import type { ModuleMessageKey } from '../module-types.ts';

export * from './types.ts';

/**
 * The message keys of every module. Core's, auth's, the API layer's and the input layer's are here; each module adds
 * its own through `ModuleTypes` (core/module-types.ts) in its manifest (`index.ts`), so core never imports a module.
 */
/** @public Filled by declaration merging in each module's manifest. */
export interface MessageCatalogue extends Record<keyof typeof coreMessages | keyof typeof authMessages | keyof typeof apiMessages | keyof typeof httpMessages | ModuleMessageKey, Message> {}

/** The one message catalogue: every user-facing text, filled from the modules when the platform is assembled. */
const catalogue: Messages = { ...coreMessages, ...authMessages, ...apiMessages, ...httpMessages };

/** Adds a module's messages; a key defined twice is a programming error. */
export function registerMessages(messages: Messages): void {
  for (const [key, entry] of Object.entries(messages)) {
    if (Object.hasOwn(catalogue, key) && catalogue[key] !== entry) throw new Error(`message key ${key} defined twice`);
    catalogue[key] = entry;
  }
}

/** Every message, for the catalogue tests. */
export function allMessages(): Readonly<Messages> {
  return catalogue;
}

export type MessageKey = keyof MessageCatalogue & string;
type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(catalogue, key);
}

export function translator(locale: Locale): Translate {
  return (key, params) => {
    const entry = catalogue[key];
    if (!entry) return key;
    const text = entry[locale];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
  };
}

const ZONE = 'Europe/Amsterdam';
const formats = {
  date: { day: 'numeric', month: 'long', year: 'numeric' },
  time: { hour: '2-digit', minute: '2-digit' },
  weekday: { weekday: 'long' },
  month: { month: 'long', year: 'numeric' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
const formatters = new Map<string, Intl.DateTimeFormat>();
/** Building an Intl.DateTimeFormat costs more than formatting with it; pages format many dates. */
function formatter(locale: Locale, format: keyof typeof formats): Intl.DateTimeFormat {
  const key = `${locale}|${format}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { timeZone: ZONE, ...formats[format] });
    formatters.set(key, f);
  }
  return f;
}

/** A date-only string (YYYY-MM-DD) is taken at noon, so no time zone moves it to another day. */
const toDate = (value: Date | string) => (typeof value === 'string' ? new Date(value.length === 10 ? `${value}T12:00:00Z` : value) : value);

/** Formats a date the Dutch way ("8 december 2026"), in Europe/Amsterdam. */
export function formatDate(value: Date | string, locale: Locale): string {
  return formatter(locale, 'date').format(toDate(value));
}

/** "09:30", in Europe/Amsterdam (24-hour clock in both languages). */
function formatTime(value: Date): string {
  return formatter('nl', 'time').format(value);
}

/** "woensdag" / "Wednesday", in Europe/Amsterdam. */
export function formatWeekday(value: Date | string, locale: Locale): string {
  return formatter(locale, 'weekday').format(toDate(value));
}

/** "maart 2026" / "March 2026", in Europe/Amsterdam. */
export function formatMonth(value: Date | string, locale: Locale): string {
  return formatter(locale, 'month').format(toDate(value));
}

export function formatDateTime(value: Date, locale: Locale): string {
  return `${formatDate(value, locale)} ${formatTime(value)}`;
}
