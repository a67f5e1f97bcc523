import { test } from 'node:test';
import assert from 'node:assert/strict';
import { and, desc, eq, ilike, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { PgDialect, QueryBuilder, alias, boolean, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/node-postgres';
import { toQuery } from './to-query.ts';

const mood = pgEnum('mood', ['blij', 'boos']);
const people = pgTable('people', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  born: timestamp('born', { withTimezone: true }),
  data: jsonb('data').$type<{ a: number }>(),
  active: boolean('active').notNull(),
  mood: mood('mood'),
});
const notes = pgTable('notes', { id: integer('id').primaryKey(), personId: uuid('person_id').notNull(), body: text('body') });

const dialect = new PgDialect();
/** The dialect's column naming (not in its public types). */
const { casing } = dialect as unknown as { casing: Parameters<typeof toQuery>[1] };
const qb = new QueryBuilder();
/** A database without a connection: only for building. */
const mock = drizzle.mock();
const id = '0190a5c2-7d3e-7000-8000-000000000001';

// Every way the app builds a query, written as drizzle writes it: the same text, the same values.
const same: Record<string, () => SQL> = {
  'select with conditions': () =>
    qb
      .select({ name: people.name, n: sql<number>`count(*)`.as('n') })
      .from(people)
      .where(and(eq(people.id, id), or(isNull(people.born), ilike(people.name, '%a"b%')), inArray(people.name, ['a', 'b'])))
      .groupBy(people.name)
      .orderBy(desc(people.name))
      .limit(5)
      .offset(10)
      .getSQL(),
  'joins of an aliased table and a subquery': () => {
    const other = alias(people, 'other');
    const counted = qb
      .select({ personId: notes.personId, n: sql<number>`count(*)`.as('n') })
      .from(notes)
      .groupBy(notes.personId)
      .as('counted');
    return qb.select({ a: people.name, b: other.name, n: counted.n }).from(people).innerJoin(other, eq(other.id, people.id)).leftJoin(counted, eq(counted.personId, people.id)).getSQL();
  },
  'a common table expression': () => {
    const recent = qb.$with('recent').as(qb.select({ id: people.id }).from(people).where(eq(people.active, true)));
    return qb.with(recent).select().from(recent).getSQL();
  },
  'values of every kind': () =>
    sql`select ${people.data} from ${people} where ${people.data} = ${sql.param({ a: 1 }, people.data)} and ${people.born} < ${sql.param(new Date('2026-12-07T10:00:00Z'), people.born)} and ${people.born} is distinct from ${null} and ${[1, 2, 3]} and ${sql.identifier('odd "name"')} = ${sql.raw("'x'")} and ${true} and ${new Date(0)}`,
  placeholders: () => sql`select * from ${people} where ${people.id} = ${sql.placeholder('id')} and ${people.name} = ${sql.param(sql.placeholder('name'), people.name)}`,
  'an insert with its conflict and returning': () =>
    mock
      .insert(people)
      .values([{ id, name: 'Anna', active: true, data: { a: 2 }, born: new Date(5) }])
      .onConflictDoUpdate({ target: people.id, set: { name: sql`excluded.name` } })
      .returning({ id: people.id })
      .getSQL(),
  'an update and a delete': () => sql`${mock.update(people).set({ name: 'Bram', active: false }).where(eq(people.id, id)).getSQL()}; ${mock.delete(notes).where(eq(notes.id, 3)).getSQL()}`,
};

for (const [what, build] of Object.entries(same)) {
  test(`toQuery writes ${what} as drizzle does`, () => {
    const query = build();
    const mine = toQuery(query, casing);
    assert.ok(mine, 'built');
    const theirs = dialect.sqlToQuery(query);
    assert.equal(mine.sql, theirs.sql);
    assert.deepEqual(mine.params, theirs.params);
  });
}

// What only drizzle writes right is left to it: values written inline, an enum as a chunk.
test('toQuery leaves inline values and enums to drizzle', () => {
  assert.equal(toQuery(sql`select ${'a'}`.inlineParams(), casing), undefined);
  assert.equal(toQuery(sql`select 1::${mood}`, casing), undefined);
  assert.ok(toQuery(sql`select ${people.mood} from ${people}`, casing));
});
