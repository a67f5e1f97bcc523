import { pgTable, uuid, text, boolean, timestamp, date, index, uniqueIndex, primaryKey } from 'drizzle-orm/pg-core';
import { councils, memberships } from '../../core/organisations.schema.ts';
export { roles, type Role } from '../../core/roles.ts';
import { users } from '../../core/auth/auth.schema.ts';

export const workingGroups = pgTable(
  'working_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    leadMembershipId: uuid('lead_membership_id').references(() => memberships.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('working_groups_council_name_unique').on(t.councilId, t.name)],
);

export const workingGroupMembers = pgTable(
  'working_group_members',
  {
    councilId: uuid('council_id').notNull().references(() => councils.id, { onDelete: 'cascade' }),
    workingGroupId: uuid('working_group_id').notNull().references(() => workingGroups.id, { onDelete: 'cascade' }),
    membershipId: uuid('membership_id').notNull().references(() => memberships.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.workingGroupId, t.membershipId] })],
);

export const vacancyStatuses = ['draft', 'published', 'closed'] as const;

export const vacancies = pgTable(
  'vacancies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull(),
    /** Preferred profile, e.g. "affiniteit met jeugdzorg". */
    profile: text('profile').notNull().default(''),
    hoursPerMonth: text('hours_per_month').notNull().default(''),
    status: text('status', { enum: vacancyStatuses }).notNull().default('draft'),
    closesOn: date('closes_on'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** When the procedure ended; applications are removed a while after (privacy statement). */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('vacancies_council_idx').on(t.councilId, t.status)],
);

/** Applications hold personal data: only chair and secretary read them. */
export const vacancyApplications = pgTable(
  'vacancy_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id, { onDelete: 'cascade' }),
    vacancyId: uuid('vacancy_id').notNull().references(() => vacancies.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    phone: text('phone').notNull().default(''),
    motivation: text('motivation').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('vacancy_applications_vacancy_idx').on(t.councilId, t.vacancyId)],
);
