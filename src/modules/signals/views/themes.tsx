import type { PageCtx } from '../../../ui/context.ts';
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
  return (
    <SignalsPage title={title} href={path} intro={t('signals.themes.intro', { count: settings.thresholdCount, sources: settings.thresholdSources, months: settings.thresholdMonths })}>
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
    </SignalsPage>
  );
}
