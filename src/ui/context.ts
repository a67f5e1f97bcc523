import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Locale, Translate } from '../core/i18n/index.ts';
import type { FormDraft } from '../core/http/form-drafts.ts';
import type { Council } from '../core/organisations.schema.ts';
import type { Actor } from '../core/policy.ts';

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
  /** What was typed on this page before a language switch without JavaScript; the main form puts it back. */
  draft?: FormDraft | null;
};

/**
 * Whether a form of the page being rendered took the header's language switch (`form="rw-taal"`).
 * renderDocument gives every render a fresh one, so rendering leaves the request's context as it
 * was (a page rendered twice, or a 400 after a first try, takes the switch again).
 */
export const LanguageFormScope = createContext<{ taken: boolean } | null>(null);

/** The other language, and the address that switches to it and comes back to this page. */
export function languageSwitch(ctx: Pick<PageCtx, 'locale' | 'url'>): { to: Locale; href: string } {
  const to: Locale = ctx.locale === 'nl' ? 'en' : 'nl';
  return { to, href: `/taal?naar=${to}&terug=${encodeURIComponent(ctx.url)}` };
}

/**
 * The page context for every component below the page skeleton (`Page` provides it), so fields,
 * forms and sections do not need it handed down as a prop through every view.
 */
const PageContext = createContext<PageCtx | null>(null);
export const PageCtxProvider = PageContext.Provider;

/** The page context: the one given (a component rendered outside a page, e.g. in a test), else the page's. */
export function usePageCtx(given?: PageCtx): PageCtx {
  const ctx = given ?? useContext(PageContext);
  if (!ctx) throw new Error('usePageCtx: rendered outside a Page and without a ctx prop');
  return ctx;
}

/**
 * The organisation and the acting user of the request (core/tenancy.ts), provided with the page
 * context around every page `reply.page` renders, so a page of one organisation need not be
 * handed them as props.
 */
type CouncilScope = { council: Council | null; actor: Actor | null };
const CouncilContext = createContext<CouncilScope>({ council: null, actor: null });
export const CouncilScopeProvider = CouncilContext.Provider;

/** The organisation of the page: the one given, else the request's. */
export function usePageCouncil(given?: Council): Council {
  const council = given ?? useContext(CouncilContext).council;
  if (!council) throw new Error('usePageCouncil: not a page of an organisation and no council prop');
  return council;
}

/** The acting user of the page: the one given, else the request's (null when anonymous). */
export function usePageActor(given?: Actor | null): Actor | null {
  return given !== undefined ? given : useContext(CouncilContext).actor;
}
