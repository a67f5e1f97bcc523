import { pgTable, text, boolean, integer, index, uniqueIndex, date } from 'drizzle-orm/pg-core';
import { cascadeRef, createdAt, id, timestamps } from './db/base-columns.ts';
import { users } from './auth/auth.schema.ts';
import { roles } from './roles.ts';
import { organisationKinds } from './organisation-kinds.ts';

export const councils = pgTable(
  'councils',
  {
    id: id(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: organisationKinds }).notNull().default('gemeentelijk'),
    /** Municipality or care organisation the council advises. */
    advises: text('advises').notNull(),
    tagline: text('tagline').notNull().default(''),
    about: text('about').notNull().default(''),
    vision: text('vision').notNull().default(''),
    legalBasis: text('legal_basis').notNull().default(''),
    targetGroups: text('target_groups').notNull().default(''),
    policyFields: text('policy_fields').notNull().default(''),
    meetingRhythm: text('meeting_rhythm').notNull().default(''),
    contactEmail: text('contact_email').notNull(),
    contactPhone: text('contact_phone').notNull().default(''),
    postalAddress: text('postal_address').notNull().default(''),
    /** Action colour as #rrggbb; checked for contrast with white text. */
    colour: text('colour').notNull().default('#1f5c99'),
    logoFile: text('logo_file'),
    logoAlt: text('logo_alt').notNull().default(''),
    require2faForBoard: boolean('require_2fa_for_board').notNull().default(false),
    /** How a concept advice is adopted: consent unless someone objects, or a majority of votes. */
    adviceApprovalRule: text('advice_approval_rule', { enum: ['consent', 'majority'] })
      .notNull()
      .default('consent'),
    /** Period the college has to answer an advice, counted from the day it was sent. */
    answerPeriodValue: integer('answer_period_value').notNull().default(6),
    answerPeriodUnit: text('answer_period_unit', { enum: ['weeks', 'working_days'] })
      .notNull()
      .default('weeks'),
    /**
     * Most seats the council's regulation allows: the chair and the members, open invitations
     * included (the secretary, officials and partner councils take no seat). Null: no cap.
     */
    memberCap: integer('member_cap'),
    /** Date of the last accessibility check, shown on the accessibility statement. */
    accessibilityCheckedOn: text('accessibility_checked_on').notNull().default('2026-11-01'),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [uniqueIndex('councils_slug_unique').on(t.slug)],
);

export type Council = typeof councils.$inferSelect;
export type Organisation = Council;

/** Who holds which role in which organisation: the tenancy resolves the actor of every request from it. */
export const memberships = pgTable(
  'memberships',
  {
    id: id(),
    councilId: cascadeRef('council_id', () => councils.id),
    userId: cascadeRef('user_id', () => users.id),
    role: text('role', { enum: roles }).notNull(),
    /** Target group this member speaks for, shown on the public members page. */
    targetGroup: text('target_group').notNull().default(''),
    bio: text('bio').notNull().default(''),
    showOnSite: boolean('show_on_site').notNull().default(true),
    active: boolean('active').notNull().default(true),
    joinedOn: date('joined_on'),
    createdAt: createdAt(),
  },
  // By user: every request with a session reads the user's memberships (core/auth/sessions.ts).
  (t) => [uniqueIndex('memberships_council_user_unique').on(t.councilId, t.userId), index('memberships_user_idx').on(t.userId)],
);
