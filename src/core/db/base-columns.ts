/**
 * Column helpers that point at no table of their own, so every schema file can use them, also
 * auth.schema.ts and organisations.schema.ts, whose tables columns.ts points at (importing that
 * file there would be an import cycle). Each helper writes exactly the column it replaces (same
 * name, type, default and foreign key), so the generated SQL does not change.
 */
import { index, pgTable, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

/** `id uuid primary key default gen_random_uuid()`. */
export const id = () => uuid('id').primaryKey().defaultRandom();

/** A `timestamp with time zone` column, nullable. */
export const timestamptz = <N extends string>(name: N) => timestamp(name, { withTimezone: true });

/** `created_at timestamptz not null default now()`. */
export const createdAt = () => timestamptz('created_at').notNull().defaultNow();

/** `updated_at timestamptz not null default now()`. */
export const updatedAt = () => timestamptz('updated_at').notNull().defaultNow();

/** `created_at` and `updated_at`, in that order: a row that is edited after it was made. */
export const timestamps = () => ({ createdAt: createdAt(), updatedAt: updatedAt() });

/** `at timestamptz not null default now()`: when a logged event happened. */
export const at = () => timestamptz('at').notNull().defaultNow();

/** A required reference to the row this one belongs to; removed with it. */
export const cascadeRef = <N extends string>(name: N, target: () => AnyPgColumn) => uuid(name).notNull().references(target, { onDelete: 'cascade' });

/** An optional reference; emptied when the row it points at is removed. */
export const setNullRef = <N extends string>(name: N, target: () => AnyPgColumn) => uuid(name).references(target, { onDelete: 'set null' });

/** The primary key of a row that extends another one (its settings, its sealed details): removed with it. */
export const cascadeKey = <N extends string>(name: N, target: () => AnyPgColumn) => uuid(name).primaryKey().references(target, { onDelete: 'cascade' });

/**
 * Hits counted for throttling, keyed by a hash (never the address itself) and indexed on
 * `<table>_key_idx` (key, at); old rows are removed by a job.
 */
export const keyedHits = <N extends string>(name: N) => pgTable(name, { id: id(), keyHash: text('key_hash').notNull(), at: at() }, (t) => [index(`${name}_key_idx`).on(t.keyHash, t.at)]);
