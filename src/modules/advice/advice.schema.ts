import { sql } from 'drizzle-orm';
import { text, integer, date, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { timestamptz, updatedAt, cascadeRef, setNullRef, councilTable, madeBy, votesTable } from '../../core/db/columns.ts';
import { workingGroups } from '../members/members.schema.ts';
import { adviceStates } from './advice.workflow.ts';

export const adviceKinds = ['requested', 'unsolicited'] as const;
export const policyFields = ['wmo', 'participatiewet', 'jeugdwet', 'overig'] as const;
export const addressees = ['college', 'gemeenteraad', 'bestuur'] as const;
export const publications = ['public', 'not_public', 'public_after'] as const;
export const answers = ['unanswered', 'adopted', 'partly', 'not_adopted'] as const;
export const votes = ['agree', 'agree_with_remark', 'object'] as const;

export const advices = councilTable(
  'advices',
  {
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
    workingGroupId: setNullRef('working_group_id', () => workingGroups.id),
    introduction: text('introduction').notNull().default(''),
    explanation: text('explanation').notNull().default(''),
    /** Approval round: number of the current round, its closing time. */
    approvalRound: integer('approval_round').notNull().default(0),
    approvalClosesAt: timestamptz('approval_closes_at'),
    adoptedAt: timestamptz('adopted_at'),
    sentAt: timestamptz('sent_at'),
    /** Date by which the college must answer, computed when the advice is sent. */
    answerDueOn: date('answer_due_on'),
    answeredAt: timestamptz('answered_at'),
    publication: text('publication', { enum: publications }).notNull().default('public'),
    /** Legal ground under the Woo when not public. */
    publicationGround: text('publication_ground').notNull().default(''),
    publishAfter: date('publish_after'),
    ...madeBy('createdBy'),
    updatedAt: updatedAt(),
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

/** The advice a row belongs to; removed with it. */
const adviceRef = () => cascadeRef('advice_id', () => advices.id);

/** Every saved version of the working group's draft; versions are never changed. */
export const adviceDrafts = councilTable(
  'advice_drafts',
  {
    adviceId: adviceRef(),
    version: integer('version').notNull(),
    body: text('body').notNull(),
    ...madeBy('authorUserId'),
  },
  (t) => [uniqueIndex('advice_drafts_version_unique').on(t.adviceId, t.version)],
);

/** Each recommendation is its own record: the college answers per recommendation. */
export const adviceRecommendations = councilTable(
  'advice_recommendations',
  {
    adviceId: adviceRef(),
    number: integer('number').notNull(),
    text: text('text').notNull(),
    answer: text('answer', { enum: answers }).notNull().default('unanswered'),
    /** The college's stated reason; required when not (fully) adopted. */
    answerReason: text('answer_reason').notNull().default(''),
    answeredAt: timestamptz('answered_at'),
    /** What the municipality actually did with an adopted recommendation. */
    followUp: text('follow_up').notNull().default(''),
    reviewOn: date('review_on'),
  },
  (t) => [uniqueIndex('advice_recommendations_number_unique').on(t.adviceId, t.number), index('advice_recommendations_search_idx').using('gin', sql`to_tsvector('dutch', ${t.text})`)],
);

/** One vote per member per approval round. */
export const adviceVotes = votesTable('advice_votes', { adviceId: adviceRef() }, votes);

export const adviceDocumentKinds = ['request', 'answer_letter', 'other'] as const;

/** Documents kept with an advice; the bytes are in the file store. */
export const adviceDocuments = councilTable(
  'advice_documents',
  {
    adviceId: adviceRef(),
    kind: text('kind', { enum: adviceDocumentKinds }).notNull(),
    fileHash: text('file_hash').notNull(),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    ...madeBy('uploadedBy'),
  },
  (t) => [index('advice_documents_advice_idx').on(t.councilId, t.adviceId)],
);

export type Advice = typeof advices.$inferSelect;
export type Recommendation = typeof adviceRecommendations.$inferSelect;
