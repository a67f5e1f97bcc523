import { sql } from 'drizzle-orm';
import { uuid, text, integer, index, uniqueIndex, customType } from 'drizzle-orm/pg-core';
import { timestamptz, createdAt, updatedAt, cascadeRef, setNullRef, councilTable, linkTable, madeBy, namesTable } from '../../core/db/columns.ts';
import { councils } from '../../core/organisations.schema.ts';
import { advices } from '../advice/advice.schema.ts';

/** public: everyone; members: chair, secretary and members; closed: chair and secretary only. */
export const accessLevels = ['public', 'members', 'closed'] as const;
export type AccessLevel = (typeof accessLevels)[number];
/** Background text extraction of one version: a queue kept in the version row itself. */
export const extractionStates = ['pending', 'done', 'failed', 'too_large'] as const;
export type ExtractionState = (typeof extractionStates)[number];
/** Who in a partner council sees a shared document: all its members, or its chair and secretary. */
export const shareLevels = ['members', 'board'] as const;
export type ShareLevel = (typeof shareLevels)[number];

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** A folder (dossier) per topic; linked to advices and meetings. */
export const documentFolders = namesTable('document_folders', { description: text('description').notNull().default('') }, 'document_folders_name_unique');

export const documents = councilTable(
  'documents',
  {
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    access: text('access', { enum: accessLevels }).notNull(),
    folderId: setNullRef('folder_id', () => documentFolders.id),
    /** Number of the newest version; older versions stay in document_versions. */
    currentVersion: integer('current_version').notNull().default(1),
    ...madeBy('createdBy'),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('documents_council_idx').on(t.councilId, t.access),
    index('documents_folder_idx').on(t.folderId),
    // The title part of the search (core/search.ts matches) without reading every title.
    index('documents_title_search_idx').using('gin', sql`to_tsvector('dutch', ${t.title})`),
  ],
);

/** Every uploaded version; never changed except for its extraction state. */
export const documentVersions = councilTable(
  'document_versions',
  {
    documentId: cascadeRef('document_id', () => documents.id),
    version: integer('version').notNull(),
    /** Content hash in the file store; the name below is only for display and download. */
    fileHash: text('file_hash').notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    ...madeBy('uploadedBy'),
    extraction: text('extraction', { enum: extractionStates }).notNull().default('pending'),
    extractionAttempts: integer('extraction_attempts').notNull().default(0),
    /** Set while a worker holds the job; a stale claim is taken over after a while. */
    extractionClaimedAt: timestamptz('extraction_claimed_at'),
    extractionError: text('extraction_error').notNull().default(''),
    extractedAt: timestamptz('extracted_at'),
    pageCount: integer('page_count'),
  },
  (t) => [uniqueIndex('document_versions_number_unique').on(t.documentId, t.version), index('document_versions_queue_idx').on(t.extraction, t.createdAt)],
);

/** Extracted text per page (page null for formats without pages), indexed for Dutch search. */
export const documentPages = councilTable(
  'document_pages',
  {
    documentId: cascadeRef('document_id', () => documents.id),
    versionId: cascadeRef('version_id', () => documentVersions.id),
    page: integer('page'),
    text: text('text').notNull(),
    // Stored in the row (STORAGE MAIN, migration 0020): confirming a phrase reads it on many pages.
    tsv: tsvector('tsv').generatedAlwaysAs(sql`to_tsvector('dutch', "text")`),
  },
  (t) => [
    index('document_pages_version_idx').on(t.versionId, t.page),
    index('document_pages_search_idx').using('gin', t.tsv),
    // Ranking the pages of a few documents, and replacing a document's pages, go by document.
    index('document_pages_document_idx').on(t.documentId, t.page),
  ],
);

/**
 * Per document: the distinct words (stemmed) of its extracted pages, plus one word for its owner
 * (`lexemes`: the search's first pass finds documents here through the GIN index, the owner's word
 * keeping it to the organisations the reader may see; docs/decisions/0031), and the same words with
 * the numbers of the pages they are on as positions (`pages`: read only for the documents shown,
 * it tells which pages can match without reading them). Kept by refreshLexemes
 * (documents.search.ts) whenever pages change. Both null for a document with more words than a
 * tsvector holds: always a candidate. The index has no pending list (fastupdate off): sets are
 * searched far more often than written, and on the embedded database, which never vacuums, a
 * pending list is read by every search and makes the planner think the index is expensive.
 */
export const documentLexemes = councilTable(
  'document_lexemes',
  {
    documentId: cascadeRef('document_id', () => documents.id),
    lexemes: tsvector('lexemes'),
    pages: tsvector('pages'),
  },
  (t) => [
    uniqueIndex('document_lexemes_document_unique').on(t.documentId),
    index('document_lexemes_search_idx').using('gin', t.lexemes).with({ fastupdate: false }),
    index('document_lexemes_oversized_idx').on(t.documentId).where(sql`${t.lexemes} is null`),
  ],
);

/** A document shared with a partner council (cooperation); the owner council keeps it. */
export const documentShares = councilTable(
  'document_shares',
  {
    documentId: cascadeRef('document_id', () => documents.id),
    sharedWithCouncilId: cascadeRef('shared_with_council_id', () => councils.id),
    level: text('level', { enum: shareLevels }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('document_shares_unique').on(t.documentId, t.sharedWithCouncilId), index('document_shares_partner_idx').on(t.sharedWithCouncilId)],
);

/** The dossier a link row belongs to. */
const ofFolder = () => ({ folderId: cascadeRef('folder_id', () => documentFolders.id) });

/** A dossier can belong to several advices, and an advice to several dossiers. */
export const dossierAdvices = linkTable('dossier_advices', ofFolder(), { adviceId: cascadeRef('advice_id', () => advices.id) });

/** Meetings are another module; the id is kept without a foreign key so both can land apart. */
export const dossierMeetings = linkTable('dossier_meetings', ofFolder(), { meetingId: uuid('meeting_id').notNull() }, {}, (t) => [index('dossier_meetings_meeting_idx').on(t.meetingId)]);

export type DocumentRow = typeof documents.$inferSelect;
export type DocumentVersion = typeof documentVersions.$inferSelect;
export type DocumentFolder = typeof documentFolders.$inferSelect;
