import type { ComponentChildren } from 'preact';
import { PageCtxProvider, languageSwitch, type PageCtx } from '../context.ts';
import { Breadcrumbs, NavBar, type NavLink } from '../components/basics.tsx';
import { assetUrl } from '../assets.ts';
import { LANGUAGE_BUTTON_ID } from '../components/form.tsx';

export type CouncilBrand = { slug: string; name: string; logoUrl: string | null; logoAlt: string; themeUrl: string };

export type PageProps = {
  ctx: PageCtx;
  title: string;
  /** True when the page shows form errors: the title then starts with "Fout:". */
  hasErrors?: boolean;
  council?: CouncilBrand;
  nav?: { label: string; items: NavLink[]; current: string };
  breadcrumbs?: { href: string; label: string }[];
  /** Workspace pages are never indexed. */
  noindex?: boolean;
  /** Feeds of this page, e.g. an Atom feed: `<link rel="alternate">` in the head. */
  alternate?: { href: string; type: string; title: string }[];
  /** Extra metadata in the head, e.g. the Woo information category. */
  meta?: { name: string; content: string }[];
  children: ComponentChildren;
};

/** The one page skeleton: skip link, header, navigation, main, footer. */
export function Page(props: PageProps) {
  const { ctx, council } = props;
  const t = ctx.t;
  const siteName = council?.name ?? t('app.name');
  const fullTitle = `${props.hasErrors ? t('form.titleErrorPrefix') : ''}${props.title} - ${siteName}`;
  const { to: otherLocale, href: switchHref } = languageSwitch(ctx);
  const base = council ? `/${council.slug}` : '';
  return (
    <PageCtxProvider value={ctx}>
      <html lang={ctx.locale} class="utrecht-root">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{fullTitle}</title>
          {props.noindex && <meta name="robots" content="noindex" />}
          <link rel="stylesheet" href={assetUrl('app.css')} />
          {council && <link rel="stylesheet" href={council.themeUrl} />}
          <link rel="alternate" hreflang={otherLocale} href={switchHref} />
          {props.alternate?.map((a) => (
            <link rel="alternate" type={a.type} title={a.title} href={a.href} />
          ))}
          {props.meta?.map((m) => (
            <meta name={m.name} content={m.content} />
          ))}
          <script src={assetUrl('app.js')} defer></script>
        </head>
        <body class="utrecht-body voorbeeld-theme raadwerk-theme">
          <a class="utrecht-skip-link utrecht-skip-link--visible-on-focus nl-skip-link" href="#inhoud">
            {t('nav.skip')}
          </a>
          <header class="utrecht-page-header rw-header">
            <div class="utrecht-page-header__content rw-header__content">
              <a class="rw-brand" href={council ? base : '/'}>
                {council?.logoUrl && <img class="rw-brand__logo" src={council.logoUrl} alt={council.logoAlt} width="48" height="48" />}
                <span class="rw-brand__name">{siteName}</span>
              </a>
              <ul class="rw-utility" role="list">
                <li>
                  <a class="utrecht-link nl-link rw-lang-link" href={switchHref} lang={otherLocale} hreflang={otherLocale}>
                    {t('lang.switchTo')}
                  </a>
                  {/* On a page with a form, CSS shows this instead: it leads to the form's own switch, which keeps the answers. */}
                  <a class="utrecht-link nl-link rw-lang-anchor" href={`#${LANGUAGE_BUTTON_ID}`} lang={otherLocale} data-module="lang-anchor">
                    {t('lang.switchTo')}
                  </a>
                </li>
                {ctx.user ? (
                  <>
                    {ctx.workspaces.length > 0 && (
                      <li>
                        <a class="utrecht-link nl-link" href={`/${(council && ctx.workspaces.find((w) => w.slug === council.slug)?.slug) || ctx.workspaces[0].slug}/werkruimte`}>
                          {t('nav.workspace')}
                        </a>
                      </li>
                    )}
                    {ctx.user.isPlatformAdmin && (
                      <li>
                        <a class="utrecht-link nl-link" href="/beheer">
                          {t('nav.admin')}
                        </a>
                      </li>
                    )}
                    <li>
                      <a class="utrecht-link nl-link" href="/account">
                        {t('nav.account')}
                      </a>
                    </li>
                    <li>
                      <form method="post" action="/uitloggen" class="rw-inline-form">
                        <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                        <button class="rw-link-button" type="submit">
                          {t('nav.logout')}
                        </button>
                      </form>
                    </li>
                  </>
                ) : (
                  <li>
                    <a class="utrecht-link nl-link" href="/inloggen">
                      {t('nav.login')}
                    </a>
                  </li>
                )}
              </ul>
            </div>
          </header>
          {props.nav && <NavBar label={props.nav.label} toggle={t('nav.menu')} more={t('nav.more')} items={props.nav.items} current={props.nav.current} />}
          <div class="utrecht-page rw-page">
            {props.breadcrumbs && <Breadcrumbs items={props.breadcrumbs} />}
            <main id="inhoud" class="utrecht-page-content rw-main" tabindex={-1}>
              {props.children}
            </main>
          </div>
          <footer class="utrecht-page-footer rw-footer">
            <div class="utrecht-page-footer__content">
              <nav aria-label={t('footer.label')}>
                <ul class="rw-footer__links" role="list">
                  <li>
                    <a class="utrecht-link nl-link rw-footer__link" href={`${base}/toegankelijkheid`}>
                      {t('footer.accessibility')}
                    </a>
                  </li>
                  <li>
                    <a class="utrecht-link nl-link rw-footer__link" href={`${base}/privacy`}>
                      {t('footer.privacy')}
                    </a>
                  </li>
                  <li>
                    <a class="utrecht-link nl-link rw-footer__link" href="/woordenlijst">
                      {t('glossary.footer')}
                    </a>
                  </li>
                  {council && (
                    <li>
                      <a class="utrecht-link nl-link rw-footer__link" href={`${base}/contact`}>
                        {t('footer.contact')}
                      </a>
                    </li>
                  )}
                  {council && (
                    <li>
                      <a class="utrecht-link nl-link rw-footer__link" href="/">
                        {t('nav.allCouncils')}
                      </a>
                    </li>
                  )}
                </ul>
              </nav>
              <p class="utrecht-paragraph rw-footer__note">{t('footer.poweredBy')}</p>
            </div>
          </footer>
        </body>
      </html>
    </PageCtxProvider>
  );
}
