import { boolean, date, index, integer, text, uuid } from 'drizzle-orm/pg-core';
import { at, cascadeRef, councilTable, setNullRef, timestamps } from '../../core/db/columns.ts';
import { users } from '../../core/auth/auth.schema.ts';
import { workingGroups } from '../members/members.schema.ts';

/** The moments of influence in the policy cycle (DOMAIN.md), plus the budget cycle. */
export const momentKinds = ['beleidsplan', 'verordening', 'beleidsregels', 'medezeggenschap', 'inkoop', 'begroting'] as const;
export const momentStatuses = ['expected', 'request_received', 'advice_given'] as const;

/** A moment when the council can influence the municipality's policy, with its expected date. */
export const policyMoments = councilTable(
  'policy_moments',
  {
    kind: text('kind', { enum: momentKinds }).notNull(),
    title: text('title').notNull(),
    expectedOn: date('expected_on').notNull(),
    /** Comes back every N years (the policy plan every four, the budget every year); null: once. */
    recurrenceYears: integer('recurrence_years'),
    workingGroupId: setNullRef('working_group_id', () => workingGroups.id),
    status: text('status', { enum: momentStatuses }).notNull().default('expected'),
    /** The working group hears this many weeks before the expected date. */
    remindWeeks: integer('remind_weeks').notNull().default(12),
    /** The expected date a reminder went out for, so each goes once. */
    remindedFor: date('reminded_for'),
    /** The request for advice that came for this moment (an advice of this council). */
    adviceId: uuid('advice_id'),
    isPublic: boolean('is_public').notNull().default(false),
    ...timestamps(),
  },
  (t) => [index('policy_moments_council_idx').on(t.councilId, t.expectedOn)],
);

/** Every change of a moment's expected date: from, to, why, who. */
export const policyMomentShifts = councilTable('policy_moment_shifts', {
  momentId: cascadeRef('moment_id', () => policyMoments.id),
  fromDate: date('from_date').notNull(),
  toDate: date('to_date').notNull(),
  reason: text('reason').notNull().default(''),
  byUserId: setNullRef('by_user_id', () => users.id),
  at: at(),
});
