/** The auth tests' defaults on top of test/support/factories.ts: their password, people and councils. */
import { generateSync } from 'otplib';
import type { Role } from '../roles.ts';
import { findOrCreateUserByEmail, issueInvitation } from './auth.service.ts';
import { addMembership, Browser as AnyBrowser, makeCouncil, makeUser, uniqueId, type TestApp } from '../../../test/support/factories.ts';

export {
  auditEntries,
  createTestApp as startApp,
  csrfFrom,
  hiddenValue,
  mailsTo,
  sessionCookieOf,
  titleOf,
  userRow,
  withApp,
  type Res,
  type TestApp as Env,
} from '../../../test/support/factories.ts';

export const PASSWORD = 'een lang genoeg wachtwoord';

/** A browser whose login() uses PASSWORD. */
export class Browser extends AnyBrowser {
  constructor(env: TestApp, ip = '10.0.0.1') {
    super(env, ip, PASSWORD);
  }
}

export function createUser(env: TestApp, opts: { email?: string; name?: string; password?: string | null; isPlatformAdmin?: boolean; totpSecret?: string; locale?: 'nl' | 'en' } = {}) {
  return makeUser(env, {
    email: opts.email ?? `gebruiker-${uniqueId()}@voorbeeld.nl`,
    name: opts.name ?? 'Anna de Vries',
    password: opts.password === undefined ? PASSWORD : opts.password,
    isPlatformAdmin: opts.isPlatformAdmin ?? false,
    totp: opts.totpSecret,
    locale: opts.locale ?? 'nl',
  });
}

/** A new user (see createUser) who has just logged in from a fresh Browser at `ip`; with a TOTP secret they stand at the code step. */
export async function loggedInUser(env: TestApp, opts: Parameters<typeof createUser>[1] = {}, ip?: string) {
  const user = await createUser(env, opts);
  const b = new Browser(env, ip);
  await b.login(user.email);
  return { user, b };
}

/** Invites `person` to the council: the user (made when new) and the invitation mail with its link, queued. */
export function inviteToCouncil(env: TestApp, council: { id: string; name: string }, person: { email: string; name: string; invitedByName: string; locale?: 'nl' | 'en' }) {
  return env.database.db.transaction(async (tx) => {
    const u = await findOrCreateUserByEmail(tx, { email: person.email, name: person.name });
    await issueInvitation(env.app.deps, tx, {
      userId: u.id,
      email: u.email,
      name: u.name,
      councilId: council.id,
      councilName: council.name,
      invitedByName: person.invitedByName,
      locale: person.locale ?? 'nl',
    });
    return u;
  });
}

export function createCouncil(env: TestApp, opts: { require2faForBoard?: boolean; name?: string } = {}) {
  return makeCouncil(env, {
    name: opts.name ?? 'Adviesraad Sociaal Domein Voorbeeld',
    advises: 'Gemeente Voorbeeld',
    contactEmail: 'secretaris@voorbeeld.nl',
    require2faForBoard: opts.require2faForBoard ?? false,
  });
}

export async function addMember(env: TestApp, councilId: string, userId: string, role: Role) {
  await addMembership(env, { id: councilId }, { id: userId }, role);
}

/** A TOTP code for now (or `offsetSteps` steps away). */
export function totpCode(secret: string, offsetSteps = 0): string {
  return generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSteps * 30 });
}
