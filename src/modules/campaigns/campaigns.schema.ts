import { boolean, integer, jsonb, text, uniqueIndex, index, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { cascadeRef, councilTable, createdAt, linkTable, setNullRef, timestamps, timestamptz } from '../../core/db/columns.ts';
import { memberships } from '../../core/organisations.schema.ts';

/** The phases of a campaign, in order (campaigns.workflow.ts). */
export const campaignPhases = ['nominations', 'jury', 'decision', 'published'] as const;
export type CampaignPhase = (typeof campaignPhases)[number];

/**
 * A national campaign of a national organisation (kind 'landelijk'). `partnerIds` are the other
 * national organisations that run it together (named on the public page). The nomination window
 * is stored in UTC and shown in Europe/Amsterdam. The kick-off and closing meetings are meetings
 * of the meetings module (agenda, invitations, calendar feed there); the campaign only points at
 * them. No foreign key: that table is the meetings module's.
 */
export const campaigns = councilTable(
  'campaigns',
  {
    title: text('title').notNull(),
    purpose: text('purpose').notNull(),
    partnerIds: jsonb('partner_ids').$type<string[]>().notNull().default([]),
    opensAt: timestamptz('opens_at').notNull(),
    closesAt: timestamptz('closes_at').notNull(),
    phase: text('phase', { enum: campaignPhases }).notNull().default('nominations'),
    kickoffMeetingId: uuid('kickoff_meeting_id'),
    closingMeetingId: uuid('closing_meeting_id'),
    /** Why a province has no front runner, recorded when publishing with one uncovered. */
    uncoveredReason: text('uncovered_reason'),
    publishedAt: timestamptz('published_at'),
    createdAt: createdAt(),
  },
  (t) => [index('campaigns_council_idx').on(t.councilId, t.opensAt)],
);

/** A published criterion: a question and its explanation, in order. */
export const campaignCriteria = councilTable('campaign_criteria', {
  campaignId: cascadeRef('campaign_id', () => campaigns.id),
  position: integer('position').notNull(),
  question: text('question').notNull(),
  explanation: text('explanation').notNull(),
});

/** The jury: members of the organisation. */
export const campaignJurors = linkTable(
  'campaign_jurors',
  { campaignId: cascadeRef('campaign_id', () => campaigns.id) },
  { membershipId: cascadeRef('membership_id', () => memberships.id) },
  { addedAt: createdAt() },
);

/**
 * A nomination of a municipality (CBS code, province from the list). A second nomination of the
 * same municipality points at the first (`coNominationOf`); the jury judges the first. The
 * nominator's edit link is a random token kept as its hash. The nominator's name, role and e-mail
 * are sealed together (core/crypto.ts, campaigns.privacy.ts) and erased after the retention period.
 */
export const campaignNominations = councilTable(
  'campaign_nominations',
  {
    campaignId: cascadeRef('campaign_id', () => campaigns.id),
    municipalityCode: text('municipality_code').notNull(),
    province: text('province').notNull(),
    coNominationOf: setNullRef('co_nomination_of', (): AnyPgColumn => campaignNominations.id),
    /** Sealed JSON of { name, role, email }; null once erased (`nominatorErasedAt`). */
    nominatorSealed: text('nominator_sealed'),
    nominatorErasedAt: timestamptz('nominator_erased_at'),
    /** Criterion id -> motivation. */
    motivations: jsonb('motivations').$type<Record<string, string>>().notNull(),
    fileHash: text('file_hash'),
    fileName: text('file_name'),
    editTokenHash: text('edit_token_hash').notNull(),
    selected: boolean('selected').notNull().default(false),
    selectionMotivation: text('selection_motivation'),
    /** When the mail to a nominator whose municipality was not chosen was queued. */
    notChosenMailedAt: timestamptz('not_chosen_mailed_at'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('campaign_nominations_token_idx').on(t.editTokenHash), index('campaign_nominations_campaign_idx').on(t.campaignId, t.municipalityCode)],
);

/** A juror's declaration per nomination: a conflict of interest or none. Kept as it was declared. */
export const campaignDeclarations = linkTable(
  'campaign_declarations',
  { nominationId: cascadeRef('nomination_id', () => campaignNominations.id) },
  { membershipId: cascadeRef('membership_id', () => memberships.id) },
  { conflict: boolean('conflict').notNull(), declaredAt: createdAt() },
);

/** A juror's score (1 to 5) with motivation, per nomination and criterion. */
export const campaignScores = councilTable(
  'campaign_scores',
  {
    nominationId: cascadeRef('nomination_id', () => campaignNominations.id),
    membershipId: cascadeRef('membership_id', () => memberships.id),
    criterionId: cascadeRef('criterion_id', () => campaignCriteria.id),
    score: integer('score').notNull(),
    motivation: text('motivation').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('campaign_scores_once_idx').on(t.nominationId, t.membershipId, t.criterionId)],
);

export type Campaign = typeof campaigns.$inferSelect;
export type Criterion = typeof campaignCriteria.$inferSelect;
export type Nomination = typeof campaignNominations.$inferSelect;
