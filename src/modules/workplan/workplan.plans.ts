/**
 * Use cases of the work plan: one plan per council and year, its topics with status and dated
 * progress notes, carrying unfinished topics over to next year, and tagging records (advices,
 * signal themes, agenda items) with a topic. The approval round is in workplan.approval.ts.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Deps } from '../../core/deps.ts';
import type { DbOrTx } from '../../core/db/index.ts';
import { saveRow } from '../../core/db/queries.ts';
import { findInCouncil } from '../../core/db/find.ts';
import { DomainError, notFound } from '../../core/errors.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { assertCan, can, type Actor } from '../../core/policy.ts';
import { audit } from '../../core/audit/audit.ts';
import { runStateChange } from '../../core/state-change.ts';
import { todayInAmsterdam } from '../../core/dates/working-days.ts';
import { hasSection } from '../../core/organisation-kinds.ts';
import { adviceRefs } from '../advice/index.ts';
import { signalThemesOf } from '../signals/index.ts';
import { agendaItemsOfYear } from '../meetings/index.ts';
import { workingGroupsOf } from '../members/index.ts';
import { listConsultations } from '../network/index.ts';
import { workplanNotes, workplans, workplanTags, workplanTopics, type Workplan, type WorkplanTopic } from './workplan.schema.ts';
import { topicStep, unfinishedTopicStates, validPlanYear, type TagKind, type TopicState } from './workplan.workflow.ts';
import type { TopicInput } from './workplan.forms.ts';
import { votesOf } from './workplan.approval.ts';

type Args = { actor: Actor; council: Council };

/** A change to a topic in the audit log. */
function auditTopic(tx: DbOrTx, { actor, council }: Args, action: 'added' | 'updated' | 'noteAdded' | 'tagged' | 'untagged', topicId: string, data?: Record<string, unknown>) {
  return audit(tx, { councilId: council.id, actorUserId: actor.userId, action: `workplanTopic.${action}` as const, entity: 'workplanTopic', entityId: topicId, data });
}
export const thisYear = () => Number(todayInAmsterdam().slice(0, 4));

/** A year from the address: a whole number the plan can be for, or a 404. */
export function planYear(raw: string): number {
  const year = /^\d{4}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!validPlanYear(year, thisYear())) notFound('workplan');
  return year;
}

export async function findPlan(db: DbOrTx, councilId: string, year: number): Promise<Workplan | null> {
  const [plan] = await db
    .select()
    .from(workplans)
    .where(and(eq(workplans.councilId, councilId), eq(workplans.year, year)));
  return plan ?? null;
}

export type TaggedRecord = { kind: TagKind; id: string; label: string; href: string };
export type TopicView = WorkplanTopic & { groupName: string | null; notes: { notedOn: string; text: string }[]; tags: TaggedRecord[] };

/** The topics of a plan with their working group, notes and tagged records (labels read through the other modules). */
async function topicsOf(db: DbOrTx, council: Council, planId: string, opts: { visibleTo?: Actor | null } = {}): Promise<TopicView[]> {
  const topics = await db
    .select()
    .from(workplanTopics)
    .where(and(eq(workplanTopics.councilId, council.id), eq(workplanTopics.planId, planId)))
    .orderBy(asc(workplanTopics.createdAt), asc(workplanTopics.title));
  if (!topics.length) return [];
  const ids = topics.map((t) => t.id);
  const [notes, tags, groups] = await Promise.all([
    db
      .select()
      .from(workplanNotes)
      .where(and(eq(workplanNotes.councilId, council.id), inArray(workplanNotes.topicId, ids)))
      .orderBy(asc(workplanNotes.notedOn), asc(workplanNotes.createdAt)),
    db
      .select()
      .from(workplanTags)
      .where(and(eq(workplanTags.councilId, council.id), inArray(workplanTags.topicId, ids))),
    workingGroupsOf(db, council.id),
  ]);
  const labels = await tagLabels(db, council, tags, opts.visibleTo);
  return topics.map((t) => ({
    ...t,
    groupName: groups.find((g) => g.id === t.workingGroupId)?.name ?? null,
    notes: notes.filter((n) => n.topicId === t.id).map((n) => ({ notedOn: n.notedOn, text: n.text })),
    tags: tags.filter((x) => x.topicId === t.id).flatMap((x) => labels.get(x.recordId) ?? []),
  }));
}

/** What each tagged record is called and where it lives; records this reader may not see are left out. */
async function tagLabels(db: DbOrTx, council: Council, tags: { kind: TagKind; recordId: string }[], visibleTo: Actor | null | undefined): Promise<Map<string, TaggedRecord>> {
  const out = new Map<string, TaggedRecord>();
  const ws = `/${council.slug}/werkruimte`;
  const adviceIds = tags.filter((t) => t.kind === 'advice').map((t) => t.recordId);
  if (adviceIds.length && visibleTo !== null) {
    for (const a of await adviceRefs(db, council, { ids: adviceIds, visibleTo })) out.set(a.id, { kind: 'advice', id: a.id, label: `${a.reference} ${a.subject}`, href: `${ws}/adviezen/${a.id}` });
  }
  if (visibleTo && tags.some((t) => t.kind === 'signalTheme') && can(visibleTo, 'signals.view')) {
    for (const th of await signalThemesOf(db, council.id)) out.set(th.id, { kind: 'signalTheme', id: th.id, label: th.name, href: `${ws}/signalen/themas` });
  }
  if (visibleTo && tags.some((t) => t.kind === 'consultation') && can(visibleTo, 'network.view')) {
    for (const c of await listConsultations(db, council, { limit: 100_000 })) out.set(c.id, { kind: 'consultation', id: c.id, label: c.topic, href: `${ws}/netwerk/raadplegingen/${c.id}` });
  }
  const itemIds = new Set(tags.filter((t) => t.kind === 'agendaItem').map((t) => t.recordId));
  if (visibleTo && itemIds.size && can(visibleTo, 'meetings.view')) {
    const years = await db
      .select({ year: workplans.year })
      .from(workplans)
      .where(eq(workplans.councilId, council.id))
      .then((r) => r.map((x) => x.year));
    for (const year of years)
      for (const it of await agendaItemsOfYear(db, council.id, year))
        if (itemIds.has(it.id)) out.set(it.id, { kind: 'agendaItem', id: it.id, label: it.title, href: `${ws}/vergaderingen/${it.meetingId}` });
  }
  return out;
}

/** The workspace page of one year: the plan (or none yet), its topics, groups, the round's votes and what this person may do. */
export async function planPage(deps: Deps, { actor, council, year }: Args & { year: number }) {
  assertCan(actor, 'workplan.view');
  const plan = await findPlan(deps.db, council.id, year);
  const [topics, groups, votes, previous] = await Promise.all([
    plan ? topicsOf(deps.db, council, plan.id, { visibleTo: actor }) : [],
    workingGroupsOf(deps.db, council.id),
    plan?.status === 'in_approval' ? votesOf(deps.db, council.id, plan.id, plan.approvalRound) : [],
    findPlan(deps.db, council.id, year - 1),
  ]);
  const manage = can(actor, 'workplan.manage');
  const unfinished = topics.filter((t) => unfinishedTopicStates.includes(t.status)).length;
  return {
    plan,
    topics,
    groups,
    votes,
    ownVote: votes.find((v) => v.membershipId === actor.membershipId)?.vote ?? null,
    hasPrevious: Boolean(previous),
    unfinished,
    may: {
      create: manage && !plan,
      manage: manage && Boolean(plan),
      carryOver: manage && Boolean(plan) && unfinished > 0 && validPlanYear(year + 1, thisYear()),
      openApproval: manage && plan?.status === 'draft' && topics.length > 0,
      vote: can(actor, 'workplan.vote') && plan?.status === 'in_approval' && Boolean(actor.membershipId),
      closeApproval: manage && plan?.status === 'in_approval',
    },
  };
}

/** A new, empty plan for the year; a second plan for the same year is refused. */
export async function createPlan(deps: Deps, { actor, council, year }: Args & { year: number }): Promise<Workplan> {
  assertCan(actor, 'workplan.manage');
  return deps.db.transaction(async (tx) => {
    if (await findPlan(tx, council.id, year)) throw new DomainError('planExists', 'workplan.plan.exists');
    const [plan] = await tx.insert(workplans).values({ councilId: council.id, year }).returning();
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'workplan.created', entity: 'workplan', entityId: plan!.id, data: { year } });
    return plan!;
  });
}

/** The working group must be one of this council's (a tampered id is refused at the field). */
async function checkGroup(db: DbOrTx, councilId: string, groupId: string | null): Promise<void> {
  if (groupId && !(await workingGroupsOf(db, councilId)).some((g) => g.id === groupId)) throw new DomainError('unknownGroup', 'error.invalidChoice', 'workingGroupId');
}

export async function addTopic(deps: Deps, { actor, council, year, input }: Args & { year: number; input: TopicInput }): Promise<WorkplanTopic> {
  assertCan(actor, 'workplan.manage');
  return deps.db.transaction(async (tx) => {
    const plan = (await findPlan(tx, council.id, year)) ?? notFound('workplan');
    await checkGroup(tx, council.id, input.workingGroupId);
    const [topic] = await tx
      .insert(workplanTopics)
      .values({ councilId: council.id, planId: plan.id, ...input })
      .returning();
    await auditTopic(tx, { actor, council }, 'added', topic!.id);
    return topic!;
  });
}

/** One topic of this council with its plan's year, or a 404. */
export async function topicPage(deps: Deps, { actor, council, id }: Args & { id: string }) {
  assertCan(actor, 'workplan.view');
  const topic = (await findInCouncil(deps.db, workplanTopics, council.id, id)) ?? notFound('workplanTopic');
  const plan = (await findInCouncil(deps.db, workplans, council.id, topic.planId))!;
  const [view] = (await topicsOf(deps.db, council, plan.id, { visibleTo: actor })).filter((t) => t.id === id);
  const manage = can(actor, 'workplan.manage');
  const taggable = manage ? await taggableRecords(deps.db, council, plan.year, actor) : [];
  return { topic: view!, plan, groups: await workingGroupsOf(deps.db, council.id), taggable, may: { manage, note: can(actor, 'workplan.note') } };
}

/** Records of this council a topic can be tagged with: advices, signal themes, the plan year's agenda items. */
async function taggableRecords(db: DbOrTx, council: Council, year: number, actor: Actor): Promise<TaggedRecord[]> {
  const ws = `/${council.slug}/werkruimte`;
  const [advices, consultations, themes, items] = await Promise.all([
    hasSection(council.kind, 'advice') ? adviceRefs(db, council, { order: 'referenceDesc', limit: 200, visibleTo: actor }) : [],
    hasSection(council.kind, 'network') && can(actor, 'network.view') ? listConsultations(db, council, { limit: 200 }) : [],
    hasSection(council.kind, 'signals') ? signalThemesOf(db, council.id) : [],
    hasSection(council.kind, 'meetings') ? agendaItemsOfYear(db, council.id, year) : [],
  ]);
  return [
    ...advices.map((a) => ({ kind: 'advice' as const, id: a.id, label: `${a.reference} ${a.subject}`, href: `${ws}/adviezen/${a.id}` })),
    ...consultations.map((c) => ({ kind: 'consultation' as const, id: c.id, label: c.topic, href: `${ws}/netwerk/raadplegingen/${c.id}` })),
    ...themes.map((th) => ({ kind: 'signalTheme' as const, id: th.id, label: th.name, href: `${ws}/signalen/themas` })),
    ...items.map((it) => ({ kind: 'agendaItem' as const, id: it.id, label: it.title, href: `${ws}/vergaderingen/${it.meetingId}` })),
  ];
}

export async function updateTopic(deps: Deps, { actor, council, id, input }: Args & { id: string; input: TopicInput }): Promise<void> {
  assertCan(actor, 'workplan.manage');
  await deps.db.transaction(async (tx) => {
    (await findInCouncil(tx, workplanTopics, council.id, id, { lock: true })) ?? notFound('workplanTopic');
    await checkGroup(tx, council.id, input.workingGroupId);
    await tx
      .update(workplanTopics)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(workplanTopics.id, id));
    await auditTopic(tx, { actor, council }, 'updated', id);
  });
}

/** A topic's status; dropping needs a reason, which is kept with it. */
export async function setTopicStatus(deps: Deps, { actor, council, id, status, dropReason }: Args & { id: string; status: TopicState; dropReason: string }): Promise<void> {
  await runStateChange<WorkplanTopic, TopicState, Partial<WorkplanTopic>>(deps, {
    actor,
    may: 'workplan.manage',
    entity: 'workplanTopic',
    load: (tx) => findInCouncil(tx, workplanTopics, council.id, id, { lock: true }),
    state: (row) => row.status,
    check: (from) => topicStep(from, status, dropReason),
    refused: (reason) => (reason === 'reasonRequired' ? { key: 'workplan.topic.reasonRequired', field: 'dropReason' } : { key: 'workplan.topic.sameStatus', field: 'status' }),
    apply: async () => ({ set: { dropReason: status === 'dropped' ? dropReason : '' } }),
    save: (tx, row, to, applied) => saveRow(tx, workplanTopics, row, { ...applied.set, status: to }),
    audit: { councilId: council.id, action: 'workplanTopic.statusChanged', entityId: (row) => row.id },
  });
}

export async function addNote(deps: Deps, { actor, council, id, notedOn, text }: Args & { id: string; notedOn: string; text: string }): Promise<void> {
  assertCan(actor, 'workplan.note');
  await deps.db.transaction(async (tx) => {
    (await findInCouncil(tx, workplanTopics, council.id, id)) ?? notFound('workplanTopic');
    if (notedOn > todayInAmsterdam()) throw new DomainError('futureNote', 'workplan.note.future', 'notedOn');
    await tx.insert(workplanNotes).values({ councilId: council.id, topicId: id, notedOn, text, authorUserId: actor.userId });
    await auditTopic(tx, { actor, council }, 'noteAdded', id);
  });
}

/** Tags a record of this council with the topic; a record of another council or an unknown id is refused at the field. */
export async function tagRecord(deps: Deps, { actor, council, id, kind, recordId, remove }: Args & { id: string; kind?: TagKind; recordId: string; remove?: boolean }): Promise<void> {
  assertCan(actor, 'workplan.manage');
  await deps.db.transaction(async (tx) => {
    const topic = (await findInCouncil(tx, workplanTopics, council.id, id)) ?? notFound('workplanTopic');
    if (remove) {
      await tx.delete(workplanTags).where(and(eq(workplanTags.topicId, topic.id), eq(workplanTags.recordId, recordId)));
    } else {
      const plan = (await findInCouncil(tx, workplans, council.id, topic.planId))!;
      const known = await taggableRecords(tx, council, plan.year, actor);
      if (!kind || !known.some((r) => r.kind === kind && r.id === recordId)) throw new DomainError('unknownRecord', 'workplan.tag.unknown', 'record');
      await tx.insert(workplanTags).values({ councilId: council.id, topicId: topic.id, recordId, kind }).onConflictDoNothing();
    }
    await auditTopic(tx, { actor, council }, remove ? 'untagged' : 'tagged', topic.id, remove ? {} : { kind });
  });
}

/**
 * Carries the unfinished topics (planned, in progress) of `year` over to the plan of the next year,
 * in one action: the next plan is made when there is none, and a topic already carried over is not
 * copied twice. Notes and tags stay with the old topic; the new one points back to it.
 */
export async function carryOver(deps: Deps, { actor, council, year }: Args & { year: number }): Promise<{ carried: number }> {
  assertCan(actor, 'workplan.manage');
  if (!validPlanYear(year + 1, thisYear())) throw new DomainError('yearOutOfRange', 'workplan.carry.tooFar');
  return deps.db.transaction(async (tx) => {
    const plan = (await findPlan(tx, council.id, year)) ?? notFound('workplan');
    const next =
      (await findPlan(tx, council.id, year + 1)) ??
      (
        await tx
          .insert(workplans)
          .values({ councilId: council.id, year: year + 1 })
          .returning()
      )[0]!;
    const open = await tx
      .select()
      .from(workplanTopics)
      .where(
        and(
          eq(workplanTopics.planId, plan.id),
          inArray(workplanTopics.status, [...unfinishedTopicStates]),
          sql`not exists (select 1 from ${workplanTopics} c where c.carried_from_id = ${workplanTopics.id})`,
        ),
      );
    if (!open.length) throw new DomainError('nothingToCarry', 'workplan.carry.nothing');
    await tx.insert(workplanTopics).values(
      open.map((t) => ({
        councilId: council.id,
        planId: next.id,
        title: t.title,
        policyField: t.policyField,
        workingGroupId: t.workingGroupId,
        aim: t.aim,
        plannedQuarter: null,
        status: t.status,
        carriedFromId: t.id,
      })),
    );
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'workplan.topicsCarriedOver', entity: 'workplan', entityId: next.id, data: { from: year, count: open.length } });
    return { carried: open.length };
  });
}

/** The approved plan of a year for the public page, or null (no plan, or not approved yet). */
export async function publicPlan(deps: Deps, council: Council, year: number) {
  const plan = await findPlan(deps.db, council.id, year);
  if (plan?.status !== 'approved') return null;
  return { plan, topics: await topicsOf(deps.db, council, plan.id, { visibleTo: null }) };
}

/** No plan for this year: a 404. */
export function noPlan(): never {
  return notFound('workplan');
}
