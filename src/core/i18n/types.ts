export const locales = ['nl', 'en'] as const;
export type Locale = (typeof locales)[number];
/** One entry of the catalogue: Dutch first (B1), English second. */
export type Message = { nl: string; en: string };
export type Messages = Record<string, Message>;
