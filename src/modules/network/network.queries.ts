/** What the network pages and other modules read. Each read returns only what the actor may see. */
import { and, asc, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/index.ts';
import type { Deps } from '../../core/deps.ts';
import { assertCan, can, type Actor } from '../../core/policy.ts';
import { notFound } from '../../core/errors.ts';
import { todayInAmsterdam } from '../../core/dates/working-days.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { users } from '../../core/auth/auth.schema.ts';
import { consentStatus, type ConsentStatus } from './network.rules.ts';
import { consentsOf, findOrganisation, listTypes, logContactReads, openContact, type OpenedContact } from './network.organisations.ts';
import { consentPurposes, networkAccessLog, networkContacts, networkOrganisations, networkTypes, type ConsentPurpose, type NetworkConsent, type NetworkOrganisation } from './network.schema.ts';
import { activeMembersByName } from '../../core/member-lists.ts';

export type OrganisationRow = NetworkOrganisation & { typeName: string | null; contacts: number };

/** Every organisation of the council with its own type's name and number of (not erased) contacts, by name. */
export async function listOrganisations(db: DbOrTx, council: Pick<Council, 'id'>, opts: { listedOnly?: boolean; limit?: number; offset?: number } = {}): Promise<OrganisationRow[]> {
  const where = [eq(networkOrganisations.councilId, council.id)];
  if (opts.listedOnly) where.push(eq(networkOrganisations.listed, true));
  const contacts = db
    .select({ organisationId: networkContacts.organisationId, n: count().as('n') })
    .from(networkContacts)
    .where(and(eq(networkContacts.councilId, council.id), isNull(networkContacts.erasedAt)))
    .groupBy(networkContacts.organisationId)
    .as('c');
  const q = db
    .select({ org: networkOrganisations, typeName: networkTypes.name, contacts: sql<number>`coalesce(${contacts.n}, 0)` })
    .from(networkOrganisations)
    .leftJoin(networkTypes, eq(networkTypes.id, networkOrganisations.customTypeId))
    .leftJoin(contacts, eq(contacts.organisationId, networkOrganisations.id))
    .where(and(...where))
    .orderBy(asc(networkOrganisations.nameKey))
    .$dynamic();
  const rows = opts.limit ? await q.limit(opts.limit).offset(opts.offset ?? 0) : await q;
  return rows.map((r) => ({ ...r.org, typeName: r.typeName, contacts: Number(r.contacts) }));
}

/** The public network page: organisations that agreed to be listed (no contact persons). */
export async function publicNetwork(db: DbOrTx, council: Pick<Council, 'id'>) {
  const rows = await listOrganisations(db, council, { listedOnly: true });
  return rows.map((o) => ({ id: o.id, name: o.name, type: o.type, typeName: o.typeName, website: o.website, policyFields: o.policyFields, targetGroups: o.targetGroups }));
}
export type PublicOrganisation = Awaited<ReturnType<typeof publicNetwork>>[number];

export type ContactView = {
  id: string;
  role: string;
  privatePerson: boolean;
  erased: boolean;
  /** Null when the actor may not see this person's details. */
  details: OpenedContact | null;
  consent: Record<ConsentPurpose, ConsentStatus>;
  consents: NetworkConsent[];
};

/** One organisation with its contacts; details of private persons only for the board, and that read is logged. */
export async function getOrganisation(deps: Deps, args: { actor: Actor | null; council: Council; id: string }) {
  const { actor, council } = args;
  assertCan(actor, 'network.view');
  const org = (await findOrganisation(deps.db, council, args.id)) ?? notFound('organisation');
  const [contacts, types] = await Promise.all([
    deps.db.select().from(networkContacts).where(eq(networkContacts.organisationId, org.id)).orderBy(asc(networkContacts.createdAt)),
    listTypes(deps.db, council.id),
  ]);
  const consents = await consentsOf(
    deps.db,
    council.id,
    contacts.map((c) => c.id),
  );
  const today = todayInAmsterdam();
  const seesPrivate = can(actor, 'network.contacts');
  const views: ContactView[] = contacts.map((c) => {
    const list = consents.get(c.id) ?? [];
    const consent = Object.fromEntries(
      consentPurposes.map((p) => [
        p,
        consentStatus(
          list.filter((x) => x.purpose === p),
          today,
        ),
      ]),
    ) as Record<ConsentPurpose, ConsentStatus>;
    const mayRead = !c.erasedAt && (!c.privatePerson || seesPrivate);
    return { id: c.id, role: c.role, privatePerson: c.privatePerson, erased: c.erasedAt !== null, details: mayRead ? openContact(deps.secretKey, c) : null, consent, consents: list };
  });
  await logContactReads(deps.db, { council, actor, contactIds: views.filter((v) => v.privatePerson && v.details).map((v) => v.id) });
  return {
    organisation: org,
    typeName: types.find((t) => t.id === org.customTypeId)?.name ?? null,
    types,
    contacts: views,
    may: { manage: can(actor, 'network.manage'), erase: can(actor, 'network.contacts') },
  };
}
export type OrganisationDetail = Awaited<ReturnType<typeof getOrganisation>>;

/** Contacts of the council with their organisation, for the invitation form (board only: names shown). */
export async function invitableContacts(deps: Deps, council: Council) {
  const rows = await deps.db
    .select({ contact: networkContacts, orgName: networkOrganisations.name, orgId: networkOrganisations.id })
    .from(networkContacts)
    .innerJoin(networkOrganisations, eq(networkOrganisations.id, networkContacts.organisationId))
    .where(and(eq(networkContacts.councilId, council.id), isNull(networkContacts.erasedAt)))
    .orderBy(asc(networkOrganisations.nameKey), asc(networkContacts.createdAt));
  const consents = await consentsOf(
    deps.db,
    council.id,
    rows.map((r) => r.contact.id),
  );
  const today = todayInAmsterdam();
  return rows.map((r) => ({
    id: r.contact.id,
    organisationId: r.orgId,
    organisation: r.orgName,
    role: r.contact.role,
    name: openContact(deps.secretKey, r.contact).name,
    status: consentStatus(
      (consents.get(r.contact.id) ?? []).filter((c) => c.purpose === 'invitations'),
      today,
    ),
  }));
}

/** Who saw or erased personal details of the network, newest first (the chair reads it). */
export function accessLogOf(db: DbOrTx, councilId: string) {
  return db
    .select({ at: networkAccessLog.at, who: users.name, kind: networkAccessLog.kind })
    .from(networkAccessLog)
    .leftJoin(users, eq(users.id, networkAccessLog.userId))
    .where(eq(networkAccessLog.councilId, councilId))
    .orderBy(desc(networkAccessLog.at))
    .limit(1000);
}

/** The council's active members by name (who can be sent as a delegate). */
export function activeMembers(db: DbOrTx, councilId: string) {
  return activeMembersByName(db, councilId);
}
