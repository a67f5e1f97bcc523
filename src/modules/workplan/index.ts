import type { ModuleManifest } from '../../core/module.ts';
import type { Declares, Named } from '../../core/module-types.ts';
import { board, councilMembers } from '../../core/policy.ts';
import workplanMessages from './workplan.messages.json' with { type: 'json' };
import { workplanRoutes } from './workplan.routes.tsx';
import { reportRoutes } from './workplan.report.routes.tsx';
import { publicRoutes } from './workplan.public.routes.tsx';

const policy = {
  'workplan.view': councilMembers,
  'workplan.manage': board,
  'workplan.note': councilMembers,
  'workplan.vote': councilMembers,
  // The national overview: the people of a national organisation (the route checks the kind).
  'workplan.platform': councilMembers,
} as const;

type Audit = Named<{
  workplan: 'created' | 'topicsCarriedOver' | 'approvalOpened' | 'approvalClosed' | 'voted';
  workplanTopic: 'added' | 'updated' | 'statusChanged' | 'noteAdded' | 'tagged' | 'untagged';
  annualReport: 'generated' | 'textsSaved' | 'approvalOpened' | 'approvalClosed' | 'published' | 'consentGiven' | 'consentWithdrawn' | 'overviewRead';
}>;
/** This module's message keys, policy actions and audit names: src/modules.ts hands them to core (core/module-types.ts). */
export type WorkplanTypes = Declares<typeof workplanMessages, typeof policy, Audit>;

/** Work plan per year (topics, progress, tags, approval) and the annual report made from the year's data. */
export const workplanModule: ModuleManifest = {
  name: 'workplan',
  routes: [workplanRoutes, reportRoutes, publicRoutes],
  messages: [workplanMessages],
  policy,
  nav: {
    public: [
      { path: 'werkplan', label: 'workplan.nav', order: 90, section: 'workplan', more: true },
      { path: 'jaarverslag', label: 'workplan.nav.report', order: 91, section: 'workplan', more: true },
    ],
    workspace: [
      { path: 'werkplan', label: 'workplan.nav', order: 85, action: 'workplan.view', section: 'workplan', more: true },
      { path: 'jaarverslag', label: 'workplan.nav.report', order: 86, action: 'workplan.view', section: 'workplan', more: true },
    ],
  },
};
