import type { ModuleManifest } from '../../core/module.ts';
import type { Declares, Named } from '../../core/module-types.ts';
import { board, councilMembers } from '../../core/policy.ts';
import campaignsMessages from './campaigns.messages.json' with { type: 'json' };
import { campaignsRoutes } from './campaigns.routes.tsx';
import { campaignsPublicRoutes } from './campaigns.public.routes.tsx';
import { campaignsApiRoutes, campaignsOpenApi } from './campaigns.api.ts';
import { NOMINATOR_PURPOSE, runNominatorRetention } from './campaigns.privacy.ts';

const HOUR = 60 * 60 * 1000;

const policy = {
  /** Organisers: start a campaign, name the jury, choose front runners, publish, export. */
  'campaigns.manage': board,
  /** Open the campaigns in the workspace; what a member sees of one depends on sitting on its jury. */
  'campaigns.judge': councilMembers,
} as const;

type Audit = Named<{
  campaign: 'created' | 'changed' | 'phaseChanged' | 'jurorAdded' | 'jurorRemoved' | 'meetingsSet' | 'frontRunnerChosen' | 'frontRunnerDeselected' | 'published' | 'nominatorsErased';
  nomination: 'submitted' | 'changed' | 'declared' | 'scored';
}>;
/** This module's message keys, policy actions and audit names: src/modules.ts hands them to core (core/module-types.ts). */
export type CampaignsTypes = Declares<typeof campaignsMessages, typeof policy, Audit>;

/** National campaigns: nominations of municipalities, a jury with declared conflicts of interest, front runners per province, results. */
export const campaignsModule: ModuleManifest = {
  name: 'campaigns',
  routes: [campaignsRoutes, campaignsPublicRoutes],
  api: { routes: [campaignsApiRoutes], openapi: campaignsOpenApi },
  messages: [campaignsMessages],
  policy,
  // Nominators' name, role and e-mail, sealed together (campaigns.privacy.ts).
  sealed: [{ table: 'campaign_nominations', column: 'nominator_sealed', purpose: NOMINATOR_PURPOSE }],
  // Erases nominators' details after the retention period; idempotent, works from the dates.
  jobs: [{ name: 'campaign-nominator-retention', everyMs: HOUR, firstAfterMs: 100_000, run: runNominatorRetention }],
  nav: {
    public: [{ path: 'campagnes', label: 'campaigns.nav.public', order: 35, section: 'campaigns' }],
    workspace: [{ path: 'campagnes', label: 'campaigns.nav.workspace', order: 35, action: 'campaigns.judge', section: 'campaigns' }],
  },
};
