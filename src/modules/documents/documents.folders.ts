/**
 * Folders (dossiers): the documents about one topic, and the records of other modules a folder is
 * linked to. Advices are linked here (read through the advice module); meetings link themselves
 * through `folderLinkRoutes` with their own lookup, and show on the folder page through the slot
 * 'documents.folder.related'.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Deps } from '../../core/deps.ts';
import { readAlone, type Read } from '../../core/read-together.ts';
import type { Tx } from '../../core/db/index.ts';
import { assertCan, can, NotFoundError, type Actor } from '../../core/policy.ts';
import { audit } from '../../core/audit/audit.ts';
import { isUuid } from '../../core/http/forms.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { adviceRefs } from '../advice/index.ts';
import { documentFolders, documents, dossierAdvices, dossierMeetings, type DocumentFolder } from './documents.schema.ts';
import { visibleWhere } from './documents.access.ts';
import { documentsMay, listDocuments } from './documents.library.ts';
import { DomainError } from '../../core/errors.ts';
import type { FolderInput } from './documents.forms.ts';

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
    if (!f) throw new DomainError('folderName', 'documents.error.folderExists', 'name');
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'folder.created', entity: 'document_folder', entityId: f.id });
    return f;
  });
}

/** A folder of this council; anything else (unknown, another council's) is 404. */
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
  const { council, actor } = args;
  const folder = await findFolder(deps, council, args.id);
  const seesAdvices = can(actor, 'advice.view');
  const [docs, linked, candidates] = await Promise.all([
    listDocuments(deps, { council, actor, folderId: folder.id }),
    seesAdvices ? linkedTo(deps, council, folder.id, 'advice') : Promise.resolve([]),
    seesAdvices && can(actor, 'documents.manage') ? adviceRefs(deps.db, council, { order: 'referenceDesc', limit: 300 }) : Promise.resolve([]),
  ]);
  // Only the advices this actor may see (an official: sent ones and their own requests).
  const advices = linked.length ? await adviceRefs(deps.db, council, { ids: linked, order: 'referenceDesc', visibleTo: actor }) : [];
  const may = { ...documentsMay(actor), seeAdvices: seesAdvices };
  return { folder, documents: docs, advices, adviceChoices: candidates.filter((c) => !linked.includes(c.id)), may };
}

/** What a folder can be linked to: the link table, its column, the form field, the message and the audit names. */
const links = {
  advice: {
    table: dossierAdvices,
    column: dossierAdvices.adviceId,
    error: 'documents.error.advice',
    field: 'adviceId',
    audit: ['folder.adviceLinked', 'folder.adviceUnlinked'],
  },
  meeting: {
    table: dossierMeetings,
    column: dossierMeetings.meetingId,
    error: 'documents.error.meeting',
    field: 'meetingId',
    audit: ['folder.meetingLinked', 'folder.meetingUnlinked'],
  },
} as const;
export type LinkKind = keyof typeof links;

/** Looks the record to link up in its own module: null unless it is this council's. */
export type FindLinkTarget = (deps: Deps, council: Council, id: string) => Promise<{ id: string } | null>;

/** Ids of the records of one kind linked to a folder of this council. */
export async function linkedTo(deps: Deps, council: Council, folderId: string, kind: LinkKind): Promise<string[]> {
  const link = links[kind];
  const rows = await deps.db
    .select({ id: link.column })
    .from(link.table)
    .where(and(eq(link.table.folderId, folderId), eq(link.table.councilId, council.id)));
  return rows.map((r) => r.id);
}

/** A folder and the id of the record it is linked to or unlinked from. */
type LinkArgs = { council: Council; actor: Actor | null; folderId: string; targetId: string };

/**
 * One change of a folder's links, for the board: the folder (404 unless it is this council's), the
 * record's id (`target` refuses a wrong one), then the change and its audit entry in one transaction.
 */
async function changeLink(
  deps: Deps,
  kind: LinkKind,
  step: 0 | 1,
  args: { council: Council; actor: Actor | null; folderId: string },
  target: () => Promise<string>,
  change: (tx: Tx, folderId: string, targetId: string) => Promise<unknown>,
): Promise<void> {
  const { council, actor } = args;
  assertCan(actor, 'documents.manage');
  const folder = await findFolder(deps, council, args.folderId);
  const link = links[kind];
  const targetId = await target();
  await deps.db.transaction(async (tx) => {
    await change(tx, folder.id, targetId);
    const data = { [link.field]: targetId };
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: link.audit[step], entity: 'document_folder', entityId: folder.id, data });
  });
}

/** Links a folder to a record of the same council (found by `find`); anything else is "choose from the list". */
export async function linkFolder(deps: Deps, kind: LinkKind, find: FindLinkTarget, args: LinkArgs): Promise<void> {
  const link = links[kind];
  const target = async () => {
    const row = await find(deps, args.council, args.targetId);
    if (!row) throw new DomainError(kind, link.error, link.field);
    return row.id;
  };
  await changeLink(deps, kind, 0, args, target, (tx, folderId, id) =>
    tx
      .insert(link.table)
      .values({ councilId: args.council.id, folderId, [link.field]: id } as typeof link.table.$inferInsert)
      .onConflictDoNothing(),
  );
}

/** Removes a link; an unknown or malformed id, or one not linked, is 404. */
export async function unlinkFolder(deps: Deps, kind: LinkKind, args: LinkArgs): Promise<void> {
  const link = links[kind];
  const target = async () => {
    if (!isUuid(args.targetId)) throw new NotFoundError(kind);
    return args.targetId;
  };
  await changeLink(deps, kind, 1, args, target, async (tx, folderId, id) => {
    const gone = await tx
      .delete(link.table)
      .where(and(eq(link.table.folderId, folderId), eq(link.column, id)))
      .returning();
    if (!gone.length) throw new NotFoundError(kind);
  });
}

/** Folders linked to one record of another module (a meeting's dossiers), in name order. */
export async function foldersLinkedTo(deps: Deps, council: Council, kind: LinkKind, id: string, read: Read = readAlone): Promise<{ id: string; name: string }[]> {
  if (!isUuid(id)) return [];
  const link = links[kind];
  return read(
    deps.db
      .select({ id: documentFolders.id, name: documentFolders.name })
      .from(link.table)
      .innerJoin(documentFolders, eq(documentFolders.id, link.table.folderId))
      .where(and(eq(link.column, id), eq(link.table.councilId, council.id)))
      .orderBy(asc(documentFolders.name)),
  );
}

/** An advice of this council, looked up through the advice module (for linking a folder to it). */
export const findAdviceToLink: FindLinkTarget = async (deps, council, id) => (await adviceRefs(deps.db, council, { ids: [id] }))[0] ?? null;
