/**
 * The organisation register: organisations with their type, contact persons and consent per
 * purpose. Contact details are sealed; erasure removes the person and keeps the organisation
 * and the counts.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/index.ts';
import type { Deps } from '../../core/deps.ts';
import { assertCan, can, type Actor } from '../../core/policy.ts';
import { DomainError, notFound } from '../../core/errors.ts';
import { audit } from '../../core/audit/audit.ts';
import { open, seal } from '../../core/crypto.ts';
import { findInCouncil } from '../../core/db/find.ts';
import { todayInAmsterdam } from '../../core/dates/working-days.ts';
import type { Council } from '../../core/organisations.schema.ts';
import type { ConsentInput, ContactInput, OrganisationInput } from './network.forms.ts';
import { CONTACT_PURPOSE, defaultExpiry, isValidConsent, nameKey } from './network.rules.ts';
import { notErased } from '../../core/db/queries.ts';
import {
  networkAccessLog,
  networkConsents,
  networkContacts,
  networkOrganisations,
  networkSettings,
  networkTypes,
  type ConsentPurpose,
  type NetworkConsent,
  type NetworkContact,
  type NetworkOrganisation,
  type OrganisationType,
} from './network.schema.ts';

type Use = { actor: Actor | null; council: Council };

// ------------------------------------------------------------------ settings and types

export async function networkSettingsOf(db: DbOrTx, councilId: string) {
  const [row] = await db.select().from(networkSettings).where(eq(networkSettings.councilId, councilId));
  return row ?? { councilId, consentMonths: 24, experienceContactMonths: 24, updatedAt: new Date(0) };
}

export async function saveNetworkSettings(deps: Deps, args: Use & { consentMonths: number }): Promise<void> {
  const { actor, council } = args;
  assertCan(actor, 'network.manage');
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(networkSettings)
      .values({ councilId: council.id, consentMonths: args.consentMonths })
      .onConflictDoUpdate({ target: networkSettings.councilId, set: { consentMonths: args.consentMonths, updatedAt: new Date() } });
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'networkSettings.changed', entity: 'council', entityId: council.id, data: { consentMonths: args.consentMonths } });
  });
}

export function listTypes(db: DbOrTx, councilId: string) {
  return db.select().from(networkTypes).where(eq(networkTypes.councilId, councilId)).orderBy(asc(networkTypes.name));
}

export async function addType(deps: Deps, args: Use & { name: string }): Promise<void> {
  const { actor, council } = args;
  assertCan(actor, 'network.manage');
  const existing = await listTypes(deps.db, council.id);
  if (existing.some((t) => nameKey(t.name) === nameKey(args.name))) throw new DomainError('duplicateType', 'network.error.duplicateType', 'name');
  await deps.db.transaction(async (tx) => {
    const [row] = await tx.insert(networkTypes).values({ councilId: council.id, name: args.name }).returning();
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'networkType.added', entity: 'networkType', entityId: row!.id });
  });
}

/** The type column and the council's own type from the form's choice (`eigen:<id>` must be this council's). */
async function typeOf(db: DbOrTx, councilId: string, choice: string): Promise<{ type: OrganisationType; customTypeId: string | null }> {
  if (!choice.startsWith('eigen:')) return { type: choice as OrganisationType, customTypeId: null };
  const own = await findInCouncil(db, networkTypes, councilId, choice.slice('eigen:'.length));
  if (!own) throw new DomainError('unknownType', 'error.invalidChoice', 'type');
  return { type: 'other', customTypeId: own.id };
}

// ------------------------------------------------------------------ organisations

export function findOrganisation(db: DbOrTx, council: Pick<Council, 'id'>, id: string) {
  return findInCouncil(db, networkOrganisations, council.id, id);
}

/** The organisation that already has this name, if any (for the link in the refusal). */
async function sameName(db: DbOrTx, councilId: string, name: string, except?: string): Promise<NetworkOrganisation | null> {
  const [row] = await db
    .select()
    .from(networkOrganisations)
    .where(and(eq(networkOrganisations.councilId, councilId), eq(networkOrganisations.nameKey, nameKey(name))));
  return row && row.id !== except ? row : null;
}

/** A name the council already has: refused, with the existing organisation's id for a link. */
function duplicate(existing: NetworkOrganisation): never {
  throw new DomainError('duplicateName', 'network.error.duplicateName', { field: 'name', params: { id: existing.id, name: existing.name } });
}

/** The organisation's columns from the form. */
function columnsOf(input: OrganisationInput, type: Awaited<ReturnType<typeof typeOf>>) {
  const { name, address, website, targetGroups, listed } = input;
  return { name, nameKey: nameKey(name), ...type, address, website, targetGroups, listed, policyFields: [...new Set(input.policyFields)] };
}

export async function addOrganisation(deps: Deps, args: Use & { input: OrganisationInput }): Promise<NetworkOrganisation> {
  const { actor, council, input } = args;
  assertCan(actor, 'network.manage');
  const existing = await sameName(deps.db, council.id, input.name);
  if (existing) duplicate(existing);
  const type = await typeOf(deps.db, council.id, input.type);
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(networkOrganisations)
      .values({ councilId: council.id, ...columnsOf(input, type) })
      .onConflictDoNothing()
      .returning();
    // Added at the same moment by someone else.
    if (!row) duplicate((await sameName(tx, council.id, input.name))!);
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'networkOrganisation.added', entity: 'networkOrganisation', entityId: row.id });
    return row;
  });
}

export async function changeOrganisation(deps: Deps, args: Use & { id: string; input: OrganisationInput }): Promise<void> {
  const { actor, council, input } = args;
  assertCan(actor, 'network.manage');
  const org = (await findOrganisation(deps.db, council, args.id)) ?? notFound('organisation');
  const existing = await sameName(deps.db, council.id, input.name, org.id);
  if (existing) duplicate(existing);
  const type = await typeOf(deps.db, council.id, input.type);
  await deps.db.transaction(async (tx) => {
    await tx
      .update(networkOrganisations)
      .set({ ...columnsOf(input, type), updatedAt: new Date() })
      .where(eq(networkOrganisations.id, org.id));
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'networkOrganisation.changed', entity: 'networkOrganisation', entityId: org.id });
  });
}

// ------------------------------------------------------------------ contacts

export type OpenedContact = { name: string | null; email: string | null; phone: string | null };

export function openContact(secretKey: string, c: Pick<NetworkContact, 'nameSealed' | 'emailSealed' | 'phoneSealed'>): OpenedContact {
  return { name: open(secretKey, CONTACT_PURPOSE, c.nameSealed), email: open(secretKey, CONTACT_PURPOSE, c.emailSealed), phone: open(secretKey, CONTACT_PURPOSE, c.phoneSealed) };
}

export function findContact(db: DbOrTx, council: Pick<Council, 'id'>, id: string) {
  return findInCouncil(db, networkContacts, council.id, id);
}

export async function addContact(deps: Deps, args: Use & { organisationId: string; input: ContactInput }): Promise<NetworkContact> {
  const { actor, council, input } = args;
  assertCan(actor, 'network.manage');
  const org = (await findOrganisation(deps.db, council, args.organisationId)) ?? notFound('organisation');
  const sealed = (v: string) => (v ? seal(deps.secretKey, CONTACT_PURPOSE, v) : null);
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(networkContacts)
      .values({
        councilId: council.id,
        organisationId: org.id,
        role: input.role,
        privatePerson: input.privatePerson,
        nameSealed: sealed(input.name),
        emailSealed: sealed(input.email),
        phoneSealed: sealed(input.phone),
      })
      .returning();
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'networkContact.added', entity: 'networkContact', entityId: row!.id, data: { organisationId: org.id } });
    return row!;
  });
}

/** Removes the person: details, consents; the row stays (counts, invitations that were sent) as "erased". */
export async function eraseContact(deps: Deps, args: Use & { id: string }): Promise<NetworkContact> {
  const { actor, council } = args;
  assertCan(actor, 'network.contacts');
  return deps.db.transaction(async (tx) => {
    const contact = await notErased(findInCouncil(tx, networkContacts, council.id, args.id, { lock: true }), 'contact', 'network.error.alreadyErased');
    const now = new Date();
    const [row] = await tx.update(networkContacts).set({ nameSealed: null, emailSealed: null, phoneSealed: null, role: '', erasedAt: now }).where(eq(networkContacts.id, contact.id)).returning();
    await tx.delete(networkConsents).where(eq(networkConsents.contactId, contact.id));
    await tx.insert(networkAccessLog).values({ councilId: council.id, contactId: contact.id, userId: actor.userId, kind: 'erase' });
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'networkContact.erased', entity: 'networkContact', entityId: contact.id });
    return row!;
  });
}

// ------------------------------------------------------------------ consent

export async function recordConsent(deps: Deps, args: Use & { contactId: string; input: ConsentInput }): Promise<NetworkConsent> {
  const { actor, council, input } = args;
  assertCan(actor, 'network.manage');
  const contact = await notErased(findContact(deps.db, council, args.contactId), 'contact', 'network.error.alreadyErased');
  const months = (await networkSettingsOf(deps.db, council.id)).consentMonths;
  const expiresOn = input.expiresOn ?? defaultExpiry(input.givenOn, months);
  if (expiresOn <= input.givenOn) throw new DomainError('expiryBeforeConsent', 'network.error.expiryBeforeConsent', 'expiresOn');
  if (input.givenOn > todayInAmsterdam()) throw new DomainError('consentInFuture', 'network.error.consentInFuture', 'givenOn');
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(networkConsents)
      .values({
        councilId: council.id,
        contactId: contact.id,
        purpose: input.purpose,
        givenOn: input.givenOn,
        expiresOn,
        source: input.source,
        textVersion: input.textVersion,
        recordedByUserId: actor.userId,
      })
      .returning();
    await audit(tx, {
      councilId: council.id,
      actorUserId: actor.userId,
      action: 'networkConsent.recorded',
      entity: 'networkContact',
      entityId: contact.id,
      data: { purpose: input.purpose, expiresOn },
    });
    return row!;
  });
}

/** The contact withdraws every consent (the link in each mail); no login. Returns false when nothing was left to withdraw. */
export async function withdrawAll(deps: Deps, args: { council: Council; contactId: string }): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const contact = await findContact(tx, args.council, args.contactId);
    if (!contact) return false;
    const done = await tx
      .update(networkConsents)
      .set({ withdrawnAt: new Date() })
      .where(and(eq(networkConsents.contactId, contact.id), isNull(networkConsents.withdrawnAt)))
      .returning({ id: networkConsents.id });
    if (done.length)
      await audit(tx, { councilId: args.council.id, actorUserId: null, action: 'networkConsent.withdrawn', entity: 'networkContact', entityId: contact.id, data: { consents: done.length } });
    return done.length > 0;
  });
}

/** Consents of these contacts, by contact. */
export async function consentsOf(db: DbOrTx, councilId: string, contactIds: string[]): Promise<Map<string, NetworkConsent[]>> {
  const out = new Map<string, NetworkConsent[]>();
  if (!contactIds.length) return out;
  const rows = await db
    .select()
    .from(networkConsents)
    .where(and(eq(networkConsents.councilId, councilId), inArray(networkConsents.contactId, contactIds)))
    .orderBy(asc(networkConsents.givenOn));
  for (const r of rows) out.set(r.contactId, [...(out.get(r.contactId) ?? []), r]);
  return out;
}

/** Why a contact may not be approached for this purpose today; null when it may. */
export function consentRefusal(
  contact: Pick<NetworkContact, 'erasedAt' | 'emailSealed'>,
  consents: NetworkConsent[],
  purpose: ConsentPurpose,
  today: string,
): 'erased' | 'noEmail' | 'withdrawn' | 'expired' | 'none' | null {
  if (contact.erasedAt) return 'erased';
  const mine = consents.filter((c) => c.purpose === purpose);
  if (!mine.some((c) => isValidConsent(c, today))) return mine.length === 0 ? 'none' : mine.some((c) => c.withdrawnAt === null) ? 'expired' : 'withdrawn';
  if (!contact.emailSealed) return 'noEmail';
  return null;
}

/** Logs that the board saw the details of these private persons. */
export async function logContactReads(db: DbOrTx, args: { council: Council; actor: Actor; contactIds: string[] }): Promise<void> {
  if (!args.contactIds.length || !can(args.actor, 'network.contacts')) return;
  await db.insert(networkAccessLog).values(args.contactIds.map((contactId) => ({ councilId: args.council.id, contactId, userId: args.actor.userId, kind: 'view_contact' as const })));
}
