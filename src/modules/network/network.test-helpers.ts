/** Network records for tests: an organisation, a contact with sealed details, consent, a consultation, a delegation and its report back. */
import { randomUUID } from 'node:crypto';
import { seal } from '../../core/crypto.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { uniqueId, type TestApp } from '../../../test/support/factories.ts';
import { CONTACT_PURPOSE, EXPERIENCE_CONTACT_PURPOSE, nameKey, withdrawToken } from './network.rules.ts';
import { consultations, delegationReports, delegations, experienceContacts, experiences, networkConsents, networkContacts, networkOrganisations, type ConsentPurpose } from './network.schema.ts';

export async function makeOrganisation(t: TestApp, council: Council, values: Partial<typeof networkOrganisations.$inferInsert> = {}) {
  const name = values.name ?? `Organisatie ${uniqueId()}`;
  const [o] = await t.db
    .insert(networkOrganisations)
    .values({ councilId: council.id, name, nameKey: nameKey(name), type: 'welfare', ...values })
    .returning();
  return o!;
}

/** A contact person; `consent` gives valid consent for these purposes (until `expiresOn`, default a year on). */
export async function makeContact(
  t: TestApp,
  council: Council,
  organisationId: string,
  opts: { name?: string; email?: string; privatePerson?: boolean; consent?: ConsentPurpose[]; expiresOn?: string; givenOn?: string } = {},
) {
  const key = t.app.deps.secretKey;
  const name = opts.name ?? `Contact ${uniqueId()}`;
  const email = opts.email ?? `contact-${uniqueId()}@test.example`;
  const [c] = await t.db
    .insert(networkContacts)
    .values({
      councilId: council.id,
      organisationId,
      role: 'Coördinator',
      privatePerson: opts.privatePerson ?? false,
      nameSealed: seal(key, CONTACT_PURPOSE, name),
      emailSealed: seal(key, CONTACT_PURPOSE, email),
    })
    .returning();
  for (const purpose of opts.consent ?? []) {
    await t.db.insert(networkConsents).values({
      councilId: council.id,
      contactId: c!.id,
      purpose,
      givenOn: opts.givenOn ?? '2026-01-01',
      expiresOn: opts.expiresOn ?? '2099-01-01',
      source: 'form',
      textVersion: '2026-1',
    });
  }
  return { ...c!, name, email };
}

export async function makeConsultation(t: TestApp, council: Council, values: Partial<typeof consultations.$inferInsert> = {}) {
  const [c] = await t.db
    .insert(consultations)
    .values({
      councilId: council.id,
      kind: 'expert_meeting',
      topic: `Raadpleging ${uniqueId()}`,
      heldOn: '2026-12-09',
      startTime: '10:30',
      endTime: '11:30',
      uid: `${randomUUID()}@raadwerk`,
      ...values,
    })
    .returning();
  return c!;
}

/** An experience recorded by the council, optionally with sealed contact details. */
export async function makeExperience(t: TestApp, council: Council, values: Partial<typeof experiences.$inferInsert> = {}, contact?: { name: string; email: string }) {
  const [e] = await t.db
    .insert(experiences)
    .values({ councilId: council.id, text: 'De regiotaxi kwam te laat.', source: 'recorded', ...values })
    .returning();
  if (contact) {
    const key = t.app.deps.secretKey;
    await t.db
      .insert(experienceContacts)
      .values({ experienceId: e!.id, councilId: council.id, nameSealed: seal(key, EXPERIENCE_CONTACT_PURPOSE, contact.name), emailSealed: seal(key, EXPERIENCE_CONTACT_PURPOSE, contact.email) });
  }
  return e!;
}

/** The token of a contact's withdrawal link, as in every mail. */
export const withdrawTokenOf = (t: TestApp, contactId: string) => withdrawToken(t.app.deps.secretKey, contactId);

/** A current delegation of this member to an outside regional body. */
export async function makeDelegation(t: TestApp, council: Council, membershipId: string, values: Partial<typeof delegations.$inferInsert> = {}) {
  const [d] = await t.db
    .insert(delegations)
    .values({ councilId: council.id, membershipId, bodyName: `Regionaal platform ${uniqueId()}`, startsOn: '2026-01-01', ...values })
    .returning();
  return d!;
}

/** A report back that waits for a meeting (not on an agenda yet). */
export async function makeReport(t: TestApp, council: Council, delegationId: string) {
  const [r] = await t.db.insert(delegationReports).values({ councilId: council.id, delegationId, text: 'Het platform sprak over de bijstand.' }).returning();
  return r!;
}
