import type { Locale, Messages } from './types.ts';
import { coreMessages } from './core.messages.ts';
import { authMessages } from '../auth/auth.messages.ts';
import { councilsMessages } from '../../modules/councils/councils.messages.ts';
import { membersMessages } from '../../modules/members/members.messages.ts';
import { adviceMessages } from '../../modules/advice/advice.messages.ts';
import { registerMessages } from '../../modules/advice/advice.register.messages.ts';
import { signalsMessages } from '../../modules/signals/signals.messages.ts';
import { meetingsMessages } from '../../modules/meetings/meetings.messages.ts';
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
  ...meetingsMessages,
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

/** Formats a date the Dutch way ("8 december 2026"), in Europe/Amsterdam. */
export function formatDate(value: Date | string, locale: Locale): string {
  const d = typeof value === 'string' ? new Date(value.length === 10 ? `${value}T12:00:00Z` : value) : value;
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/Amsterdam',
  }).format(d);
}

export function formatDateTime(value: Date, locale: Locale): string {
  const time = new Intl.DateTimeFormat('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }).format(value);
  return `${formatDate(value, locale)} ${time}`;
}
