/**
 * Documents kept with an advice: the request's documents, the answer letter and others. Checked
 * by their content (PDF, Word), stored content-addressed, read back for those who may see the advice.
 */
import { and, eq } from 'drizzle-orm';
import { DomainError, notFound } from '../../core/errors.ts';
import type { Tx } from '../../core/db/index.ts';
import type { Deps } from '../../core/deps.ts';
import { assertCan, can, ForbiddenError, type Actor } from '../../core/policy.ts';
import { audit } from '../../core/audit/audit.ts';
import { isUuid, type Upload } from '../../core/http/forms.ts';
import { files } from '../../core/files/files.schema.ts';
import { safeFileName, sniffDocument } from '../../core/files/sniff.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { adviceDocuments, type adviceDocumentKinds } from './advice.schema.ts';
import { findAdvice, type DocumentRow } from './advice.queries.ts';
import { mayOpenAdvice, seesCouncilWork } from './advice.visibility.ts';

export const DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;
export const MAX_DOCUMENTS = 5;

/** Checks every upload (PDF and Word, sniffed from the content); throws the first problem at the `documents` field. */
export function checkUploads(uploads: Upload[], fieldName = 'documents'): { upload: Upload; type: string }[] {
  if (uploads.length > MAX_DOCUMENTS) throw new DomainError('tooManyDocuments', 'advice.documents.tooMany', fieldName);
  return uploads.map((u) => {
    if (u.truncated || u.bytes.length > DOCUMENT_MAX_BYTES) throw new DomainError('documentTooLarge', 'advice.documents.tooLarge', fieldName);
    if (u.bytes.length === 0) throw new DomainError('documentEmpty', 'advice.documents.empty', fieldName);
    const type = sniffDocument(u.bytes, { legacyWord: true })?.mimeType;
    if (!type) throw new DomainError('documentType', 'advice.documents.type', fieldName);
    return { upload: u, type };
  });
}

export async function storeDocuments(
  deps: Deps,
  tx: Tx,
  args: { council: Council; adviceId: string; actor: Actor; kind: (typeof adviceDocumentKinds)[number]; checked: { upload: Upload; type: string }[] },
) {
  for (const { upload, type } of args.checked) {
    const hash = await deps.files.put(upload.bytes);
    await tx.insert(files).values({ hash, contentType: type, size: upload.bytes.length }).onConflictDoNothing();
    await tx.insert(adviceDocuments).values({
      councilId: args.council.id,
      adviceId: args.adviceId,
      kind: args.kind,
      fileHash: hash,
      filename: safeFileName(upload.fileName),
      contentType: type,
      size: upload.bytes.length,
      uploadedBy: args.actor.userId,
    });
  }
}

/** Uploads kept with a sent advice: the answer letter (secretary, official) or another document (board). */
export async function addDocuments(deps: Deps, args: { actor: Actor | null; council: Council; adviceId: string; kind: 'answer_letter' | 'other'; documents: Upload[] }): Promise<void> {
  const { actor, council } = args;
  assertCan(actor, 'advice.view');
  if (args.kind === 'answer_letter' ? !can(actor, 'advice.answer') && !can(actor, 'advice.manage') : !can(actor, 'advice.manage')) throw new ForbiddenError('advice.documents');
  if (args.documents.length === 0) throw new DomainError('documentMissing', 'advice.documents.missing', 'documents');
  const checked = checkUploads(args.documents);
  await deps.db.transaction(async (tx) => {
    const advice = await findAdvice(tx, council, args.adviceId, { lock: true });
    if (!advice || !mayOpenAdvice(actor, advice)) notFound('advice');
    if (args.kind === 'answer_letter' && advice.status !== 'sent' && advice.status !== 'answered') throw new DomainError('notAllowedFromState', 'advice.documents.answerNotYet', 'documents');
    await storeDocuments(deps, tx, { council, adviceId: advice.id, actor, kind: args.kind, checked });
    await audit(tx, {
      councilId: council.id,
      actorUserId: actor.userId,
      action: 'advice.documentsAdded',
      entity: 'advice',
      entityId: advice.id,
      data: { kind: args.kind, count: checked.length },
    });
  });
}

export async function readDocument(deps: Deps, args: { actor: Actor | null; council: Council; adviceId: string; documentId: string }): Promise<{ doc: DocumentRow; bytes: Buffer }> {
  const { actor, council } = args;
  assertCan(actor, 'advice.view');
  const advice = await findAdvice(deps.db, council, args.adviceId);
  if (!advice || !mayOpenAdvice(actor, advice)) notFound('advice');
  if (!isUuid(args.documentId)) notFound('document');
  const [doc] = await deps.db
    .select()
    .from(adviceDocuments)
    .where(and(eq(adviceDocuments.id, args.documentId), eq(adviceDocuments.adviceId, advice.id), eq(adviceDocuments.councilId, council.id)))
    .limit(1);
  // Before sending, an official who filed the request reads the request's own documents only.
  if (!doc || (doc.kind !== 'request' && !seesCouncilWork(actor, advice))) notFound('document');
  const bytes = await deps.files.get(doc.fileHash);
  if (!bytes) notFound('file');
  return { doc, bytes };
}
