import { date, index, integer, jsonb, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cascadeRef, councilTable, linkTable, madeBy, setNullRef, timestamps, timestamptz, votesTable } from '../../core/db/columns.ts';
import { workingGroups } from '../members/members.schema.ts';
import { approvalStates, reportStates, tagKinds, topicStates, votes } from './workplan.workflow.ts';

/** One work plan per council and year (a second is refused by the unique key too). */
export const workplans = councilTable(
  'workplans',
  {
    year: integer('year').notNull(),
    status: text('status', { enum: approvalStates }).notNull().default('draft'),
    approvalRound: integer('approval_round').notNull().default(0),
    approvedAt: timestamptz('approved_at'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('workplans_council_year_unique').on(t.councilId, t.year)],
);

/** A topic of a plan. `carriedFromId`: the topic of last year's plan it continues. */
export const workplanTopics = councilTable(
  'workplan_topics',
  {
    planId: cascadeRef('plan_id', () => workplans.id),
    title: text('title').notNull(),
    /** One of advice's policy fields (wmo, participatiewet, jeugdwet, overig). */
    policyField: text('policy_field').notNull(),
    workingGroupId: setNullRef('working_group_id', () => workingGroups.id),
    aim: text('aim').notNull().default(''),
    /** 1 to 4; null when not planned in a quarter. */
    plannedQuarter: integer('planned_quarter'),
    status: text('status', { enum: topicStates }).notNull().default('planned'),
    dropReason: text('drop_reason').notNull().default(''),
    carriedFromId: uuid('carried_from_id'),
    ...timestamps(),
  },
  (t) => [index('workplan_topics_plan_idx').on(t.planId), uniqueIndex('workplan_topics_carried_unique').on(t.carriedFromId)],
);

/** Dated progress notes of a topic. */
export const workplanNotes = councilTable(
  'workplan_notes',
  {
    topicId: cascadeRef('topic_id', () => workplanTopics.id),
    notedOn: date('noted_on').notNull(),
    text: text('text').notNull(),
    ...madeBy('authorUserId'),
  },
  (t) => [index('workplan_notes_topic_idx').on(t.topicId, t.notedOn)],
);

/**
 * Records tagged with a topic: advices, signal themes, agenda items (consultations when the network
 * module lands). No foreign key: the records belong to other modules, read through their index.ts.
 */
export const workplanTags = linkTable(
  'workplan_tags',
  { topicId: cascadeRef('topic_id', () => workplanTopics.id) },
  { recordId: uuid('record_id').notNull() },
  { kind: text('kind', { enum: tagKinds }).notNull() },
  (t) => [index('workplan_tags_record_idx').on(t.councilId, t.recordId)],
);

/** One vote per member per round on a plan or a report (`subjectId`). */
export const workplanVotes = votesTable('workplan_votes', { subjectId: uuid('subject_id').notNull() }, votes);

/**
 * A version of a year's annual report: texts, and the figures as generated at `generatedAt`
 * (a stored snapshot; publishing freezes it, regenerating makes a new version).
 */
export const annualReports = councilTable(
  'annual_reports',
  {
    year: integer('year').notNull(),
    version: integer('version').notNull(),
    status: text('status', { enum: reportStates }).notNull().default('draft'),
    foreword: text('foreword').notNull().default(''),
    /** The secretary's text per section, by section key. */
    texts: jsonb('texts').$type<Record<string, string>>().notNull().default({}),
    figures: jsonb('figures').notNull(),
    generatedAt: timestamptz('generated_at').notNull(),
    approvalRound: integer('approval_round').notNull().default(0),
    approvedAt: timestamptz('approved_at'),
    publishedAt: timestamptz('published_at'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('annual_reports_version_unique').on(t.councilId, t.year, t.version)],
);

/** A council's consent to count its published reports in the national organisations' overview. */
export const workplanPlatformConsent = councilTable('workplan_platform_consent', madeBy('givenBy'), (t) => [uniqueIndex('workplan_platform_consent_unique').on(t.councilId)]);

export type Workplan = typeof workplans.$inferSelect;
export type WorkplanTopic = typeof workplanTopics.$inferSelect;
export type AnnualReport = typeof annualReports.$inferSelect;
