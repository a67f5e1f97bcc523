import type { Message } from '../../core/i18n/index.ts';
import type { ModuleManifest } from '../../core/module.ts';
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

declare module '../../core/i18n/index.ts' {
  interface MessageCatalogue extends Record<keyof typeof workplanMessages, Message> {}
}
declare module '../../core/policy.ts' {
  interface PolicyActions extends Record<keyof typeof policy, true> {}
}
declare module '../../core/audit/audit.ts' {
  interface AuditActions
    extends Record<
      | 'workplan.created'
      | 'workplan.topicsCarriedOver'
      | 'workplan.approvalOpened'
      | 'workplan.approvalClosed'
      | 'workplan.voted'
      | 'workplanTopic.added'
      | 'workplanTopic.updated'
      | 'workplanTopic.statusChanged'
      | 'workplanTopic.noteAdded'
      | 'workplanTopic.tagged'
      | 'workplanTopic.untagged'
      | 'annualReport.generated'
      | 'annualReport.textsSaved'
      | 'annualReport.approvalOpened'
      | 'annualReport.approvalClosed'
      | 'annualReport.published'
      | 'annualReport.consentGiven'
      | 'annualReport.consentWithdrawn'
      | 'annualReport.overviewRead',
      true
    > {}
}

/** Work plan per year (topics, progress, tags, approval) and the annual report made from the year's data. */
export const workplanModule: ModuleManifest = {
  name: 'workplan',
  routes: [workplanRoutes, reportRoutes, publicRoutes],
  messages: [workplanMessages],
  policy,
  nav: {
    public: [
      { path: 'werkplan', label: 'workplan.nav', order: 90, section: 'workplan' },
      { path: 'jaarverslag', label: 'workplan.nav.report', order: 91, section: 'workplan' },
    ],
    workspace: [
      { path: 'werkplan', label: 'workplan.nav', order: 85, action: 'workplan.view', section: 'workplan' },
      { path: 'jaarverslag', label: 'workplan.nav.report', order: 86, action: 'workplan.view', section: 'workplan' },
    ],
  },
};
