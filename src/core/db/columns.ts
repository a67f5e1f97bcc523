/**
 * Column groups that most tables share, so each `*.schema.ts` names only what is its own.
 * Each helper writes exactly the column it replaces (same name, type, default and foreign key),
 * so the generated SQL and the names of keys and indexes do not change.
 * auth.schema.ts and organisations.schema.ts define the tables these helpers point at and so
 * use only base-columns.ts (importing this file there would be an import cycle).
 */
import type { BuildExtraConfigColumns } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, uniqueIndex, type AnyPgColumn, type PgColumnBuilderBase, type PgTableExtraConfigValue } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.schema.ts';
import { councils, memberships } from '../organisations.schema.ts';
import { at, cascadeKey, cascadeRef, createdAt, id, setNullRef, timestamptz, updatedAt } from './base-columns.ts';

export { at, cascadeKey, cascadeRef, createdAt, id, keyedHits, setNullRef, timestamps, timestamptz, updatedAt } from './base-columns.ts';

/** The council a row belongs to; removed with the council. */
export const councilRef = () => cascadeRef('council_id', () => councils.id);

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

/** `authorUserId` -> `author_user_id`: the column name of a key, as every table here names them. */
const snakeCase = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Who made a row and when: `key` is the user (its column the key in snake case, emptied when the
 * user is removed), then `created_at`.
 */
export function madeBy<K extends string>(key: K) {
  return { [key]: setNullRef(snakeCase(key), () => users.id), createdAt: createdAt() } as Record<K, ReturnType<typeof setNullRef<string>>> & { createdAt: ReturnType<typeof createdAt> };
}

/**
 * Personal details kept apart from the record they belong to and sealed (core/crypto.ts):
 * `<field>_sealed` each, then `created_at` and `erased_at`. Erasure empties the sealed values;
 * the row stays as the record that they were.
 */
export function sealedDetails<F extends string>(...fields: F[]) {
  const sealed = Object.fromEntries(fields.map((f) => [`${f}Sealed`, text(`${f}_sealed`)]));
  return { ...sealed, createdAt: createdAt(), erasedAt: timestamptz('erased_at') } as Record<`${F}Sealed`, ReturnType<typeof text<string, [string, ...string[]]>>> & {
    createdAt: ReturnType<typeof createdAt>;
    erasedAt: ReturnType<typeof timestamptz<'erased_at'>>;
  };
}

/**
 * A record's sealed details in a table of their own (see sealedDetails), one row per record:
 * keyed by the record (`key`, its column the key in snake case; removed with it), then `council_id`.
 */
export function sealedDetailsTable<N extends string, K extends string, F extends string>(name: N, key: K, record: () => AnyPgColumn, ...fields: F[]) {
  const owner = { [key]: cascadeKey(snakeCase(key), record) } as Record<K, ReturnType<typeof cascadeKey<string>>>;
  return pgTable(name, { ...owner, councilId: councilRef(), ...sealedDetails(...fields) });
}

/**
 * A council's own list of names (signal themes, organisation types, working groups, folders):
 * `name`, unique per council, any further columns, then `created_at`.
 */
export function namesTable<N extends string, M extends Columns = Record<never, never>>(name: N, more?: M, uniqueName = `${name}_council_name_unique`) {
  return councilTable(name, { name: text('name').notNull(), ...(more as M), createdAt: createdAt() }, (t) => [uniqueIndex(uniqueName).on(t.councilId, t.name)]);
}

type Choices = readonly [string, ...string[]];

/**
 * One vote per member per round on a subject (the subject's column first): the unique key
 * `<table>_once_unique` makes a second vote impossible.
 */
export function votesTable<N extends string, S extends Columns, V extends Choices>(name: N, subject: S, votes: V) {
  const [subjectKey] = Object.keys(subject);
  return councilTable(
    name,
    {
      ...subject,
      round: integer('round').notNull(),
      membershipId: cascadeRef('membership_id', () => memberships.id),
      vote: text('vote', { enum: votes as V & string[] }).notNull(),
      remark: text('remark').notNull().default(''),
      createdAt: createdAt(),
    },
    (t) => [uniqueIndex(`${name}_once_unique`).on((t as unknown as Record<string, AnyPgColumn>)[subjectKey], t.round, t.membershipId)],
  );
}

/**
 * Every read of someone's personal details: what was read (`subject`), by whom, what kind of
 * access, when; the chair reads it, newest first (`<table>_council_idx`).
 */
export function accessLogTable<N extends string, S extends Columns, K extends Choices>(name: N, subject: S, kinds: K) {
  return councilTable(name, { ...subject, userId: setNullRef('user_id', () => users.id), kind: text('kind', { enum: kinds as K & string[] }).notNull(), at: at() }, (t) => [
    index(`${name}_council_idx`).on(t.councilId, t.at),
  ]);
}

/**
 * An event in calendar feeds: its stable iCalendar UID (RFC 5545, never changes) and the sequence,
 * raised on every change attendees should hear about (time, place, mode, cancellation).
 */
export const calendarEvent = () => ({ uid: text('uid').notNull(), sequence: integer('sequence').notNull().default(0) });

/** A council's settings: one row per council (its id the key), the settings, then `updated_at`. */
export function settingsTable<N extends string, C extends Columns>(name: N, columns: C) {
  return pgTable(name, { councilId: cascadeKey('council_id', () => councils.id), ...columns, updatedAt: updatedAt() });
}
