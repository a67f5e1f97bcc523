import type { MessageKey } from '../../core/i18n/index.ts';

/** The words of the glossary, in alphabetical order of the Dutch word; the id is the page anchor. */
export const terms = [
  'advies',
  'ical',
  'atom',
  'clientondersteuning',
  'conceptadvies',
  'dubbel',
  'kenmerk',
  'nietOpenbaar',
  'signaal',
  'terInstemming',
  'vaststellen',
  'werkgroep',
  'wmo',
  'woo',
] as const;
export type TermId = (typeof terms)[number];

export const termKey = (id: TermId) => `glossary.term.${id}` as MessageKey;
export const definitionKey = (id: TermId) => `glossary.def.${id}` as MessageKey;
