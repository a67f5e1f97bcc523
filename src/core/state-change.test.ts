import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { createTestDatabase } from '../../test/support/db.ts';
import type { Database, Tx } from './db/index.ts';
import type { Deps } from './deps.ts';
import { auditLog } from './audit/audit.schema.ts';
import { users } from './auth/auth.schema.ts';
import { councils, memberships } from './organisations.schema.ts';
import { DomainError } from './errors.ts';
import { ForbiddenError, NotFoundError, type Actor } from './policy.ts';
import { runStateChange, type StateChange, type Step } from './state-change.ts';

type Membership = typeof memberships.$inferSelect;
// A small workflow on a core table, so the test needs no module: a membership is stopped and resumed.
type State = 'active' | 'stopped';
const table = { stop: { from: 'active', to: 'stopped' }, resume: { from: 'stopped', to: 'active' } } as const;
const check =
  (action: keyof typeof table) =>
  (state: State): Step<State> =>
    state === table[action].from ? { ok: true, to: table[action].to } : { ok: false, reason: 'notAllowedFromState' };

let database: Database;
let kicks = 0;
// Only what a step uses: no module listens to memberships.
const deps = () => ({ db: database.db, mailer: { kick: () => void kicks++ } }) as unknown as Deps;

before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

async function membership(): Promise<{ m: Membership; actor: Actor }> {
  const id = randomUUID().slice(0, 8);
  const [c] = await database.db
    .insert(councils)
    .values({ slug: `raad-${id}`, name: `Raad ${id}`, advises: 'het college', contactEmail: `info@${id}.example` })
    .returning();
  const [u] = await database.db
    .insert(users)
    .values({ name: `Persoon ${id}`, email: `p-${id}@test.example` })
    .returning();
  const [m] = await database.db.insert(memberships).values({ councilId: c!.id, userId: u!.id, role: 'secretary' }).returning();
  return { m: m!, actor: { userId: u!.id, isPlatformAdmin: false, role: 'secretary', membershipId: m!.id } };
}

function step(m: Membership, actor: Actor | null, action: keyof typeof table, extra: Partial<StateChange<Membership, State, { name?: string }, string>> = {}) {
  return runStateChange<Membership, State, { name?: string }, string>(deps(), {
    actor,
    may: 'workspace.view',
    entity: 'membership',
    load: async (tx: Tx) => (await tx.select().from(memberships).where(eq(memberships.id, m.id)).for('update'))[0] ?? null,
    state: (row) => (row.active ? 'active' : 'stopped'),
    check: check(action),
    refused: () => 'error.invalid',
    save: async (tx, row, to) =>
      (
        await tx
          .update(memberships)
          .set({ active: to === 'active' })
          .where(eq(memberships.id, row.id))
          .returning()
      )[0]!,
    audit: { councilId: m.councilId, action: 'user.loggedIn', entityId: (row) => row.id },
    ...extra,
  });
}

const entries = (m: Membership) =>
  database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'membership'), eq(auditLog.entityId, m.id)));

test('a step saves the new state with its audit entry, then kicks the mailer after the commit', async () => {
  const { m, actor } = await membership();
  kicks = 0;
  let seenInAfter: boolean | null = null;
  const out = await step(m, actor, 'stop', {
    apply: async () => ({
      data: { why: 'test' },
      result: 'done',
      after: async (_tx, saved) => {
        seenInAfter = saved.active;
      },
    }),
  });
  assert.equal(out.row.active, false);
  assert.deepEqual([out.from, out.to, out.result], ['active', 'stopped', 'done']);
  assert.equal(seenInAfter, false, 'after() gets the saved row');
  assert.equal(kicks, 1);
  const [e] = await entries(m);
  assert.deepEqual([e!.action, e!.fromState, e!.toState, e!.actorUserId, e!.councilId, e!.data], ['user.loggedIn', 'active', 'stopped', actor.userId, m.councilId, { why: 'test' }]);
});

test('the policy table is asked once, before anything is loaded', async () => {
  const { m } = await membership();
  let loaded = false;
  const load = async () => {
    loaded = true;
    return m;
  };
  await assert.rejects(step(m, null, 'stop', { load }), ForbiddenError);
  const official: Actor = { userId: randomUUID(), isPlatformAdmin: false, role: 'official', membershipId: null };
  await assert.rejects(step(m, official, 'stop', { load, may: 'councils.create' }), ForbiddenError);
  assert.equal(loaded, false);
});

test('an unknown row is a 404; a step the workflow table refuses is a DomainError with its reason, and nothing is written', async () => {
  const { m, actor } = await membership();
  kicks = 0;
  await assert.rejects(step(m, actor, 'stop', { load: async () => null }), NotFoundError);
  await assert.rejects(
    step(m, actor, 'resume', { refused: () => 'error.required' }),
    (e: unknown) => e instanceof DomainError && e.code === 'notAllowedFromState' && e.messageKey === 'error.required',
  );
  assert.equal(kicks, 0);
  assert.equal((await entries(m)).length, 0);
});

test('an error in the step rolls back the state and the audit entry; the step may decide where it leads', async () => {
  const { m, actor } = await membership();
  await assert.rejects(step(m, actor, 'stop', { apply: async () => Promise.reject(new DomainError('nope', 'error.invalid', 'name')) }), (e: unknown) => e instanceof DomainError && e.field === 'name');
  const [row] = await database.db.select().from(memberships).where(eq(memberships.id, m.id));
  assert.equal(row!.active, true);
  assert.equal((await entries(m)).length, 0);
  // The workflow says 'stopped'; the step's own work says it stays active (as advice answers do).
  const out = await step(m, actor, 'stop', { apply: async () => ({ to: 'active' }) });
  assert.equal(out.to, 'active');
  assert.equal(out.row.active, true);
});
