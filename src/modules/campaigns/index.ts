import type { Message } from '../../core/i18n/index.ts';
import type { ModuleManifest } from '../../core/module.ts';
import { board, councilMembers } from '../../core/policy.ts';
import campaignsMessages from './campaigns.messages.json' with { type: 'json' };
import { campaignsRoutes } from './campaigns.routes.tsx';
import { campaignsPublicRoutes } from './campaigns.public.routes.tsx';
import { campaignsApiRoutes, campaignsOpenApi } from './campaigns.api.ts';

const policy = {
  /** Organisers: start a campaign, name the jury, choose front runners, publish, export. */
  'campaigns.manage': board,
  /** Open the campaigns in the workspace; what a member sees of one depends on sitting on its jury. */
  'campaigns.judge': councilMembers,
} as const;

declare module '../../core/i18n/index.ts' {
  interface MessageCatalogue extends Record<keyof typeof campaignsMessages, Message> {}
}
declare module '../../core/policy.ts' {
  interface PolicyActions extends Record<keyof typeof policy, true> {}
}
declare module '../../core/audit/audit.ts' {
  interface AuditActions
    extends Record<
      | 'campaign.created'
      | 'campaign.phaseChanged'
      | 'campaign.jurorAdded'
      | 'campaign.meetingsSet'
      | 'campaign.frontRunnerChosen'
      | 'campaign.published'
      | 'nomination.submitted'
      | 'nomination.changed'
      | 'nomination.declared'
      | 'nomination.scored',
      true
    > {}
}

/** National campaigns: nominations of municipalities, a jury with declared conflicts of interest, front runners per province, results. */
export const campaignsModule: ModuleManifest = {
  name: 'campaigns',
  routes: [campaignsRoutes, campaignsPublicRoutes],
  api: { routes: [campaignsApiRoutes], openapi: campaignsOpenApi },
  messages: [campaignsMessages],
  policy,
  nav: {
    public: [{ path: 'campagnes', label: 'campaigns.nav.public', order: 35, section: 'campaigns' }],
    workspace: [{ path: 'campagnes', label: 'campaigns.nav.workspace', order: 35, action: 'campaigns.judge', section: 'campaigns' }],
  },
};
