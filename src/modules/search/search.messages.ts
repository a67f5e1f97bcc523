import type { Messages } from '../../core/i18n/index.ts';

/** Workspace search: one box over advices, signals, meetings and documents. */
export const searchMessages = {
  'search.nav': { nl: 'Zoeken', en: 'Search' },
  'search.title': { nl: 'Zoeken in de werkruimte', en: 'Search the workspace' },
  'search.intro': {
    nl: 'Zoek in adviezen, vergaderingen, signalen en documenten tegelijk. U ziet alleen wat u mag zien.',
    en: 'Search advices, meetings, signals and documents at once. You only see what you may see.',
  },
  'search.q': { nl: 'Zoekwoorden', en: 'Search words' },
  'search.qHint': {
    nl: 'Bijvoorbeeld: regiotaxi. Zet woorden tussen aanhalingstekens om ze precies zo te vinden.',
    en: 'For example: regiotaxi. Put words in quotation marks to find them exactly like that.',
  },
  'search.submit': { nl: 'Zoeken', en: 'Search' },
  'search.tooShort': { nl: 'Typ minstens 2 tekens.', en: 'Type at least 2 characters.' },
  'search.tooLong': { nl: 'Typ hoogstens 200 tekens.', en: 'Type at most 200 characters.' },
  'search.results': { nl: 'Resultaten voor ‘{q}’', en: 'Results for ‘{q}’' },
  'search.none': { nl: 'Niets gevonden. Probeer een ander woord.', en: 'Nothing found. Try another word.' },
  'search.summary': { nl: '{n} resultaten', en: '{n} results' },
  'search.summaryOne': { nl: '1 resultaat', en: '1 result' },
  'search.groupCount': { nl: '{label} ({n})', en: '{label} ({n})' },
  'search.page': { nl: 'Pagina {page}', en: 'Page {page}' },
  'search.pagesLabel': { nl: 'Gevonden op deze pagina’s', en: 'Found on these pages' },
  'search.more': { nl: 'Er zijn meer resultaten. Maak uw zoekvraag preciezer.', en: 'There are more results. Make your search more precise.' },
} satisfies Messages;
