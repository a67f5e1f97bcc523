/**
 * Use cases of the document library: upload (with versions), access levels, folders (dossiers),
 * sharing with a partner council and Dutch full-text search. Every change writes its audit entry
 * in the same transaction. The council comes from the request (tenancy), never from input.
 */
import { and, asc, desc, eq, gte, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Deps } from '../../core/deps.ts';
import type { Tx } from '../../core/db/index.ts';
import { assertCan, can, NotFoundError, type Actor } from '../../core/policy.ts';
import { audit } from '../../core/audit/audit.ts';
import { isUuid } from '../../core/http/forms.ts';
import type { MessageKey } from '../../core/i18n/index.ts';
import { files } from '../../core/files/files.schema.ts';
import { safeFileName, sniffDocument, type DocumentKind } from '../../core/files/sniff.ts';
import { councils, type Council } from '../../core/organisations.schema.ts';
import { advices } from '../advice/advice.schema.ts';
import { meetings } from '../meetings/meetings.schema.ts';
import { findMeeting } from '../meetings/meetings.service.ts';
import { findAdvice } from '../advice/advice.service.ts';
import {
  documentFolders,
  documentPages,
  documentShares,
  documentVersions,
  documents,
  dossierAdvices,
  dossierMeetings,
  type AccessLevel,
  type DocumentFolder,
  type DocumentRow,
  type DocumentVersion,
  type ShareLevel,
} from './documents.schema.ts';
import type { DocumentInput, FolderInput, SettingsInput, ShareInput } from './documents.forms.ts';
import { kickExtraction } from './documents.extraction.ts';

export type DocumentRef = {
  id: string;
  title: string;
  access: AccessLevel;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  fileHash: string;
  version: number;
  folderId: string | null;
};

/** A rule of the document domain was not met; `field` names the form field. */
export class DocumentError extends Error {
  constructor(
    public code: string,
    public messageKey: MessageKey,
    public field = 'file',
    public statusCode = 400,
    public params: Record<string, string> = {},
  ) {
    super(`${code}: ${messageKey}`);
  }
}

export type Upload = { fileName: string; bytes: Buffer; truncated: boolean };

/** "50 MB", "740 kB": sizes for people, in the units everyone knows. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`.replace('.', ',');
  return `${Math.max(1, Math.round(n / 1024))} kB`;
}

// ------------------------------------------------------------------ who sees what

/** Access levels of the council's own documents this actor may see (null = the public). */
export function ownLevels(actor: Actor | null): AccessLevel[] {
  const levels: AccessLevel[] = ['public'];
  if (can(actor, 'documents.view')) levels.push('members');
  if (can(actor, 'documents.viewClosed')) levels.push('closed');
  return levels;
}

/** Share levels of documents another council shared with this one that the actor may see. */
function shareLevelsFor(actor: Actor | null): ShareLevel[] {
  const levels: ShareLevel[] = [];
  if (can(actor, 'documents.view')) levels.push('members');
  if (can(actor, 'documents.viewClosed')) levels.push('board');
  return levels;
}

/**
 * The one visibility rule, as SQL on `documents`: own documents at a level the actor may see,
 * or a partner council's document shared with this council at a level the actor may see.
 */
export function visibleWhere(council: Council, actor: Actor | null): SQL {
  const own = and(eq(documents.councilId, council.id), inArray(documents.access, ownLevels(actor)))!;
  const shared = shareLevelsFor(actor);
  if (!shared.length) return own;
  return or(
    own,
    sql`exists (select 1 from ${documentShares} where ${documentShares.documentId} = ${documents.id}
      and ${documentShares.sharedWithCouncilId} = ${council.id} and ${documentShares.level} in ${shared})`,
  )!;
}

const refColumns = {
  id: documents.id,
  title: documents.title,
  access: documents.access,
  fileName: documentVersions.fileName,
  mimeType: documentVersions.mimeType,
  sizeBytes: documentVersions.sizeBytes,
  fileHash: documentVersions.fileHash,
  version: documentVersions.version,
  folderId: documents.folderId,
};
const currentVersion = and(eq(documentVersions.documentId, documents.id), eq(documentVersions.version, documents.currentVersion));

/** Current versions the actor may see in this council (actor null = the public); ids filters; title order. */
export async function visibleDocuments(deps: Deps, args: { council: Council; actor: Actor | null; ids?: string[] }): Promise<DocumentRef[]> {
  const where = [visibleWhere(args.council, args.actor)];
  if (args.ids) {
    const ids = args.ids.filter(isUuid);
    if (!ids.length) return [];
    where.push(inArray(documents.id, ids));
  }
  return deps.db
    .select(refColumns)
    .from(documents)
    .innerJoin(documentVersions, currentVersion)
    .where(and(...where))
    .orderBy(asc(documents.title), asc(documents.id));
}

/** Extracted text per page (page null for formats without pages), [] when not extracted yet. */
export async function extractedText(deps: Deps, councilId: string, documentId: string): Promise<Array<{ page: number | null; text: string }>> {
  if (!isUuid(documentId)) return [];
  return deps.db
    .select({ page: documentPages.page, text: documentPages.text })
    .from(documentPages)
    .innerJoin(documentVersions, eq(documentVersions.id, documentPages.versionId))
    .innerJoin(documents, currentVersion)
    .where(and(eq(documents.councilId, councilId), eq(documents.id, documentId)))
    .orderBy(sql`${documentPages.page} asc nulls first`);
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
    .select({ ...refColumns, folderName: documentFolders.name, extraction: documentVersions.extraction, updatedAt: documents.updatedAt, ownerId: documents.councilId, ownerName: councils.name })
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

export type DocumentDetail = {
  document: DocumentRow;
  versions: DocumentVersion[];
  folder: DocumentFolder | null;
  shares: { id: string; councilName: string; level: ShareLevel }[];
  sharedBy: string | null;
  mayManage: boolean;
  mayUpload: boolean;
};

/** A document the actor may see in this council; anything else (other council, too closed) is 404. */
export async function findVisible(deps: Deps, council: Council, actor: Actor | null, id: string): Promise<DocumentRow> {
  if (!isUuid(id)) throw new NotFoundError('document');
  const [row] = await deps.db
    .select()
    .from(documents)
    .where(and(eq(documents.id, id), visibleWhere(council, actor)))
    .limit(1);
  if (!row) throw new NotFoundError('document');
  return row;
}

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
  return { bytes, fileName: v.fileName, mimeType: v.mimeType, access: document.access, own: document.councilId === args.council.id };
}

// ------------------------------------------------------------------ uploading

/** Size, emptiness and type; returns the sniffed type. Nothing is stored before this passes. */
export function checkUpload(deps: Deps, upload: Upload | null): { kind: DocumentKind; mimeType: string } {
  if (!upload) throw new DocumentError('noFile', 'documents.error.noFile');
  if (upload.truncated || upload.bytes.length > deps.config.documentMaxBytes) throw new DocumentError('tooLarge', 'documents.error.tooLarge', 'file', 413, { max: formatBytes(deps.config.documentMaxBytes) });
  if (upload.bytes.length === 0) throw new DocumentError('empty', 'documents.error.empty');
  const sniffed = sniffDocument(upload.bytes);
  if (!sniffed) throw new DocumentError('type', 'documents.error.type');
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
  if (!f) throw new DocumentError('folder', 'documents.error.folder', 'folderId');
}

/** Closed documents only by those who may see closed documents. */
function checkAccessChoice(actor: Actor, access: AccessLevel) {
  if (access === 'closed' && !can(actor, 'documents.viewClosed')) throw new DocumentError('access', 'documents.error.closedNotAllowed', 'access');
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
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'document.upload', entity: 'document', entityId: d!.id, data: { version: 1, versionId: v.id, access: input.access } });
    return d!;
  });
  kickExtraction(deps);
  return doc;
}

/** "Beleidsplan_2026-def.pdf" -> "Beleidsplan 2026-def": a readable title when none is given. */
function titleFromName(name: string): string {
  return safeFileName(name).replace(/\.[a-z0-9]{1,5}$/i, '').replace(/[_]+/g, ' ').trim().slice(0, 200) || 'Document';
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
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'document.version', entity: 'document', entityId: d!.id, from: String(version - 1), to: String(version), data: { versionId: v.id } });
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
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'document.settings', entity: 'document', entityId: d.id, from: d.access, to: input.access, data: { folderId: input.folderId } });
  });
}

export async function deleteDocument(deps: Deps, args: { council: Council; actor: Actor | null; id: string }): Promise<void> {
  const { council, actor } = args;
  assertCan(actor, 'documents.manage');
  const d = await findOwn(deps, council, actor, args.id);
  await deps.db.transaction(async (tx) => {
    await tx.delete(documents).where(eq(documents.id, d.id));
    // The title is kept in the audit trail; the bytes stay in the content store (they may be shared).
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'document.delete', entity: 'document', entityId: d.id, from: d.access, data: { versions: d.currentVersion } });
  });
}

/** Councils a document can be shared with: every other council on the platform. */
export async function partnerCouncils(deps: Deps, council: Council) {
  return deps.db.select({ id: councils.id, name: councils.name }).from(councils).where(ne(councils.id, council.id)).orderBy(asc(councils.name));
}

export async function shareDocument(deps: Deps, args: { council: Council; actor: Actor | null; id: string; input: ShareInput }): Promise<void> {
  const { council, actor, input } = args;
  assertCan(actor, 'documents.manage');
  const d = await findOwn(deps, council, actor, args.id);
  const [partner] = await deps.db.select({ id: councils.id }).from(councils).where(and(eq(councils.id, input.councilId), ne(councils.id, council.id)));
  if (!partner) throw new DocumentError('partner', 'documents.error.partner', 'councilId');
  const level: ShareLevel = d.access === 'closed' ? 'board' : input.level;
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(documentShares)
      .values({ councilId: council.id, documentId: d.id, sharedWithCouncilId: partner.id, level })
      .onConflictDoUpdate({ target: [documentShares.documentId, documentShares.sharedWithCouncilId], set: { level } });
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'document.share', entity: 'document', entityId: d.id, to: level, data: { partnerCouncilId: partner.id } });
  });
}

export async function unshareDocument(deps: Deps, args: { council: Council; actor: Actor | null; id: string; shareId: string }): Promise<void> {
  const { council, actor } = args;
  assertCan(actor, 'documents.manage');
  const d = await findOwn(deps, council, actor, args.id);
  if (!isUuid(args.shareId)) throw new NotFoundError('share');
  await deps.db.transaction(async (tx) => {
    const gone = await tx
      .delete(documentShares)
      .where(and(eq(documentShares.id, args.shareId), eq(documentShares.documentId, d.id)))
      .returning({ id: documentShares.id });
    if (!gone.length) throw new NotFoundError('share');
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'document.unshare', entity: 'document', entityId: d.id, data: { shareId: args.shareId } });
  });
}

// ------------------------------------------------------------------ folders (dossiers)

export async function listFolders(deps: Deps, args: { council: Council; actor: Actor | null }) {
  assertCan(args.actor, 'documents.view');
  const visible = visibleWhere(args.council, args.actor);
  return deps.db
    .select({
      id: documentFolders.id,
      name: documentFolders.name,
      description: documentFolders.description,
      documents: sql<number>`(select count(*)::int from ${documents} where ${documents.folderId} = ${documentFolders.id} and ${visible})`,
    })
    .from(documentFolders)
    .where(eq(documentFolders.councilId, args.council.id))
    .orderBy(asc(documentFolders.name));
}

export async function createFolder(deps: Deps, args: { council: Council; actor: Actor | null; input: FolderInput }): Promise<DocumentFolder> {
  const { council, actor, input } = args;
  assertCan(actor, 'documents.manage');
  return deps.db.transaction(async (tx) => {
    const [f] = await tx.insert(documentFolders).values({ councilId: council.id, name: input.name, description: input.description }).onConflictDoNothing().returning();
    if (!f) throw new DocumentError('folderName', 'documents.error.folderExists', 'name');
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'folder.create', entity: 'document_folder', entityId: f.id });
    return f;
  });
}

async function findFolder(deps: Deps, council: Council, id: string): Promise<DocumentFolder> {
  if (!isUuid(id)) throw new NotFoundError('folder');
  const [f] = await deps.db
    .select()
    .from(documentFolders)
    .where(and(eq(documentFolders.id, id), eq(documentFolders.councilId, council.id)));
  if (!f) throw new NotFoundError('folder');
  return f;
}

export async function getFolder(deps: Deps, args: { council: Council; actor: Actor | null; id: string }) {
  assertCan(args.actor, 'documents.view');
  const folder = await findFolder(deps, args.council, args.id);
  const manage = can(args.actor, 'documents.manage');
  const adviceColumns = { id: advices.id, reference: advices.reference, subject: advices.subject };
  const meetingColumns = { id: meetings.id, title: meetings.title, startsAt: meetings.startsAt };
  // Choices to link: meetings from a year back onward is what a dossier is plausibly about.
  const yearAgo = new Date(Date.now() - 366 * 86_400_000);
  const [docs, linked, linkedMeetings, candidates, meetingCandidates] = await Promise.all([
    listDocuments(deps, { council: args.council, actor: args.actor, folderId: folder.id }),
    deps.db.select(adviceColumns).from(dossierAdvices).innerJoin(advices, eq(advices.id, dossierAdvices.adviceId)).where(eq(dossierAdvices.folderId, folder.id)).orderBy(desc(advices.reference)),
    // The join also drops links to meetings deleted since (dossier_meetings has no foreign key).
    deps.db
      .select(meetingColumns)
      .from(dossierMeetings)
      .innerJoin(meetings, and(eq(meetings.id, dossierMeetings.meetingId), eq(meetings.councilId, args.council.id)))
      .where(eq(dossierMeetings.folderId, folder.id))
      .orderBy(desc(meetings.startsAt)),
    manage && can(args.actor, 'advice.view')
      ? deps.db.select(adviceColumns).from(advices).where(eq(advices.councilId, args.council.id)).orderBy(desc(advices.reference)).limit(300)
      : Promise.resolve([]),
    manage && can(args.actor, 'meetings.view')
      ? deps.db
          .select(meetingColumns)
          .from(meetings)
          .where(and(eq(meetings.councilId, args.council.id), ne(meetings.status, 'cancelled'), gte(meetings.startsAt, yearAgo)))
          .orderBy(desc(meetings.startsAt))
          .limit(300)
      : Promise.resolve([]),
  ]);
  const notLinked = <T extends { id: string }>(choices: T[], done: T[]) => choices.filter((c) => !done.some((l) => l.id === c.id));
  return {
    folder,
    documents: docs,
    advices: can(args.actor, 'advice.view') ? linked : [],
    meetings: can(args.actor, 'meetings.view') ? linkedMeetings : [],
    adviceChoices: notLinked(candidates, linked),
    meetingChoices: notLinked(meetingCandidates, linkedMeetings),
  };
}

/** What a folder can be linked to: the link table, its column and the table that holds the records. */
const links = {
  advice: { table: dossierAdvices, column: dossierAdvices.adviceId, error: 'documents.error.advice', field: 'adviceId', audit: ['folder.linkAdvice', 'folder.unlinkAdvice'] },
  meeting: { table: dossierMeetings, column: dossierMeetings.meetingId, error: 'documents.error.meeting', field: 'meetingId', audit: ['folder.linkMeeting', 'folder.unlinkMeeting'] },
} as const;
export type LinkKind = keyof typeof links;

/** Links a folder to an advice or a meeting of the same council; anything else is "choose from the list". */
export async function linkFolder(deps: Deps, kind: LinkKind, args: { council: Council; actor: Actor | null; folderId: string; targetId: string }): Promise<void> {
  const { council, actor } = args;
  assertCan(actor, 'documents.manage');
  const folder = await findFolder(deps, council, args.folderId);
  const link = links[kind];
  // The record is looked up through its own module (both check the id and the council).
  const row = kind === 'advice' ? await findAdvice(deps.db, council, args.targetId) : await findMeeting(deps.db, council, args.targetId);
  if (!row) throw new DocumentError(kind, link.error, link.field);
  await deps.db.transaction(async (tx) => {
    await tx.insert(link.table).values({ councilId: council.id, folderId: folder.id, [link.field]: row.id } as typeof link.table.$inferInsert).onConflictDoNothing();
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: link.audit[0], entity: 'document_folder', entityId: folder.id, data: { [link.field]: row.id } });
  });
}

export async function unlinkFolder(deps: Deps, kind: LinkKind, args: { council: Council; actor: Actor | null; folderId: string; targetId: string }): Promise<void> {
  const { council, actor } = args;
  assertCan(actor, 'documents.manage');
  const folder = await findFolder(deps, council, args.folderId);
  const link = links[kind];
  if (!isUuid(args.targetId)) throw new NotFoundError(kind);
  await deps.db.transaction(async (tx) => {
    const gone = await tx.delete(link.table).where(and(eq(link.table.folderId, folder.id), eq(link.column, args.targetId))).returning();
    if (!gone.length) throw new NotFoundError(kind);
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: link.audit[1], entity: 'document_folder', entityId: folder.id, data: { [link.field]: args.targetId } });
  });
}

/** Dossiers of a meeting or an advice, for their pages. */
export async function foldersOf(deps: Deps, council: Council, link: { meetingId: string } | { adviceId: string }) {
  const id = 'meetingId' in link ? link.meetingId : link.adviceId;
  if (!isUuid(id)) return [];
  const table = 'meetingId' in link ? dossierMeetings : dossierAdvices;
  const column = 'meetingId' in link ? dossierMeetings.meetingId : dossierAdvices.adviceId;
  return deps.db
    .select({ id: documentFolders.id, name: documentFolders.name })
    .from(table)
    .innerJoin(documentFolders, eq(documentFolders.id, table.folderId))
    .where(and(eq(column, id), eq(table.councilId, council.id)))
    .orderBy(asc(documentFolders.name));
}

// ------------------------------------------------------------------ search

/** Marks around a hit in a passage: control characters that extraction strips from the text. */
export const HIT_START = '\u0002';
export const HIT_END = '\u0003';

export type SearchHit = { id: string; title: string; page: number | null; passage: string; sharedBy: string | null };

/** Dutch full-text search over the pages of documents the actor may see, best matches first. */
export async function searchDocuments(deps: Deps, args: { council: Council; actor: Actor | null; query: string; limit?: number }): Promise<SearchHit[]> {
  const query = args.query.trim();
  if (!query) return [];
  const tsq = sql`websearch_to_tsquery('dutch', ${query})`;
  // Rank and limit first; the headline (expensive) only for the rows shown.
  const top = deps.db
    .select({
      pageId: sql<string>`${documentPages.id}`.as('page_id'),
      id: sql<string>`${documents.id}`.as('doc_id'),
      title: documents.title,
      ownerId: sql<string>`${documents.councilId}`.as('owner_id'),
      page: documentPages.page,
      rank: sql<number>`ts_rank(${documentPages.tsv}, ${tsq})`.as('rank'),
    })
    .from(documentPages)
    .innerJoin(documents, eq(documents.id, documentPages.documentId))
    .where(and(sql`${documentPages.tsv} @@ ${tsq}`, visibleWhere(args.council, args.actor)))
    .orderBy(sql`rank desc`, asc(documents.title), sql`${documentPages.page} asc nulls first`)
    .limit(args.limit ?? 30)
    .as('top');
  const rows = await deps.db
    .select({
      id: top.id,
      title: top.title,
      page: top.page,
      ownerId: top.ownerId,
      ownerName: councils.name,
      passage: sql<string>`ts_headline('dutch', ${documentPages.text}, ${tsq}, ${`StartSel=${HIT_START}, StopSel=${HIT_END}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`})`,
    })
    .from(top)
    .innerJoin(documentPages, eq(documentPages.id, top.pageId))
    .innerJoin(councils, eq(councils.id, top.ownerId))
    .orderBy(sql`${top.rank} desc`, asc(top.title), sql`${top.page} asc nulls first`);
  return rows.map((r) => ({ id: r.id, title: r.title, page: r.page, passage: r.passage, sharedBy: r.ownerId === args.council.id ? null : r.ownerName }));
}

/** A passage split into plain and highlighted parts; rendered as text, never as HTML. */
export function passageParts(passage: string): { text: string; hit: boolean }[] {
  const parts: { text: string; hit: boolean }[] = [];
  for (const chunk of passage.split(HIT_START)) {
    const end = chunk.indexOf(HIT_END);
    if (end === -1) {
      if (chunk) parts.push({ text: chunk, hit: false });
      continue;
    }
    parts.push({ text: chunk.slice(0, end), hit: true });
    if (end + 1 < chunk.length) parts.push({ text: chunk.slice(end + 1), hit: false });
  }
  return parts;
}
