/**
 * Campaigns for their organisers: make one, move it through its phases, name the jury, set the
 * kick-off and closing meetings, choose front runners and publish. Use cases take
 * `(deps, { actor, council, ... })`, check the policy, and write the audit entry in the same
 * transaction.
 */
import { and, asc, desc, eq, gt, inArray, isNull, ne, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Deps } from '../../core/deps.ts';
import type { DbOrTx, Tx } from '../../core/db/index.ts';
import { audit } from '../../core/audit/audit.ts';
import { DomainError, notFound } from '../../core/errors.ts';
import { field, isUuid } from '../../core/http/forms.ts';
import { assertCan, type Actor } from '../../core/policy.ts';
import { councils, memberships, type Council } from '../../core/organisations.schema.ts';
import { localToUtc } from '../../core/dates/amsterdam.ts';
import { users } from '../../core/auth/auth.schema.ts';
import { campaignCriteria, campaignJurors, campaignNominations, campaigns, campaignScores, type Campaign, type Criterion } from './campaigns.schema.ts';
import { nextPhase, provinceView } from './campaigns.workflow.ts';
import { campaignMeetings, type CampaignMeeting, type MeetingInput } from '../meetings/index.ts';
import { municipality } from './municipalities.ts';
import { nominatorOf } from './campaigns.privacy.ts';
import { deleteOne } from '../../core/db/queries.ts';

const time = () =>
  z
    .string({ error: 'error.required' })
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'campaigns.error.time');

/** The form to start a campaign. Criteria: one per block, the question on its first line, the explanation below. */
export const campaignSchema = z
  .object({
    title: field.text(200),
    purpose: field.text(4000),
    opensOn: field.date(),
    opensAt: time(),
    closesOn: field.date(),
    closesAt: time(),
    criteria: field.text(10_000),
    partnerIds: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
  })
  .superRefine((v, ctx) => {
    if (localToUtc(v.closesOn, v.closesAt) <= localToUtc(v.opensOn, v.opensAt)) ctx.addIssue({ code: 'custom', path: ['closesOn'], message: 'campaigns.error.closesBeforeOpens' });
    if (parseCriteria(v.criteria).length === 0) ctx.addIssue({ code: 'custom', path: ['criteria'], message: 'campaigns.error.criteria' });
  });
export type CampaignInput = z.output<typeof campaignSchema>;

/** Blocks separated by an empty line: first line the question, the rest the explanation. */
function parseCriteria(text: string): { question: string; explanation: string }[] {
  return text
    .replace(/\r\n/g, '\n')
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => {
      const [question, ...rest] = block.split('\n');
      return { question: question!.trim().slice(0, 500), explanation: rest.join(' ').trim().slice(0, 2000) };
    });
}

/** Other national organisations that may run a campaign together with this one. */
export async function possiblePartners(db: DbOrTx, council: Council): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: councils.id, name: councils.name })
    .from(councils)
    .where(and(eq(councils.kind, 'landelijk'), ne(councils.id, council.id)))
    .orderBy(asc(councils.name));
}

/** The names of the organisations that run a campaign: the owner first, then its partners. */
export async function organiserNames(db: DbOrTx, campaign: Campaign): Promise<string[]> {
  const ids = [campaign.councilId, ...campaign.partnerIds.filter(isUuid)];
  const rows = await db.select({ id: councils.id, name: councils.name }).from(councils).where(inArray(councils.id, ids));
  return ids.map((id) => rows.find((r) => r.id === id)?.name).filter((n): n is string => Boolean(n));
}

export async function createCampaign(deps: Deps, args: { actor: Actor; council: Council; input: CampaignInput }): Promise<string> {
  assertCan(args.actor, 'campaigns.manage');
  const { input, council } = args;
  const partnerIds = await checkedPartners(deps.db, council, input);
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(campaigns)
      .values({
        councilId: council.id,
        title: input.title,
        purpose: input.purpose,
        partnerIds,
        opensAt: localToUtc(input.opensOn, input.opensAt),
        closesAt: localToUtc(input.closesOn, input.closesAt),
      })
      .returning({ id: campaigns.id });
    await tx.insert(campaignCriteria).values(parseCriteria(input.criteria).map((c, i) => ({ councilId: council.id, campaignId: row!.id, position: i + 1, ...c })));
    await audit(tx, { councilId: council.id, actorUserId: args.actor.userId, action: 'campaign.created', entity: 'campaign', entityId: row!.id });
    return row!.id;
  });
}

/** The partners chosen on the form, each a national organisation from the list. */
async function checkedPartners(db: DbOrTx, council: Council, input: CampaignInput): Promise<string[]> {
  const partners = await possiblePartners(db, council);
  const partnerIds = input.partnerIds.filter((id) => partners.some((p) => p.id === id));
  if (partnerIds.length !== input.partnerIds.length) throw new DomainError('unknownPartner', 'campaigns.error.partner', 'partnerIds');
  return partnerIds;
}

/** Whether a juror has given a score in this campaign: from then on criteria and jury stay as they are. */
export async function hasScores(db: DbOrTx, campaignId: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(campaignScores)
    .innerJoin(campaignNominations, eq(campaignNominations.id, campaignScores.nominationId))
    .where(eq(campaignNominations.campaignId, campaignId))
    .limit(1);
  return Boolean(row);
}

/** Criteria and jury are locked once a score is given: the scores belong to those criteria and jurors. */
async function assertUnscored(tx: Tx, c: Campaign): Promise<void> {
  if (c.phase === 'published' || (await hasScores(tx, c.id))) throw new DomainError('scored', 'campaigns.error.locked');
}

/** The campaign form's values of a stored campaign (to change it). */
export function campaignValues(c: Campaign, criteria: Criterion[]): Record<string, string | string[]> {
  const local = (d: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', dateStyle: 'short', timeStyle: 'short' }).format(d).split(' ');
  const [opensOn, opensAt] = local(c.opensAt);
  const [closesOn, closesAt] = local(c.closesAt);
  return {
    title: c.title,
    purpose: c.purpose,
    opensOn: opensOn!,
    opensAt: opensAt!,
    closesOn: closesOn!,
    closesAt: closesAt!,
    criteria: criteria.map((k) => `${k.question}\n${k.explanation}`.trim()).join('\n\n'),
    partnerIds: c.partnerIds,
  };
}

/**
 * Changes title, purpose, window, partners and criteria, until the first score. Criteria keep
 * their ids by position (the nominations' motivations point at them); extra ones are added,
 * missing ones removed.
 */
export async function changeCampaign(deps: Deps, args: { actor: Actor; council: Council; id: string; input: CampaignInput }): Promise<void> {
  const { input, council } = args;
  assertCan(args.actor, 'campaigns.manage');
  const partnerIds = await checkedPartners(deps.db, council, input);
  await change(deps, args, 'campaign.changed', async (tx, c) => {
    await assertUnscored(tx, c);
    await tx
      .update(campaigns)
      .set({ title: input.title, purpose: input.purpose, partnerIds, opensAt: localToUtc(input.opensOn, input.opensAt), closesAt: localToUtc(input.closesOn, input.closesAt) })
      .where(eq(campaigns.id, c.id));
    const wanted = parseCriteria(input.criteria);
    const old = await criteriaOf(tx, c.id);
    for (const [i, k] of wanted.entries()) {
      const same = old.find((o) => o.position === i + 1);
      if (same) await tx.update(campaignCriteria).set(k).where(eq(campaignCriteria.id, same.id));
      else await tx.insert(campaignCriteria).values({ councilId: c.councilId, campaignId: c.id, position: i + 1, ...k });
    }
    await tx.delete(campaignCriteria).where(and(eq(campaignCriteria.campaignId, c.id), gt(campaignCriteria.position, wanted.length)));
    return { data: { criteria: wanted.length } };
  });
}

export async function listCampaigns(db: DbOrTx, councilId: string, opts: { publicOnly?: boolean } = {}): Promise<Campaign[]> {
  const rows = await db.select().from(campaigns).where(eq(campaigns.councilId, councilId)).orderBy(desc(campaigns.opensAt));
  // The public sees a campaign once its nominations open (a draft stays with the organisers).
  return opts.publicOnly ? rows.filter((c) => c.opensAt.getTime() <= Date.now() || c.phase !== 'nominations') : rows;
}

/** A campaign of this organisation; null when unknown, malformed or another organisation's. */
export async function findCampaign(db: DbOrTx, councilId: string, id: string, opts: { lock?: boolean } = {}): Promise<Campaign | null> {
  if (!isUuid(id)) return null;
  const q = db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, id), eq(campaigns.councilId, councilId)));
  const [row] = opts.lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function getCampaign(db: DbOrTx, councilId: string, id: string): Promise<Campaign> {
  return (await findCampaign(db, councilId, id)) ?? notFound('campaign');
}

export async function criteriaOf(db: DbOrTx, campaignId: string): Promise<Criterion[]> {
  return db.select().from(campaignCriteria).where(eq(campaignCriteria.campaignId, campaignId)).orderBy(asc(campaignCriteria.position));
}

type CampaignAction =
  | 'campaign.changed'
  | 'campaign.phaseChanged'
  | 'campaign.jurorAdded'
  | 'campaign.jurorRemoved'
  | 'campaign.meetingsSet'
  | 'campaign.frontRunnerChosen'
  | 'campaign.frontRunnerDeselected'
  | 'campaign.published';

/** Runs a change of a campaign of the organisers: policy, the locked row, the change and its audit entry. */
async function change<R>(
  deps: Deps,
  args: { actor: Actor; council: Council; id: string },
  action: CampaignAction,
  work: (tx: Tx, c: Campaign) => Promise<{ data?: Record<string, unknown>; result?: R } | undefined>,
): Promise<R | undefined> {
  assertCan(args.actor, 'campaigns.manage');
  const out = await deps.db.transaction(async (tx) => {
    const c = (await findCampaign(tx, args.council.id, args.id, { lock: true })) ?? notFound('campaign');
    const done = (await work(tx, c)) ?? {};
    await audit(tx, { councilId: args.council.id, actorUserId: args.actor.userId, action, entity: 'campaign', entityId: c.id, data: done.data });
    return done.result;
  });
  deps.mailer.kick();
  return out;
}

/** The next phase; publishing has its own step (it needs the coverage check). */
export async function advancePhase(deps: Deps, args: { actor: Actor; council: Council; id: string }): Promise<void> {
  await change(deps, args, 'campaign.phaseChanged', async (tx, c) => {
    const to = nextPhase(c.phase);
    if (!to || to === 'published') throw new DomainError('notAllowedFromState', 'campaigns.error.phase');
    await tx.update(campaigns).set({ phase: to }).where(eq(campaigns.id, c.id));
    return { data: { from: c.phase, to } };
  });
}

/** Members of the organisation who may sit on the jury. */
export async function possibleJurors(db: DbOrTx, council: Council): Promise<{ membershipId: string; name: string }[]> {
  return db
    .select({ membershipId: memberships.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.councilId, council.id), eq(memberships.active, true), inArray(memberships.role, ['chair', 'secretary', 'member'])))
    .orderBy(asc(users.name));
}

export async function juryOf(db: DbOrTx, campaignId: string): Promise<{ membershipId: string; name: string }[]> {
  return db
    .select({ membershipId: campaignJurors.membershipId, name: users.name })
    .from(campaignJurors)
    .innerJoin(memberships, eq(memberships.id, campaignJurors.membershipId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(campaignJurors.campaignId, campaignId))
    .orderBy(asc(users.name));
}

export async function addJuror(deps: Deps, args: { actor: Actor; council: Council; id: string; membershipId: string }): Promise<void> {
  const possible = await possibleJurors(deps.db, args.council);
  if (!possible.some((p) => p.membershipId === args.membershipId)) throw new DomainError('unknownMember', 'campaigns.error.juror', 'membershipId');
  await change(deps, args, 'campaign.jurorAdded', async (tx, c) => {
    await assertUnscored(tx, c);
    await tx.insert(campaignJurors).values({ councilId: c.councilId, campaignId: c.id, membershipId: args.membershipId }).onConflictDoNothing();
    return { data: { membershipId: args.membershipId } };
  });
}

/** The campaign's two meetings; a meeting of the meetings module each (campaigns.schema.ts). */
export const campaignMeetingKinds = ['kickoff', 'closing'] as const;
export type CampaignMeetingKind = (typeof campaignMeetingKinds)[number];
const meetingColumn = { kickoff: 'kickoffMeetingId', closing: 'closingMeetingId' } as const;

export type MeetingsOfCampaign = Record<CampaignMeetingKind, CampaignMeeting | null>;

/** The kick-off and closing meetings as the meetings module has them (null: none planned). */
export async function meetingsOf(deps: Deps, council: Council, c: Campaign): Promise<MeetingsOfCampaign> {
  const { meetings } = await campaignMeetings(deps, { council, ids: [c.kickoffMeetingId, c.closingMeetingId] });
  return { kickoff: (c.kickoffMeetingId && meetings.get(c.kickoffMeetingId)) || null, closing: (c.closingMeetingId && meetings.get(c.closingMeetingId)) || null };
}

export const meetingKindSchema = z.object({ kind: field.choice(campaignMeetingKinds) });

/**
 * Plans the kick-off or the closing meeting in the meetings module and links it to the campaign.
 * A linked meeting that still stands is changed, invited or cancelled on its own meeting page;
 * only a cancelled one can be replaced here.
 */
export async function planCampaignMeeting(deps: Deps, args: { actor: Actor; council: Council; id: string; kind: CampaignMeetingKind; input: MeetingInput }): Promise<void> {
  assertCan(args.actor, 'campaigns.manage');
  const c = await getCampaign(deps.db, args.council.id, args.id);
  const linked = (await meetingsOf(deps, args.council, c))[args.kind];
  if (linked && linked.status !== 'cancelled') throw new DomainError('meetingPlanned', 'campaigns.error.meetingPlanned', 'kind');
  const { planned } = await campaignMeetings(deps, { council: args.council, ids: [], plan: { actor: args.actor, input: args.input } });
  await change(deps, args, 'campaign.meetingsSet', async (tx, row) => {
    await tx
      .update(campaigns)
      .set({ [meetingColumn[args.kind]]: planned })
      .where(eq(campaigns.id, row.id));
    return { data: { kind: args.kind, meetingId: planned } };
  });
}

export async function removeJuror(deps: Deps, args: { actor: Actor; council: Council; id: string; membershipId: string }): Promise<void> {
  await change(deps, args, 'campaign.jurorRemoved', async (tx, c) => {
    await assertUnscored(tx, c);
    await deleteOne(tx, campaignJurors, 'juror', args.membershipId, (id) => and(eq(campaignJurors.campaignId, c.id), eq(campaignJurors.membershipId, id)));
    return { data: { membershipId: args.membershipId } };
  });
}

/** Primary nominations (not co-nominations) of a campaign. */
export async function primaryNominations(db: DbOrTx, campaignId: string) {
  return db
    .select()
    .from(campaignNominations)
    .where(and(eq(campaignNominations.campaignId, campaignId), isNull(campaignNominations.coNominationOf)))
    .orderBy(asc(campaignNominations.createdAt));
}

export const selectionSchema = z.object({ motivation: field.text(2000) });

/**
 * Choose a front runner or undo that choice, in the decision phase; the audit entry keeps the
 * nomination and, for an undo, the reason. `only` says which nominations the step applies to.
 */
async function frontRunnerStep(
  deps: Deps,
  args: { actor: Actor; council: Council; id: string; nominationId: string },
  step: { action: 'campaign.frontRunnerChosen' | 'campaign.frontRunnerDeselected'; selectionMotivation: string | null; only: SQL; missing: () => never; data?: Record<string, unknown> },
): Promise<void> {
  await change(deps, args, step.action, async (tx, c) => {
    if (c.phase !== 'decision') throw new DomainError('notAllowedFromState', 'campaigns.error.notDecision');
    if (!isUuid(args.nominationId)) notFound('nomination');
    const [n] = await tx
      .update(campaignNominations)
      .set({ selected: step.selectionMotivation !== null, selectionMotivation: step.selectionMotivation })
      .where(and(eq(campaignNominations.id, args.nominationId), eq(campaignNominations.campaignId, c.id), step.only))
      .returning({ id: campaignNominations.id });
    if (!n) step.missing();
    return { data: { nominationId: n.id, ...step.data } };
  });
}

/** Choose a nomination (not a co-nomination) as front runner, with a motivation. */
export async function chooseFrontRunner(deps: Deps, args: { actor: Actor; council: Council; id: string; nominationId: string; motivation: string }): Promise<void> {
  await frontRunnerStep(deps, args, {
    action: 'campaign.frontRunnerChosen',
    selectionMotivation: args.motivation,
    only: isNull(campaignNominations.coNominationOf),
    missing: () => notFound('nomination'),
  });
}

export const deselectionSchema = z.object({ reason: field.text(2000) });

/** Undo the choice of a front runner, with a reason (kept in the audit entry). */
export async function deselectFrontRunner(deps: Deps, args: { actor: Actor; council: Council; id: string; nominationId: string; reason: string }): Promise<void> {
  await frontRunnerStep(deps, args, {
    action: 'campaign.frontRunnerDeselected',
    selectionMotivation: null,
    only: eq(campaignNominations.selected, true),
    missing: () => {
      throw new DomainError('notSelected', 'campaigns.error.notSelected');
    },
    data: { reason: args.reason },
  });
}

/** The coverage per province of a campaign (scored: at least one juror scored it). */
export async function coverage(db: DbOrTx, campaignId: string) {
  const rows = await db.execute(sql`
    select n.province, n.selected,
      exists (select 1 from campaign_scores s where s.nomination_id = n.id) as scored
    from campaign_nominations n
    where n.campaign_id = ${campaignId} and n.co_nomination_of is null`);
  const list = (rows as unknown as { rows: { province: string; selected: boolean; scored: boolean }[] }).rows;
  return provinceView(list);
}

export const publishSchema = z.object({ reason: field.optionalText(2000) });

/**
 * Publish the results: from the decision phase, with at least one front runner; with a province
 * uncovered, only with a recorded reason. Nominators whose municipality was not chosen get a mail.
 */
export async function publishCampaign(
  deps: Deps,
  args: { actor: Actor; council: Council; id: string; reason: string; t: (k: 'campaigns.mail.notChosen.subject' | 'campaigns.mail.notChosen.body', p?: Record<string, string>) => string },
): Promise<void> {
  await change(deps, args, 'campaign.published', async (tx, c) => {
    if (c.phase !== 'decision') throw new DomainError('notAllowedFromState', 'campaigns.error.notDecision');
    const provinces = await coverage(tx, c.id);
    if (!provinces.some((p) => p.frontRunners > 0)) throw new DomainError('noFrontRunner', 'campaigns.error.noFrontRunner');
    const uncovered = provinces.filter((p) => p.warning).map((p) => p.name);
    if (uncovered.length > 0 && args.reason === '') throw new DomainError('reasonRequired', 'campaigns.error.reasonRequired', 'reason');
    await tx
      .update(campaigns)
      .set({ phase: 'published', publishedAt: new Date(), uncoveredReason: uncovered.length > 0 ? args.reason : null })
      .where(eq(campaigns.id, c.id));
    await mailNotChosen(deps, tx, args.council, c, args.t);
    return { data: { uncovered } };
  });
}

/** One mail to every nominator whose municipality was not chosen (each nomination once). */
async function mailNotChosen(deps: Deps, tx: Tx, council: Council, c: Campaign, t: Parameters<typeof publishCampaign>[1]['t']): Promise<void> {
  const all = await tx
    .select()
    .from(campaignNominations)
    .where(and(eq(campaignNominations.campaignId, c.id), isNull(campaignNominations.notChosenMailedAt)));
  const chosen = new Set(all.filter((n) => n.selected).map((n) => n.id));
  for (const n of all) {
    const primary = n.coNominationOf ?? n.id;
    const who = nominatorOf(deps.secretKey, n);
    if (chosen.has(primary) || !who) continue;
    const params = {
      name: who.name,
      municipality: municipality(n.municipalityCode)?.name ?? n.municipalityCode,
      campaign: c.title,
      url: `${deps.config.baseUrl}/${council.slug}/campagnes/${c.id}`,
    };
    await deps.mailer.queue(tx, { councilId: c.councilId, to: who.email, subject: t('campaigns.mail.notChosen.subject', params), body: t('campaigns.mail.notChosen.body', params) });
    await tx.update(campaignNominations).set({ notChosenMailedAt: new Date() }).where(eq(campaignNominations.id, n.id));
  }
}
