import type { ComponentChildren } from 'preact';
import type { PageCtx } from '../../../ui/context.ts';
import type { Council } from '../../../core/organisations.schema.ts';
import { can, type Actor } from '../../../core/policy.ts';
import { Alert, Button, ButtonGroup, ButtonLink, DataList, Heading, Link, Paragraph, StatusBadge, Table, TextBlock } from '../../../ui/components/basics.tsx';
import { FileField, Form, FormPageTop, RadioGroup, SelectField, TextArea, TextField } from '../../../ui/components/form.tsx';
import type { FieldErrors, FormValues } from '../../../core/http/forms.ts';
import { formatDate, type MessageKey } from '../../../core/i18n/index.ts';
import { PublicFrame, WorkspaceFrame } from '../../../ui/layouts/frames.tsx';
import { accessLevels, shareLevels, type AccessLevel, type DocumentFolder, type ExtractionState } from '../documents.schema.ts';
import { formatBytes, type DocumentDetail, type ListRow } from '../documents.library.ts';
import type { SearchHit } from '../documents.search.ts';
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

/** A workspace page of the documents section: its menu item, and a trail below "Documenten". */
function DocFrame(props: Props & { title: string; trail?: { href: string; label: string }[]; hasErrors?: boolean; children: ComponentChildren }) {
  const path = wsPath(props.council);
  return (
    <WorkspaceFrame
      ctx={props.ctx}
      council={props.council}
      actor={props.actor}
      title={props.title}
      section={path}
      hasErrors={props.hasErrors}
      trail={[{ href: path, label: props.ctx.t('documents.list.title') }, ...(props.trail ?? [])]}
    >
      {props.children}
    </WorkspaceFrame>
  );
}

const extractionLook: Record<ExtractionState, 'success' | 'warning' | 'danger' | 'neutral'> = { done: 'success', pending: 'neutral', failed: 'danger', too_large: 'warning' };

function Extraction({ ctx, state }: { ctx: PageCtx; state: ExtractionState }) {
  return <StatusBadge status={extractionLook[state]}>{ctx.t(`documents.extraction.${state}`)}</StatusBadge>;
}

function AccessBadge({ ctx, access }: { ctx: PageCtx; access: AccessLevel }) {
  return <StatusBadge status={access === 'closed' ? 'danger' : access === 'members' ? 'warning' : 'neutral'}>{ctx.t(`documents.access.${access}`)}</StatusBadge>;
}

/** Search form (GET), shared by the public and the workspace list. */
function SearchForm({ ctx, action, q, folderId }: { ctx: PageCtx; action: string; q: string; folderId?: string | null }) {
  return (
    <form method="get" action={action} class="rw-form" role="search" aria-labelledby="zoeken-titel">
      <Heading level={2} id="zoeken-titel">
        {ctx.t('documents.search.title')}
      </Heading>
      <TextField ctx={ctx} name="q" label={ctx.t('documents.search.q')} hint={ctx.t('documents.search.qHint')} value={q} />
      {folderId && <input type="hidden" name="map" value={folderId} />}
      <Button>{ctx.t('documents.search.submit')}</Button>
    </form>
  );
}

/**
 * Results, one per document, with the pages of its hits; a PDF opens at the page. Hits are
 * <mark> elements around escaped text.
 */
function SearchResults({ ctx, q, hits, href, base }: { ctx: PageCtx; q: string; hits: SearchHit[]; href: (h: SearchHit) => string; base: string }) {
  const t = ctx.t;
  return (
    <section aria-labelledby="resultaten-titel">
      <Heading level={2} id="resultaten-titel">
        {t('documents.search.results', { q })}
      </Heading>
      <p class="utrecht-paragraph nl-paragraph" role="status">
        {hits.length === 0 ? t('documents.search.none') : hits.length === 1 ? t('documents.search.one') : t('documents.search.count', { n: hits.length })}
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
    </section>
  );
}

// ------------------------------------------------------------------ public

export function PublicListPage({ ctx, council, rows, q, hits }: { ctx: PageCtx; council: Council; rows: ListRow[]; q: string; hits: SearchHit[] | null }) {
  const t = ctx.t;
  const path = publicPath(council);
  const download = (id: string) => `${path}/${id}/download`;
  return (
    <PublicFrame ctx={ctx} council={council} title={t('documents.public.title')} section={path} trail={[{ href: path, label: t('documents.public.title') }]}>
      <Heading level={1}>{t('documents.public.title')}</Heading>
      <Paragraph lead>{t('documents.public.intro')}</Paragraph>
      <SearchForm ctx={ctx} action={path} q={q} />
      {hits ? (
        <>
          <SearchResults ctx={ctx} q={q} hits={hits} href={(h) => download(h.id)} base={path} />
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
            { header: t('documents.list.file'), cell: (r) => <Link href={download(r.id)}>{t('documents.list.download', { title: `${r.fileName} (${formatBytes(r.sizeBytes)})` })}</Link> },
            { header: t('documents.list.updated'), cell: (r) => formatDate(r.updatedAt, ctx.locale) },
          ]}
        />
      )}
    </PublicFrame>
  );
}

// ------------------------------------------------------------------ workspace list

export function ListPage(props: Props & { rows: ListRow[]; folders: FolderOption[]; folderId: string | null; q: string; hits: SearchHit[] | null; notice?: Notice }) {
  const { ctx, council, actor, rows, folders, folderId, q, hits } = props;
  const t = ctx.t;
  const path = wsPath(council);
  return (
    <DocFrame ctx={ctx} council={council} actor={actor} title={t('documents.list.title')}>
      <FormPageTop ctx={ctx} title={t('documents.list.title')} notice={props.notice ? t(notices[props.notice]) : undefined} />
      <Paragraph>{t('documents.list.intro')}</Paragraph>
      <ButtonGroup>
        {can(actor, 'documents.upload') && <ButtonLink href={`${path}/nieuw${folderId ? `?map=${folderId}` : ''}`}>{t('documents.list.upload')}</ButtonLink>}
        <ButtonLink href={`${path}/mappen`} variant="secondary">
          {t('documents.list.folders')}
        </ButtonLink>
      </ButtonGroup>
      <SearchForm ctx={ctx} action={path} q={q} folderId={folderId} />
      {hits ? (
        <>
          <SearchResults ctx={ctx} q={q} hits={hits} href={(h) => `${path}/${h.id}`} base={path} />
          <Paragraph>
            <Link href={path}>{t('documents.search.reset')}</Link>
          </Paragraph>
        </>
      ) : (
        <>
          <form method="get" action={path} class="rw-form">
            <SelectField
              ctx={ctx}
              name="map"
              label={t('documents.list.filter')}
              value={folderId ?? ''}
              options={[{ value: '', label: t('documents.list.allFolders') }, ...folders.map((f) => ({ value: f.id, label: f.name }))]}
            />
            <Button variant="secondary">{t('documents.list.filterButton')}</Button>
          </form>
          <DocumentTable ctx={ctx} council={council} rows={rows} />
        </>
      )}
    </DocFrame>
  );
}

function DocumentTable({ ctx, council, rows }: { ctx: PageCtx; council: Council; rows: ListRow[] }) {
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
        { header: t('documents.list.access'), cell: (r) => <AccessBadge ctx={ctx} access={r.access} /> },
        { header: t('documents.list.folder'), cell: (r) => r.folderName ?? t('documents.list.noFolder') },
        { header: t('documents.list.file'), cell: (r) => `${r.fileName}, ${formatBytes(r.sizeBytes)}, ${t('documents.list.version', { n: r.version })}` },
        { header: t('documents.list.status'), cell: (r) => <Extraction ctx={ctx} state={r.extraction} /> },
      ]}
    />
  );
}

// ------------------------------------------------------------------ upload

function AccessChoice({ ctx, actor, value, errors }: { ctx: PageCtx; actor: Actor; value: string; errors?: FieldErrors }) {
  const levels = accessLevels.filter((a) => a !== 'closed' || can(actor, 'documents.viewClosed'));
  return (
    <RadioGroup
      ctx={ctx}
      name="access"
      label={ctx.t('documents.field.access')}
      value={value}
      errors={errors}
      options={levels.map((a) => ({ value: a, label: `${ctx.t(`documents.access.${a}`)}: ${ctx.t(`documents.access.${a}Hint`)}` }))}
    />
  );
}

function FolderChoice({ ctx, folders, value, errors }: { ctx: PageCtx; folders: FolderOption[]; value: string; errors?: FieldErrors }) {
  return (
    <SelectField
      ctx={ctx}
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

export function UploadPage(props: Props & FormState & { folders: FolderOption[]; maxBytes: number }) {
  const { ctx, council, actor, errors, values = {}, folders } = props;
  const t = ctx.t;
  const path = wsPath(council);
  const max = formatBytes(props.maxBytes);
  const title = t('documents.upload.title');
  return (
    <DocFrame ctx={ctx} council={council} actor={actor} title={title} hasErrors={Boolean(errors)} trail={[{ href: `${path}/nieuw`, label: title }]}>
      <FormPageTop ctx={ctx} errors={errors} title={title} />
      <Paragraph>{t('documents.upload.intro', { max })}</Paragraph>
      <Form ctx={ctx} action={`${path}/nieuw?_csrf=${encodeURIComponent(ctx.csrfToken)}`} multipart>
        <FileField ctx={ctx} name="file" label={t('documents.upload.file')} hint={t('documents.upload.fileHint', { max })} accept={ACCEPT} errors={errors} />
        <TextField ctx={ctx} name="title" label={t('documents.field.title')} hint={t('documents.field.titleHint')} optional value={values.title} errors={errors} />
        <TextArea ctx={ctx} name="description" label={t('documents.field.description')} optional rows={3} value={values.description} errors={errors} />
        <AccessChoice ctx={ctx} actor={actor} value={values.access ?? 'members'} errors={errors} />
        <FolderChoice ctx={ctx} folders={folders} value={values.folderId ?? ''} errors={errors} />
        <ButtonGroup>
          <Button>{t('documents.upload.submit')}</Button>
          <ButtonLink href={path} variant="secondary">
            {t('documents.upload.cancel')}
          </ButtonLink>
        </ButtonGroup>
      </Form>
    </DocFrame>
  );
}

// ------------------------------------------------------------------ detail

export function DetailPage(
  props: Props & FormState & { detail: DocumentDetail; folders: FolderOption[]; partners: FolderOption[]; maxBytes: number; notice?: Notice },
) {
  const { ctx, council, actor, detail, errors, values = {}, folders, partners } = props;
  const t = ctx.t;
  const d = detail.document;
  const path = wsPath(council);
  const self = `${path}/${d.id}`;
  const current = detail.versions[0]!;
  const csrfQuery = `?_csrf=${encodeURIComponent(ctx.csrfToken)}`;
  return (
    <DocFrame ctx={ctx} council={council} actor={actor} title={d.title} hasErrors={Boolean(errors)} trail={[{ href: self, label: d.title }]}>
      <FormPageTop ctx={ctx} errors={errors} title={d.title} notice={props.notice ? t(notices[props.notice]) : undefined} />
      {d.description && <TextBlock text={d.description} />}
      <DataList
        items={[
          { key: t('documents.detail.file'), value: `${current.fileName} (${formatBytes(current.sizeBytes)})` },
          { key: t('documents.detail.access'), value: <AccessBadge ctx={ctx} access={d.access} /> },
          ...(detail.sharedBy
            ? [{ key: t('documents.detail.sharedBy'), value: detail.sharedBy }]
            : [{ key: t('documents.detail.folder'), value: detail.folder ? <Link href={`${path}/mappen/${detail.folder.id}`}>{detail.folder.name}</Link> : t('documents.list.noFolder') }]),
          {
            key: t('documents.detail.search'),
            value: (
              <>
                <Extraction ctx={ctx} state={current.extraction} />
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

      <Heading level={2}>{t('documents.detail.versions')}</Heading>
      <Table
        caption={t('documents.detail.versionsCaption')}
        rows={detail.versions}
        columns={[
          { header: t('documents.detail.version'), cell: (v) => String(v.version) },
          { header: t('documents.detail.file'), cell: (v) => <Link href={`${self}/download?versie=${v.version}`}>{t('documents.detail.downloadVersion', { n: v.version })}</Link> },
          { header: t('documents.detail.size'), cell: (v) => `${v.fileName}, ${formatBytes(v.sizeBytes)}` },
          { header: t('documents.detail.uploaded'), cell: (v) => formatDate(v.createdAt, ctx.locale) },
        ]}
      />

      {detail.mayUpload && (
        <>
          <Heading level={2} id="nieuwe-versie">
            {t('documents.detail.newVersion')}
          </Heading>
          <Form ctx={ctx} action={`${self}/versies${csrfQuery}`} multipart>
            <FileField
              ctx={ctx}
              name="file"
              label={t('documents.upload.file')}
              hint={`${t('documents.upload.fileHint', { max: formatBytes(props.maxBytes) })} ${t('documents.detail.newVersionHint')}`}
              accept={ACCEPT}
              errors={errors}
            />
            <Button>{t('documents.detail.newVersionSubmit')}</Button>
          </Form>
        </>
      )}

      {detail.mayManage && (
        <>
          <Heading level={2}>{t('documents.detail.settings')}</Heading>
          <Form ctx={ctx} action={`${self}/instellingen`}>
            <TextField ctx={ctx} name="title" label={t('documents.field.title')} value={values.title ?? d.title} errors={errors} />
            <TextArea ctx={ctx} name="description" label={t('documents.field.description')} optional rows={3} value={values.description ?? d.description} errors={errors} />
            <AccessChoice ctx={ctx} actor={actor} value={values.access ?? d.access} errors={errors} />
            <FolderChoice ctx={ctx} folders={folders} value={values.folderId ?? d.folderId ?? ''} errors={errors} />
            <Button>{t('documents.detail.settingsSubmit')}</Button>
          </Form>

          <Heading level={2}>{t('documents.detail.share')}</Heading>
          <Paragraph>{t('documents.detail.shareIntro')}</Paragraph>
          {detail.shares.length ? (
            <Table
              caption={t('documents.detail.sharesCaption')}
              rows={detail.shares}
              columns={[
                { header: t('documents.detail.shareCouncil'), cell: (s) => s.councilName },
                { header: t('documents.detail.sharedWith'), cell: (s) => t(`documents.share.${s.level}`) },
                {
                  header: t('documents.detail.share'),
                  cell: (s) => (
                    <Form ctx={ctx} action={`${self}/delen/${s.id}/stoppen`} class="rw-inline-form">
                      <Button variant="secondary">{t('documents.detail.stopSharing', { council: s.councilName })}</Button>
                    </Form>
                  ),
                },
              ]}
            />
          ) : (
            <Paragraph>{t('documents.detail.notShared')}</Paragraph>
          )}
          {partners.length ? (
            <Form ctx={ctx} action={`${self}/delen`}>
              <SelectField
                ctx={ctx}
                name="councilId"
                label={t('documents.detail.shareCouncil')}
                value={values.councilId ?? ''}
                errors={errors}
                options={[{ value: '', label: t('documents.detail.chooseCouncil') }, ...partners.map((p) => ({ value: p.id, label: p.name }))]}
              />
              <RadioGroup
                ctx={ctx}
                name="level"
                label={t('documents.detail.shareLevel')}
                value={values.level ?? (d.access === 'closed' ? 'board' : 'members')}
                errors={errors}
                options={shareLevels.filter((l) => d.access !== 'closed' || l === 'board').map((l) => ({ value: l, label: t(`documents.share.${l}`) }))}
              />
              <Button>{t('documents.detail.shareSubmit')}</Button>
            </Form>
          ) : (
            <Paragraph>{t('documents.detail.noPartners')}</Paragraph>
          )}

          <Heading level={2}>{t('documents.detail.delete')}</Heading>
          <ButtonGroup>
            <ButtonLink href={`${self}/verwijderen`} variant="secondary">
              {t('documents.detail.delete')}
            </ButtonLink>
          </ButtonGroup>
        </>
      )}
    </DocFrame>
  );
}

export function DeletePage({ ctx, council, actor, detail }: Props & { detail: DocumentDetail }) {
  const t = ctx.t;
  const d = detail.document;
  const path = wsPath(council);
  const self = `${path}/${d.id}`;
  const title = t('documents.delete.title', { title: d.title });
  return (
    <DocFrame ctx={ctx} council={council} actor={actor} title={title} trail={[{ href: self, label: d.title }, { href: `${self}/verwijderen`, label: t('documents.detail.delete') }]}>
      <Heading level={1}>{title}</Heading>
      <Paragraph>{t('documents.delete.intro')}</Paragraph>
      <Form ctx={ctx} action={`${self}/verwijderen`}>
        <ButtonGroup>
          <Button danger>{t('documents.delete.submit')}</Button>
          <ButtonLink href={self} variant="secondary">
            {t('documents.delete.cancel')}
          </ButtonLink>
        </ButtonGroup>
      </Form>
    </DocFrame>
  );
}

// ------------------------------------------------------------------ folders

export function FoldersPage(props: Props & FormState & { folders: { id: string; name: string; description: string; documents: number }[]; notice?: Notice }) {
  const { ctx, council, actor, folders, errors, values = {} } = props;
  const t = ctx.t;
  const path = wsPath(council);
  const title = t('documents.folders.title');
  return (
    <DocFrame ctx={ctx} council={council} actor={actor} title={title} hasErrors={Boolean(errors)} trail={[{ href: `${path}/mappen`, label: title }]}>
      <FormPageTop ctx={ctx} errors={errors} title={title} notice={props.notice ? t(notices[props.notice]) : undefined} />
      <Paragraph>{t('documents.folders.intro')}</Paragraph>
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
      {can(actor, 'documents.manage') && (
        <>
          <Heading level={2}>{t('documents.folders.new')}</Heading>
          <Form ctx={ctx} action={`${path}/mappen`}>
            <TextField ctx={ctx} name="name" label={t('documents.folders.name')} value={values.name} errors={errors} />
            <TextArea ctx={ctx} name="description" label={t('documents.field.description')} optional rows={3} value={values.description} errors={errors} />
            <Button>{t('documents.folders.submit')}</Button>
          </Form>
        </>
      )}
    </DocFrame>
  );
}

/**
 * Records of another module linked to a folder (advices, meetings): the list with unlink buttons
 * for the board, and a select to link one more. A module that fills the slot
 * 'documents.folder.related' draws its records with this too.
 */
export function FolderLinks(
  props: FormState & {
    ctx: PageCtx;
    council: Council;
    actor: Actor;
    folderId: string;
    kind: LinkKind;
    title: string;
    empty: string;
    pick: string;
    choose: string;
    items: { id: string; href: string; label: string; unlink: string }[];
    choices: { value: string; label: string }[];
  },
) {
  const { ctx } = props;
  const { segment, field } = folderLinkForms[props.kind];
  const action = `${wsPath(props.council)}/mappen/${props.folderId}/${segment}`;
  const manage = can(props.actor, 'documents.manage');
  return (
    <>
      <Heading level={2}>{props.title}</Heading>
      {props.items.length ? (
        <ul class="utrecht-unordered-list">
          {props.items.map((i) => (
            <li class="utrecht-unordered-list__item">
              <Link href={i.href}>{i.label}</Link>
              {manage && (
                <Form ctx={ctx} action={`${action}/${i.id}/ontkoppelen`} class="rw-inline-form">
                  <Button variant="subtle">{i.unlink}</Button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <Paragraph>{props.empty}</Paragraph>
      )}
      {manage && props.choices.length > 0 && (
        <Form ctx={ctx} action={action}>
          <SelectField ctx={ctx} name={field} label={props.pick} value={props.values?.[field] ?? ''} errors={props.errors} options={[{ value: '', label: props.choose }, ...props.choices]} />
          <Button>{ctx.t('documents.folder.linkSubmit')}</Button>
        </Form>
      )}
    </>
  );
}

export function FolderPage(
  props: Props &
    FormState & {
      folder: DocumentFolder;
      rows: ListRow[];
      advices: { id: string; reference: string; subject: string }[];
      adviceChoices: { id: string; reference: string; subject: string }[];
      /** What other modules show here (slot 'documents.folder.related'). */
      related: ComponentChildren[];
      notice?: Notice;
    },
) {
  const { ctx, council, actor, folder, errors, values } = props;
  const t = ctx.t;
  const path = wsPath(council);
  const self = `${path}/mappen/${folder.id}`;
  const adviceLabel = (a: { reference: string; subject: string }) => `${a.reference} ${a.subject}`;
  return (
    <DocFrame ctx={ctx} council={council} actor={actor} title={folder.name} hasErrors={Boolean(errors)} trail={[{ href: `${path}/mappen`, label: t('documents.folders.title') }, { href: self, label: folder.name }]}>
      <FormPageTop ctx={ctx} errors={errors} title={folder.name} notice={props.notice ? t(notices[props.notice]) : undefined} />
      {folder.description && <TextBlock text={folder.description} />}
      <Heading level={2}>{t('documents.folder.documents')}</Heading>
      {can(actor, 'documents.upload') && (
        <ButtonGroup>
          <ButtonLink href={`${path}/nieuw?map=${folder.id}`}>{t('documents.folder.uploadHere')}</ButtonLink>
        </ButtonGroup>
      )}
      <DocumentTable ctx={ctx} council={council} rows={props.rows} />
      {can(actor, 'advice.view') && (
        <FolderLinks
          ctx={ctx}
          council={council}
          actor={actor}
          folderId={folder.id}
          kind="advice"
          errors={errors}
          values={values}
          title={t('documents.folder.advices')}
          empty={t('documents.folder.noAdvices')}
          pick={t('documents.folder.linkAdvice')}
          choose={t('documents.folder.chooseAdvice')}
          items={props.advices.map((a) => ({ id: a.id, href: `/${council.slug}/werkruimte/adviezen/${a.id}`, label: adviceLabel(a), unlink: t('documents.folder.unlink', { reference: a.reference }) }))}
          choices={props.adviceChoices.map((a) => ({ value: a.id, label: adviceLabel(a) }))}
        />
      )}
      {props.related}
    </DocFrame>
  );
}
