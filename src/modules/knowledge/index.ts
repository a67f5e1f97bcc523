import type { ModuleManifest } from '../../core/module.ts';
import type { Declares, Named } from '../../core/module-types.ts';
import { board, councilMembers } from '../../core/policy.ts';
import knowledgeMessages from './knowledge.messages.json' with { type: 'json' };
import { knowledgeRoutes } from './knowledge.routes.tsx';
import { knowledgeWorkspaceRoutes } from './knowledge.workspace.routes.tsx';
import { sendReviewReminders } from './knowledge.reminders.ts';
import { sweepForwards } from './knowledge.forward.ts';
import { knowledgeSearch } from './knowledge.search.ts';
import { knowledgeApiRoutes, knowledgeOpenApi } from './knowledge.api.ts';

const policy = {
  'knowledge.view': councilMembers,
  'knowledge.write': board,
  'knowledge.adopt': board,
} as const;

type Audit = Named<{ knowledgeArticle: 'created' | 'saved' | 'adopted' | 'localParagraphSaved' | 'videoAttached'; news: 'published' }>;
/** This module's message keys, policy actions and audit names: src/modules.ts hands them to core (core/module-types.ts). */
export type KnowledgeTypes = Declares<typeof knowledgeMessages, typeof policy, Audit>;
// Audit names `<entity>.<past tense>` (docs/decisions/0016).

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Knowledge (issue 11): the national knowledge base and each organisation's own articles, adopting
 * national articles with a local paragraph, the plain-language check, Dutch search, news with an
 * Atom feed and "Stuur dit artikel door" (docs/decisions/0021-knowledge.md).
 */
export const knowledgeModule: ModuleManifest = {
  name: 'knowledge',
  routes: [knowledgeRoutes, knowledgeWorkspaceRoutes],
  api: { routes: [knowledgeApiRoutes], openapi: knowledgeOpenApi },
  messages: [knowledgeMessages],
  policy,
  search: knowledgeSearch,
  jobs: [
    { name: 'knowledge-review-reminders', everyMs: HOUR, firstAfterMs: 50_000, run: sendReviewReminders },
    { name: 'knowledge-forward-sweep', everyMs: MINUTE, firstAfterMs: 20_000, run: sweepForwards },
  ],
  nav: {
    public: [
      { path: 'kennisbank', label: 'knowledge.nav.public', order: 60, section: 'knowledge' },
      { path: 'nieuws', label: 'knowledge.nav.news', order: 65, section: 'knowledge', more: true },
    ],
    workspace: [
      { path: 'kennisbank', label: 'knowledge.nav.workspace', order: 60, action: 'knowledge.view', section: 'knowledge' },
      { path: 'nieuws', label: 'knowledge.nav.news', order: 65, action: 'knowledge.view', section: 'knowledge', more: true },
    ],
  },
};
