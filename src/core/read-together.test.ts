import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { asc, count, eq, sql } from 'drizzle-orm';
import { createTestDatabase, statementsOf } from '../../test/support/db.ts';
import type { Database } from './db/index.ts';
import { councils, memberships } from './organisations.schema.ts';
import { users } from './auth/auth.schema.ts';
import { batchedReads, readTogether } from './read-together.ts';

let database: Database;
let councilId: string;

before(async () => {
  database = await createTestDatabase();
  const [c] = await database.db.insert(councils).values({ slug: 'samen-lezen', name: 'Samen lezen', advises: 'de gemeente', contactEmail: 'raad@samen-lezen.example' }).returning();
  councilId = c!.id;
  const people = await database.db
    .insert(users)
    .values([
      { email: 'b@samen-lezen.example', name: 'Bram' },
      { email: 'a@samen-lezen.example', name: 'Anna "de" Vries\n' },
    ])
    .returning();
  await database.db.insert(memberships).values(people.map((u) => ({ councilId, userId: u.id, role: 'member' as const })));
});
after(() => database.close());

// Each read gives exactly what awaiting its select gives: order, dates, counts, nulls, joined tables, odd text.
test('reads together give what each select gives alone', async () => {
  const db = database.db;
  const queries = () => ({
    people: db
      .select({ name: users.name, since: memberships.createdAt, changed: users.passwordChangedAt })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.councilId, councilId))
      .orderBy(asc(users.name)),
    n: db.select({ n: count() }).from(memberships).where(eq(memberships.councilId, councilId)),
    nested: db
      .select({ council: councils, two: sql<number>`1 + 1`.mapWith(Number) })
      .from(councils)
      .where(eq(councils.id, councilId)),
    none: db.select().from(councils).where(eq(councils.slug, 'bestaat-niet')),
  });
  const alone = Object.fromEntries(await Promise.all(Object.entries(queries()).map(async ([k, q]) => [k, await q])));
  const together = await readTogether(db, queries());
  assert.deepEqual(together, alone);
  assert.ok(together.people[0]!.since instanceof Date);
  assert.deepEqual(
    together.people.map((p) => p.name),
    ['Anna "de" Vries\n', 'Bram'],
  );

  // A batched read joins the reads asked for in the same turn; a later read runs on its own.
  const read = batchedReads(db);
  const q = queries();
  const [[people, n], statements] = await statementsOf(db, () => Promise.all([read(q.people), read(q.n)]));
  assert.deepEqual([people, n], [alone.people, alone.n]);
  assert.equal(statements, 1);
});

// The combined statement is a named one (prepared once per connection on PostgreSQL): run again
// with other values, over every connection of the pool, it gives those values' rows.
test('the same reads again with other values give their own rows', async () => {
  const db = database.db;
  const [other] = await db.insert(councils).values({ slug: 'ander-lezen', name: 'Ander lezen', advises: 'de gemeente', contactEmail: 'raad@ander-lezen.example' }).returning();
  const reads = (id: string) => ({
    n: db.select({ n: count() }).from(memberships).where(eq(memberships.councilId, id)),
    slug: db.select({ slug: councils.slug }).from(councils).where(eq(councils.id, id)),
  });
  const rounds = await Promise.all(Array.from({ length: 12 }, (_, i) => readTogether(db, reads(i % 2 ? other!.id : councilId))));
  rounds.forEach((r, i) => {
    assert.deepEqual(r, i % 2 ? { n: [{ n: 0 }], slug: [{ slug: 'ander-lezen' }] } : { n: [{ n: 2 }], slug: [{ slug: 'samen-lezen' }] });
  });
});
