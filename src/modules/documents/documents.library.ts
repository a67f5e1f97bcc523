/**
 * Use cases of the document library: upload (with versions), access levels, sharing with a
 * partner council, deleting. Every change writes its audit entry in the same transaction. The
 * council comes from the request (tenancy), never from input.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Deps } from '../../core/deps.ts';
import type { Tx } from '../../core/db/index.ts';
import { assertCan, can, NotFoundError, type Actor } from '../../core/policy.ts';
import { audit } from '../../core/audit/audit.ts';
import type { Upload } from '../../core/http/forms.ts';
import { DomainError } from '../../core/errors.ts';
import { files } from '../../core/files/files.schema.ts';
import { safeFileName, sniffDocument, type DocumentKind } from '../../core/files/sniff.ts';
import { councils, type Council } from '../../core/organisations.schema.ts';
import { partnerships } from '../../core/partnerships.ts';
import { documentFolders, documentShares, documentVersions, documents, type AccessLevel, type DocumentFolder, type DocumentRow, type DocumentVersion, type ShareLevel } from './documents.schema.ts';
import { currentVersion, findVisible, refColumns, visibleWhere, type DocumentRef } from './documents.access.ts';
import type { DocumentInput, SettingsInput, ShareInput } from './documents.forms.ts';
import { kickExtraction } from './documents.extraction.ts';
import { deleteOne } from '../../core/db/queries.ts';

/** "50 MB", "740 kB": sizes for people, in the units everyone knows. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`.replace('.', ',');
  return `${Math.max(1, Math.round(n / 1024))} kB`;
}

// ------------------------------------------------------------------ reading

export type ListRow = DocumentRef & {
  folderName: string | null;
  extraction: DocumentVersion['extraction'];
  updatedAt: Date;
  /** Name of the partner council that shared it; null for the council's own documents. */
  sharedBy: string | null;
};

export async function listDocuments(deps: Deps, args: { council: Council; actor: Actor | null; folderId?: string | null }): Promise<ListRow[]> {
  const where = [visibleWhere(args.council, args.actor)];
  if (args.folderId) where.push(eq(documents.folderId, args.folderId));
  const rows = await deps.db
    .select({
      ...refColumns,
      folderName: documentFolders.name,
      extraction: documentVersions.extraction,
      updatedAt: documents.updatedAt,
      ownerId: documents.councilId,
      ownerName: councils.name,
    })
    .from(documents)
    .innerJoin(documentVersions, currentVersion)
    .innerJoin(councils, eq(councils.id, documents.councilId))
    // A partner's folder is not this council's: show it only for own documents.
    .leftJoin(documentFolders, and(eq(documentFolders.id, documents.folderId), eq(documentFolders.councilId, args.council.id)))
    .where(and(...where))
    .orderBy(asc(documents.title), asc(documents.id))
    .limit(1000);
  return rows.map(({ ownerId, ownerName, ...r }) => ({ ...r, sharedBy: ownerId === args.council.id ? null : ownerName }));
}

/**
 * What the actor may do in the documents section: upload, manage (settings, sharing, folders,
 * links) and give a document the "closed" access level. The views show buttons and choices by it.
 */
export function documentsMay(actor: Actor | null) {
  return { upload: can(actor, 'documents.upload'), manage: can(actor, 'documents.manage'), closedAccess: can(actor, 'documents.viewClosed') };
}
export type DocumentsMay = ReturnType<typeof documentsMay>;

export type DocumentDetail = {
  document: DocumentRow;
  versions: DocumentVersion[];
  folder: DocumentFolder | null;
  shares: { id: string; councilName: string; level: ShareLevel }[];
  sharedBy: string | null;
  mayManage: boolean;
  mayUpload: boolean;
};

export async function getDocument(deps: Deps, args: { council: Council; actor: Actor; id: string }): Promise<DocumentDetail> {
  assertCan(args.actor, 'documents.view');
  const document = await findVisible(deps, args.council, args.actor, args.id);
  const own = document.councilId === args.council.id;
  const versions = await deps.db.select().from(documentVersions).where(eq(documentVersions.documentId, document.id)).orderBy(desc(documentVersions.version));
  const [folder] = document.folderId && own ? await deps.db.select().from(documentFolders).where(eq(documentFolders.id, document.folderId)) : [];
  const shares = own
    ? await deps.db
        .select({ id: documentShares.id, councilName: councils.name, level: documentShares.level })
        .from(documentShares)
        .innerJoin(councils, eq(councils.id, documentShares.sharedWithCouncilId))
        .where(eq(documentShares.documentId, document.id))
        .orderBy(asc(councils.name))
    : [];
  const [owner] = own ? [] : await deps.db.select({ name: councils.name }).from(councils).where(eq(councils.id, document.councilId));
  if (!own) await auditPartnerRead(deps, args.council, args.actor, document);
  return {
    document,
    versions,
    folder: folder ?? null,
    shares,
    sharedBy: owner?.name ?? null,
    mayManage: own && can(args.actor, 'documents.manage'),
    mayUpload: own && can(args.actor, 'documents.upload'),
  };
}

/** A read of another organisation's document, in the owner's audit log (whose data it is). */
async function auditPartnerRead(deps: Deps, reader: Council, actor: Actor | null, document: DocumentRow): Promise<void> {
  await audit(deps.db, {
    councilId: document.councilId,
    actorUserId: actor?.userId ?? null,
    action: 'document.readByPartner',
    entity: 'document',
    entityId: document.id,
    data: { readerCouncilId: reader.id },
  });
}

/** The bytes of a version (the current one when `version` is null) for a download. */
export async function download(deps: Deps, args: { council: Council; actor: Actor | null; id: string; version: number | null }) {
  const document = await findVisible(deps, args.council, args.actor, args.id);
  const [v] = await deps.db
    .select()
    .from(documentVersions)
    .where(and(eq(documentVersions.documentId, document.id), eq(documentVersions.version, args.version ?? document.currentVersion)))
    .limit(1);
  if (!v) throw new NotFoundError('version');
  const bytes = await deps.files.get(v.fileHash);
  if (!bytes) throw new NotFoundError('file');
  if (document.councilId !== args.council.id) await auditPartnerRead(deps, args.council, args.actor, document);
  return { bytes, fileName: v.fileName, mimeType: v.mimeType, access: document.access, own: document.councilId === args.council.id };
}

// ------------------------------------------------------------------ uploading

/** Size, emptiness and type; returns the sniffed type. Nothing is stored before this passes. */
function checkUpload(deps: Deps, upload: Upload | null): { kind: DocumentKind; mimeType: string } {
  if (!upload) throw new DomainError('noFile', 'documents.error.noFile', 'file');
  if (upload.truncated || upload.bytes.length > deps.config.documentMaxBytes)
    throw new DomainError('tooLarge', 'documents.error.tooLarge', { field: 'file', status: 413, params: { max: formatBytes(deps.config.documentMaxBytes) } });
  if (upload.bytes.length === 0) throw new DomainError('empty', 'documents.error.empty', 'file');
  const sniffed = sniffDocument(upload.bytes);
  if (!sniffed) throw new DomainError('type', 'documents.error.type', 'file');
  return sniffed;
}

async function storeVersion(deps: Deps, tx: Tx, args: { council: Council; actor: Actor; documentId: string; version: number; upload: Upload; mimeType: string }) {
  const hash = await deps.files.put(args.upload.bytes);
  await tx.insert(files).values({ hash, contentType: args.mimeType, size: args.upload.bytes.length }).onConflictDoNothing();
  const [v] = await tx
    .insert(documentVersions)
    .values({
      councilId: args.council.id,
      documentId: args.documentId,
      version: args.version,
      fileHash: hash,
      fileName: safeFileName(args.upload.fileName),
      mimeType: args.mimeType,
      sizeBytes: args.upload.bytes.length,
      uploadedBy: args.actor.userId,
    })
    .returning();
  return v!;
}

async function checkFolder(deps: Deps | { db: Tx }, council: Council, folderId: string | null) {
  if (!folderId) return;
  const [f] = await deps.db
    .select({ id: documentFolders.id })
    .from(documentFolders)
    .where(and(eq(documentFolders.id, folderId), eq(documentFolders.councilId, council.id)));
  if (!f) throw new DomainError('folder', 'documents.error.folder', 'folderId');
}

/** Closed documents only by those who may see closed documents. */
function checkAccessChoice(actor: Actor, access: AccessLevel) {
  if (access === 'closed' && !can(actor, 'documents.viewClosed')) throw new DomainError('access', 'documents.error.closedNotAllowed', 'access');
}

export async function uploadDocument(deps: Deps, args: { council: Council; actor: Actor | null; input: DocumentInput; upload: Upload | null }): Promise<DocumentRow> {
  const { council, actor, input } = args;
  assertCan(actor, 'documents.upload');
  checkAccessChoice(actor, input.access);
  await checkFolder(deps, council, input.folderId);
  const { mimeType } = checkUpload(deps, args.upload);
  const title = input.title || titleFromName(args.upload!.fileName);
  const doc = await deps.db.transaction(async (tx) => {
    const [d] = await tx
      .insert(documents)
      .values({ councilId: council.id, title, description: input.description, access: input.access, folderId: input.folderId, createdBy: actor.userId })
      .returning();
    const v = await storeVersion(deps, tx, { council, actor, documentId: d!.id, version: 1, upload: args.upload!, mimeType });
    await audit(tx, {
      councilId: council.id,
      actorUserId: actor.userId,
      action: 'document.uploaded',
      entity: 'document',
      entityId: d!.id,
      data: { version: 1, versionId: v.id, access: input.access },
    });
    return d!;
  });
  kickExtraction(deps);
  return doc;
}

/** "Beleidsplan_2026-def.pdf" -> "Beleidsplan 2026-def": a readable title when none is given. */
function titleFromName(name: string): string {
  return (
    safeFileName(name)
      .replace(/\.[a-z0-9]{1,5}$/i, '')
      .replace(/[_]+/g, ' ')
      .trim()
      .slice(0, 200) || 'Document'
  );
}

/** A new version; the old versions stay (listed and downloadable). */
export async function uploadVersion(deps: Deps, args: { council: Council; actor: Actor | null; id: string; upload: Upload | null }): Promise<DocumentVersion> {
  const { council, actor } = args;
  assertCan(actor, 'documents.upload');
  const current = await findOwn(deps, council, actor, args.id);
  const { mimeType } = checkUpload(deps, args.upload);
  const v = await deps.db.transaction(async (tx) => {
    // The row lock serialises two uploads at once: each gets its own number.
    const [d] = await tx.select().from(documents).where(eq(documents.id, current.id)).for('update');
    const version = d!.currentVersion + 1;
    const v = await storeVersion(deps, tx, { council, actor, documentId: d!.id, version, upload: args.upload!, mimeType });
    await tx.update(documents).set({ currentVersion: version, updatedAt: new Date() }).where(eq(documents.id, d!.id));
    await audit(tx, {
      councilId: council.id,
      actorUserId: actor.userId,
      action: 'document.versionAdded',
      entity: 'document',
      entityId: d!.id,
      from: String(version - 1),
      to: String(version),
      data: { versionId: v.id },
    });
    return v;
  });
  kickExtraction(deps);
  return v;
}

/** A document of this council itself (not a shared one) that the actor may see. */
async function findOwn(deps: Deps, council: Council, actor: Actor, id: string): Promise<DocumentRow> {
  const d = await findVisible(deps, council, actor, id);
  if (d.councilId !== council.id) throw new NotFoundError('document');
  return d;
}

// ------------------------------------------------------------------ managing

export async function updateSettings(deps: Deps, args: { council: Council; actor: Actor | null; id: string; input: SettingsInput }): Promise<void> {
  const { council, actor, input } = args;
  assertCan(actor, 'documents.manage');
  const d = await findOwn(deps, council, actor, args.id);
  await checkFolder(deps, council, input.folderId);
  await deps.db.transaction(async (tx) => {
    await tx.update(documents).set({ title: input.title, description: input.description, access: input.access, folderId: input.folderId, updatedAt: new Date() }).where(eq(documents.id, d.id));
    // A closed document is shared with a partner's board at most.
    if (input.access === 'closed') await tx.update(documentShares).set({ level: 'board' }).where(eq(documentShares.documentId, d.id));
    await audit(tx, {
      councilId: council.id,
      actorUserId: actor.userId,
      action: 'document.settingsChanged',
      entity: 'document',
      entityId: d.id,
      from: d.access,
      to: input.access,
      data: { folderId: input.folderId },
    });
  });
}

export async function deleteDocument(deps: Deps, args: { council: Council; actor: Actor | null; id: string }): Promise<void> {
  const { council, actor } = args;
  assertCan(actor, 'documents.manage');
  const d = await findOwn(deps, council, actor, args.id);
  await deps.db.transaction(async (tx) => {
    await tx.delete(documents).where(eq(documents.id, d.id));
    // The title is kept in the audit trail; the bytes stay in the content store (they may be shared).
    await audit(tx, {
      councilId: council.id,
      actorUserId: actor.userId,
      action: 'document.deleted',
      entity: 'document',
      entityId: d.id,
      from: d.access,
      data: { versions: d.currentVersion },
    });
  });
}

/** Councils a document can be shared with: those in a cooperation agreement in force with this one (core/partnerships.ts). */
export async function partnerCouncils(deps: Deps, council: Council) {
  return partnerships().partners(deps.db, council.id);
}

export async function shareDocument(deps: Deps, args: { council: Council; actor: Actor | null; id: string; input: ShareInput }): Promise<void> {
  const { council, actor, input } = args;
  assertCan(actor, 'documents.manage');
  const d = await findOwn(deps, council, actor, args.id);
  const partner = (await partnerCouncils(deps, council)).find((p) => p.id === input.councilId);
  if (!partner) throw new DomainError('partner', 'documents.error.partner', 'councilId');
  const level: ShareLevel = d.access === 'closed' ? 'board' : input.level;
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(documentShares)
      .values({ councilId: council.id, documentId: d.id, sharedWithCouncilId: partner.id, level })
      .onConflictDoUpdate({ target: [documentShares.documentId, documentShares.sharedWithCouncilId], set: { level } });
    await audit(tx, {
      councilId: council.id,
      actorUserId: actor.userId,
      action: 'document.shared',
      entity: 'document',
      entityId: d.id,
      to: level,
      data: { partnerCouncilId: partner.id },
    });
  });
}

export async function unshareDocument(deps: Deps, args: { council: Council; actor: Actor | null; id: string; shareId: string }): Promise<void> {
  const { council, actor } = args;
  assertCan(actor, 'documents.manage');
  const d = await findOwn(deps, council, actor, args.id);
  await deps.db.transaction(async (tx) => {
    await deleteOne(tx, documentShares, 'share', args.shareId, (id) => and(eq(documentShares.id, id), eq(documentShares.documentId, d.id)));
    await audit(tx, {
      councilId: council.id,
      actorUserId: actor.userId,
      action: 'document.unshared',
      entity: 'document',
      entityId: d.id,
      data: { shareId: args.shareId },
    });
  });
}
