/**
 * The records an agenda item can point to that belong to other modules (documents, signals).
 * Kept in one place, so the meetings module depends on their public use cases only.
 */
import type { Deps } from '../../core/deps.ts';
import { can, type Actor } from '../../core/policy.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { foldersOf, visibleDocuments } from '../documents/documents.service.ts';
import { listSignalsToDiscuss } from '../signals/signals.service.ts';

export type LinkChoice = { id: string; title: string };

/** Documents the actor may see (a closed one only for the board), for the picker (no ids) or to show links (ids). */
export async function documentChoices(deps: Deps, args: { council: Council; actor: Actor | null; ids?: string[] }): Promise<LinkChoice[]> {
  return (await visibleDocuments(deps, args)).map((d) => ({ id: d.id, title: d.title }));
}

/** Signals the council still has to discuss, for the picker. */
export async function signalChoices(deps: Deps, council: Council): Promise<LinkChoice[]> {
  return (await listSignalsToDiscuss(deps.db, council.id)).map((s) => ({ id: s.id, title: `${s.reference}: ${s.summary}` }));
}

/** Dossiers (document folders) linked to a meeting, for those who may open them. */
export async function dossiersOf(deps: Deps, args: { council: Council; actor: Actor | null; meetingId: string }): Promise<{ id: string; name: string }[]> {
  return can(args.actor, 'documents.view') ? foldersOf(deps, args.council, { meetingId: args.meetingId }) : [];
}
