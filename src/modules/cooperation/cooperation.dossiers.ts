/**
 * Shared dossiers: a party shares one of its document folders with an agreement, read-only or
 * to contribute. The documents stay the owner's; the documents module asks the sharing port
 * (cooperation.partnerships.ts) on every request whether the agreement is still in force.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Deps } from '../../core/deps.ts';
import { audit } from '../../core/audit/audit.ts';
import { DomainError, notFound } from '../../core/errors.ts';
import { isUuid } from '../../core/http/forms.ts';
import { assertCan, type Actor } from '../../core/policy.ts';
import type { Council } from '../../core/organisations.schema.ts';
import type { Upload } from '../../core/http/forms.ts';
import { listFolders, documentsInFolder, uploadDocument, visibleDocuments } from '../documents/index.ts';
import { councils } from '../../core/organisations.schema.ts';
import { contributions, sharedDossiers, type DossierLevel } from './cooperation.schema.ts';
import { inForce } from './cooperation.workflow.ts';
import { todayInAmsterdam } from '../../core/dates/working-days.ts';
import { dossiersOf, findForParty } from './cooperation.queries.ts';
import type { AgreementDetail } from './cooperation.queries.ts';
import { deleteOne } from '../../core/db/queries.ts';

/** Shares one of this organisation's folders with the agreement (or changes the level of a share). */
export async function shareDossier(deps: Deps, args: { actor: Actor | null; council: Council; id: string; folderId: string; level: DossierLevel }): Promise<void> {
  const { actor, council } = args;
  assertCan(actor, 'cooperation.manage');
  const a = (await findForParty(deps.db, council.id, args.id)) ?? notFound('agreement');
  if (a.state === 'draft' || a.state === 'ended') throw new DomainError('notAllowedFromState', 'cooperation.error.dossierState', 'folderId');
  const folder = (await listFolders(deps, { council, actor })).find((f) => f.id === args.folderId);
  if (!folder) throw new DomainError('folder', 'cooperation.error.folder', 'folderId');
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(sharedDossiers)
      .values({ councilId: council.id, agreementId: a.id, folderId: folder.id, folderName: folder.name, level: args.level, sharedBy: actor.userId })
      .onConflictDoUpdate({ target: [sharedDossiers.agreementId, sharedDossiers.folderId], set: { level: args.level, folderName: folder.name } });
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'dossier.shared', entity: 'agreement', entityId: a.id, to: args.level, data: { folderId: args.folderId } });
  });
}

/** Stops sharing a folder; only the organisation that shared it. */
export async function stopSharing(deps: Deps, args: { actor: Actor | null; council: Council; id: string; dossierId: string }): Promise<void> {
  const { actor, council } = args;
  assertCan(actor, 'cooperation.manage');
  const a = (await findForParty(deps.db, council.id, args.id)) ?? notFound('agreement');
  await deps.db.transaction(async (tx) => {
    const gone = await deleteOne(tx, sharedDossiers, 'dossier', args.dossierId, (id) => and(eq(sharedDossiers.id, id), eq(sharedDossiers.agreementId, a.id), eq(sharedDossiers.councilId, council.id)));
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'dossier.unshared', entity: 'agreement', entityId: a.id, data: { folderId: gone.folderId } });
  });
}

export type DossierView = Awaited<ReturnType<typeof dossiersOf>>[number] & {
  own: boolean;
  documents: { id: string; title: string; sharedBy: string | null }[];
};

/** The contribution form's file field: the agreement page has another file field (the signed agreement). */
export const CONTRIBUTE_FILE = 'contributedFile';

/**
 * A partner adds a document of its own to a "contribute" dossier of another party, while the
 * agreement is in force. The file goes through the documents module's upload (the same checks on
 * type and size as every upload); the document stays the contributor's, and the agreement's
 * parties see it in the dossier through the sharing port.
 */
export async function contributeDocument(deps: Deps, args: { actor: Actor | null; council: Council; id: string; dossierId: string; title: string; upload: Upload | null }) {
  const { actor, council } = args;
  assertCan(actor, 'cooperation.view');
  const a = (await findForParty(deps.db, council.id, args.id)) ?? notFound('agreement');
  if (!isUuid(args.dossierId)) notFound('dossier');
  const [d] = await deps.db
    .select()
    .from(sharedDossiers)
    .where(and(eq(sharedDossiers.id, args.dossierId), eq(sharedDossiers.agreementId, a.id)))
    .limit(1);
  if (!d) notFound('dossier');
  if (!inForce(a, todayInAmsterdam()) || d.level !== 'contribute' || d.councilId === council.id) throw new DomainError('contribute', 'cooperation.error.contribute', CONTRIBUTE_FILE);
  const doc = await uploadDocument(deps, { council, actor, input: { title: args.title, description: '', access: 'members', folderId: null }, upload: args.upload }).catch((err: unknown) => {
    // The upload's refusals (no file, too large, not a document) belong at this page's own file field.
    if (err instanceof DomainError && err.field === 'file') throw new DomainError(err.code, err.messageKey, { field: CONTRIBUTE_FILE, params: err.params, status: err.status });
    throw err;
  });
  await deps.db.transaction(async (tx) => {
    await tx.insert(contributions).values({ councilId: council.id, dossierId: d.id, agreementId: a.id, documentId: doc.id, addedBy: actor.userId });
    // In the dossier owner's log too: a document of another organisation now shows in its dossier.
    for (const councilId of [council.id, d.councilId])
      await audit(tx, {
        councilId,
        actorUserId: actor.userId,
        action: 'dossier.contributed',
        entity: 'agreement',
        entityId: a.id,
        data: { folderId: d.folderId, documentId: doc.id, byCouncilId: council.id },
      });
  });
}

/** Documents partners contributed to a dossier that the actor may open now (the sharing port decides), with who added each. */
async function contributedTo(deps: Deps, args: { actor: Actor; council: Council; dossierId: string }) {
  const rows = await deps.db
    .select({ documentId: contributions.documentId, councilId: contributions.councilId, name: councils.name })
    .from(contributions)
    .innerJoin(councils, eq(councils.id, contributions.councilId))
    .where(eq(contributions.dossierId, args.dossierId))
    .orderBy(asc(contributions.createdAt));
  if (!rows.length) return [];
  const visible = await visibleDocuments(deps, { council: args.council, actor: args.actor, ids: rows.map((r) => r.documentId) });
  return visible.map((v) => {
    const r = rows.find((x) => x.documentId === v.id)!;
    return { id: v.id, title: v.title, sharedBy: r.councilId === args.council.id ? null : r.name };
  });
}

/**
 * The shared folders of an agreement with the documents the actor may open now (none from a
 * partner once the agreement is no longer in force). Reading a partner's folder is audited, in the
 * partner's log (whose data it is) and in one's own.
 */
export async function dossiersFor(deps: Deps, args: { actor: Actor; council: Council; detail: AgreementDetail }): Promise<DossierView[]> {
  const { actor, council, detail } = args;
  const rows = await dossiersOf(deps.db, detail.agreement.id);
  const out: DossierView[] = [];
  for (const d of rows) {
    const own = d.councilId === council.id;
    const documents = own || detail.inForce ? [...(await documentsInFolder(deps, { council, actor, folderId: d.folderId })), ...(await contributedTo(deps, { actor, council, dossierId: d.id }))] : [];
    if (!own && detail.inForce) {
      await audit(deps.db, {
        councilId: d.councilId,
        actorUserId: actor.userId,
        action: 'dossier.readByPartner',
        entity: 'agreement',
        entityId: detail.agreement.id,
        data: { folderId: d.folderId, readerCouncilId: council.id },
      });
    }
    out.push({ ...d, own, documents });
  }
  return out;
}

/** This organisation's folders that it may share (for the form). */
export async function ownFolders(deps: Deps, args: { actor: Actor; council: Council }) {
  return (await listFolders(deps, args)).map((f) => ({ id: f.id, name: f.name }));
}
