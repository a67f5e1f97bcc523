/**
 * Column groups that most tables share, so each `*.schema.ts` names only what is its own.
 * Each helper writes exactly the column it replaces (same name, type, default and foreign key),
 * so the generated SQL and the names of keys and indexes do not change.
 * auth.schema.ts and organisations.schema.ts define the tables these helpers point at and so
 * do not use them (that would be an import cycle).
 */
import type { BuildExtraConfigColumns } from 'drizzle-orm';
import { pgTable, primaryKey, timestamp, uuid, type AnyPgColumn, type PgColumnBuilderBase, type PgTableExtraConfigValue } from 'drizzle-orm/pg-core';
import { councils } from '../organisations.schema.ts';

/** `id uuid primary key default gen_random_uuid()`. */
export const id = () => uuid('id').primaryKey().defaultRandom();

/** The council a row belongs to; removed with the council. */
export const councilRef = () =>
  uuid('council_id')
    .notNull()
    .references(() => councils.id, { onDelete: 'cascade' });

/** A `timestamp with time zone` column, nullable. */
export const timestamptz = <N extends string>(name: N) => timestamp(name, { withTimezone: true });

/** `created_at timestamptz not null default now()`. */
export const createdAt = () => timestamptz('created_at').notNull().defaultNow();

/** `updated_at timestamptz not null default now()`. */
export const updatedAt = () => timestamptz('updated_at').notNull().defaultNow();

/** `at timestamptz not null default now()`: when a logged event happened. */
export const at = () => timestamptz('at').notNull().defaultNow();

/** A required reference to the row this one belongs to; removed with it. */
export const cascadeRef = <N extends string>(name: N, target: () => AnyPgColumn) => uuid(name).notNull().references(target, { onDelete: 'cascade' });

/** An optional reference; emptied when the row it points at is removed. */
export const setNullRef = <N extends string>(name: N, target: () => AnyPgColumn) => uuid(name).references(target, { onDelete: 'set null' });

type Columns = Record<string, PgColumnBuilderBase>;
type Extra<N extends string, C extends Columns> = (t: BuildExtraConfigColumns<N, C, 'pg'>) => PgTableExtraConfigValue[];
type CouncilColumns = { id: ReturnType<typeof id>; councilId: ReturnType<typeof councilRef> };

/** A table of one council's rows: `id` and `council_id` first, then the given columns. */
export function councilTable<N extends string, C extends Columns>(name: N, columns: C, extra?: Extra<N, CouncilColumns & C>) {
  const all: CouncilColumns & C = { id: id(), councilId: councilRef(), ...columns };
  return pgTable<N, CouncilColumns & C>(name, all, extra);
}

/**
 * A many-to-many link within one council: `council_id`, the two linked columns (together the
 * primary key, in that order), then any further columns and indexes.
 */
export function linkTable<N extends string, A extends Columns, B extends Columns, M extends Columns = Record<never, never>>(
  name: N,
  a: A,
  b: B,
  more?: M,
  extra?: Extra<N, { councilId: ReturnType<typeof councilRef> } & A & B & M>,
) {
  const [aKey] = Object.keys(a);
  const [bKey] = Object.keys(b);
  type All = { councilId: ReturnType<typeof councilRef> } & A & B & M;
  const all: All = { councilId: councilRef(), ...a, ...b, ...(more as M) };
  return pgTable<N, All>(name, all, (t) => {
    const cols = t as unknown as Record<string, AnyPgColumn>;
    return [primaryKey({ columns: [cols[aKey], cols[bKey]] }), ...(extra?.(t) ?? [])];
  });
}
