/**
 * Reads of agreements. An organisation sees an agreement only when it is a party to it (a draft
 * only when it drafted it); anything else is 404, never a hint that it exists.
 */
import { and, asc, desc, eq, exists, inArray, isNotNull, ne, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Deps } from '../../core/deps.ts';
import type { DbOrTx } from '../../core/db/index.ts';
import { readAlone, type Read } from '../../core/read-together.ts';
import { todayInAmsterdam, type IsoDate } from '../../core/dates/working-days.ts';
import { isUuid } from '../../core/http/forms.ts';
import { assertCan, can, type Actor } from '../../core/policy.ts';
import { councils, type Council } from '../../core/organisations.schema.ts';
import { agreementParties, agreements, sharedDossiers, type Agreement } from './cooperation.schema.ts';
import { availableAgreementActions, inForce, noticeDate, runningStates, type AgreementAction } from './cooperation.workflow.ts';

/** SQL: this organisation is a party to the agreement in `agreement` (and sees it: not someone else's draft). */
function partyTo(agreement: AnyPgColumn, councilId: string): SQL {
  return exists(
    sql`(select 1 from ${agreementParties} p join ${agreements} a on a.id = p.agreement_id
      where p.agreement_id = ${agreement} and p.party_council_id = ${councilId} and (a.state <> 'draft' or a.council_id = ${councilId}))`,
  );
}

/** SQL on cooperation_agreements: in force on `today` (the same rule as `inForce` in the workflow). */
export function inForceSql(today: IsoDate): SQL {
  return sql`(${agreements.state} in ('active', 'upForRenewal', 'renewed') and ${agreements.startsOn} <= ${today}
    and (${agreements.endsOn} >= ${today} or (${agreements.renewal} = 'tacit' and ${agreements.noticeGivenAt} is null)))`;
}

/** One agreement this organisation is a party to, or null; `lock` for a change. */
export async function findForParty(db: DbOrTx, councilId: string, id: string, opts: { lock?: boolean } = {}): Promise<Agreement | null> {
  if (!isUuid(id)) return null;
  const q = db
    .select()
    .from(agreements)
    .where(and(eq(agreements.id, id), partyTo(agreements.id, councilId)))
    .limit(1);
  const [row] = opts.lock ? await q.for('update') : await q;
  return row ?? null;
}

export type PartyView = {
  id: string;
  councilId: string | null;
  name: string;
  slug: string | null;
  contribution: string;
  acceptedAt: Date | null;
  contactEmail: string | null;
  contactPhone: string | null;
  postalAddress: string | null;
};

/** The parties of agreements, the drafter first, then by name. */
async function partiesOf(db: DbOrTx, agreementIds: string[]): Promise<Map<string, PartyView[]>> {
  const out = new Map<string, PartyView[]>();
  if (!agreementIds.length) return out;
  const rows = await db
    .select({
      agreementId: agreementParties.agreementId,
      id: agreementParties.id,
      councilId: agreementParties.partyCouncilId,
      outsideName: agreementParties.outsideName,
      name: councils.name,
      slug: councils.slug,
      contribution: agreementParties.contribution,
      acceptedAt: agreementParties.acceptedAt,
      contactEmail: councils.contactEmail,
      contactPhone: councils.contactPhone,
      postalAddress: councils.postalAddress,
    })
    .from(agreementParties)
    .innerJoin(agreements, eq(agreements.id, agreementParties.agreementId))
    .leftJoin(councils, eq(councils.id, agreementParties.partyCouncilId))
    .where(inArray(agreementParties.agreementId, agreementIds))
    .orderBy(
      // The drafter first, then the organisations on the platform, then outside parties; by name.
      desc(sql`coalesce(${agreementParties.partyCouncilId} = ${agreements.councilId}, false)`),
      asc(sql`${agreementParties.partyCouncilId} is null`),
      asc(sql`coalesce(${councils.name}, ${agreementParties.outsideName})`),
    );
  for (const r of rows) {
    const list = out.get(r.agreementId) ?? [];
    list.push({
      id: r.id,
      councilId: r.councilId,
      name: r.name ?? r.outsideName ?? '',
      slug: r.slug,
      contribution: r.contribution,
      acceptedAt: r.acceptedAt,
      contactEmail: r.contactEmail,
      contactPhone: r.contactPhone,
      postalAddress: r.postalAddress,
    });
    out.set(r.agreementId, list);
  }
  return out;
}

export type AgreementSummary = Agreement & { parties: PartyView[]; inForce: boolean };

/** The agreements this organisation is a party to, newest first. */
export async function listAgreements(deps: Deps, args: { council: Council; actor: Actor }): Promise<AgreementSummary[]> {
  assertCan(args.actor, 'cooperation.view');
  const rows = await deps.db.select().from(agreements).where(partyTo(agreements.id, args.council.id)).orderBy(desc(agreements.startsOn), asc(agreements.title));
  const parties = await partiesOf(
    deps.db,
    rows.map((r) => r.id),
  );
  const today = todayInAmsterdam();
  return rows.map((r) => ({ ...r, parties: parties.get(r.id) ?? [], inForce: inForce(r, today) }));
}

/** Id and title of the agreements in force this organisation is a party to (newest first), for the dashboard. */
export async function agreementsInForce(db: DbOrTx, council: Council, today: IsoDate, read: Read = readAlone): Promise<{ id: string; title: string }[]> {
  return read(
    db
      .select({ id: agreements.id, title: agreements.title })
      .from(agreements)
      .where(and(partyTo(agreements.id, council.id), inForceSql(today)))
      .orderBy(desc(agreements.startsOn), asc(agreements.title)),
  );
}

/** The same agreements as a subquery of ids: a read by them joins the same round (issue 14). */
export function agreementIdsInForce(db: DbOrTx, council: Council, today: IsoDate) {
  return db
    .select({ id: agreements.id })
    .from(agreements)
    .where(and(partyTo(agreements.id, council.id), inForceSql(today)));
}

export type AgreementDetail = {
  agreement: Agreement;
  parties: PartyView[];
  own: PartyView;
  inForce: boolean;
  noticeOn: IsoDate;
  may: {
    actions: AgreementAction[];
    /** Edit this organisation's contribution (before the agreement is accepted). */
    contribution: boolean;
    /** Accept for this organisation (its chair, while proposed and not yet accepted). */
    accept: boolean;
    /** Upload the signed agreement, share and stop sharing own folders. */
    manage: boolean;
    /** Propose: only the organisation that drafted it. */
    propose: boolean;
  };
};

/** One agreement as this organisation's people see it, with what the actor may do. */
export async function getAgreement(deps: Deps, args: { council: Council; actor: Actor; id: string }): Promise<AgreementDetail | null> {
  assertCan(args.actor, 'cooperation.view');
  const agreement = await findForParty(deps.db, args.council.id, args.id);
  if (!agreement) return null;
  const parties = (await partiesOf(deps.db, [agreement.id])).get(agreement.id) ?? [];
  const own = parties.find((p) => p.councilId === args.council.id)!;
  const actions = availableAgreementActions(agreement.state, args.actor);
  const drafter = agreement.councilId === args.council.id;
  const manage = can(args.actor, 'cooperation.manage');
  return {
    agreement,
    parties,
    own,
    inForce: inForce(agreement, todayInAmsterdam()),
    noticeOn: noticeDate(agreement),
    may: {
      actions: actions.filter((a) => (a === 'propose' ? drafter : a === 'accept' ? !own.acceptedAt : a === 'giveNotice' ? agreement.noticeGivenAt === null : true)),
      contribution: manage && (agreement.state === 'draft' || agreement.state === 'proposed') && !own.acceptedAt,
      accept: actions.includes('accept') && !own.acceptedAt,
      manage: manage && agreement.state !== 'ended',
      propose: drafter && actions.includes('propose'),
    },
  };
}

/** What the public may see: running, public agreements this organisation is a party to. */
function publicWhere(councilId: string): SQL {
  return and(partyTo(agreements.id, councilId), eq(agreements.isPublic, true), inArray(agreements.state, [...runningStates]))!;
}

export async function publicAgreements(db: DbOrTx, council: Council): Promise<AgreementSummary[]> {
  const rows = await db.select().from(agreements).where(publicWhere(council.id)).orderBy(desc(agreements.startsOn), asc(agreements.title));
  const parties = await partiesOf(
    db,
    rows.map((r) => r.id),
  );
  const today = todayInAmsterdam();
  return rows.map((r) => ({ ...r, parties: parties.get(r.id) ?? [], inForce: inForce(r, today) }));
}

export async function publicAgreement(db: DbOrTx, council: Council, name: string): Promise<AgreementSummary | null> {
  const [row] = await db
    .select()
    .from(agreements)
    .where(and(eq(agreements.name, name), publicWhere(council.id)))
    .limit(1);
  if (!row) return null;
  const parties = (await partiesOf(db, [row.id])).get(row.id) ?? [];
  return { ...row, parties, inForce: inForce(row, todayInAmsterdam()) };
}

/** The other organisations on the platform in an agreement in force with this one (the sharing port). */
export async function partnersInForce(db: DbOrTx, councilId: string): Promise<{ id: string; name: string }[]> {
  const today = todayInAmsterdam();
  const mine = db
    .select({ id: agreementParties.agreementId })
    .from(agreementParties)
    .innerJoin(agreements, eq(agreements.id, agreementParties.agreementId))
    .where(and(eq(agreementParties.partyCouncilId, councilId), inForceSql(today)));
  return db
    .selectDistinct({ id: councils.id, name: councils.name })
    .from(agreementParties)
    .innerJoin(councils, eq(councils.id, agreementParties.partyCouncilId))
    .where(and(inArray(agreementParties.agreementId, mine), ne(councils.id, councilId), isNotNull(agreementParties.partyCouncilId)))
    .orderBy(asc(councils.name));
}

/** Shared folders of an agreement, with the organisation that shares each. */
export async function dossiersOf(db: DbOrTx, agreementId: string) {
  return db
    .select({
      id: sharedDossiers.id,
      councilId: sharedDossiers.councilId,
      folderId: sharedDossiers.folderId,
      folderName: sharedDossiers.folderName,
      level: sharedDossiers.level,
      sharedByName: councils.name,
      createdAt: sharedDossiers.createdAt,
    })
    .from(sharedDossiers)
    .innerJoin(councils, eq(councils.id, sharedDossiers.councilId))
    .where(eq(sharedDossiers.agreementId, agreementId))
    .orderBy(asc(councils.name), asc(sharedDossiers.createdAt));
}
