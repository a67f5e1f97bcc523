/** Documents straight in the database, for tests of this and other modules (meetings, packet). */
import type { TestApp } from '../../../test/support/factories.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { files } from '../../core/files/files.schema.ts';
import { sniffDocument } from '../../core/files/sniff.ts';
import { documentFolders, documentPages, documentVersions, documents, type AccessLevel, type DocumentRow } from './documents.schema.ts';
import { makePdf } from '../../core/files/samples.ts';
import { refreshLexemes } from './documents.search.ts';

let seq = 0;

/**
 * A document with one version. Without `bytes` it is a real PDF with one page per `pages` entry
 * (default: one page). With `extracted` (the default for generated PDFs) its text is stored as if
 * the worker had run, so search finds it; with bytes of your own it stays `pending`.
 */
export async function makeDocument(
  t: TestApp,
  council: Pick<Council, 'id'>,
  opts: { access?: AccessLevel; title?: string; bytes?: Buffer; pages?: string[]; fileName?: string; folderId?: string | null; extracted?: boolean } = {},
): Promise<DocumentRow> {
  const n = ++seq;
  const pages = opts.pages ?? [`Testdocument ${n} over de Wmo en mantelzorg.`];
  const bytes = opts.bytes ?? (await makePdf(pages));
  const sniffed = sniffDocument(bytes);
  const extracted = opts.extracted ?? !opts.bytes;
  const hash = await t.app.deps.files.put(bytes);
  await t.db
    .insert(files)
    .values({ hash, contentType: sniffed?.mimeType ?? 'application/octet-stream', size: bytes.length })
    .onConflictDoNothing();
  const [doc] = await t.db
    .insert(documents)
    .values({ councilId: council.id, title: opts.title ?? `Document ${n}`, access: opts.access ?? 'members', folderId: opts.folderId ?? null })
    .returning();
  const [version] = await t.db
    .insert(documentVersions)
    .values({
      councilId: council.id,
      documentId: doc!.id,
      version: 1,
      fileHash: hash,
      fileName: opts.fileName ?? `document-${n}.${sniffed?.ext ?? 'pdf'}`,
      mimeType: sniffed?.mimeType ?? 'application/pdf',
      sizeBytes: bytes.length,
      extraction: extracted ? 'done' : 'pending',
      extractedAt: extracted ? new Date() : null,
      pageCount: extracted ? pages.length : null,
    })
    .returning();
  if (extracted) {
    await t.db.insert(documentPages).values(pages.map((text, i) => ({ councilId: council.id, documentId: doc!.id, versionId: version!.id, page: i + 1, text })));
    await refreshLexemes(t.db, [doc!.id]);
  }
  return doc!;
}

/** A folder (dossier) of the council, straight in the database. */
export async function makeFolder(t: TestApp, council: Pick<Council, 'id'>, name = `Map ${++seq}`) {
  const [folder] = await t.db.insert(documentFolders).values({ councilId: council.id, name }).returning();
  return folder!;
}
