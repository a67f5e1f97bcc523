import type { ModuleManifest } from '../../core/module.ts';
import type { Declares, Named } from '../../core/module-types.ts';
import { board, can, councilMembers } from '../../core/policy.ts';
import signalsMessages from './signals.messages.json' with { type: 'json' };
import signalsIntakeMessages from './signals.intake.messages.json' with { type: 'json' };
import { signalsRoutes } from './signals.routes.tsx';
import { signalsIntakeRoutes } from './signals.intake.routes.tsx';
import { signalsHeldRoutes } from './signals.intake.held.routes.tsx';
import { releaseHeldSignals } from './signals.intake.held.ts';
import { signalsApiRoutes, signalsOpenApi } from './signals.api.ts';
import { countNewSignals } from './signals.queries.ts';
import { runSignalRetention } from './signals.retention.ts';
import { purgeOldSubmissions } from './signals.intake.ts';
import { signalsSearch } from './signals.search.ts';
import { signalsSlots } from './signals.slots.tsx';
import type { auditActions, SignalAction } from './signals.workflow.ts';

const policy = {
  'signals.view': councilMembers,
  'signals.record': councilMembers,
  'signals.triage': board,
  'signals.contact': board,
  'signals.accessLog': ['chair'],
  'signals.settings': board,
} as const;

/** What the audit log records of signals (core/audit/audit.ts); the workflow's steps name theirs there. */
type Audit = (typeof auditActions)[SignalAction] | Named<{ signal: 'submitted' | 'erased' | 'retentionApplied'; signalSettings: 'changed'; signalTemplate: 'changed' }>;
/** This module's message keys, policy actions and audit names: src/modules.ts hands them to core (core/module-types.ts). */
export type SignalsTypes = Declares<typeof signalsMessages & typeof signalsIntakeMessages, typeof policy, Audit>;

const HOUR = 60 * 60 * 1000;

/** Signals from residents: the public form, triage, themes, privacy, the API. */
export const signalsModule: ModuleManifest = {
  name: 'signals',
  sealed: ['name_sealed', 'email_sealed', 'phone_sealed'].map((column) => ({ table: 'signal_contacts', column, purpose: 'signal-contact' })),
  search: signalsSearch,
  routes: [signalsRoutes, signalsIntakeRoutes, signalsHeldRoutes],
  api: { routes: [signalsApiRoutes], openapi: signalsOpenApi },
  messages: [signalsMessages, signalsIntakeMessages],
  policy,
  // Residents' contact details: for the organisation's own board only, never a platform admin.
  councilOnly: ['signals.contact', 'signals.accessLog'],
  jobs: [
    // Contact details and texts past their retention period; idempotent, works from the dates.
    { name: 'signal-retention', everyMs: HOUR, firstAfterMs: 90_000, run: runSignalRetention },
    // The per-address counts of the public signal form are needed for an hour only.
    { name: 'signal-rate-counts', everyMs: HOUR, run: (deps) => purgeOldSubmissions(deps.db) },
    // Signals waiting beyond an organisation's hourly budget go in as the budget allows (oldest first).
    { name: 'signal-held-release', everyMs: 5 * 60_000, firstAfterMs: 30_000, run: releaseHeldSignals },
  ],
  nav: {
    public: [{ path: 'signaal', label: 'signals.intake.nav', order: 80, section: 'signals' }],
    workspace: [{ path: 'signalen', label: 'signals.nav.workspace', order: 30, action: 'signals.view', section: 'signals' }],
  },
  // The signals linked to an advice, on the advice's page.
  slots: signalsSlots,
  dashboard: [
    {
      order: 10,
      // New signals waiting for triage, for the board only.
      figures: async ({ deps, ctx, council, actor, read }) =>
        can(actor, 'signals.triage')
          ? [
              {
                label: ctx.t('signals.dashboard.new'),
                n: await countNewSignals(deps.db, council.id, read),
                href: `/${council.slug}/werkruimte/signalen?status=new`,
                linked: true,
              },
            ]
          : [],
    },
  ],
};

// Public surface: read functions other modules may call.
/** Signals an organisation still has to discuss (what an agenda item may link). */
export { listSignalsToDiscuss } from './signals.queries.ts';
/** Reference and summary of some of an organisation's signals (an agenda item names the signals it discusses). */
export { signalRefs } from './signals.queries.ts';
/** Signals of one year per theme and month, and the council's themes (the annual report and work plan). */
export { signalCountsOfYear, signalThemesOf, type SignalYearGroup } from './signals.year.ts';
/** The public forms' abuse protection (address count per hour, minimum fill time), shared by the campaigns' nomination form. */
export { addressKey, overLimit, recordSubmission, tooFast } from './signals.intake.ts';
