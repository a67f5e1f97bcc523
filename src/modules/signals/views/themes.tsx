import { h, type VNode } from 'preact';
import { useContext } from 'preact/hooks';
import { renderToString } from 'preact-render-to-string';
import { keptBytes } from '../../../ui/render.ts';
import { CouncilScopeProvider, LanguageFormScope, PageCtxProvider, usePageCtx, type PageCtx } from '../../../ui/context.ts';
import { formatMonth } from '../../../core/i18n/index.ts';
import { Paragraph, Link, Table, StatusBadge, Section, Button, Pagination } from '../../../ui/components/basics.tsx';
import { Form } from '../../../ui/components/form.tsx';
import type { EffectiveSettings } from '../signals.settings.ts';
import { THEMES_PER_PAGE, themesOnPage, type Cell, type ThemeView } from '../signals.themes.ts';
import { SignalsPage, signalsPath, type Props } from './signals.tsx';

function count(ctx: PageCtx, c: Cell): string {
  return c.masked ? ctx.t('signals.themes.fewerThan3') : String(c.n);
}

function monthLabel(ctx: PageCtx, month: string): string {
  return formatMonth(`${month}-15`, ctx.locale);
}

/** Per theme: counts over the last 12 months and by source, and whether a larger group may be affected. */
export function ThemesPage({
  ctx,
  council,
  actor,
  view,
  settings,
  exact,
  may,
}: Props & { view: ThemeView; settings: EffectiveSettings; exact: boolean; may: { startAdvice: boolean; startAdviceFromTheme: boolean } }) {
  const t = ctx.t;
  const list = signalsPath(council);
  const path = `${list}/themas`;
  // Every theme in the overview; the tables of THEMES_PER_PAGE of them (counted for this page only) below it.
  const current = view.page;
  const pageOf = new Map(view.themes.map((r, i) => [r.id, Math.floor(i / THEMES_PER_PAGE) + 1]));
  const shown = themesOnPage(view);
  const title = t('signals.themes.title');
  const tables = () => (
    <>
      {!exact && <Paragraph>{t('signals.themes.maskHint')}</Paragraph>}
      <Table
        caption={t('signals.themes.caption')}
        empty={t('signals.themes.empty')}
        rows={view.themes}
        rowHeader
        columns={[
          { header: t('signals.field.theme'), cell: (r) => <Link href={`${pageOf.get(r.id) === current ? '' : `${path}?pagina=${pageOf.get(r.id)}`}#thema-${r.id}`}>{r.name}</Link> },
          { header: t('signals.themes.total'), cell: (r) => count(ctx, r.total), numeric: true },
          {
            header: t('signals.themes.flag'),
            cell: (r) => (r.flagged ? <StatusBadge status="warning">{t('signals.themes.flagged')}</StatusBadge> : t('signals.themes.notFlagged')),
          },
        ]}
      />
      {shown.map((r) => (
        <Section id={`thema-${r.id}`} title={r.name}>
          {r.flagged && (
            <Paragraph>
              {t('signals.themes.flaggedHint')}
              {may.startAdvice && !may.startAdviceFromTheme && (
                <>
                  {' '}
                  <Link href={`/${council.slug}/werkruimte/adviezen/ongevraagd`}>{t('signals.themes.startAdvice')}</Link>
                </>
              )}
            </Paragraph>
          )}
          {may.startAdviceFromTheme && (
            <Form action={`/${council.slug}/werkruimte/signalen/themas/${r.id}/advies`}>
              <Paragraph>{t('signals.themes.startAdviceHint')}</Paragraph>
              <Button variant="secondary">{t('signals.themes.startAdviceFromTheme')}</Button>
            </Form>
          )}
          <Paragraph>
            <Link href={`${list}?theme=${r.id}`}>{t('signals.themes.showSignals', { theme: r.name })}</Link>
          </Paragraph>
          <Table
            caption={t('signals.themes.perMonth', { theme: r.name })}
            rows={view.months.map((m, i) => ({ m, c: r.perMonth?.[i] ?? { n: 0, masked: false } }))}
            rowHeader
            columns={[
              { header: t('signals.themes.month'), cell: (x) => monthLabel(ctx, x.m) },
              { header: t('signals.themes.count'), cell: (x) => count(ctx, x.c), numeric: true },
            ]}
          />
          <Table
            caption={t('signals.themes.perSource', { theme: r.name })}
            empty={t('signals.themes.noSources')}
            rows={r.perSource}
            rowHeader
            columns={[
              { header: t('signals.field.source'), cell: (x) => t(`signals.source.${x.source}`) },
              { header: t('signals.themes.count'), cell: (x) => count(ctx, x.count), numeric: true },
            ]}
          />
        </Section>
      ))}
      <Pagination page={current} pages={view.pages} href={(n) => `${path}?pagina=${n}`} />
    </>
  );
  return (
    <SignalsPage title={title} href={path} intro={t('signals.themes.intro', { count: settings.thresholdCount, sources: settings.thresholdSources, months: settings.thresholdMonths })}>
      <RenderedOnce view={view} variant={`${may.startAdvice}:${may.startAdviceFromTheme}`} scope={{ council, actor }}>
        {tables}
      </RenderedOnce>
    </SignalsPage>
  );
}

/**
 * The tables' HTML per view and way of showing it, as UTF-8 bytes cut where the form token goes.
 * The view is the same object until the next change (signals.themes.ts keeps it), so a request
 * renders and encodes only the page around them (ui/render.ts, keptBytes). Kept in one list
 * bounded by bytes (oldest use out first), so many councils' views in one hour cannot grow
 * memory without end; entries of views that went are simply never asked for again.
 */
type Kept = { chunks: Buffer[]; bytes: number; takesSwitch: boolean };
const keptTables = new Map<string, Kept>();
let keptTotal = 0;
const KEPT_BYTES = 8 * 1024 * 1024;
/** Each view's number (for the keys) and how many ways of showing it are kept. */
const views = new WeakMap<ThemeView, { id: number; variants: number }>();
let lastViewId = 0;
/** Ways of showing one view that are kept: the languages, rights and page addresses people use. */
const VARIANTS_PER_VIEW = 12;

function keepTables(key: string, kept: Kept): void {
  keptTables.set(key, kept);
  keptTotal += kept.bytes;
  for (const [oldKey, old] of keptTables) {
    if (keptTotal <= KEPT_BYTES) break;
    keptTables.delete(oldKey);
    keptTotal -= old.bytes;
  }
}

/** Stands for the session's form token in the kept HTML; each request puts its own in. */
const TOKEN_SLOT = 'rw-form-token-slot-4c1d7e';

/**
 * Renders `children` as they would be rendered in place, once per view, variant (what the actor
 * may do), language, address and whether the language switch was taken before them; a page with
 * a kept draft is rendered in place. The form token is the only per-session text in them.
 */
function RenderedOnce({ view, variant, scope, children }: { view: ThemeView; variant: string; scope: { council: Props['council']; actor: Props['actor'] }; children: () => VNode }) {
  const ctx = usePageCtx();
  const languageForm = useContext(LanguageFormScope);
  const seen = views.get(view) ?? { id: ++lastViewId, variants: 0 };
  views.set(view, seen);
  const key = `${seen.id}\n${variant}\n${ctx.locale}\n${ctx.url}\n${languageForm ? languageForm.taken : 'none'}`;
  let kept = keptTables.get(key);
  // The address is in the key (the language switch returns to it): odd addresses are not kept, so they cannot push out the rest.
  if (ctx.draft || (!kept && seen.variants >= VARIANTS_PER_VIEW)) return children();
  if (kept) {
    // Most recently used last: the list drops from the front.
    keptTables.delete(key);
    keptTables.set(key, kept);
  } else {
    const inner = languageForm && { taken: languageForm.taken };
    const html = renderToString(
      h(LanguageFormScope.Provider, { value: inner }, h(PageCtxProvider, { value: { ...ctx, csrfToken: TOKEN_SLOT } }, h(CouncilScopeProvider, { value: scope }, children()))),
    );
    const chunks = html.split(TOKEN_SLOT).map((part) => Buffer.from(part));
    kept = { chunks, bytes: chunks.reduce((n, c) => n + c.length, 0), takesSwitch: Boolean(inner?.taken && languageForm && !languageForm.taken) };
    seen.variants++;
    keepTables(key, kept);
  }
  if (kept.takesSwitch && languageForm) languageForm.taken = true;
  return <>{kept.chunks.map((chunk, i) => (i === 0 ? keptBytes(chunk) : [ctx.csrfToken, keptBytes(chunk)]))}</>;
}
