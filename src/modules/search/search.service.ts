import type { Deps } from '../../core/deps.ts';
import type { SearchHit } from '../../core/module.ts';
import { searchProviders } from '../../core/platform.ts';
import { can, type Actor } from '../../core/policy.ts';
import type { Council } from '../../core/organisations.schema.ts';
import type { PageCtx } from '../../ui/context.ts';
import type { MessageKey } from '../../core/i18n/index.ts';

/** Results per group; one more than shown is asked for, to say that there are more. */
const PER_GROUP = 10;

export type SearchGroup = { label: MessageKey; hits: SearchHit[]; more: boolean };

/** What someone typed, checked: 2 to 200 characters after trimming. */
export function checkQuery(raw: unknown): { q: string; error: 'search.tooShort' | 'search.tooLong' | null } {
  const q = typeof raw === 'string' ? raw.trim().replace(/\s+/g, ' ') : '';
  if (q.length > 200) return { q: q.slice(0, 200), error: 'search.tooLong' };
  if (q.length < 2) return { q, error: q.length === 0 ? null : 'search.tooShort' };
  return { q, error: null };
}

/** Every module's results that this actor may see, in the order of the module list; empty groups are left out. */
export async function searchWorkspace(deps: Deps, args: { ctx: PageCtx; council: Council; actor: Actor; query: string }): Promise<SearchGroup[]> {
  const providers = searchProviders().filter((p) => !p.action || can(args.actor, p.action));
  const groups = await Promise.all(
    providers.map(async (p) => {
      const hits = await p.search({ deps, ctx: args.ctx, council: args.council, actor: args.actor, query: args.query, limit: PER_GROUP + 1 });
      return { label: p.label, hits: hits.slice(0, PER_GROUP), more: hits.length > PER_GROUP };
    }),
  );
  return groups.filter((g) => g.hits.length > 0);
}
