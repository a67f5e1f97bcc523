import type { Message } from '../../core/i18n/index.ts';
import type { ModuleManifest } from '../../core/module.ts';
import { board, councilMembers } from '../../core/policy.ts';
import { meetingsMessages } from './meetings.messages.ts';
import { meetingsCalendarMessages } from './meetings.calendar.messages.ts';
import { meetingsRoutes } from './meetings.routes.tsx';
import { meetingsCalendarRoutes } from './meetings.calendar.routes.tsx';
import { openActionPointsOf, sendActionPointReminders } from './meetings.service.ts';
import { OpenActionPoints } from './views/meetings.tsx';

const policy = {
  'meetings.view': councilMembers,
  'meetings.manage': board,
  'meetings.attend': councilMembers,
  'calendar.subscribe': councilMembers,
} as const;

declare module '../../core/i18n/index.ts' {
  interface MessageCatalogue extends Record<keyof typeof meetingsMessages | keyof typeof meetingsCalendarMessages, Message> {}
}
declare module '../../core/policy.ts' {
  interface PolicyActions extends Record<keyof typeof policy, true> {}
}

const HOUR = 60 * 60 * 1000;

/** Meetings: rhythm, agenda, attendance, minutes with action points, calendar feeds, packet. */
export const meetingsModule: ModuleManifest = {
  name: 'meetings',
  routes: [meetingsRoutes, meetingsCalendarRoutes],
  messages: [meetingsMessages, meetingsCalendarMessages],
  policy,
  // Action point reminders are recorded per point and kind, so each goes out once.
  jobs: [{ name: 'action-point-reminders', everyMs: HOUR, firstAfterMs: 45_000, run: sendActionPointReminders }],
  nav: {
    public: [{ path: 'vergaderingen', label: 'meetings.nav.public', order: 40 }],
    workspace: [
      { path: 'vergaderingen', label: 'meetings.nav.workspace', order: 20, action: 'meetings.view' },
      { path: 'agenda', label: 'calendar.nav', order: 100, action: 'calendar.subscribe' },
    ],
  },
  dashboard: [
    {
      order: 20,
      panel: async ({ deps, ctx, council, actor }) =>
        OpenActionPoints({ ctx, council, points: await openActionPointsOf(deps.db, council, actor.membershipId) }),
    },
  ],
};
