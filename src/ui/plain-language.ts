/**
 * A plain-language (B1) indication of a Dutch text, shown to the writer as advice and never as a
 * reason to refuse a save. Pure: no database, no clock. Four signs:
 * - the Flesch-Douma reading ease (the Dutch form of Flesch: 206.84 - 0.77 x syllables per 100
 *   words - 0.93 x words per sentence); 60 and up reads about as easily as B1 asks;
 * - sentences longer than 20 words;
 * - passive voice (a form of "worden" with a past participle in one sentence);
 * - words from a list of hard words, each with a plainer alternative.
 */

const LONG_SENTENCE_WORDS = 20;
/** From this score up, a text reads about as easily as B1 asks. */
const EASY_FROM = 60;
const FAIR_FROM = 40;

/** Hard words and phrases, with the plain word to use instead. Lower case; phrases match whole words. */
const hardWords: Readonly<Record<string, string>> = {
  beschikking: 'besluit',
  indien: 'als',
  teneinde: 'om',
  middels: 'met',
  alsmede: 'en',
  derhalve: 'daarom',
  inzake: 'over',
  omtrent: 'over',
  thans: 'nu',
  reeds: 'al',
  doch: 'maar',
  ingevolge: 'volgens',
  onverwijld: 'meteen',
  aanvang: 'begin',
  verstrekken: 'geven',
  retourneren: 'terugsturen',
  woonachtig: 'wonen',
  voorziening: 'hulp',
  maatwerkvoorziening: 'hulp die bij u past',
  participeren: 'meedoen',
  participatie: 'meedoen',
  faciliteren: 'mogelijk maken',
  implementeren: 'invoeren',
  prioriteren: 'kiezen wat eerst komt',
  evalueren: 'kijken hoe het ging',
  monitoren: 'volgen',
  adequaat: 'goed',
  conform: 'volgens',
  dienen: 'moeten',
  'dan wel': 'of',
  'ten behoeve van': 'voor',
  'ten aanzien van': 'over',
  'met betrekking tot': 'over',
  'in het kader van': 'bij',
  'op grond van': 'volgens',
  'in overleg met': 'samen met',
};

const WORDEN = new Set(['word', 'wordt', 'worden', 'werd', 'werden', 'geworden']);
/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = /\b(bijv|bv|o\.a|d\.w\.z|m\.a\.w|enz|etc|nr|art|t\.a\.v|z\.o\.z|mevr|dhr|blz|incl|excl|ca)\./gi;

export type PlainLanguageReport = {
  /** Flesch-Douma reading ease, rounded; null for a text without words. */
  score: number | null;
  level: 'easy' | 'fair' | 'hard' | 'empty';
  words: number;
  sentences: number;
  /** The long sentences, as written. */
  longSentences: string[];
  /** Sentences in the passive voice, as written. */
  passive: string[];
  /** Hard words found, each once, with the alternative. */
  hardWords: { word: string; alternative: string }[];
};

/** The sentences of a text: ends at . ! ? (not after a known abbreviation) and at every line break (headings, list items). */
export function sentencesOf(text: string): string[] {
  return text
    .replace(ABBREVIATIONS, (m) => m.replace(/\./g, '\u0001'))
    .split(/(?<=[.!?:])\s+|\n+/)
    .map((s) => s.replace(/\u0001/g, '.').trim())
    .filter((s) => wordsOf(s).length > 0);
}

function wordsOf(sentence: string): string[] {
  return sentence.toLowerCase().match(/[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*/gu) ?? [];
}

/**
 * Syllables of a Dutch word: groups of vowels (aa, ie, oe, eu, ui, ij ... count once); a vowel with
 * a diaeresis (ë, ï) starts a new syllable; a number counts as one.
 */
export function syllables(word: string): number {
  if (/^\p{N}+$/u.test(word)) return 1;
  const groups = word
    .toLowerCase()
    .replace(/[ëïöüä]/g, '-$&')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .match(/[aeiouy]+/g);
  return Math.max(1, groups?.length ?? 0);
}

function isParticiple(word: string): boolean {
  return /^((af|aan|op|uit|in|mee|toe|door|over|terug|voor|na)?ge|be|ver|ont|her|er)\p{L}{2,}(d|t|en)$/u.test(word) && !WORDEN.has(word);
}

/** Whether a sentence is in the passive voice: a form of "worden" and a past participle. */
export function isPassive(sentence: string): boolean {
  const words = wordsOf(sentence);
  return words.some((w) => WORDEN.has(w)) && words.some(isParticiple);
}

function findHardWords(text: string): { word: string; alternative: string }[] {
  const found: { word: string; alternative: string }[] = [];
  const lower = ` ${wordsOf(text).join(' ')} `;
  for (const [word, alternative] of Object.entries(hardWords)) {
    if (lower.includes(` ${word} `)) found.push({ word, alternative });
  }
  return found;
}

/** The B1 indication of a plain text (Markdown already turned into text). */
export function checkPlainLanguage(text: string): PlainLanguageReport {
  const sentences = sentencesOf(text);
  const perSentence = sentences.map(wordsOf);
  const words = perSentence.flat();
  if (words.length === 0) return { score: null, level: 'empty', words: 0, sentences: 0, longSentences: [], passive: [], hardWords: [] };
  const syllablesPer100 = (words.reduce((n, w) => n + syllables(w), 0) / words.length) * 100;
  const wordsPerSentence = words.length / sentences.length;
  const score = Math.round(206.84 - 0.77 * syllablesPer100 - 0.93 * wordsPerSentence);
  return {
    score,
    level: score >= EASY_FROM ? 'easy' : score >= FAIR_FROM ? 'fair' : 'hard',
    words: words.length,
    sentences: sentences.length,
    longSentences: sentences.filter((_, i) => perSentence[i]!.length > LONG_SENTENCE_WORDS),
    passive: sentences.filter(isPassive),
    hardWords: findHardWords(text),
  };
}
