import { text, date, index } from 'drizzle-orm/pg-core';
import { timestamptz, createdAt, cascadeRef, setNullRef, councilTable, linkTable, namesTable } from '../../core/db/columns.ts';
import { memberships } from '../../core/organisations.schema.ts';
export { roles, type Role } from '../../core/roles.ts';

export const workingGroups = namesTable('working_groups', {
  description: text('description').notNull().default(''),
  leadMembershipId: setNullRef('lead_membership_id', () => memberships.id),
});

export const workingGroupMembers = linkTable(
  'working_group_members',
  { workingGroupId: cascadeRef('working_group_id', () => workingGroups.id) },
  { membershipId: cascadeRef('membership_id', () => memberships.id) },
);

export const vacancyStatuses = ['draft', 'published', 'closed'] as const;

export const vacancies = councilTable(
  'vacancies',
  {
    title: text('title').notNull(),
    description: text('description').notNull(),
    /** Preferred profile, e.g. "affiniteit met jeugdzorg". */
    profile: text('profile').notNull().default(''),
    hoursPerMonth: text('hours_per_month').notNull().default(''),
    status: text('status', { enum: vacancyStatuses }).notNull().default('draft'),
    closesOn: date('closes_on'),
    publishedAt: timestamptz('published_at'),
    /** When the procedure ended; applications are removed a while after (privacy statement). */
    closedAt: timestamptz('closed_at'),
    createdAt: createdAt(),
  },
  (t) => [index('vacancies_council_idx').on(t.councilId, t.status)],
);

/** Applications hold personal data: only chair and secretary read them. */
export const vacancyApplications = councilTable(
  'vacancy_applications',
  {
    vacancyId: cascadeRef('vacancy_id', () => vacancies.id),
    name: text('name').notNull(),
    email: text('email').notNull(),
    phone: text('phone').notNull().default(''),
    motivation: text('motivation').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('vacancy_applications_vacancy_idx').on(t.councilId, t.vacancyId)],
);
