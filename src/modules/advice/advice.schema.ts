import { sql } from 'drizzle-orm';
import { pgTable, uuid, text, integer, timestamp, date, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { councils } from '../../core/organisations.schema.ts';
import { users } from '../../core/auth/auth.schema.ts';
import { workingGroups } from '../members/members.schema.ts';
import { memberships } from '../../core/organisations.schema.ts';
import { adviceStates } from './advice.workflow.ts';

export const adviceKinds = ['requested', 'unsolicited'] as const;
export const policyFields = ['wmo', 'participatiewet', 'jeugdwet', 'overig'] as const;
export const addressees = ['college', 'gemeenteraad', 'bestuur'] as const;
export const publications = ['public', 'not_public', 'public_after'] as const;
export const answers = ['unanswered', 'adopted', 'partly', 'not_adopted'] as const;
export const votes = ['agree', 'agree_with_remark', 'object'] as const;

export const advices = pgTable(
  'advices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id, { onDelete: 'cascade' }),
    /** Reference number shown on the letter, e.g. "2026-004"; unique per council. */
    reference: text('reference').notNull(),
    kind: text('kind', { enum: adviceKinds }).notNull(),
    status: text('status', { enum: adviceStates }).notNull(),
    subject: text('subject').notNull(),
    /** The question of the municipality, or the reason for an unsolicited advice. */
    question: text('question').notNull(),
    policyField: text('policy_field', { enum: policyFields }).notNull(),
    addressee: text('addressee', { enum: addressees }).notNull(),
    addresseeEmail: text('addressee_email').notNull().default(''),
    /** Date by which the municipality needs the advice (requested advice). */
    neededBy: date('needed_by'),
    workingGroupId: uuid('working_group_id').references(() => workingGroups.id, { onDelete: 'set null' }),
    introduction: text('introduction').notNull().default(''),
    explanation: text('explanation').notNull().default(''),
    /** Approval round: number of the current round, its closing time. */
    approvalRound: integer('approval_round').notNull().default(0),
    approvalClosesAt: timestamp('approval_closes_at', { withTimezone: true }),
    adoptedAt: timestamp('adopted_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** Date by which the college must answer, computed when the advice is sent. */
    answerDueOn: date('answer_due_on'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    publication: text('publication', { enum: publications }).notNull().default('public'),
    /** Legal ground under the Woo when not public. */
    publicationGround: text('publication_ground').notNull().default(''),
    publishAfter: date('publish_after'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('advices_council_reference_unique').on(t.councilId, t.reference),
    index('advices_council_status_idx').on(t.councilId, t.status),
    // The register's order (newestFirst in advice.register.ts): its pages and the feed come out in order, unsorted.
    index('advices_council_sent_idx').on(t.councilId, t.sentAt.desc().nullsLast(), t.reference.desc().nullsFirst()),
    // Dutch full-text search of the public register (advice.register.ts uses the same expression).
    index('advices_search_idx').using('gin', sql`to_tsvector('dutch', ${t.subject} || ' ' || ${t.question})`),
  ],
);

/** Every saved version of the working group's draft; versions are never changed. */
export const adviceDrafts = pgTable(
  'advice_drafts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id, { onDelete: 'cascade' }),
    adviceId: uuid('advice_id').notNull().references(() => advices.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    body: text('body').notNull(),
    authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('advice_drafts_version_unique').on(t.adviceId, t.version)],
);

/** Each recommendation is its own record: the college answers per recommendation. */
export const adviceRecommendations = pgTable(
  'advice_recommendations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id, { onDelete: 'cascade' }),
    adviceId: uuid('advice_id').notNull().references(() => advices.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    text: text('text').notNull(),
    answer: text('answer', { enum: answers }).notNull().default('unanswered'),
    /** The college's stated reason; required when not (fully) adopted. */
    answerReason: text('answer_reason').notNull().default(''),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    /** What the municipality actually did with an adopted recommendation. */
    followUp: text('follow_up').notNull().default(''),
    reviewOn: date('review_on'),
  },
  (t) => [
    uniqueIndex('advice_recommendations_number_unique').on(t.adviceId, t.number),
    index('advice_recommendations_search_idx').using('gin', sql`to_tsvector('dutch', ${t.text})`),
  ],
);

/** One vote per member per approval round: a unique key makes double votes impossible. */
export const adviceVotes = pgTable(
  'advice_votes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id, { onDelete: 'cascade' }),
    adviceId: uuid('advice_id').notNull().references(() => advices.id, { onDelete: 'cascade' }),
    round: integer('round').notNull(),
    membershipId: uuid('membership_id').notNull().references(() => memberships.id, { onDelete: 'cascade' }),
    vote: text('vote', { enum: votes }).notNull(),
    remark: text('remark').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('advice_votes_once_unique').on(t.adviceId, t.round, t.membershipId)],
);

export const adviceDocumentKinds = ['request', 'answer_letter', 'other'] as const;

/** Documents kept with an advice; the bytes are in the file store. */
export const adviceDocuments = pgTable(
  'advice_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id, { onDelete: 'cascade' }),
    adviceId: uuid('advice_id').notNull().references(() => advices.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: adviceDocumentKinds }).notNull(),
    fileHash: text('file_hash').notNull(),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('advice_documents_advice_idx').on(t.councilId, t.adviceId)],
);

export type Advice = typeof advices.$inferSelect;
export type Recommendation = typeof adviceRecommendations.$inferSelect;
