import type { Locale, Translate } from '../core/i18n/index.ts';

/** What every page component needs from the request; built once per request in core/http. */
export type PageCtx = {
  t: Translate;
  locale: Locale;
  /** Path and query of this request, for the language switch and return links. */
  url: string;
  user: { id: string; name: string; isPlatformAdmin: boolean } | null;
  /** CSRF token for forms on this page. */
  csrfToken: string;
  /** Councils the user may open a workspace of, for the header menu. */
  workspaces: { slug: string; name: string }[];
};
