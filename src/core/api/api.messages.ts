import type { Messages } from '../i18n/types.ts';

/** Texts of the JSON API's problem answers (title and detail). B1 Dutch first. */
export const apiMessages = {
  'api.unauthorized.title': { nl: 'Geen geldige sleutel', en: 'No valid key' },
  'api.unauthorized.body': {
    nl: 'Stuur een geldige API-sleutel mee in de kop Authorization: Bearer <sleutel>.',
    en: 'Send a valid API key in the header Authorization: Bearer <key>.',
  },
  'api.invalid.title': { nl: 'De invoer klopt niet', en: 'The input is not valid' },
  'api.invalid.body': { nl: 'Verbeter de velden in invalidParams en probeer het opnieuw.', en: 'Correct the fields in invalidParams and try again.' },
  'api.conflict.title': { nl: 'Dit kan nu niet', en: 'This is not possible now' },
} satisfies Messages;
