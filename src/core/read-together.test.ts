import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { asc, count, eq, sql } from 'drizzle-orm';
import { createTestDatabase } from '../../test/support/db.ts';
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
  const statements: number[] = [];
  const counted = { ...db, execute: (q: never) => (statements.push(1), db.execute(q)) } as typeof db;
  const read = batchedReads(counted);
  const q = queries();
  const [people, n] = await Promise.all([read(q.people), read(q.n)]);
  assert.deepEqual([people, n], [alone.people, alone.n]);
  assert.equal(statements.length, 1);
});
