import type { PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import type { FieldErrors, FormValues } from '../../../core/http/forms.ts';
import { formatDate } from '../../../core/i18n/index.ts';
import { Button, DataList, Link, LinkList, Pagination, Paragraph, Section, StatusBadge } from '../../../ui/components/basics.tsx';
import { Form, TextArea, TextField } from '../../../ui/components/form.tsx';
import { Passage } from '../../../ui/components/passage.tsx';
import { PublicPage } from '../../../ui/layouts/workspace-page.tsx';
import type { ArticlePage, LibraryItem } from '../knowledge.library.ts';
import type { NewsItem } from '../knowledge.news.ts';
import { MAX_FORWARD_ADDRESSES, MAX_FORWARD_NOTE } from '../knowledge.rules.ts';
import { lawName } from '../knowledge.forms.ts';
import { CardList, OverdueBadge } from './parts.tsx';
import { RichText } from '../../../ui/components/rich-text.tsx';

type Props = { ctx: PageCtx; council: Council };
export const basePath = (council: Council) => `/${council.slug}/kennisbank`;
export const newsPath = (council: Council) => `/${council.slug}/nieuws`;

/** The council's knowledge base: a search box, then its articles (or the search results), each labelled by source. */
export function KnowledgeBasePage({ ctx, council, items, total, q, page, pages }: Props & { items: LibraryItem[]; total: number; q: string; page: number; pages: number }) {
  const t = ctx.t;
  const path = basePath(council);
  return (
    <PublicPage title={t('knowledge.public.title')} section={path} intro={t('knowledge.public.intro', { council: council.name })} lead>
      <form method="get" action={path} class="rw-form" role="search">
        <TextField name="q" label={t('knowledge.search.label')} hint={t('knowledge.search.hint')} value={q} />
        <Button variant="secondary">{t('knowledge.search.button')}</Button>
      </form>
      <Section
        id="artikelen"
        title={q ? t('knowledge.search.results', { n: total, q }) : t('knowledge.public.articles')}
        items={items}
        empty={q ? t('knowledge.search.none') : t('knowledge.public.empty')}
      >
        <CardList
          items={items.map((a) => ({
            href: `${path}/${a.id}`,
            title: a.title,
            meta: (
              <>
                <StatusBadge status="neutral">{a.source === 'own' ? t('knowledge.source.own', { name: a.sourceName }) : t('knowledge.source.national', { name: a.sourceName })}</StatusBadge>{' '}
                {a.visibility === 'members' && <StatusBadge status="inactive">{t('knowledge.visibility.members')}</StatusBadge>}{' '}
                {a.format === 'video' && <StatusBadge status="neutral">{t('knowledge.format.video')}</StatusBadge>} {a.overdue && <OverdueBadge reviewBy={a.reviewBy} />}
              </>
            ),
            text: a.snippet ? <Passage text={a.snippet} /> : a.summary,
          }))}
        />
        <Pagination page={page} pages={pages} href={(n) => `${path}?${new URLSearchParams({ ...(q ? { q } : {}), pagina: String(n) })}`} />
      </Section>
    </PublicPage>
  );
}

/** A video article: the browser's own player with captions, the sign-language version and the transcript beside it. */
function Video({ ctx, council, page }: Props & { page: ArticlePage }) {
  const t = ctx.t;
  const a = page.article;
  if (a.format !== 'video') return null;
  const captions = `${basePath(council)}/${a.id}/ondertiteling.vtt`;
  // An uploaded file, else the link. Only a file on this site plays here (the content security
  // policy allows media from this site only); a link elsewhere opens there.
  const source = a.videoFile ? `${basePath(council)}/${a.id}/video` : a.videoUrl;
  return (
    <Section id="video" title={t('knowledge.video.title')}>
      {!source ? (
        <Paragraph>{t('knowledge.video.notYet')}</Paragraph>
      ) : source.startsWith('/') ? (
        <video class="rw-video" controls preload="metadata" src={source}>
          <track kind="captions" src={captions} srclang="nl" label={t('knowledge.video.captionsLabel')} default />
          <Link href={source}>{t('knowledge.video.download')}</Link>
        </video>
      ) : (
        <Paragraph>
          <Link href={source}>{t('knowledge.video.watchElsewhere')}</Link>
        </Paragraph>
      )}
      <LinkList items={[{ href: captions, label: t('knowledge.video.captionsFile') }, a.signLanguageUrl ? { href: a.signLanguageUrl, label: t('knowledge.video.signLanguage') } : null]} />
      {a.transcript && (
        <Section id="uitgeschreven" level={3} title={t('knowledge.video.transcript')}>
          <RichText markdown={a.transcript} />
        </Section>
      )}
    </Section>
  );
}

/** One article: the national text (never copied), then the council's own paragraph, then who wrote it and "send it on". */
export function ArticlePublicPage({ ctx, council, page }: Props & { page: ArticlePage }) {
  const t = ctx.t;
  const a = page.article;
  const english = ctx.locale === 'en' && a.bodyEn;
  const path = basePath(council);
  return (
    <PublicPage
      title={(english && a.titleEn) || a.title}
      section={path}
      href={`${path}/${a.id}`}
      parent={{ href: path, label: t('knowledge.public.title') }}
      intro={(english && a.summaryEn) || a.summary}
      lead
    >
      <p class="utrecht-paragraph nl-paragraph rw-meta">
        <StatusBadge status="neutral">{page.source === 'own' ? t('knowledge.source.own', { name: page.sourceName }) : t('knowledge.source.national', { name: page.sourceName })}</StatusBadge>{' '}
        {page.overdue && <OverdueBadge reviewBy={a.reviewBy} />}
      </p>
      <RichText markdown={english ? a.bodyEn! : a.body} lang={english ? 'en' : 'nl'} />
      <Video ctx={ctx} council={council} page={page} />
      {page.localParagraph && (
        <Section id="lokaal" title={t('knowledge.local.title', { council: council.name })}>
          <RichText markdown={page.localParagraph} lang="nl" />
        </Section>
      )}
      <DataList
        items={[
          { key: t('knowledge.field.topic'), value: a.topic },
          ...(a.laws.length ? [{ key: t('knowledge.field.lawsShort'), value: a.laws.map(lawName).join(', ') }] : []),
          { key: t('knowledge.field.updated'), value: formatDate(a.updatedAt, ctx.locale) },
          { key: t('knowledge.field.reviewBy'), value: formatDate(a.reviewBy, ctx.locale) },
        ]}
      />
      <Paragraph>
        <Link href={`${path}/${a.id}/doorsturen`}>{t('knowledge.forward.link')}</Link>
      </Paragraph>
    </PublicPage>
  );
}

/** "Stuur dit artikel door": the form, or after sending what happened. */
export function ForwardPage(props: Props & { item: { title: string; href: string }; section: string; sectionLabel: string; errors?: FieldErrors; values?: FormValues; sent?: boolean }) {
  const { ctx, item } = props;
  const t = ctx.t;
  const v = props.values ?? {};
  return (
    <PublicPage
      title={t('knowledge.forward.title')}
      section={props.section}
      href={`${item.href}/doorsturen`}
      parent={[
        { href: props.section, label: props.sectionLabel },
        { href: item.href, label: item.title },
      ]}
      errors={props.errors}
      notice={props.sent ? { title: t('knowledge.forward.sent'), children: <Paragraph>{t('knowledge.forward.sentBody')}</Paragraph> } : undefined}
      intro={props.sent ? undefined : t('knowledge.forward.intro', { title: item.title, max: MAX_FORWARD_ADDRESSES })}
    >
      {props.sent ? (
        <Paragraph>
          <Link href={item.href}>{t('knowledge.forward.back', { title: item.title })}</Link>
        </Paragraph>
      ) : (
        <Form action={`${item.href}/doorsturen`}>
          {(
            [
              { name: 'addresses', hint: t('knowledge.forward.addressesHint', { max: MAX_FORWARD_ADDRESSES }), rows: 3, optional: false },
              { name: 'note', hint: t('knowledge.forward.noteHint', { max: MAX_FORWARD_NOTE }), rows: 4, optional: true },
            ] as const
          ).map((f) => (
            <TextArea errors={props.errors} name={f.name} label={t(`knowledge.forward.${f.name}`)} hint={f.hint} value={v[f.name]} rows={f.rows} optional={f.optional} />
          ))}
          <Paragraph>{t('knowledge.forward.privacy')}</Paragraph>
          <Button>{t('knowledge.forward.button')}</Button>
        </Form>
      )}
    </PublicPage>
  );
}

/** The organisation's news, newest first, with its feed. */
export function NewsListPage({ ctx, council, items }: Props & { items: NewsItem[] }) {
  const t = ctx.t;
  const path = newsPath(council);
  return (
    <PublicPage title={t('knowledge.news.title')} section={path} intro={t('knowledge.news.intro', { council: council.name })} lead>
      <Paragraph>
        <Link href={`${path}/feed.atom`}>{t('knowledge.news.feed')}</Link>
      </Paragraph>
      <Section id="berichten" title={t('knowledge.news.items')} items={items} empty={t('knowledge.news.empty')}>
        <CardList items={items.map((n) => ({ href: `${path}/${n.id}`, title: n.title, meta: formatDate(n.publishedAt, ctx.locale), text: n.summary }))} />
      </Section>
    </PublicPage>
  );
}

export function NewsPage({ ctx, council, item }: Props & { item: NewsItem }) {
  const t = ctx.t;
  const path = newsPath(council);
  return (
    <PublicPage title={item.title} section={path} href={`${path}/${item.id}`} parent={{ href: path, label: t('knowledge.news.title') }} intro={item.summary} lead>
      <p class="utrecht-paragraph nl-paragraph rw-meta">{formatDate(item.publishedAt, ctx.locale)}</p>
      <RichText markdown={item.body} />
      <Paragraph>
        <Link href={`${path}/${item.id}/doorsturen`}>{t('knowledge.forward.linkNews')}</Link>
      </Paragraph>
    </PublicPage>
  );
}
