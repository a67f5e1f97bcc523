/** Reads for folders shared across organisations (the cooperation module shows them on an agreement). */
import type { Deps } from '../../core/deps.ts';
import type { Actor } from '../../core/policy.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { listDocuments, type ListRow } from './documents.library.ts';

/**
 * The documents of one folder that the actor may see, by the one visibility rule: a partner's folder
 * shows only while an agreement in force covers it. `sharedBy` names the owner of each.
 */
export function documentsInFolder(deps: Deps, args: { council: Council; actor: Actor | null; folderId: string }): Promise<ListRow[]> {
  return listDocuments(deps, { council: args.council, actor: args.actor, folderId: args.folderId });
}
