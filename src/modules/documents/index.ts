import type { ModuleManifest } from '../../core/module.ts';
import type { Declares, Named } from '../../core/module-types.ts';
import { board, councilMembers } from '../../core/policy.ts';
import documentsMessages from './documents.messages.json' with { type: 'json' };
import { documentsRoutes } from './documents.routes.tsx';
import { extractionJob } from './documents.extraction.ts';
import { documentsSearch } from './documents.search.ts';

const policy = {
  'documents.view': councilMembers,
  'documents.viewClosed': board,
  'documents.upload': councilMembers,
  'documents.manage': board,
} as const;

/** What the audit log records of documents and folders (core/audit/audit.ts). */
type Audit = Named<{
  document: 'uploaded' | 'versionAdded' | 'settingsChanged' | 'deleted' | 'shared' | 'unshared' | 'readByPartner';
  folder: 'created' | 'adviceLinked' | 'adviceUnlinked' | 'meetingLinked' | 'meetingUnlinked';
}>;
/** This module's message keys, policy actions and audit names: src/modules.ts hands them to core (core/module-types.ts). */
export type DocumentsTypes = Declares<typeof documentsMessages, typeof policy, Audit>;

/** The document library: uploads, versions, folders, access, text extraction and Dutch search. */
export const documentsModule: ModuleManifest = {
  name: 'documents',
  search: documentsSearch,
  routes: [documentsRoutes],
  messages: [documentsMessages],
  policy,
  // Text extraction of uploaded documents (an upload also kicks it at once).
  jobs: [{ name: 'document-extraction', everyMs: 3_000, run: extractionJob }],
  nav: {
    public: [{ path: 'documenten', label: 'documents.nav', order: 30, section: 'documents' }],
    workspace: [{ path: 'documenten', label: 'documents.ws.nav', order: 40, action: 'documents.view', section: 'documents' }],
  },
};

// Public surface: read functions and the folder links other modules may use.
/** Current versions of the documents an actor may see (agenda items link them, the packet prints them). */
export { visibleDocuments, type DocumentRef } from './documents.access.ts';
/** The extracted text of a document per page (the packet prints Word and OpenDocument files with it). */
export { extractedText } from './documents.access.ts';
/** The folders (dossiers) linked to one record of another module, in name order. */
export { foldersLinkedTo } from './documents.folders.ts';
/** Ids of the records of one kind (meetings) linked to a folder. */
export { linkedTo } from './documents.folders.ts';
/** Link and unlink routes on the folder page for another module's records; that module looks its records up. */
export { folderLinkRoutes } from './documents.routes.tsx';
/** The list and link form of one kind of record on the folder page, for the slot 'documents.folder.related'. */
export { FolderLinks } from './views/documents.tsx';
/** What an actor may do with documents: the folder links of another module show their forms by it. */
export { documentsMay } from './documents.library.ts';
/** Adds a document of this organisation (the file checked like every upload); cooperation uses it for a contribution to a partner's dossier. */
export { uploadDocument } from './documents.library.ts';
/** This organisation's folders (cooperation shares them with an agreement). */
export { listFolders } from './documents.folders.ts';
/** The documents of one folder the actor may see, a partner's shared folder included, with who shared each. */
export { documentsInFolder } from './documents.shared.ts';
