import { usePageCouncil, usePageCtx, type PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import type { Actor } from '../../../core/policy.ts';
import type { FieldErrors, FormValues } from '../../../core/http/forms.ts';
import { formatDate, formatDateTime } from '../../../core/i18n/index.ts';
import { Button, ButtonLink, Link, Paragraph, Section, StatusBadge, Table, type Column } from '../../../ui/components/basics.tsx';
import { ActionForm, CheckboxGroup, FileField, Form, RadioGroup, SelectField, TextArea, TextField } from '../../../ui/components/form.tsx';
import { LineDiff } from '../../../ui/components/diff.tsx';
import { WorkspacePage } from '../../../ui/layouts/workspace-page.tsx';
import { TableSection } from '../../../ui/components/table-section.tsx';
import type { Article, ArticleVersion } from '../knowledge.articles.ts';
import type { adoptionToEdit, nationalCatalogue } from '../knowledge.library.ts';
import type { ownArticles } from '../knowledge.articles.ts';
import type { PlainLanguageReport } from '../../../ui/plain-language.ts';
import { PlainLanguageAdvice } from '../../../ui/components/plain-language.tsx';
import type { NewsItem } from '../knowledge.news.ts';
import { baseTopics, knownLaws, lawName } from '../knowledge.forms.ts';
import { versionText } from '../knowledge.library.ts';
import { OverdueBadge } from './parts.tsx';
import { RichText } from '../../../ui/components/rich-text.tsx';
import { basePath } from './public.tsx';
import { VIDEO_MAX_MB } from '../knowledge.video.ts';

type Props = { ctx: PageCtx; council: Council; actor: Actor };
export const wsPath = (council: Council) => `/${council.slug}/werkruimte/kennisbank`;
export const wsNewsPath = (council: Council) => `/${council.slug}/werkruimte/nieuws`;

type Own = Awaited<ReturnType<typeof ownArticles>>;
type National = Awaited<ReturnType<typeof nationalCatalogue>>;

/** The workspace knowledge base: own articles, and for a council the national articles it can adopt. */
export function KnowledgeWorkspacePage(props: Props & { own: Own; national: National; mayAdopt: boolean; notice?: string; errors?: FieldErrors }) {
  const { ctx, council } = props;
  const t = ctx.t;
  const path = wsPath(council);
  return (
    <WorkspacePage title={t('knowledge.ws.title')} section={path} intro={t('knowledge.ws.intro')} notice={props.notice} errors={props.errors}>
      <OwnArticles own={props.own} path={path} />
      {council.kind !== 'landelijk' && <NationalArticles national={props.national} path={path} mayAdopt={props.mayAdopt} />}
    </WorkspacePage>
  );
}

/** The organisation's own articles; a writer opens the edit page, a reader the public page. */
function OwnArticles({ own, path }: { own: Own; path: string }) {
  const ctx = usePageCtx();
  const council = usePageCouncil();
  const t = ctx.t;
  const columns: Column<Own['articles'][number]>[] = [
    { header: t('knowledge.field.title'), cell: (a) => <Link href={`${own.may.write ? path : basePath(council)}/${a.id}`}>{a.title}</Link> },
    { header: t('knowledge.field.visibility'), cell: (a) => t(`knowledge.visibility.${a.visibility}`) },
    { header: t('knowledge.field.reviewBy'), cell: (a) => (a.overdue ? <OverdueBadge reviewBy={a.reviewBy} /> : formatDate(a.reviewBy, ctx.locale)) },
    { header: t('knowledge.field.version'), cell: (a) => <Link href={`${path}/${a.id}/versies`}>{t('knowledge.versions.n', { n: a.version })}</Link> },
  ];
  return (
    <TableSection id="eigen" title={t('knowledge.ws.own')} empty={t('knowledge.ws.ownEmpty')} rows={own.articles} columns={columns}>
      {own.may.write && <ButtonLink href={`${path}/nieuw`}>{t('knowledge.ws.new')}</ButtonLink>}
    </TableSection>
  );
}

/** The national articles a council may take over, with its own paragraph once it did. */
function NationalArticles({ national, path, mayAdopt }: { national: National; path: string; mayAdopt: boolean }) {
  const t = usePageCtx().t;
  const onSite = (a: National[number]) =>
    a.adopted ? (
      <>
        <Link href={`${path}/overgenomen/${a.id}`}>{t('knowledge.ws.localParagraph')}</Link>
        {a.changed && (
          <>
            {' '}
            <StatusBadge status="warning">{t('knowledge.ws.changed')}</StatusBadge>
          </>
        )}
      </>
    ) : mayAdopt ? (
      <ActionForm action={`${path}/${a.id}/overnemen`} button={t('knowledge.ws.adopt')} object={a.title} inline />
    ) : (
      t('knowledge.ws.notAdopted')
    );
  const columns: Column<National[number]>[] = [
    { header: t('knowledge.field.title'), cell: (a) => a.title },
    { header: t('knowledge.field.source'), cell: (a) => a.sourceName },
    { header: t('knowledge.ws.onSite'), cell: onSite },
  ];
  return <TableSection id="landelijk" title={t('knowledge.ws.national')} intro={t('knowledge.ws.nationalIntro')} empty={t('knowledge.ws.nationalEmpty')} rows={national} columns={columns} />;
}

/** A new article or an existing one: every field, the plain-language advice after a save. */
export function ArticleFormPage(
  props: Props & {
    article?: Article;
    owner?: string | null;
    videoFile?: { type: string; size: number } | null;
    plainLanguage?: PlainLanguageReport;
    errors?: FieldErrors;
    values?: FormValues;
    postedLaws?: string[];
    notice?: string;
    defaultReviewBy: string;
  },
) {
  const { ctx, council, article } = props;
  const t = ctx.t;
  const path = wsPath(council);
  // After an error the posted values, else the saved article (laws come as a list either way).
  const v: Record<string, unknown> = props.values ?? article ?? {};
  const text = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : '');
  const laws = props.values ? (props.postedLaws ?? []) : (article?.laws ?? []);
  const action = article ? `${path}/${article.id}` : `${path}/nieuw`;
  /** A choice of one, as saved or as posted. */
  const choice = (name: 'visibility' | 'format', fallback: string, options: { value: string; label: string; hint?: string }[]) => (
    <RadioGroup errors={props.errors} name={name} label={t(`knowledge.field.${name}`)} value={text(name) || fallback} options={options} />
  );
  const title = article ? t('knowledge.edit.title', { title: article.title }) : t('knowledge.edit.new');
  return (
    <WorkspacePage
      title={title}
      section={path}
      href={action}
      crumb={article ? article.title : t('knowledge.edit.new')}
      parent={{ href: path, label: t('knowledge.ws.title') }}
      errors={props.errors}
      notice={props.notice}
    >
      {props.plainLanguage && <PlainLanguageAdvice report={props.plainLanguage} />}
      {article && (
        <Paragraph>
          {t('knowledge.edit.meta', { version: article.version, owner: props.owner ?? '-' })} <Link href={`${path}/${article.id}/versies`}>{t('knowledge.versions.title')}</Link> ·{' '}
          <Link href={`${basePath(council)}/${article.id}`}>{t('knowledge.edit.view')}</Link>
        </Paragraph>
      )}
      <Form action={action}>
        <TextField errors={props.errors} name="title" label={t('knowledge.field.title')} value={text('title')} />
        <TextArea errors={props.errors} name="summary" label={t('knowledge.field.summary')} hint={t('knowledge.field.summaryHint')} value={text('summary')} rows={3} />
        <TextArea errors={props.errors} name="body" label={t('knowledge.field.body')} hint={t('knowledge.field.bodyHint')} value={text('body')} rows={16} />
        <TextField errors={props.errors} name="topic" label={t('knowledge.field.topic')} hint={t('knowledge.field.topicHint', { topics: baseTopics.join(', ') })} value={text('topic')} />
        <CheckboxGroup errors={props.errors} name="laws" label={t('knowledge.field.laws')} options={knownLaws.map((l) => ({ value: l, label: lawName(l) }))} checked={laws} />
        {choice('visibility', 'public', [
          { value: 'public', label: t('knowledge.visibility.public') },
          { value: 'members', label: t('knowledge.visibility.members') },
        ])}
        <TextField
          errors={props.errors}
          name="reviewBy"
          type="date"
          label={t('knowledge.field.reviewBy')}
          hint={t('knowledge.field.reviewByHint', { date: formatDate(props.defaultReviewBy, ctx.locale) })}
          value={text('reviewBy')}
          optional
        />
        {choice('format', 'text', [
          { value: 'text', label: t('knowledge.format.text') },
          { value: 'video', label: t('knowledge.format.video'), hint: t('knowledge.format.videoHint') },
        ])}
        <TextField errors={props.errors} name="videoUrl" label={t('knowledge.field.videoUrl')} hint={t('knowledge.field.videoUrlHint')} value={text('videoUrl')} optional />
        <TextArea errors={props.errors} name="captionsVtt" label={t('knowledge.field.captions')} hint={t('knowledge.field.captionsHint')} value={text('captionsVtt')} rows={6} optional />
        <TextField errors={props.errors} name="signLanguageUrl" label={t('knowledge.field.signLanguage')} value={text('signLanguageUrl')} optional />
        <TextArea errors={props.errors} name="transcript" label={t('knowledge.field.transcript')} hint={t('knowledge.field.transcriptHint')} value={text('transcript')} rows={6} optional />
        <TextField errors={props.errors} name="titleEn" label={t('knowledge.field.titleEn')} value={text('titleEn')} optional />
        <TextArea errors={props.errors} name="summaryEn" label={t('knowledge.field.summaryEn')} value={text('summaryEn')} rows={3} optional />
        <TextArea errors={props.errors} name="bodyEn" label={t('knowledge.field.bodyEn')} value={text('bodyEn')} rows={8} optional />
        <Button>{t('knowledge.edit.save')}</Button>
      </Form>
      {article && <VideoFileForm council={council} article={article} file={props.videoFile ?? null} errors={props.errors} />}
    </WorkspacePage>
  );
}

/** "2,4 MB" or "830 kB". */
function sizeText(bytes: number, locale: string): string {
  const f = (n: number) => n.toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1 });
  return bytes >= 1024 * 1024 ? `${f(bytes / 1024 / 1024)} MB` : `${f(Math.max(1, bytes / 1024))} kB`;
}

/** The video file of a video article: its own form (multipart), so the article's fields never travel with a large file. */
function VideoFileForm({ ctx: given, council, article, file, errors }: { ctx?: PageCtx; council: Council; article: Article; file: { type: string; size: number } | null; errors?: FieldErrors }) {
  const ctx = usePageCtx(given);
  const t = ctx.t;
  return (
    <Section id="videobestand" title={t('knowledge.videoFile.title')}>
      {article.format !== 'video' ? (
        <Paragraph>{t('knowledge.videoFile.notVideo')}</Paragraph>
      ) : (
        <>
          <Paragraph>{file ? t('knowledge.videoFile.current', { type: file.type === 'video/mp4' ? 'MP4' : 'WebM', size: sizeText(file.size, ctx.locale) }) : t('knowledge.videoFile.none')}</Paragraph>
          <Form action={`${wsPath(council)}/${article.id}/video?_csrf=${encodeURIComponent(ctx.csrfToken)}`} multipart>
            <FileField errors={errors} name="videoFile" label={t('knowledge.videoFile.field')} hint={t('knowledge.videoFile.hint', { mb: VIDEO_MAX_MB })} accept="video/webm,video/mp4" />
            <Button>{t('knowledge.videoFile.upload')}</Button>
          </Form>
        </>
      )}
    </Section>
  );
}

/** The versions of an article and the difference between two of them. */
export function VersionsPage(props: Props & { article: Article; versions: ArticleVersion[]; from: ArticleVersion | null; to: ArticleVersion | null }) {
  const { ctx, council, article, versions } = props;
  const t = ctx.t;
  const path = `${wsPath(council)}/${article.id}/versies`;
  const options = versions.map((x) => ({ value: String(x.version), label: t('knowledge.versions.n', { n: x.version }) }));
  return (
    <WorkspacePage
      title={t('knowledge.versions.titleOf', { title: article.title })}
      section={wsPath(council)}
      href={path}
      crumb={t('knowledge.versions.title')}
      parent={[{ href: wsPath(council), label: t('knowledge.ws.title') }]}
    >
      <Table
        caption={t('knowledge.versions.title')}
        rows={versions}
        columns={[
          { header: t('knowledge.field.version'), cell: (x) => t('knowledge.versions.n', { n: x.version }) },
          { header: t('knowledge.field.title'), cell: (x) => x.title },
          { header: t('knowledge.versions.when'), cell: (x) => formatDateTime(x.createdAt, ctx.locale) },
        ]}
      />
      {versions.length > 1 && (
        <Section id="vergelijken" title={t('knowledge.versions.compare')}>
          <form method="get" action={path} class="rw-form">
            <SelectField name="van" label={t('knowledge.versions.from')} value={String(props.from?.version ?? versions[1]!.version)} options={options} />
            <SelectField name="naar" label={t('knowledge.versions.to')} value={String(props.to?.version ?? versions[0]!.version)} options={options} />
            <Button variant="secondary">{t('knowledge.versions.compareButton')}</Button>
          </form>
          {props.from && props.to && (
            <LineDiff from={versionText(props.from)} to={versionText(props.to)} added={t('knowledge.diff.added')} removed={t('knowledge.diff.removed')} same={t('knowledge.diff.same')} />
          )}
        </Section>
      )}
    </WorkspacePage>
  );
}

/** An adopted national article: what changed since the council last looked, and its local paragraph. */
export function AdoptionPage(props: Props & { data: Awaited<ReturnType<typeof adoptionToEdit>>; errors?: FieldErrors; values?: FormValues; notice?: string }) {
  const { ctx, council, data } = props;
  const t = ctx.t;
  const path = `${wsPath(council)}/overgenomen/${data.article.id}`;
  return (
    <WorkspacePage
      title={t('knowledge.adoption.title', { title: data.article.title })}
      section={wsPath(council)}
      href={path}
      crumb={data.article.title}
      parent={{ href: wsPath(council), label: t('knowledge.ws.title') }}
      errors={props.errors}
      notice={props.notice}
      intro={t('knowledge.adoption.intro', { source: data.sourceName })}
    >
      {data.change && (
        <Section id="veranderd" title={t('knowledge.adoption.changed', { from: data.change.from.version, to: data.change.to.version })} intro={t('knowledge.adoption.changedIntro')}>
          <LineDiff from={data.change.from.text} to={data.change.to.text} added={t('knowledge.diff.added')} removed={t('knowledge.diff.removed')} same={t('knowledge.diff.same')} />
        </Section>
      )}
      <Form action={path}>
        <TextArea
          errors={props.errors}
          name="localParagraph"
          label={t('knowledge.adoption.paragraph')}
          hint={t('knowledge.adoption.paragraphHint')}
          value={props.values?.localParagraph ?? data.adoption.localParagraph}
          rows={8}
          optional
        />
        <Button>{data.change ? t('knowledge.adoption.saveSeen') : t('knowledge.adoption.save')}</Button>
      </Form>
      <Section id="landelijke-tekst" title={t('knowledge.adoption.nationalText')}>
        <RichText markdown={data.article.body} />
      </Section>
      <Paragraph>
        <Link href={`${basePath(council)}/${data.article.id}`}>{t('knowledge.edit.view')}</Link>
      </Paragraph>
    </WorkspacePage>
  );
}

/** News in the workspace: the list and a form for a new item. */
export function NewsWorkspacePage(props: Props & { items: NewsItem[]; mayWrite: boolean; errors?: FieldErrors; values?: FormValues; notice?: string }) {
  const { ctx, council } = props;
  const t = ctx.t;
  const path = wsNewsPath(council);
  const v = props.values ?? {};
  return (
    <WorkspacePage title={t('knowledge.news.title')} section={path} errors={props.errors} notice={props.notice}>
      <Table
        caption={t('knowledge.news.items')}
        empty={t('knowledge.news.empty')}
        rows={props.items}
        columns={[
          { header: t('knowledge.field.title'), cell: (n) => <Link href={`/${council.slug}/nieuws/${n.id}`}>{n.title}</Link> },
          { header: t('knowledge.news.published'), cell: (n) => formatDate(n.publishedAt, ctx.locale) },
        ]}
      />
      {props.mayWrite && (
        <Section id="nieuw-bericht" title={t('knowledge.news.new')}>
          <Form action={path}>
            <TextField errors={props.errors} name="title" label={t('knowledge.field.title')} value={v.title} />
            <TextArea errors={props.errors} name="summary" label={t('knowledge.field.summary')} value={v.summary} rows={3} />
            <TextArea errors={props.errors} name="body" label={t('knowledge.field.body')} hint={t('knowledge.field.bodyHint')} value={v.body} rows={10} />
            <Button>{t('knowledge.news.publish')}</Button>
          </Form>
        </Section>
      )}
    </WorkspacePage>
  );
}
