import assert from 'node:assert/strict';
import test from 'node:test';
import { eq } from 'drizzle-orm';
import { sessions, users } from './auth.schema.ts';
import { memberships } from '../organisations.schema.ts';
import { addMember, createCouncil, loggedInUser, withApp, type Browser, type Env } from './auth.test-helpers.ts';

/** Every request reads its session again (sessions.ts): these are the rules that read must keep. */

const sessionRows = (env: Env, userId: string) => env.database.db.select().from(sessions).where(eq(sessions.userId, userId));

/** The next request finds no session: to the login page, and the session row is gone. */
async function assertLoggedOut(env: Env, b: Browser, userId: string) {
  const res = await b.get('/account');
  assert.equal(res.statusCode, 303);
  assert.equal(res.headers.location, '/inloggen?terug=%2Faccount');
  assert.equal((await sessionRows(env, userId)).length, 0);
}

test('an idle session ends: past its expiry the cookie opens nothing and the session is removed', () =>
  withApp(async (env) => {
    const { user, b } = await loggedInUser(env);
    assert.equal((await b.get('/account')).statusCode, 200);
    await env.database.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.userId, user.id));
    await assertLoggedOut(env, b, user.id);
  }));

test('activity renews a session last seen more than five minutes ago, and only then', () =>
  withApp(async (env) => {
    const { user, b } = await loggedInUser(env);
    const hour = 60 * 60 * 1000;
    // Seen a minute ago: the request leaves the session as it is.
    const recent = { lastSeenAt: new Date(Date.now() - 60_000), expiresAt: new Date(Date.now() + hour) };
    await env.database.db.update(sessions).set(recent).where(eq(sessions.userId, user.id));
    assert.equal((await b.get('/account')).statusCode, 200);
    let [row] = await sessionRows(env, user.id);
    assert.equal(row.lastSeenAt.getTime(), recent.lastSeenAt.getTime());
    assert.equal(row.expiresAt.getTime(), recent.expiresAt.getTime());
    // Seen six minutes ago: the request moves both on, the expiry to eight hours from now.
    await env.database.db
      .update(sessions)
      .set({ lastSeenAt: new Date(Date.now() - 6 * 60_000), expiresAt: new Date(Date.now() + hour) })
      .where(eq(sessions.userId, user.id));
    const before = Date.now();
    assert.equal((await b.get('/account')).statusCode, 200);
    [row] = await sessionRows(env, user.id);
    assert.ok(row.lastSeenAt.getTime() >= before);
    assert.ok(row.expiresAt.getTime() >= before + 8 * hour);
  }));

test('a deactivated account is logged out at its next request', () =>
  withApp(async (env) => {
    const { user, b } = await loggedInUser(env);
    await env.database.db.update(users).set({ active: false }).where(eq(users.id, user.id));
    await assertLoggedOut(env, b, user.id);
  }));

test('a role given or taken away counts at the next request, and the workspaces come in name order', () =>
  withApp(async (env) => {
    const later = await createCouncil(env, { name: 'Zuiderraad' });
    const first = await createCouncil(env, { name: 'Adviesraad Aa' });
    const { user, b } = await loggedInUser(env);
    const workspace = `/${later.slug}/werkruimte`;
    assert.equal((await b.get(workspace)).statusCode, 404);
    await addMember(env, later.id, user.id, 'member');
    assert.equal((await b.get(workspace)).statusCode, 200);
    await addMember(env, first.id, user.id, 'secretary');
    // Outside a council the header's workspace link goes to the first by name.
    assert.match((await b.get('/account')).body, new RegExp(`href="/${first.slug}/werkruimte"`));
    await env.database.db.update(memberships).set({ active: false }).where(eq(memberships.councilId, later.id));
    assert.equal((await b.get(workspace)).statusCode, 404);
  }));

test('the account page shows the user read in full, in the language of the account', () =>
  withApp(async (env) => {
    const { user, b } = await loggedInUser(env, { name: 'Bram Bakker', locale: 'en' });
    const res = await b.get('/account');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<html lang="en"/);
    assert.ok(res.body.includes(user.email));
    assert.ok(res.body.includes('Bram Bakker'));
  }));
