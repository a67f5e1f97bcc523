import { boolean, date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cascadeRef, councilTable, createdAt, id, madeBy, setNullRef, timestamps, timestamptz } from '../../core/db/columns.ts';
import { councils } from '../../core/organisations.schema.ts';
import { users } from '../../core/auth/auth.schema.ts';
import { documentFolders, documents } from '../documents/documents.schema.ts';
import { advices } from '../advice/advice.schema.ts';

/** draft -> proposed -> accepted (by every party's chair) -> active -> upForRenewal -> renewed | ended. */
export const agreementStates = ['draft', 'proposed', 'accepted', 'active', 'upForRenewal', 'renewed', 'ended'] as const;
export type AgreementState = (typeof agreementStates)[number];
/** Tacit: renewed for another term unless a party gives notice; explicit: ends unless the parties decide to renew. */
export const renewalKinds = ['tacit', 'explicit'] as const;
export type RenewalKind = (typeof renewalKinds)[number];
/** What partners may do with a shared folder: read its documents, or also add documents of their own. */
export const dossierLevels = ['read', 'contribute'] as const;
export type DossierLevel = (typeof dossierLevels)[number];

/**
 * A cooperation agreement. `council_id` is the organisation that drafted it (its board edits the
 * draft); every party, the drafter included, is a row in cooperation_parties.
 */
export const agreements = councilTable(
  'cooperation_agreements',
  {
    /** The last part of the public address `/{slug}/samenwerking/{name}` on every party's site; unique on the platform. */
    name: text('name').notNull(),
    title: text('title').notNull(),
    purpose: text('purpose').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    /** Length of a term in months: a renewal adds one term to the end date. */
    termMonths: integer('term_months').notNull().default(12),
    renewal: text('renewal', { enum: renewalKinds }).notNull(),
    noticeDays: integer('notice_days').notNull(),
    state: text('state', { enum: agreementStates }).notNull().default('draft'),
    /** A party gave notice: the agreement ends on its end date instead of renewing. */
    noticeGivenAt: timestamptz('notice_given_at'),
    /** Shown on the parties' public sites once the agreement is in force. */
    isPublic: boolean('is_public').notNull().default(true),
    signedFileHash: text('signed_file_hash'),
    signedFileName: text('signed_file_name'),
    createdBy: setNullRef('created_by', () => users.id),
    endedAt: timestamptz('ended_at'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('cooperation_agreements_name_unique').on(t.name)],
);

/** The agreement a row belongs to; removed with it. */
const agreementRef = () => cascadeRef('agreement_id', () => agreements.id);

/** A party to an agreement: an organisation on the platform, or an outside party known by name only. */
export const agreementParties = pgTable(
  'cooperation_parties',
  {
    id: id(),
    agreementId: agreementRef(),
    /** Null for an outside party. */
    partyCouncilId: uuid('party_council_id').references(() => councils.id, { onDelete: 'cascade' }),
    outsideName: text('outside_name'),
    /** What this party brings in. */
    contribution: text('contribution').notNull().default(''),
    acceptedAt: timestamptz('accepted_at'),
    acceptedBy: setNullRef('accepted_by', () => users.id),
  },
  (t) => [uniqueIndex('cooperation_parties_unique').on(t.agreementId, t.partyCouncilId), index('cooperation_parties_council_idx').on(t.partyCouncilId)],
);

/** A folder one party (`council_id`, its owner) shares with the agreement; its documents stay that party's. */
export const sharedDossiers = councilTable(
  'cooperation_dossiers',
  {
    agreementId: agreementRef(),
    folderId: cascadeRef('folder_id', () => documentFolders.id),
    /** The folder's name when it was shared, for the partners' pages. */
    folderName: text('folder_name').notNull(),
    level: text('level', { enum: dossierLevels }).notNull(),
    ...madeBy('sharedBy'),
  },
  (t) => [uniqueIndex('cooperation_dossiers_unique').on(t.agreementId, t.folderId), index('cooperation_dossiers_folder_idx').on(t.folderId)],
);

/**
 * A document a partner (`council_id`) added to a "contribute" dossier of another party. The
 * document stays the contributor's own (in its library, without a folder); all parties see it in
 * the dossier while the agreement is in force, through the sharing port (cooperation.partnerships.ts).
 */
export const contributions = councilTable(
  'cooperation_contributions',
  {
    dossierId: cascadeRef('dossier_id', () => sharedDossiers.id),
    agreementId: agreementRef(),
    documentId: cascadeRef('document_id', () => documents.id),
    ...madeBy('addedBy'),
  },
  (t) => [uniqueIndex('cooperation_contributions_unique').on(t.dossierId, t.documentId), index('cooperation_contributions_document_idx').on(t.documentId)],
);

/**
 * A consultation the party that held it (`council_id`) shares with the agreement (a joint
 * conversation round with clients): its experiences, without personal details, are visible to
 * the other parties while it is in force.
 */
export const sharedConsultations = councilTable(
  'cooperation_consultations',
  {
    agreementId: agreementRef(),
    consultationId: uuid('consultation_id').notNull(),
    topic: text('topic').notNull(),
    ...madeBy('sharedBy'),
  },
  (t) => [uniqueIndex('cooperation_consultations_unique').on(t.agreementId, t.consultationId)],
);

/** Reminders sent, one per agreement, date and distance: the job sends each once. */
export const agreementReminders = pgTable(
  'cooperation_reminders',
  {
    id: id(),
    agreementId: agreementRef(),
    /** 'end' or 'notice'. */
    about: text('about').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    daysBefore: integer('days_before').notNull(),
    sentAt: createdAt(),
  },
  (t) => [uniqueIndex('cooperation_reminders_unique').on(t.agreementId, t.about, t.dueOn, t.daysBefore)],
);

/** What an advice of one party (`council_id`) drew on from the cooperation: a shared document, a joint meeting or a shared experience. */
export const adviceSources = councilTable(
  'cooperation_advice_sources',
  {
    adviceId: cascadeRef('advice_id', () => advices.id),
    agreementId: agreementRef(),
    kind: text('kind', { enum: ['document', 'meeting', 'experience'] }).notNull(),
    sourceId: uuid('source_id').notNull(),
    /** The title and owner when it was used: the advice keeps saying what it drew on, also after the agreement ends. */
    title: text('title').notNull(),
    ownerName: text('owner_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('cooperation_advice_sources_advice_idx').on(t.adviceId)],
);

export type Agreement = typeof agreements.$inferSelect;
export type AgreementParty = typeof agreementParties.$inferSelect;
export type SharedDossier = typeof sharedDossiers.$inferSelect;
