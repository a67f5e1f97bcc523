import type { ComponentChildren } from 'preact';
import { usePageCouncil, usePageCtx, type PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import type { Actor } from '../../../core/policy.ts';
import { Alert, Button, ButtonGroup, ButtonLink, DataList, Heading, Link, LinkList, Pagination, Paragraph, Section, StatusBadge, Table, TextBlock } from '../../../ui/components/basics.tsx';
import { ActionForm, ChooseOneForm, FileField, Form, RadioGroup, SelectField, TextArea, TextField } from '../../../ui/components/form.tsx';
import type { FieldErrors, FormValues } from '../../../core/http/forms.ts';
import { formatDate, type MessageKey } from '../../../core/i18n/index.ts';
import { PublicPage, WorkspacePage, type Crumb, type WorkspacePageParts } from '../../../ui/layouts/workspace-page.tsx';
import { accessLevels, shareLevels, type AccessLevel, type DocumentFolder, type ExtractionState } from '../documents.schema.ts';
import { formatBytes, type DocumentDetail, type DocumentsMay, type ListRow } from '../documents.library.ts';
import { RANKED_DOCUMENTS, type SearchHit, type SearchResult } from '../documents.search.ts';
import type { LinkKind } from '../documents.folders.ts';
import { folderLinkForms } from '../documents.forms.ts';
import { Passage } from '../../../ui/components/passage.tsx';

type Props = { ctx: PageCtx; council: Council; actor: Actor };
type FolderOption = { id: string; name: string };
type FormState = { errors?: FieldErrors; values?: FormValues };

export const wsPath = (council: Council) => `/${council.slug}/werkruimte/documenten`;
const publicPath = (council: Council) => `/${council.slug}/documenten`;

/** The notices a redirect can ask for with ?melding=. */
export const notices = {
  toegevoegd: 'documents.notice.uploaded',
  versie: 'documents.notice.version',
  opgeslagen: 'documents.notice.saved',
  gedeeld: 'documents.notice.shared',
  nietgedeeld: 'documents.notice.unshared',
  verwijderd: 'documents.notice.deleted',
  map: 'documents.notice.folderCreated',
  gekoppeld: 'documents.notice.linked',
  ontkoppeld: 'documents.notice.unlinked',
  'vergadering-gekoppeld': 'documents.notice.meetingLinked',
  'vergadering-ontkoppeld': 'documents.notice.meetingUnlinked',
} satisfies Record<string, MessageKey>;
export type Notice = keyof typeof notices;

/** Accept list for the file picker; the server checks the content anyway. */
const ACCEPT = '.pdf,.docx,.odt,.ods,.odp,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text';

/**
 * A workspace page of the documents section: its menu item, and a trail below "Documenten" (then
 * `parent`, then this page at `href`); the list page leaves `href` out.
 */
function DocumentsPage(props: Omit<WorkspacePageParts, 'section' | 'parent'> & { parent?: Crumb[] }) {
  const t = usePageCtx(props.ctx).t;
  const path = wsPath(usePageCouncil(props.council));
  const parent = props.href ? [{ href: path, label: t('documents.list.title') }, ...(props.parent ?? [])] : undefined;
  return <WorkspacePage {...props} section={path} parent={parent} />;
}

const noticeText = (ctx: PageCtx, notice?: Notice) => (notice ? ctx.t(notices[notice]) : undefined);

const extractionLook: Record<ExtractionState, 'success' | 'warning' | 'danger' | 'neutral'> = {
  done: 'success',
  pending: 'neutral',
  failed: 'danger',
  too_large: 'warning',
};

function Extraction({ ctx: given, state }: { ctx?: PageCtx; state: ExtractionState }) {
  const ctx = usePageCtx(given);
  return <StatusBadge status={extractionLook[state]}>{ctx.t(`documents.extraction.${state}`)}</StatusBadge>;
}

function AccessBadge({ ctx: given, access }: { ctx?: PageCtx; access: AccessLevel }) {
  const ctx = usePageCtx(given);
  return <StatusBadge status={access === 'closed' ? 'danger' : access === 'members' ? 'warning' : 'neutral'}>{ctx.t(`documents.access.${access}`)}</StatusBadge>;
}

/** Search form (GET), shared by the public and the workspace list. */
function SearchForm({ ctx: given, action, q, folderId }: { ctx?: PageCtx; action: string; q: string; folderId?: string | null }) {
  const ctx = usePageCtx(given);
  return (
    <form method="get" action={action} class="rw-form" role="search" aria-labelledby="zoeken-titel">
      <Heading level={2} id="zoeken-titel">
        {ctx.t('documents.search.title')}
      </Heading>
      <TextField name="q" label={ctx.t('documents.search.q')} hint={ctx.t('documents.search.qHint')} value={q} />
      {folderId && <input type="hidden" name="map" value={folderId} />}
      <Button>{ctx.t('documents.search.submit')}</Button>
    </form>
  );
}

/**
 * Results, one per document, with the pages of its hits; a PDF opens at the page. Hits are
 * <mark> elements around escaped text.
 */
function SearchResults({ ctx: given, q, result, href, base }: { ctx?: PageCtx; q: string; result: SearchResult; href: (h: SearchHit) => string; base: string }) {
  const ctx = usePageCtx(given);
  const t = ctx.t;
  const { hits, total } = result;
  return (
    <Section id="resultaten-titel" title={t('documents.search.results', { q })}>
      <p class="utrecht-paragraph nl-paragraph" role="status">
        {total === 0 ? t('documents.search.none') : total === 1 ? t('documents.search.one') : t('documents.search.count', { n: total })}
        {result.capped && ` ${t('documents.search.capped', { n: RANKED_DOCUMENTS })}`}
      </p>
      {hits.length > 0 && (
        <ol class="utrecht-ordered-list">
          {hits.map((h) => (
            <li class="utrecht-ordered-list__item">
              <Link href={href(h)}>{h.title}</Link>
              {h.inTitle && ` — ${t('documents.search.inTitle')}`}
              {h.sharedBy && ` (${t('documents.search.sharedBy', { council: h.sharedBy })})`}
              {h.pages.length > 0 && (
                <ul class="utrecht-unordered-list">
                  {h.pages.map((p) => (
                    <li class="utrecht-unordered-list__item">
                      {p.page !== null && h.isPdf ? (
                        <Link href={`${base}/${h.id}/bekijken#page=${p.page}`}>{t('documents.search.page', { page: p.page })}</Link>
                      ) : p.page !== null ? (
                        t('documents.search.page', { page: p.page })
                      ) : (
                        t('documents.search.noPage')
                      )}
                      {': '}
                      <Passage text={p.passage} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
      <Pagination page={result.page} pages={result.pages} href={(n) => `${base}?${new URLSearchParams({ q, pagina: String(n) })}`} />
    </Section>
  );
}

// ------------------------------------------------------------------ public

export function PublicListPage({ ctx, council, rows, q, hits }: { ctx: PageCtx; council: Council; rows: ListRow[]; q: string; hits: SearchResult | null }) {
  const t = ctx.t;
  const path = publicPath(council);
  const download = (id: string) => `${path}/${id}/download`;
  return (
    <PublicPage title={t('documents.public.title')} section={path} intro={t('documents.public.intro')} lead>
      <SearchForm action={path} q={q} />
      {hits ? (
        <>
          <SearchResults q={q} result={hits} href={(h) => download(h.id)} base={path} />
          <Paragraph>
            <Link href={path}>{t('documents.search.reset')}</Link>
          </Paragraph>
        </>
      ) : (
        <Table
          caption={t('documents.list.caption')}
          empty={t('documents.public.empty')}
          rows={rows}
          columns={[
            { header: t('documents.list.document'), cell: (r) => r.title },
            {
              header: t('documents.list.file'),
              cell: (r) => <Link href={download(r.id)}>{t('documents.list.download', { title: `${r.fileName} (${formatBytes(r.sizeBytes)})` })}</Link>,
            },
            { header: t('documents.list.updated'), cell: (r) => formatDate(r.updatedAt, ctx.locale) },
          ]}
        />
      )}
    </PublicPage>
  );
}

// ------------------------------------------------------------------ workspace list

export function ListPage(props: Props & { rows: ListRow[]; folders: FolderOption[]; folderId: string | null; q: string; hits: SearchResult | null; may: DocumentsMay; notice?: Notice }) {
  const { ctx, council, rows, folders, folderId, q, hits } = props;
  const t = ctx.t;
  const path = wsPath(council);
  return (
    <DocumentsPage title={t('documents.list.title')} notice={noticeText(ctx, props.notice)} intro={t('documents.list.intro')}>
      <ButtonGroup>
        {props.may.upload && <ButtonLink href={`${path}/nieuw${folderId ? `?map=${folderId}` : ''}`}>{t('documents.list.upload')}</ButtonLink>}
        <ButtonLink href={`${path}/mappen`} variant="secondary">
          {t('documents.list.folders')}
        </ButtonLink>
      </ButtonGroup>
      <SearchForm action={path} q={q} folderId={folderId} />
      {hits ? (
        <>
          <SearchResults q={q} result={hits} href={(h) => `${path}/${h.id}`} base={path} />
          <Paragraph>
            <Link href={path}>{t('documents.search.reset')}</Link>
          </Paragraph>
        </>
      ) : (
        <>
          <form method="get" action={path} class="rw-form">
            <SelectField
              name="map"
              label={t('documents.list.filter')}
              value={folderId ?? ''}
              options={[{ value: '', label: t('documents.list.allFolders') }, ...folders.map((f) => ({ value: f.id, label: f.name }))]}
            />
            <Button variant="secondary">{t('documents.list.filterButton')}</Button>
          </form>
          <DocumentTable council={council} rows={rows} />
        </>
      )}
    </DocumentsPage>
  );
}

function DocumentTable({ ctx: given, council, rows }: { ctx?: PageCtx; council: Council; rows: ListRow[] }) {
  const ctx = usePageCtx(given);
  const t = ctx.t;
  const path = wsPath(council);
  return (
    <Table
      caption={t('documents.list.caption')}
      empty={t('documents.list.empty')}
      rows={rows}
      columns={[
        {
          header: t('documents.list.document'),
          cell: (r) => (
            <>
              <Link href={`${path}/${r.id}`}>{r.title}</Link>
              {r.sharedBy && <div>{t('documents.search.sharedBy', { council: r.sharedBy })}</div>}
            </>
          ),
        },
        { header: t('documents.list.access'), cell: (r) => <AccessBadge access={r.access} /> },
        { header: t('documents.list.folder'), cell: (r) => r.folderName ?? t('documents.list.noFolder') },
        { header: t('documents.list.file'), cell: (r) => `${r.fileName}, ${formatBytes(r.sizeBytes)}, ${t('documents.list.version', { n: r.version })}` },
        { header: t('documents.list.status'), cell: (r) => <Extraction state={r.extraction} /> },
      ]}
    />
  );
}

// ------------------------------------------------------------------ upload

function AccessChoice({ ctx: given, may, value, errors }: { ctx?: PageCtx; may: DocumentsMay; value: string; errors?: FieldErrors }) {
  const ctx = usePageCtx(given);
  const levels = accessLevels.filter((a) => a !== 'closed' || may.closedAccess);
  return (
    <RadioGroup
      name="access"
      label={ctx.t('documents.field.access')}
      value={value}
      errors={errors}
      options={levels.map((a) => ({ value: a, label: `${ctx.t(`documents.access.${a}`)}: ${ctx.t(`documents.access.${a}Hint`)}` }))}
    />
  );
}

function FolderChoice({ ctx: given, folders, value, errors }: { ctx?: PageCtx; folders: FolderOption[]; value: string; errors?: FieldErrors }) {
  const ctx = usePageCtx(given);
  return (
    <SelectField
      name="folderId"
      label={ctx.t('documents.field.folder')}
      hint={ctx.t('documents.field.folderHint')}
      optional
      value={value}
      errors={errors}
      options={[{ value: '', label: ctx.t('documents.list.noFolder') }, ...folders.map((f) => ({ value: f.id, label: f.name }))]}
    />
  );
}

export function UploadPage(props: Props & FormState & { folders: FolderOption[]; maxBytes: number; may: DocumentsMay }) {
  const { ctx, council, errors, values = {}, folders } = props;
  const t = ctx.t;
  const path = wsPath(council);
  const max = formatBytes(props.maxBytes);
  const title = t('documents.upload.title');
  return (
    <DocumentsPage title={title} href={`${path}/nieuw`} errors={errors} intro={t('documents.upload.intro', { max })}>
      <Form action={`${path}/nieuw?_csrf=${encodeURIComponent(ctx.csrfToken)}`} multipart>
        <FileField name="file" label={t('documents.upload.file')} hint={t('documents.upload.fileHint', { max })} accept={ACCEPT} errors={errors} />
        <TextField name="title" label={t('documents.field.title')} hint={t('documents.field.titleHint')} optional value={values.title} errors={errors} />
        <TextArea name="description" label={t('documents.field.description')} optional rows={3} value={values.description} errors={errors} />
        <AccessChoice may={props.may} value={values.access ?? 'members'} errors={errors} />
        <FolderChoice folders={folders} value={values.folderId ?? ''} errors={errors} />
        <ButtonGroup>
          <Button>{t('documents.upload.submit')}</Button>
          <ButtonLink href={path} variant="secondary">
            {t('documents.upload.cancel')}
          </ButtonLink>
        </ButtonGroup>
      </Form>
    </DocumentsPage>
  );
}

// ------------------------------------------------------------------ detail

export function DetailPage(props: Props & FormState & { detail: DocumentDetail; folders: FolderOption[]; partners: FolderOption[]; maxBytes: number; may: DocumentsMay; notice?: Notice }) {
  const { ctx, council, detail, errors } = props;
  const t = ctx.t;
  const d = detail.document;
  const path = wsPath(council);
  const self = `${path}/${d.id}`;
  const current = detail.versions[0]!;
  return (
    <DocumentsPage title={d.title} href={self} errors={errors} notice={noticeText(ctx, props.notice)}>
      {d.description && <TextBlock text={d.description} />}
      <DataList
        items={[
          { key: t('documents.detail.file'), value: `${current.fileName} (${formatBytes(current.sizeBytes)})` },
          { key: t('documents.detail.access'), value: <AccessBadge access={d.access} /> },
          ...(detail.sharedBy
            ? [{ key: t('documents.detail.sharedBy'), value: detail.sharedBy }]
            : [
                {
                  key: t('documents.detail.folder'),
                  value: detail.folder ? <Link href={`${path}/mappen/${detail.folder.id}`}>{detail.folder.name}</Link> : t('documents.list.noFolder'),
                },
              ]),
          {
            key: t('documents.detail.search'),
            value: (
              <>
                <Extraction state={current.extraction} />
                {current.pageCount !== null && ` ${t('documents.detail.pages', { n: current.pageCount })}`}
              </>
            ),
          },
        ]}
      />
      {(current.extraction === 'failed' || current.extraction === 'too_large') && <Alert type="warning">{t('documents.extraction.failedHint')}</Alert>}
      <ButtonGroup>
        <ButtonLink href={`${self}/download`}>{t('documents.detail.download')}</ButtonLink>
      </ButtonGroup>
      <Section id="versies" title={t('documents.detail.versions')}>
        <Table
          caption={t('documents.detail.versionsCaption')}
          rows={detail.versions}
          columns={[
            { header: t('documents.detail.version'), cell: (v) => String(v.version) },
            {
              header: t('documents.detail.file'),
              cell: (v) => <Link href={`${self}/download?versie=${v.version}`}>{t('documents.detail.downloadVersion', { n: v.version })}</Link>,
            },
            { header: t('documents.detail.size'), cell: (v) => `${v.fileName}, ${formatBytes(v.sizeBytes)}` },
            { header: t('documents.detail.uploaded'), cell: (v) => formatDate(v.createdAt, ctx.locale) },
          ]}
        />
      </Section>
      {detail.mayUpload && (
        <Section id="nieuwe-versie" title={t('documents.detail.newVersion')}>
          <Form action={`${self}/versies?_csrf=${encodeURIComponent(ctx.csrfToken)}`} multipart>
            <FileField
              name="file"
              label={t('documents.upload.file')}
              hint={`${t('documents.upload.fileHint', { max: formatBytes(props.maxBytes) })} ${t('documents.detail.newVersionHint')}`}
              accept={ACCEPT}
              errors={errors}
            />
            <Button>{t('documents.detail.newVersionSubmit')}</Button>
          </Form>
        </Section>
      )}
      {detail.mayManage && <ManageDocument {...props} />}
    </DocumentsPage>
  );
}

/** The board's parts of a document's page: its settings, sharing with partner councils, deleting. */
function ManageDocument(props: Props & FormState & { detail: DocumentDetail; folders: FolderOption[]; partners: FolderOption[]; may: DocumentsMay }) {
  const { ctx, detail, errors, values = {}, folders, partners } = props;
  const t = ctx.t;
  const d = detail.document;
  const self = `${wsPath(props.council)}/${d.id}`;
  return (
    <>
      <Section id="instellingen" title={t('documents.detail.settings')}>
        <Form action={`${self}/instellingen`}>
          <TextField name="title" label={t('documents.field.title')} value={values.title ?? d.title} errors={errors} />
          <TextArea name="description" label={t('documents.field.description')} optional rows={3} value={values.description ?? d.description} errors={errors} />
          <AccessChoice may={props.may} value={values.access ?? d.access} errors={errors} />
          <FolderChoice folders={folders} value={values.folderId ?? d.folderId ?? ''} errors={errors} />
          <Button>{t('documents.detail.settingsSubmit')}</Button>
        </Form>
      </Section>
      <Section id="delen" title={t('documents.detail.share')} intro={t('documents.detail.shareIntro')}>
        {detail.shares.length ? (
          <Table
            caption={t('documents.detail.sharesCaption')}
            rows={detail.shares}
            columns={[
              { header: t('documents.detail.shareCouncil'), cell: (s) => s.councilName },
              { header: t('documents.detail.sharedWith'), cell: (s) => t(`documents.share.${s.level}`) },
              {
                header: t('documents.detail.share'),
                cell: (s) => <ActionForm action={`${self}/delen/${s.id}/stoppen`} inline button={t('documents.detail.stopSharing', { council: s.councilName })} />,
              },
            ]}
          />
        ) : (
          <Paragraph>{t('documents.detail.notShared')}</Paragraph>
        )}
        {partners.length ? (
          <ChooseOneForm
            action={`${self}/delen`}
            name="councilId"
            label={t('documents.detail.shareCouncil')}
            value={values.councilId ?? ''}
            errors={errors}
            options={[{ value: '', label: t('documents.detail.chooseCouncil') }, ...partners.map((p) => ({ value: p.id, label: p.name }))]}
            button={t('documents.detail.shareSubmit')}
            variant="primary"
          >
            <RadioGroup
              name="level"
              label={t('documents.detail.shareLevel')}
              value={values.level ?? (d.access === 'closed' ? 'board' : 'members')}
              errors={errors}
              options={shareLevels.filter((l) => d.access !== 'closed' || l === 'board').map((l) => ({ value: l, label: t(`documents.share.${l}`) }))}
            />
          </ChooseOneForm>
        ) : (
          <Paragraph>{t('documents.detail.noPartners')}</Paragraph>
        )}
      </Section>
      <Section id="verwijderen" title={t('documents.detail.delete')}>
        <ButtonGroup>
          <ButtonLink href={`${self}/verwijderen`} variant="secondary">
            {t('documents.detail.delete')}
          </ButtonLink>
        </ButtonGroup>
      </Section>
    </>
  );
}

export function DeletePage({ ctx, council, detail }: Props & { detail: DocumentDetail }) {
  const t = ctx.t;
  const d = detail.document;
  const self = `${wsPath(council)}/${d.id}`;
  return (
    <DocumentsPage
      title={t('documents.delete.title', { title: d.title })}
      href={`${self}/verwijderen`}
      crumb={t('documents.detail.delete')}
      parent={[{ href: self, label: d.title }]}
      intro={t('documents.delete.intro')}
    >
      <Form action={`${self}/verwijderen`}>
        <ButtonGroup>
          <Button danger>{t('documents.delete.submit')}</Button>
          <ButtonLink href={self} variant="secondary">
            {t('documents.delete.cancel')}
          </ButtonLink>
        </ButtonGroup>
      </Form>
    </DocumentsPage>
  );
}

// ------------------------------------------------------------------ folders

export function FoldersPage(props: Props & FormState & { folders: { id: string; name: string; description: string; documents: number }[]; may: DocumentsMay; notice?: Notice }) {
  const { ctx, council, folders, errors, values = {} } = props;
  const t = ctx.t;
  const path = wsPath(council);
  return (
    <DocumentsPage title={t('documents.folders.title')} href={`${path}/mappen`} errors={errors} notice={noticeText(ctx, props.notice)} intro={t('documents.folders.intro')}>
      <Table
        caption={t('documents.folders.caption')}
        empty={t('documents.folders.empty')}
        rows={folders}
        columns={[
          { header: t('documents.folders.name'), cell: (f) => <Link href={`${path}/mappen/${f.id}`}>{f.name}</Link> },
          { header: t('documents.field.description'), cell: (f) => f.description },
          { header: t('documents.folders.count'), cell: (f) => String(f.documents), numeric: true },
        ]}
      />
      {props.may.manage && (
        <Section id="nieuwe-map" title={t('documents.folders.new')}>
          <Form action={`${path}/mappen`}>
            <TextField name="name" label={t('documents.folders.name')} value={values.name} errors={errors} />
            <TextArea name="description" label={t('documents.field.description')} optional rows={3} value={values.description} errors={errors} />
            <Button>{t('documents.folders.submit')}</Button>
          </Form>
        </Section>
      )}
    </DocumentsPage>
  );
}

/**
 * Records of another module linked to a folder (advices, meetings): the list with unlink buttons
 * for the board (`mayLink`), and a select to link one more. A module that fills the slot
 * 'documents.folder.related' draws its records with this too.
 */
export function FolderLinks(
  props: FormState & {
    ctx: PageCtx;
    council: Council;
    folderId: string;
    kind: LinkKind;
    title: string;
    empty: string;
    pick: string;
    choose: string;
    items: { id: string; href: string; label: string; unlink: string }[];
    choices: { value: string; label: string }[];
    mayLink: boolean;
  },
) {
  const { ctx } = props;
  const { segment, field } = folderLinkForms[props.kind];
  const action = `${wsPath(props.council)}/mappen/${props.folderId}/${segment}`;
  return (
    <Section id={`gekoppeld-${segment}`} title={props.title}>
      <LinkList
        empty={props.empty}
        items={props.items.map((i) => ({
          href: i.href,
          label: i.label,
          after: props.mayLink && <ActionForm action={`${action}/${i.id}/ontkoppelen`} inline variant="subtle" button={i.unlink} />,
        }))}
      />
      {props.mayLink && props.choices.length > 0 && (
        <ChooseOneForm
          action={action}
          name={field}
          label={props.pick}
          value={props.values?.[field] ?? ''}
          errors={props.errors}
          options={[{ value: '', label: props.choose }, ...props.choices]}
          button={ctx.t('documents.folder.linkSubmit')}
          variant="primary"
        />
      )}
    </Section>
  );
}

export function FolderPage(
  props: Props &
    FormState & {
      folder: DocumentFolder;
      rows: ListRow[];
      advices: { id: string; reference: string; subject: string }[];
      adviceChoices: { id: string; reference: string; subject: string }[];
      may: DocumentsMay & { seeAdvices: boolean };
      /** What other modules show here (slot 'documents.folder.related'). */
      related: ComponentChildren[];
      notice?: Notice;
    },
) {
  const { ctx, council, folder, errors, values, may } = props;
  const t = ctx.t;
  const path = wsPath(council);
  const self = `${path}/mappen/${folder.id}`;
  const adviceLabel = (a: { reference: string; subject: string }) => `${a.reference} ${a.subject}`;
  return (
    <DocumentsPage title={folder.name} href={self} parent={[{ href: `${path}/mappen`, label: t('documents.folders.title') }]} errors={errors} notice={noticeText(ctx, props.notice)}>
      {folder.description && <TextBlock text={folder.description} />}
      <Section id="documenten" title={t('documents.folder.documents')}>
        {may.upload && (
          <ButtonGroup>
            <ButtonLink href={`${path}/nieuw?map=${folder.id}`}>{t('documents.folder.uploadHere')}</ButtonLink>
          </ButtonGroup>
        )}
        <DocumentTable council={council} rows={props.rows} />
      </Section>
      {may.seeAdvices && (
        <FolderLinks
          ctx={ctx}
          council={council}
          folderId={folder.id}
          kind="advice"
          errors={errors}
          values={values}
          title={t('documents.folder.advices')}
          empty={t('documents.folder.noAdvices')}
          pick={t('documents.folder.linkAdvice')}
          choose={t('documents.folder.chooseAdvice')}
          items={props.advices.map((a) => ({
            id: a.id,
            href: `/${council.slug}/werkruimte/adviezen/${a.id}`,
            label: adviceLabel(a),
            unlink: t('documents.folder.unlink', { reference: a.reference }),
          }))}
          choices={props.adviceChoices.map((a) => ({ value: a.id, label: adviceLabel(a) }))}
          mayLink={may.manage}
        />
      )}
      {props.related}
    </DocumentsPage>
  );
}
