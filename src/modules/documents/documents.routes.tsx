import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pageProps } from '../../core/http/page-routes.ts';
import type { ZodType } from 'zod';
import { domainErrors, noticeOf, parseForm, readUploads, type FieldErrors, type FormValues } from '../../core/http/forms.ts';
import type { DomainError } from '../../core/errors.ts';
import { actorOf, requireRight } from '../../core/auth/guards.ts';
import { councilOf } from '../../core/tenancy.ts';
import { attachmentDisposition } from '../../core/files/sniff.ts';
import type { Deps } from '../../core/deps.ts';
import { renderSlot } from '../../core/platform.ts';
import * as library from './documents.library.ts';
import { findVisible } from './documents.access.ts';
import { createFolder, findAdviceToLink, getFolder, linkFolder, listFolders, unlinkFolder, type FindLinkTarget, type LinkKind } from './documents.folders.ts';
import { searchDocumentsPage } from './documents.search.ts';
import { documentSchema, folderLinkForms, folderSchema, listQuerySchema, settingsSchema, shareSchema } from './documents.forms.ts';
import { DeletePage, DetailPage, FolderPage, FoldersPage, ListPage, notices, PublicListPage, UploadPage, wsPath, type Notice } from './views/documents.tsx';

type Params = { id: string; folderId: string; shareId: string };
type FormState = { errors?: FieldErrors; values?: FormValues };

/** The words `?melding=` may carry on these pages. */
const noticeWords = Object.keys(notices) as Notice[];

/** A broken rule of the use case: the error at its field, with its status (400, or 413 for a file that is too large). */
function errorsOf(req: FastifyRequest, err: unknown): { errors: FieldErrors; status: number } | null {
  const errors = domainErrors(err, req.t);
  return errors && { errors, status: (err as DomainError).status ?? 400 };
}

/** One file in the field `file`, at most `maxBytes`; a file over the limit is marked, not kept. */
async function readUpload(req: FastifyRequest, maxBytes: number) {
  const { fields, uploads } = await readUploads(req, { field: 'file', maxBytes, maxFields: 10, fieldSize: 10_000 });
  return { fields, upload: uploads[0] ?? null };
}

/** Sends a stored file as a download: never shown inline, never sniffed by the browser. */
function sendFile(reply: FastifyReply, file: { bytes: Buffer; fileName: string; mimeType: string }, cache: string) {
  return reply.type(file.mimeType).header('content-disposition', attachmentDisposition(file.fileName)).header('x-content-type-options', 'nosniff').header('cache-control', cache).send(file.bytes);
}

/**
 * A PDF in the browser's own viewer, so a search hit opens at its page (`#page=3`); any other
 * type is sent as a download. Type checked on upload, never sniffed.
 */
function sendViewable(reply: FastifyReply, file: { bytes: Buffer; fileName: string; mimeType: string }, cache: string) {
  if (file.mimeType !== 'application/pdf') return sendFile(reply, file, cache);
  return reply
    .type('application/pdf')
    .header('content-disposition', attachmentDisposition(file.fileName, 'inline'))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', cache)
    .send(file.bytes);
}

async function folderOptions(deps: Deps, req: FastifyRequest) {
  return (await listFolders(deps, { council: councilOf(req), actor: actorOf(req) })).map((f) => ({ id: f.id, name: f.name }));
}

/**
 * A folder's page, also to show a link form of it again with its errors. Other modules add their
 * own linked records through the slot 'documents.folder.related' (meetings do).
 */
async function folderPage(req: FastifyRequest, reply: FastifyReply, state: FormState = {}, status = 200) {
  const deps = req.server.deps;
  const council = councilOf(req);
  const actor = actorOf(req);
  const f = await getFolder(deps, { council, actor, id: (req.params as Params).folderId });
  const ctx = await req.pageCtx();
  const related = await renderSlot('documents.folder.related', { deps, ctx, council, actor, id: f.folder.id, form: state });
  return reply.page(
    <FolderPage
      ctx={ctx}
      council={council}
      actor={actor}
      folder={f.folder}
      rows={f.documents}
      advices={f.advices}
      adviceChoices={f.adviceChoices}
      may={f.may}
      related={related}
      notice={noticeOf(req, noticeWords)}
      {...state}
    />,
    status,
  );
}

/**
 * Linking a folder to records of one kind, and unlinking: for the board, answered with the folder
 * page. The records are another module's, so that module's `find` looks the one to link up; the
 * meetings module registers these routes for meetings itself.
 */
export function folderLinkRoutes(app: FastifyInstance, kind: LinkKind, find: FindLinkTarget): void {
  const deps = app.deps;
  const l = folderLinkForms[kind];
  const manage = { preHandler: requireRight('documents.manage') };
  const WS = '/:council/werkruimte/documenten/mappen/:folderId';
  app.post(`${WS}/${l.segment}`, manage, async (req, reply) => {
    const council = councilOf(req);
    const { folderId } = req.params as Params;
    // Unknown or another council's folder: linkFolder answers 404 before it looks at the target.
    const form = parseForm(l.schema as ZodType<Record<string, string>>, req.body, req.t);
    try {
      // A missing or malformed id is refused by the use case like an unknown one: "choose from the list".
      await linkFolder(deps, kind, find, { council, actor: actorOf(req), folderId, targetId: form.ok ? form.data[l.field]! : '' });
    } catch (err) {
      const e = errorsOf(req, err);
      if (!e) throw err;
      return folderPage(req, reply, { errors: e.errors }, e.status);
    }
    return reply.redirect(`${wsPath(council)}/mappen/${folderId}?melding=${l.linked}`, 303);
  });

  app.post(`${WS}/${l.segment}/:${l.field}/ontkoppelen`, manage, async (req, reply) => {
    const council = councilOf(req);
    const params = req.params as Params & Record<typeof l.field, string>;
    await unlinkFolder(deps, kind, { council, actor: actorOf(req), folderId: params.folderId, targetId: params[l.field] });
    return reply.redirect(`${wsPath(council)}/mappen/${params.folderId}?melding=${l.unlinked}`, 303);
  });
}

export async function documentsRoutes(app: FastifyInstance) {
  const deps = app.deps;
  const WS = '/:council/werkruimte/documenten';
  const view = { preHandler: requireRight('documents.view') };
  const upload = { preHandler: requireRight('documents.upload'), bodyLimit: deps.config.documentMaxBytes + 1024 * 1024 };
  const manage = { preHandler: requireRight('documents.manage') };

  // ---------------------------------------------------------------- public site
  app.get('/:council/documenten', { config: { publicCache: true } }, async (req, reply) => {
    const council = councilOf(req);
    const query = listQuerySchema.parse(req.query ?? {});
    const q = query.q ?? '';
    const [rows, hits] = await Promise.all([
      q ? Promise.resolve([]) : library.listDocuments(deps, { council, actor: null }),
      q ? searchDocumentsPage(deps, { council, actor: null, query: q, page: query.pagina }) : Promise.resolve(null),
    ]);
    return reply.page(<PublicListPage ctx={await req.pageCtx()} council={council} rows={rows} q={q} hits={hits} />);
  });

  app.get('/:council/documenten/:id/download', async (req, reply) => {
    // Always as the public: a member's session does not open members-only files here.
    const file = await library.download(deps, { council: councilOf(req), actor: null, id: (req.params as Params).id, version: null });
    // Revalidated on every use: a document can stop being public.
    return sendFile(reply, file, 'no-cache');
  });

  app.get('/:council/documenten/:id/bekijken', async (req, reply) => {
    const file = await library.download(deps, { council: councilOf(req), actor: null, id: (req.params as Params).id, version: null });
    return sendViewable(reply, file, 'no-cache');
  });

  // ---------------------------------------------------------------- workspace list
  app.get(WS, view, async (req, reply) => {
    const council = councilOf(req);
    const actor = actorOf(req);
    const query = listQuerySchema.parse(req.query ?? {});
    const q = query.q ?? '';
    const folderId = query.map ?? null;
    const [folders, rows, hits] = await Promise.all([
      folderOptions(deps, req),
      q ? Promise.resolve([]) : library.listDocuments(deps, { council, actor, folderId }),
      q ? searchDocumentsPage(deps, { council, actor, query: q, page: query.pagina }) : Promise.resolve(null),
    ]);
    return reply.page(
      <ListPage {...(await pageProps(req))} rows={rows} folders={folders} folderId={folderId} q={q} hits={hits} may={library.documentsMay(actor)} notice={noticeOf(req, noticeWords)} />,
    );
  });

  // ---------------------------------------------------------------- upload
  async function uploadPage(req: FastifyRequest, reply: FastifyReply, state: { errors?: FieldErrors; values?: FormValues } = {}, status = 200) {
    const page = <UploadPage {...(await pageProps(req))} folders={await folderOptions(deps, req)} maxBytes={deps.config.documentMaxBytes} may={library.documentsMay(actorOf(req))} {...state} />;
    return reply.page(page, status);
  }

  app.get(`${WS}/nieuw`, { preHandler: upload.preHandler }, async (req, reply) => {
    const map = listQuerySchema.parse(req.query ?? {}).map;
    return uploadPage(req, reply, { values: map ? { folderId: map } : {} });
  });

  app.post(`${WS}/nieuw`, upload, async (req, reply) => {
    const council = councilOf(req);
    const { fields, upload: file } = await readUpload(req, deps.config.documentMaxBytes);
    const form = parseForm(documentSchema, fields, req.t);
    if (!form.ok) {
      const errors = file ? form.errors : { file: req.t('documents.error.noFile'), ...form.errors };
      return uploadPage(req, reply, { errors, values: form.values }, 400);
    }
    try {
      const doc = await library.uploadDocument(deps, { council, actor: actorOf(req), input: form.data, upload: file });
      return reply.redirect(`${wsPath(council)}/${doc.id}?melding=toegevoegd`, 303);
    } catch (err) {
      const e = errorsOf(req, err);
      if (!e) throw err;
      return uploadPage(req, reply, { errors: e.errors, values: fields }, e.status);
    }
  });

  // ---------------------------------------------------------------- folders
  async function foldersPage(req: FastifyRequest, reply: FastifyReply, state: { errors?: FieldErrors; values?: FormValues } = {}, status = 200) {
    const folders = await listFolders(deps, { council: councilOf(req), actor: actorOf(req) });
    return reply.page(<FoldersPage {...(await pageProps(req))} folders={folders} may={library.documentsMay(actorOf(req))} notice={noticeOf(req, noticeWords)} {...state} />, status);
  }

  app.get(`${WS}/mappen`, view, (req, reply) => foldersPage(req, reply));

  app.post(`${WS}/mappen`, manage, async (req, reply) => {
    const council = councilOf(req);
    const form = parseForm(folderSchema, req.body, req.t);
    if (!form.ok) return foldersPage(req, reply, { errors: form.errors, values: form.values }, 400);
    try {
      const folder = await createFolder(deps, { council, actor: actorOf(req), input: form.data });
      return reply.redirect(`${wsPath(council)}/mappen/${folder.id}?melding=map`, 303);
    } catch (err) {
      const e = errorsOf(req, err);
      if (!e) throw err;
      return foldersPage(req, reply, { errors: e.errors, values: form.data }, e.status);
    }
  });

  app.get(`${WS}/mappen/:folderId`, view, (req, reply) => folderPage(req, reply));
  folderLinkRoutes(app, 'advice', findAdviceToLink);

  // ---------------------------------------------------------------- one document
  async function detailPage(req: FastifyRequest, reply: FastifyReply, state: { errors?: FieldErrors; values?: FormValues } = {}, status = 200) {
    const council = councilOf(req);
    const actor = actorOf(req);
    const detail = await library.getDocument(deps, { council, actor, id: (req.params as Params).id });
    const [folders, partners] = detail.mayManage ? await Promise.all([folderOptions(deps, req), library.partnerCouncils(deps, council)]) : [[], []];
    return reply.page(
      <DetailPage
        {...(await pageProps(req))}
        detail={detail}
        folders={folders}
        partners={partners}
        maxBytes={deps.config.documentMaxBytes}
        may={library.documentsMay(actor)}
        notice={noticeOf(req, noticeWords)}
        {...state}
      />,
      status,
    );
  }

  /**
   * Runs a change on a document: redirect with a notice, or the detail page with the message.
   * `invalid` is a form that did not validate: shown after the 404 check, nothing is run.
   */
  async function act(req: FastifyRequest, reply: FastifyReply, run: () => Promise<unknown>, melding: Notice, invalid?: { errors: FieldErrors; values: FormValues }) {
    const council = councilOf(req);
    const { id } = req.params as Params;
    // Unknown, invisible or another council's document: 404 before anything else.
    await findVisible(deps, council, actorOf(req), id);
    if (invalid) return detailPage(req, reply, invalid, 400);
    try {
      await run();
    } catch (err) {
      const e = errorsOf(req, err);
      if (!e) throw err;
      return detailPage(req, reply, { errors: e.errors }, e.status);
    }
    return reply.redirect(melding === 'verwijderd' ? `${wsPath(council)}?melding=verwijderd` : `${wsPath(council)}/${id}?melding=${melding}`, 303);
  }

  /** A form on the detail page: validate, then act with the parsed input. */
  function formAct<T>(schema: ZodType<T>, melding: Notice, run: (req: FastifyRequest, input: T) => Promise<unknown>) {
    return async (req: FastifyRequest, reply: FastifyReply) => {
      const form = parseForm(schema, req.body, req.t);
      return form.ok ? act(req, reply, () => run(req, form.data), melding) : act(req, reply, async () => undefined, melding, form);
    };
  }

  app.get(`${WS}/:id`, view, (req, reply) => detailPage(req, reply));

  app.get(`${WS}/:id/download`, view, async (req, reply) => {
    const v = Number((req.query as Record<string, unknown>)?.versie);
    const version = Number.isInteger(v) && v > 0 && v < 100_000 ? v : null;
    const file = await library.download(deps, { council: councilOf(req), actor: actorOf(req), id: (req.params as Params).id, version });
    return sendFile(reply, file, 'private, no-store');
  });

  app.get(`${WS}/:id/bekijken`, view, async (req, reply) => {
    const file = await library.download(deps, { council: councilOf(req), actor: actorOf(req), id: (req.params as Params).id, version: null });
    return sendViewable(reply, file, 'private, no-store');
  });

  app.post(`${WS}/:id/versies`, upload, async (req, reply) => {
    const { upload: file } = await readUpload(req, deps.config.documentMaxBytes);
    return act(req, reply, () => library.uploadVersion(deps, { council: councilOf(req), actor: actorOf(req), id: (req.params as Params).id, upload: file }), 'versie');
  });

  app.post(
    `${WS}/:id/instellingen`,
    manage,
    formAct(settingsSchema, 'opgeslagen', (req, input) => library.updateSettings(deps, { council: councilOf(req), actor: actorOf(req), id: (req.params as Params).id, input })),
  );

  app.post(
    `${WS}/:id/delen`,
    manage,
    formAct(shareSchema, 'gedeeld', (req, input) => library.shareDocument(deps, { council: councilOf(req), actor: actorOf(req), id: (req.params as Params).id, input })),
  );

  app.post(`${WS}/:id/delen/:shareId/stoppen`, manage, async (req, reply) => {
    const { id, shareId } = req.params as Params;
    return act(req, reply, () => library.unshareDocument(deps, { council: councilOf(req), actor: actorOf(req), id, shareId }), 'nietgedeeld');
  });

  app.get(`${WS}/:id/verwijderen`, manage, async (req, reply) => {
    const detail = await library.getDocument(deps, { council: councilOf(req), actor: actorOf(req), id: (req.params as Params).id });
    if (!detail.mayManage) return reply.callNotFound();
    return reply.page(<DeletePage {...(await pageProps(req))} detail={detail} />);
  });

  app.post(`${WS}/:id/verwijderen`, manage, async (req, reply) =>
    act(req, reply, () => library.deleteDocument(deps, { council: councilOf(req), actor: actorOf(req), id: (req.params as Params).id }), 'verwijderd'),
  );
}
