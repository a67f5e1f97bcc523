/**
 * Who sees which document: the council's own documents by access level, and documents a partner
 * council shared with this one by share level. Every read of documents goes through this rule.
 */
import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { inIds, type Ids } from '../../core/db/find.ts';
import type { Deps } from '../../core/deps.ts';
import { readAlone, type Read } from '../../core/read-together.ts';
import { can, NotFoundError, type Actor } from '../../core/policy.ts';
import { isUuid } from '../../core/http/forms.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { partnerships } from '../../core/partnerships.ts';
import { documentPages, documentShares, documentVersions, documents, type AccessLevel, type DocumentRow, type ShareLevel } from './documents.schema.ts';

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

/** Access levels of the council's own documents this actor may see (null = the public). */
function ownLevels(actor: Actor | null): AccessLevel[] {
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
 * The one visibility rule, as SQL on `documents`: own documents at a level the actor may see, or
 * a partner's document that a cooperation agreement in force covers (its dossier, or a share of
 * this document at a level the actor may see).
 */
export function visibleWhere(council: Council, actor: Actor | null): SQL {
  const own = and(eq(documents.councilId, council.id), inArray(documents.access, ownLevels(actor)))!;
  const shared = shareLevelsFor(actor);
  if (!shared.length) return own;
  // One rule for every share across organisations, asked on every request (core/partnerships.ts).
  return or(
    own,
    partnerships().covers({
      record: documents.id,
      folder: documents.folderId,
      owner: documents.councilId,
      viewerId: council.id,
      atLevel: inArray(documents.access, ownLevels(actor))!,
      alone: sql`exists (select 1 from ${documentShares} where ${documentShares.documentId} = ${documents.id}
      and ${documentShares.sharedWithCouncilId} = ${council.id} and ${documentShares.level} in ${shared})`,
    }),
  )!;
}

/**
 * The organisations whose documents this actor may find here: the council itself, and its
 * partners (an agreement in force) when the actor may see shared documents. A superset of what
 * visibleWhere lets through: the search's first pass keeps to these owners' word sets.
 */
export async function ownersVisibleTo(deps: Deps, council: Council, actor: Actor | null): Promise<string[]> {
  if (!shareLevelsFor(actor).length) return [council.id];
  const partners = await partnerships().partners(deps.db, council.id);
  return [council.id, ...partners.map((p) => p.id)];
}

export const refColumns = {
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
export const currentVersion = and(eq(documentVersions.documentId, documents.id), eq(documentVersions.version, documents.currentVersion));

/**
 * Current versions the actor may see in this council (actor null = the public); title order.
 * `ids` filters: a list (malformed ids left out), or a subquery that selects ids, so a page can
 * read these in the same round as the links that name them (meetings' agenda, issue 14).
 */
export async function visibleDocuments(deps: Deps, args: { council: Council; actor: Actor | null; ids?: Ids }, read: Read = readAlone): Promise<DocumentRef[]> {
  const where = [visibleWhere(args.council, args.actor)];
  if (args.ids) {
    const byIds = inIds(documents.id, args.ids);
    if (!byIds) return [];
    where.push(byIds);
  }
  return read(
    deps.db
      .select(refColumns)
      .from(documents)
      .innerJoin(documentVersions, currentVersion)
      .where(and(...where))
      .orderBy(asc(documents.title), asc(documents.id)),
  );
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
