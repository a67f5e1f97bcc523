/**
 * Use cases of agreements: draft, propose, accept (each party's chair for its own organisation),
 * renew, give notice, end, contributions and the signed PDF. Each change of state is a step of
 * cooperation.workflow.ts run by core's `runStateChange` (policy, lock, table, one transaction with
 * its audit entry). The organisation comes from the request, never from input.
 */
import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Deps } from '../../core/deps.ts';
import type { Tx } from '../../core/db/index.ts';
import { saveRow } from '../../core/db/queries.ts';
import { audit } from '../../core/audit/audit.ts';
import { DomainError, notFound } from '../../core/errors.ts';
import { todayInAmsterdam, addDays } from '../../core/dates/working-days.ts';
import { isUuid, type Upload } from '../../core/http/forms.ts';
import { assertCan, type Actor } from '../../core/policy.ts';
import { runStateChange, type Applied } from '../../core/state-change.ts';
import { councils, type Council } from '../../core/organisations.schema.ts';
import { files } from '../../core/files/files.schema.ts';
import { safeFileName, sniffDocument } from '../../core/files/sniff.ts';
import { agreementParties, agreements, type Agreement, type AgreementState } from './cooperation.schema.ts';
import { agreementAuditActions, agreementTransition, agreementTransitions, defaultEnd, type AgreementAction } from './cooperation.workflow.ts';
import { findForParty } from './cooperation.queries.ts';
import type { AgreementInput } from './cooperation.forms.ts';

/** "Samenwerking Wmo en jeugd 2027" -> "samenwerking-wmo-en-jeugd-2027". */
function nameFrom(title: string): string {
  const base = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return base.length >= 2 ? base : 'samenwerking';
}

async function freeName(tx: Tx, title: string): Promise<string> {
  const base = nameFrom(title);
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base}-${n}`;
    const [taken] = await tx.select({ id: agreements.id }).from(agreements).where(eq(agreements.name, name)).limit(1);
    if (!taken) return name;
  }
}

/** A new draft with this organisation as the first party. Bad dates or parties change nothing. */
export async function createAgreement(deps: Deps, args: { actor: Actor | null; council: Council; input: AgreementInput }): Promise<Agreement> {
  const { actor, council, input } = args;
  assertCan(actor, 'cooperation.manage');
  const endsOn = input.endsOn ?? defaultEnd(input.startsOn);
  if (endsOn <= input.startsOn) throw new DomainError('endBeforeStart', 'cooperation.error.endBeforeStart', 'endsOn');
  if (input.partners.includes(council.id)) throw new DomainError('sameOrganisation', 'cooperation.error.ownOrganisation', 'partners');
  if (new Set(input.partners).size !== input.partners.length) throw new DomainError('sameOrganisation', 'cooperation.error.sameOrganisation', 'partners');
  const outside = input.outsideParties.map((n) => n.toLocaleLowerCase('nl'));
  if (new Set(outside).size !== outside.length) throw new DomainError('sameOrganisation', 'cooperation.error.sameOrganisation', 'outsideParties');
  if (!input.partners.every(isUuid)) throw new DomainError('partner', 'cooperation.error.partner', 'partners');
  const known = input.partners.length ? await deps.db.select({ id: councils.id, name: councils.name }).from(councils).where(inArray(councils.id, input.partners)) : [];
  if (known.length !== input.partners.length) throw new DomainError('partner', 'cooperation.error.partner', 'partners');
  // An outside party with the name of an organisation on the platform is that organisation twice.
  const names = new Set([council.name, ...known.map((k) => k.name)].map((n) => n.toLocaleLowerCase('nl')));
  if (outside.some((n) => names.has(n))) throw new DomainError('sameOrganisation', 'cooperation.error.sameOrganisation', 'outsideParties');
  if (known.length + input.outsideParties.length === 0) throw new DomainError('noPartner', 'cooperation.error.noPartner', 'partners');
  const months = Math.max(1, Math.round((Date.parse(addDays(endsOn, 1)) - Date.parse(input.startsOn)) / (30.44 * 86_400_000)));
  return deps.db.transaction(async (tx) => {
    const [a] = await tx
      .insert(agreements)
      .values({
        councilId: council.id,
        name: await freeName(tx, input.title),
        title: input.title,
        purpose: input.purpose,
        startsOn: input.startsOn,
        endsOn,
        termMonths: months,
        renewal: input.renewal,
        noticeDays: input.noticeDays,
        isPublic: input.isPublic,
        createdBy: actor.userId,
      })
      .returning();
    await tx
      .insert(agreementParties)
      .values([
        { agreementId: a!.id, partyCouncilId: council.id, contribution: input.contribution },
        ...known.map((k) => ({ agreementId: a!.id, partyCouncilId: k.id })),
        ...input.outsideParties.map((outsideName) => ({ agreementId: a!.id, outsideName })),
      ]);
    await audit(tx, {
      councilId: council.id,
      actorUserId: actor.userId,
      action: 'agreement.drafted',
      entity: 'agreement',
      entityId: a!.id,
      to: 'draft',
      data: { parties: known.length + input.outsideParties.length + 1 },
    });
    return a!;
  });
}

type AgreementSet = Partial<typeof agreements.$inferInsert>;

/** One step of the workflow on an agreement this organisation is a party to. */
async function step(
  deps: Deps,
  args: { actor: Actor | null; council: Council; id: string; action: AgreementAction },
  apply?: (tx: Tx, a: Agreement, to: AgreementState) => Promise<Applied<Agreement, AgreementState, AgreementSet, undefined> | undefined>,
): Promise<Agreement> {
  const { council, action } = args;
  const { row } = await runStateChange(deps, {
    actor: args.actor,
    may: agreementTransitions[action].may,
    entity: 'agreement',
    load: (tx) => findForParty(tx, council.id, args.id, { lock: true }),
    state: (a) => a.state,
    check: (state) => agreementTransition(state, action),
    refused: () => 'cooperation.error.state',
    apply,
    save: (tx, a, to, applied) => saveRow(tx, agreements, a, { ...applied.set, state: to }),
    audit: { councilId: council.id, action: agreementAuditActions[action], entityId: (a) => a.id },
  });
  return row;
}

/** The drafting organisation's board puts the draft to the other parties. */
export function proposeAgreement(deps: Deps, args: { actor: Actor | null; council: Council; id: string }) {
  return step(deps, { ...args, action: 'propose' }, async (_tx, a) => {
    if (a.councilId !== args.council.id) throw new DomainError('notDrafter', 'cooperation.error.notDrafter');
    return {};
  });
}

/**
 * A party's chair accepts for their own organisation (`organisation` names it, and must be the
 * organisation of the request). When the last party on the platform has accepted, the agreement
 * is accepted, or active at once when its start date has come.
 */
export function acceptAgreement(deps: Deps, args: { actor: Actor | null; council: Council; id: string; organisation: string }) {
  return step(deps, { ...args, action: 'accept' }, async (tx, a, from) => {
    if (args.organisation !== args.council.id) throw new DomainError('onBehalf', 'cooperation.error.onBehalf', 'organisation');
    const accepted = await tx
      .update(agreementParties)
      .set({ acceptedAt: new Date(), acceptedBy: args.actor!.userId })
      .where(and(eq(agreementParties.agreementId, a.id), eq(agreementParties.partyCouncilId, args.council.id), isNull(agreementParties.acceptedAt)))
      .returning({ id: agreementParties.id });
    if (!accepted.length) throw new DomainError('alreadyAccepted', 'cooperation.error.alreadyAccepted');
    const waiting = await tx
      .select({ id: agreementParties.id })
      .from(agreementParties)
      .where(and(eq(agreementParties.agreementId, a.id), isNull(agreementParties.acceptedAt), ne(agreementParties.partyCouncilId, args.council.id)));
    const to: AgreementState = waiting.length ? from : a.startsOn <= todayInAmsterdam() ? 'active' : 'accepted';
    return { to, data: { organisation: args.council.id, waiting: waiting.length } };
  });
}

/** An explicit decision to renew: one more term from the day after the end date. */
export function renewAgreement(deps: Deps, args: { actor: Actor | null; council: Council; id: string }) {
  return step(deps, { ...args, action: 'renew' }, async (_tx, a) => {
    const endsOn = defaultEnd(addDays(a.endsOn, 1), a.termMonths);
    return { set: { endsOn, noticeGivenAt: null }, data: { endsOn } };
  });
}

/** A party gives notice: the agreement ends on its end date instead of being renewed. */
export function giveNotice(deps: Deps, args: { actor: Actor | null; council: Council; id: string }) {
  return step(deps, { ...args, action: 'giveNotice' }, async (_tx, a) => {
    if (a.noticeGivenAt) throw new DomainError('noticeGiven', 'cooperation.error.noticeGiven');
    return { set: { noticeGivenAt: new Date() }, data: { endsOn: a.endsOn } };
  });
}

/** A party ends the agreement today: sharing across the organisations stops on the next request. */
export function endAgreement(deps: Deps, args: { actor: Actor | null; council: Council; id: string }) {
  return step(deps, { ...args, action: 'end' }, async () => ({ set: { endedAt: new Date() } }));
}

/** What this organisation brings in; its own board, until it has accepted. */
export async function setContribution(deps: Deps, args: { actor: Actor | null; council: Council; id: string; contribution: string }): Promise<void> {
  const { actor, council } = args;
  assertCan(actor, 'cooperation.manage');
  await deps.db.transaction(async (tx) => {
    const a = (await findForParty(tx, council.id, args.id, { lock: true })) ?? notFound('agreement');
    if (a.state !== 'draft' && a.state !== 'proposed') throw new DomainError('notAllowedFromState', 'cooperation.error.state');
    const changed = await tx
      .update(agreementParties)
      .set({ contribution: args.contribution })
      .where(and(eq(agreementParties.agreementId, a.id), eq(agreementParties.partyCouncilId, council.id), isNull(agreementParties.acceptedAt)))
      .returning({ id: agreementParties.id });
    if (!changed.length) throw new DomainError('alreadyAccepted', 'cooperation.error.alreadyAccepted');
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'agreement.contributionChanged', entity: 'agreement', entityId: a.id });
  });
}

export const SIGNED_MAX_BYTES = 20 * 1024 * 1024;

/** The signed agreement as a PDF (by content, not by name); a new upload replaces the old. */
export async function uploadSigned(deps: Deps, args: { actor: Actor | null; council: Council; id: string; upload: Upload | undefined }): Promise<void> {
  const { actor, council, upload } = args;
  assertCan(actor, 'cooperation.manage');
  if (!upload) throw new DomainError('noFile', 'cooperation.error.noFile', 'file');
  if (upload.truncated) throw new DomainError('tooLarge', 'cooperation.error.tooLarge', 'file');
  const sniffed = sniffDocument(upload.bytes);
  if (sniffed?.kind !== 'pdf') throw new DomainError('notPdf', 'cooperation.error.notPdf', 'file');
  const hash = await deps.files.put(upload.bytes);
  await deps.db.transaction(async (tx) => {
    const a = (await findForParty(tx, council.id, args.id, { lock: true })) ?? notFound('agreement');
    if (a.state === 'draft' || a.state === 'ended') throw new DomainError('notAllowedFromState', 'cooperation.error.signedState', 'file');
    await tx.insert(files).values({ hash, contentType: 'application/pdf', size: upload.bytes.length }).onConflictDoNothing();
    await tx
      .update(agreements)
      .set({ signedFileHash: hash, signedFileName: safeFileName(upload.fileName, 'overeenkomst.pdf'), updatedAt: new Date() })
      .where(eq(agreements.id, a.id));
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'agreement.signedUploaded', entity: 'agreement', entityId: a.id });
  });
}

/** The signed PDF for a party's members, or null when there is none. */
export async function signedFile(deps: Deps, args: { actor: Actor | null; council: Council; id: string }) {
  assertCan(args.actor, 'cooperation.view');
  const a = await findForParty(deps.db, args.council.id, args.id);
  if (!a?.signedFileHash) return null;
  const bytes = await deps.files.get(a.signedFileHash);
  return bytes ? { bytes, fileName: a.signedFileName ?? 'overeenkomst.pdf' } : null;
}
