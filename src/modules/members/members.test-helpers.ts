/** The members module's test defaults on top of test/support/factories.ts: people as members tests see them. */
import type { Council } from '../../core/organisations.schema.ts';
import type { Role } from '../../core/roles.ts';
import { makeCouncil as makeAnyCouncil, makeMember, makeUser, makeWorkingGroup, uniqueId, type TestApp } from '../../../test/support/factories.ts';

export {
  auditEntries,
  anonymousToken,
  dayFromToday,
  get,
  ipSequence,
  login,
  makeVacancy,
  post,
  titleOf,
  type TestApp,
  useTestApp,
} from '../../../test/support/factories.ts';

export async function makeCouncil(t: TestApp, name = 'Adviesraad Test'): Promise<Council> {
  const slug = `raad-${uniqueId()}`;
  return makeAnyCouncil(t, { slug, name: `${name} ${slug}`, advises: 'Gemeente Test', contactEmail: `secretariaat@${slug}.example.nl` });
}

/** `count` fresh councils (see makeCouncil), for tests of what one council sees of another. */
export async function makeCouncils(t: TestApp, count: number): Promise<Council[]> {
  const made: Council[] = [];
  for (let i = 0; i < count; i++) made.push(await makeCouncil(t));
  return made;
}

export type Person = { id: string; userId: string; membershipId: string; name: string; email: string };

/** A person, with a membership in `council` unless it is null. Their addresses end in @example.nl. */
export async function makePerson(
  t: TestApp,
  council: Council | null,
  opts: { role?: Role; name?: string; targetGroup?: string; showOnSite?: boolean; active?: boolean; platformAdmin?: boolean; password?: boolean } = {},
): Promise<Person> {
  const values = {
    name: opts.name ?? `Persoon ${uniqueId()}`,
    email: `p-${uniqueId()}@example.nl`,
    isPlatformAdmin: opts.platformAdmin ?? false,
    ...(opts.password === false ? { password: null } : {}),
  };
  const { user, membership } = council
    ? await makeMember(t, council, opts.role ?? 'member', values, {
        targetGroup: opts.targetGroup ?? '',
        showOnSite: opts.showOnSite ?? true,
        active: opts.active ?? true,
      })
    : { user: await makeUser(t, values), membership: null };
  return { id: user.id, userId: user.id, membershipId: membership?.id ?? '', name: user.name, email: user.email };
}

export function makeGroup(t: TestApp, council: Council, name: string, members: Person[] = [], lead?: Person) {
  return makeWorkingGroup(
    t,
    council,
    { name, leadMembershipId: lead?.membershipId ?? null },
    members.map((m) => m.membershipId),
  );
}
