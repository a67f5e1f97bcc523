/**
 * Pure rules of the knowledge base: review dates, the search words, the note of a forwarded
 * article. No database, no clock (today is passed in).
 */
import type { IsoDate } from '../../core/dates/working-days.ts';
import { addDays } from '../../core/dates/working-days.ts';

/** An article is reviewed within a year unless its writer picks another date. */
const REVIEW_MONTHS = 12;
/** The owner hears this many days before the review date. */
export const REMINDER_DAYS = 30;

/** The default review date: the same day twelve months on (the last day of the month when that day does not exist). */
export function defaultReviewBy(today: IsoDate): IsoDate {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const month = m - 1 + REVIEW_MONTHS;
  const year = y + Math.floor(month / 12);
  const mm = (month % 12) + 1;
  const last = new Date(Date.UTC(year, mm, 0)).getUTCDate();
  return `${year}-${String(mm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** "Mogelijk verouderd": the review date has passed. */
export function isOverdue(reviewBy: IsoDate, today: IsoDate): boolean {
  return reviewBy < today;
}

/** Whether the owner should hear now: within 30 days of the review date and not yet told for this date. */
export function reminderDue(reviewBy: IsoDate, remindedFor: IsoDate | null, today: IsoDate): boolean {
  return remindedFor !== reviewBy && addDays(reviewBy, -REMINDER_DAYS) <= today;
}

// ---------------------------------------------------------------- search words

/** Words that mean the same: a search for one finds the others. Lower case. */
const synonymGroups: readonly (readonly string[])[] = [
  ['pgb', 'persoonsgebonden budget'],
  ['wmo', 'wet maatschappelijke ondersteuning'],
  ['svb', 'sociale verzekeringsbank'],
  ['keukentafelgesprek', 'keukentafel'],
  ['eigen bijdrage', 'bijdrage'],
  ['wijkteam', 'sociaal wijkteam', 'buurtteam'],
  ['cak', 'centraal administratie kantoor'],
  ['ngt', 'gebarentaal'],
];

/** Common words of the field; a search word one or two letters off is read as one of these. */
const commonWords: readonly string[] = [
  'wmo',
  'pgb',
  'keukentafelgesprek',
  'maatwerk',
  'maatwerkvoorziening',
  'compensatieplicht',
  'mantelzorg',
  'mantelzorger',
  'wijkteam',
  'cliëntondersteuning',
  'cliëntenraad',
  'adviesraad',
  'beleidsplan',
  'verordening',
  'beleidsregels',
  'inkoop',
  'begroting',
  'bijdrage',
  'budget',
  'gemeente',
  'ondersteuning',
  'jeugdwet',
  'participatiewet',
  'huishoudelijke',
  'hulpmiddelen',
  'vervoer',
  'klachten',
  'medezeggenschap',
  'toegang',
  'aanvraag',
  'bezwaar',
  'indicatie',
  'zorgaanbieder',
];

/** Letters two words differ by (Levenshtein), stopping early past `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]!);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/** A common word the typed word is probably meant to be: one letter off (two for long words); the word itself when none. */
export function correctWord(word: string): string {
  const w = word.toLowerCase();
  const same = commonWords.find((c) => fold(c) === fold(w));
  if (same) return same;
  if (w.length < 4) return w;
  const max = w.length >= 8 ? 2 : 1;
  let best: { word: string; d: number } | null = null;
  for (const c of commonWords) {
    const d = editDistance(fold(w), fold(c), max);
    if (d <= max && (!best || d < best.d)) best = { word: c, d };
  }
  return best?.word ?? w;
}

/**
 * What a search for `query` looks for: the words as typed (with common words' typos corrected),
 * each also as its synonyms. Each entry is one alternative set: all its words must match.
 */
export function searchAlternatives(query: string): string[] {
  const words = (query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12).map(correctWord);
  if (words.length === 0) return [];
  const joined = words.join(' ');
  const out = new Set([joined]);
  for (const group of synonymGroups) {
    for (const phrase of group) {
      if (!` ${joined} `.includes(` ${phrase} `)) continue;
      for (const other of group) if (other !== phrase) out.add(` ${joined} `.replace(` ${phrase} `, ` ${other} `).trim());
    }
  }
  return [...out];
}

// ---------------------------------------------------------------- sending an article on

export const MAX_FORWARD_ADDRESSES = 5;
export const MAX_FORWARD_NOTE = 500;

/** The addresses typed in the field: separated by commas, semicolons, spaces or new lines; duplicates once. */
export function forwardAddresses(input: string): string[] {
  return [
    ...new Set(
      input
        .split(/[\s,;]+/)
        .map((a) => a.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

/** A note may hold no link: no web address, no domain-like word, no e-mail address. */
export function noteHasLink(note: string): boolean {
  return /(https?:|www\.|:\/\/|@|\b[\p{L}\p{N}-]+\.(nl|com|org|net|eu|info|io|be|de|ly|co|me|app|xyz|ru)\b)/iu.test(note);
}
