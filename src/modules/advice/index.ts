import type { Message } from '../../core/i18n/index.ts';
import type { ModuleManifest } from '../../core/module.ts';
import { board, councilMembers } from '../../core/policy.ts';
import { adviceMessages } from './advice.messages.ts';
import { registerMessages as adviceRegisterMessages } from './advice.register.messages.ts';
import { adviceRoutes } from './advice.routes.tsx';
import { adviceRegisterRoutes } from './advice.register.routes.tsx';
import { sendAdviceReminders } from './advice.service.ts';

const policy = {
  'advice.view': ['chair', 'secretary', 'member', 'official'],
  'advice.request': ['chair', 'secretary', 'official'],
  'advice.initiate': councilMembers,
  'advice.manage': board,
  'advice.vote': councilMembers,
  'advice.answer': ['secretary', 'official'],
  'advice.overview': councilMembers,
  // Partner councils hold a key to submit signals (the API refuses them everything else).
  'apiTokens.manage': ['chair', 'secretary', 'official', 'partner'],
} as const;

declare module '../../core/i18n/index.ts' {
  interface MessageCatalogue extends Record<keyof typeof adviceMessages | keyof typeof adviceRegisterMessages, Message> {}
}
declare module '../../core/policy.ts' {
  interface PolicyActions extends Record<keyof typeof policy, true> {}
}

const HOUR = 60 * 60 * 1000;

/** The advice lifecycle: requests, drafts, approval, letter, answer; the public register and its feed. */
export const adviceModule: ModuleManifest = {
  name: 'advice',
  routes: [adviceRoutes, adviceRegisterRoutes],
  messages: [adviceMessages, adviceRegisterMessages],
  policy,
  // Each advice reminder is recorded, so it goes out once at most.
  jobs: [{ name: 'advice-reminders', everyMs: HOUR, firstAfterMs: 30_000, run: sendAdviceReminders }],
  nav: {
    public: [{ path: 'adviezen', label: 'register.nav', order: 20 }],
    workspace: [
      { path: 'adviezen', label: 'councils.ws.nav.advice', order: 10, action: 'advice.view' },
      { path: 'adviezen/overzicht', label: 'register.overview.nav', order: 80, action: 'advice.overview' },
      { path: 'api-sleutels', label: 'register.tokens.nav', order: 90, action: 'apiTokens.manage' },
    ],
  },
};
