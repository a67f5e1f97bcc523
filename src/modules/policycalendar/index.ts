import type { ModuleManifest } from '../../core/module.ts';
import type { Declares, Named } from '../../core/module-types.ts';
import { board, councilMembers } from '../../core/policy.ts';
import policyCalendarMessages from './policycalendar.messages.json' with { type: 'json' };
import { policyCalendarRoutes } from './policycalendar.routes.tsx';
import { sendMomentReminders } from './policycalendar.service.ts';
import { policyCalendarApiRoutes, policyCalendarOpenApi } from './policycalendar.api.ts';

const policy = { 'policyCalendar.view': councilMembers, 'policyCalendar.manage': board } as const;

/** This module's message keys, policy actions and audit names: src/modules.ts hands them to core (core/module-types.ts). */
export type PolicyCalendarTypes = Declares<typeof policyCalendarMessages, typeof policy, Named<{ policyMoment: 'added' | 'saved' | 'statusChanged' | 'adviceLinked' }>>;

/**
 * The policy calendar (issue 11, part 7): the moments when a council can influence its
 * municipality, with reminders and a draft letter for the working group, the date history, the
 * advice request linked to each moment (through the advice module's public surface), a public
 * view and an iCalendar feed. Part of the advice section: organisations without an advice cycle
 * (national ones) have no calendar.
 */
export const policyCalendarModule: ModuleManifest = {
  name: 'policycalendar',
  routes: [policyCalendarRoutes],
  api: { routes: [policyCalendarApiRoutes], openapi: policyCalendarOpenApi },
  messages: [policyCalendarMessages],
  policy,
  jobs: [{ name: 'policy-moment-reminders', everyMs: 60 * 60_000, firstAfterMs: 55_000, run: sendMomentReminders }],
  sectionPaths: { beleidskalender: 'advice', 'beleidskalender.ics': 'advice' },
  nav: { workspace: [{ path: 'beleidskalender', label: 'policycalendar.nav', order: 35, action: 'policyCalendar.view', section: 'advice', more: true }] },
};
