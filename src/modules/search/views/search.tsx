import { usePageCtx, type PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import type { Actor } from '../../../core/policy.ts';
import { WorkspacePage } from '../../../ui/layouts/workspace-page.tsx';
import { Button, Heading, Link, Paragraph, Section } from '../../../ui/components/basics.tsx';
import { TextField } from '../../../ui/components/form.tsx';
import { formatDate } from '../../../core/i18n/index.ts';
import { Passage } from '../../../ui/components/passage.tsx';
import type { SearchHit } from '../../../core/module.ts';
import type { SearchGroup } from '../search.service.ts';

function Hit({ ctx: given, hit }: { ctx?: PageCtx; hit: SearchHit }) {
  const ctx = usePageCtx(given);
  return (
    <li class="utrecht-ordered-list__item rw-search-hit">
      <Link href={hit.href}>{hit.title}</Link>
      {hit.date && <span class="rw-search-hit__date"> · {formatDate(hit.date instanceof Date ? hit.date : String(hit.date), ctx.locale)}</span>}
      {hit.snippet && (
        <p class="utrecht-paragraph nl-paragraph">
          <Passage text={hit.snippet} />
        </p>
      )}
      {hit.pages && hit.pages.length > 0 && (
        <ul class="utrecht-unordered-list" aria-label={ctx.t('search.pagesLabel')}>
          {hit.pages.map((p) => (
            <li class="utrecht-unordered-list__item">
              <Link href={p.href}>{ctx.t('search.page', { page: p.page })}</Link>: <Passage text={p.snippet} />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** One search box over the workspace; results grouped per kind of record. */
export function SearchPage(props: { ctx: PageCtx; council: Council; actor: Actor; q: string; error: string | null; groups: SearchGroup[] | null }) {
  const { ctx, council, groups } = props;
  const t = ctx.t;
  const path = `/${council.slug}/werkruimte/zoeken`;
  const errors = props.error ? { q: props.error as 'search.tooShort' } : undefined;
  const total = groups?.reduce((n, g) => n + g.hits.length, 0) ?? 0;
  return (
    <WorkspacePage title={t('search.title')} section={path} errors={errors}>
      <Paragraph lead>{t('search.intro')}</Paragraph>
      <form method="get" action={path} class="rw-form" role="search" aria-label={t('search.title')} novalidate>
        <TextField name="q" label={t('search.q')} hint={t('search.qHint')} value={props.q} errors={errors} />
        <Button>{t('search.submit')}</Button>
      </form>
      {groups && (
        <Section id="resultaten" title={t('search.results', { q: props.q })}>
          <p class="utrecht-paragraph nl-paragraph" role="status">
            {total === 0 ? t('search.none') : total === 1 ? t('search.summaryOne') : t('search.summary', { n: total })}
          </p>
          {groups.map((g) => (
            <section aria-label={t(g.label)}>
              <Heading level={3}>{t('search.groupCount', { label: t(g.label), n: g.hits.length })}</Heading>
              <ol class="utrecht-ordered-list">
                {g.hits.map((h) => (
                  <Hit hit={h} />
                ))}
              </ol>
              {g.more && <Paragraph>{t('search.more')}</Paragraph>}
            </section>
          ))}
        </Section>
      )}
    </WorkspacePage>
  );
}
