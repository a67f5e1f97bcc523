// Core's own tables. Each module's tables live in its `*.schema.ts` files; drizzle-kit reads
// them all through the globs in drizzle.config.ts, and queries import the tables they use.
export * from '../auth/auth.schema.ts';
export * from '../audit/audit.schema.ts';
export * from '../mail/mail.schema.ts';
export * from '../files/files.schema.ts';
export * from '../organisations.schema.ts';
export * from '../notices/notices.schema.ts';
export * from '../public-budget.schema.ts';
export * from '../http/form-drafts.schema.ts';
