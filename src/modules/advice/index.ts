import type { ModuleManifest } from '../../core/module.ts';
import type { Declares } from '../../core/module-types.ts';
import { hasSection } from '../../core/organisation-kinds.ts';
import { adviceForYou } from './advice.foryou.ts';
import { AdviceForYouPanel } from './views/for-you.tsx';
import { board, councilMembers } from '../../core/policy.ts';
import adviceMessages from './advice.messages.json' with { type: 'json' };
import adviceRegisterMessages from './advice.register.messages.json' with { type: 'json' };
import { adviceRoutes } from './advice.routes.tsx';
import { adviceRegisterRoutes } from './advice.register.routes.tsx';
import { adviceApiRoutes } from './advice.api.ts';
import { adviceOpenApi } from './advice.openapi.ts';
import { sendAdviceReminders, sendVoteReminders } from './advice.reminders.ts';
import { adviceSearch } from './advice.search.ts';
import { adviceSlots } from './advice.slots.tsx';
import type { AdviceAuditAction } from './advice.audit.ts';

const policy = {
  'advice.view': ['chair', 'secretary', 'member', 'official'],
  'advice.request': ['chair', 'secretary', 'official'],
  'advice.initiate': councilMembers,
  'advice.manage': board,
  // Reopening and adopting a concept after the vote: the chair's decision.
  'advice.decide': ['chair'],
  'advice.vote': councilMembers,
  'advice.answer': ['secretary', 'official'],
  'advice.overview': councilMembers,
} as const;

/** This module's message keys, policy actions and audit names: src/modules.ts hands them to core (core/module-types.ts). */
export type AdviceTypes = Declares<typeof adviceMessages & typeof adviceRegisterMessages, typeof policy, AdviceAuditAction>;

const HOUR = 60 * 60 * 1000;

/** The advice lifecycle: requests, drafts, approval, letter, answer; the public register and its feed. */
export const adviceModule: ModuleManifest = {
  name: 'advice',
  search: adviceSearch,
  // The working group's page shows the group's advices.
  slots: adviceSlots,
  routes: [adviceRoutes, adviceRegisterRoutes],
  api: { routes: [adviceApiRoutes], openapi: adviceOpenApi },
  messages: [adviceMessages, adviceRegisterMessages],
  policy,
  // The answer is the municipality's (its official, or the secretary who received it): a platform
  // admin, who acts as chair, records none.
  councilOnly: ['advice.answer'],
  // Each advice reminder is recorded, so it goes out once at most.
  jobs: [
    { name: 'advice-reminders', everyMs: HOUR, firstAfterMs: 30_000, run: sendAdviceReminders },
    // A day before a vote closes, those who have not voted hear of it; once per round.
    { name: 'vote-reminders', everyMs: 15 * 60 * 1000, firstAfterMs: 40_000, run: sendVoteReminders },
  ],
  // The register's feed belongs to the advice register (an organisation without it has none).
  sectionPaths: { 'feed.atom': 'advice' },
  // The "for you" start page: votes, the working group's advices, requests and answers waiting.
  dashboard: [
    {
      order: 5,
      panel: async ({ deps, ctx, council, actor, read }) => {
        if (!hasSection(council.kind, 'advice')) return null;
        const work = await adviceForYou(deps.db, council, actor, new Date(), read);
        return Object.values(work).some((rows) => rows.length > 0) ? AdviceForYouPanel({ ctx, council, work }) : null;
      },
    },
  ],
  nav: {
    public: [{ path: 'adviezen', label: 'register.nav', order: 20, section: 'advice' }],
    workspace: [
      { path: 'adviezen', label: 'councils.ws.nav.advice', order: 10, action: 'advice.view', section: 'advice' },
      { path: 'adviezen/overzicht', label: 'register.overview.nav', order: 80, action: 'advice.overview', section: 'advice', more: true },
    ],
  },
};

// Public surface: read functions other modules may call.
/** Reference and subject of an organisation's advices, for what links to them (agenda items, dossiers). */
export { adviceRefs, type AdviceRef } from './advice.refs.ts';

/** One advice of this organisation by id (null for unknown or another organisation's); `lock` for use in a transaction. */
export { findAdvice } from './advice.queries.ts';
// Start an unsolicited advice (the signals module does so from a theme).
export { initiateAdvice } from './advice.lifecycle.ts';
/** The organisation's unsolicited advices, newest first: what a signal may be linked to. */
export { listUnsolicitedAdvices } from './advice.queries.ts';
/** The policy fields (Wmo, Participatiewet, Jeugdwet, other) by which advices and signals are classified. */
export { policyFields } from './advice.schema.ts';
/** The advices sent in one year with their recommendations' answers (the annual report counts them). */
export { advicesOfYear, type YearAdvice } from './advice.year.ts';
/** What became of advices: state and the college's answer per recommendation (the network module's feedback mail). */
export { adviceOutcomes, type AdviceOutcome } from './advice.outcome.ts';
