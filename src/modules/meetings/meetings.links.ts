/**
 * The records an agenda item can point to that belong to other modules (advices, documents,
 * signals). Kept in one place, so the meetings module reads them through their public surface only.
 */
import type { Ids } from '../../core/db/find.ts';
import type { Deps } from '../../core/deps.ts';
import type { Read } from '../../core/read-together.ts';
import type { Actor } from '../../core/policy.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { adviceRefs, type AdviceRef } from '../advice/index.ts';
import { visibleDocuments } from '../documents/index.ts';
import { listSignalsToDiscuss, signalRefs } from '../signals/index.ts';

export type LinkChoice = { id: string; title: string };

/** The council's advices, newest first, for the picker. */
export async function adviceChoices(deps: Deps, council: Council): Promise<LinkChoice[]> {
  return (await adviceRefs(deps.db, council, { order: 'newest', limit: 200 })).map((a) => ({ id: a.id, title: `${a.reference} ${a.subject}` }));
}

// The records below take their ids as a list (a form's choices) or as a subquery that selects
// them (the agenda's links: then they are read in the same round as the links, issue 14).

/** These advices, if they are the council's own, in reference order (to check links); with `visibleTo`, only those that person may see (to show links). */
export function linkedAdvices(deps: Deps, council: Council, ids: Ids, visibleTo?: Actor | null, read?: Read): Promise<AdviceRef[]> {
  return adviceRefs(deps.db, council, { ids, visibleTo, read });
}

/** Documents the actor may see (a closed one only for the board), for the picker (no ids) or to show links (ids). */
export async function documentChoices(deps: Deps, args: { council: Council; actor: Actor | null; ids?: Ids }, read?: Read): Promise<LinkChoice[]> {
  return (await visibleDocuments(deps, args, read)).map((d) => ({ id: d.id, title: d.title }));
}

/** These signals of the council, named by reference and summary (an agenda item shows what it discusses). */
export async function linkedSignals(deps: Deps, council: Council, ids: Ids, read?: Read): Promise<LinkChoice[]> {
  return (await signalRefs(deps.db, council.id, ids, read)).map((s) => ({ id: s.id, title: `${s.reference}: ${s.summary}` }));
}

/** Signals the council still has to discuss, for the picker. */
export async function signalChoices(deps: Deps, council: Council): Promise<LinkChoice[]> {
  return (await listSignalsToDiscuss(deps.db, council.id)).map((s) => ({ id: s.id, title: `${s.reference}: ${s.summary}` }));
}
