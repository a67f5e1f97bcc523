import type { Message } from '../../core/i18n/index.ts';
import type { ModuleManifest } from '../../core/module.ts';
import { board, councilMembers } from '../../core/policy.ts';
import { documentsMessages } from './documents.messages.ts';
import { documentsRoutes } from './documents.routes.tsx';
import { extractionJob } from './documents.extraction.ts';

const policy = {
  'documents.view': councilMembers,
  'documents.viewClosed': board,
  'documents.upload': councilMembers,
  'documents.manage': board,
} as const;

declare module '../../core/i18n/index.ts' {
  interface MessageCatalogue extends Record<keyof typeof documentsMessages, Message> {}
}
declare module '../../core/policy.ts' {
  interface PolicyActions extends Record<keyof typeof policy, true> {}
}

/** The document library: uploads, versions, folders, access, text extraction and Dutch search. */
export const documentsModule: ModuleManifest = {
  name: 'documents',
  routes: [documentsRoutes],
  messages: [documentsMessages],
  policy,
  // Text extraction of uploaded documents (an upload also kicks it at once).
  jobs: [{ name: 'document-extraction', everyMs: 3_000, run: extractionJob }],
  nav: {
    public: [{ path: 'documenten', label: 'documents.nav', order: 30 }],
    workspace: [{ path: 'documenten', label: 'documents.ws.nav', order: 40, action: 'documents.view' }],
  },
};
