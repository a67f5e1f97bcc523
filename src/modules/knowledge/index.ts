import type { Message } from '../../core/i18n/index.ts';
import type { ModuleManifest } from '../../core/module.ts';
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

declare module '../../core/i18n/index.ts' {
  interface MessageCatalogue extends Record<keyof typeof knowledgeMessages, Message> {}
}
// Audit names `<entity>.<past tense>` (docs/decisions/0016).
declare module '../../core/audit/audit.ts' {
  interface AuditActions extends Record<'knowledgeArticle.created' | 'knowledgeArticle.saved' | 'knowledgeArticle.adopted' | 'knowledgeArticle.localParagraphSaved' | 'news.published', true> {}
}
declare module '../../core/policy.ts' {
  interface PolicyActions extends Record<keyof typeof policy, true> {}
}

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
      { path: 'nieuws', label: 'knowledge.nav.news', order: 65, section: 'knowledge' },
    ],
    workspace: [
      { path: 'kennisbank', label: 'knowledge.nav.workspace', order: 60, action: 'knowledge.view', section: 'knowledge' },
      { path: 'nieuws', label: 'knowledge.nav.news', order: 65, action: 'knowledge.view', section: 'knowledge' },
    ],
  },
};

/** The plain-language (B1) check, for other modules' texts (advice letters, public pages). */
export { checkPlainLanguage, type PlainLanguageReport } from './knowledge.plain-language.ts';
/** The check's advice to the writer, shown after saving (never blocking). */
export { PlainLanguageAdvice } from './views/parts.tsx';
