// Every table, for Drizzle's relational queries and drizzle-kit.
export * from '../auth/auth.schema.ts';
export * from '../audit/audit.schema.ts';
export * from '../mail/mail.schema.ts';
export * from '../files/files.schema.ts';
export * from '../../modules/councils/councils.schema.ts';
export * from '../../modules/members/members.schema.ts';
export * from '../../modules/advice/advice.schema.ts';
export * from '../../modules/signals/signals.schema.ts';
export * from '../../modules/signals/signals.intake.schema.ts';
export * from '../../modules/meetings/meetings.schema.ts';
export * from '../../modules/meetings/meetings.calendar.schema.ts';
export * from '../../modules/documents/documents.schema.ts';
