/** What the public sees of a cooperation: the public documents of its shared dossiers, on their owners' sites. */
import { inArray } from 'drizzle-orm';
import type { Deps } from '../../core/deps.ts';
import { councils } from '../../core/organisations.schema.ts';
import { documentsInFolder } from '../documents/index.ts';
import { dossiersOf, type AgreementSummary } from './cooperation.queries.ts';

export type PublicDocument = { title: string; href: string; sharedBy: string };

/** Public documents in the agreement's shared folders, each linked to its owner's public download. */
export async function publicDossierDocuments(deps: Deps, agreement: AgreementSummary): Promise<PublicDocument[]> {
  const dossiers = await dossiersOf(deps.db, agreement.id);
  if (!dossiers.length) return [];
  const owners = await deps.db
    .select()
    .from(councils)
    .where(inArray(councils.id, [...new Set(dossiers.map((d) => d.councilId))]));
  const out: PublicDocument[] = [];
  for (const d of dossiers) {
    const owner = owners.find((o) => o.id === d.councilId);
    if (!owner) continue;
    // As the public of the owner's own site: only its public documents.
    for (const doc of await documentsInFolder(deps, { council: owner, actor: null, folderId: d.folderId })) {
      out.push({ title: doc.title, href: `/${owner.slug}/documenten/${doc.id}/download`, sharedBy: owner.name });
    }
  }
  return out;
}
