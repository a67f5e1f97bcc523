/**
 * The jury's work: declare conflicts of interest first, then score each nomination on the
 * published criteria. A juror who has not declared on a nomination sees only its municipality's
 * name; with a declared conflict, every page of that nomination is a 404 for that juror and no
 * score is asked. Others' scores show only after one's own.
 */
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Deps } from '../../core/deps.ts';
import type { DbOrTx } from '../../core/db/index.ts';
import { audit } from '../../core/audit/audit.ts';
import { DomainError, notFound } from '../../core/errors.ts';
import { isUuid } from '../../core/http/forms.ts';
import { wholeNumber } from '../../core/forms/fields.ts';
import { can, type Actor } from '../../core/policy.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { campaignDeclarations, campaignJurors, campaignNominations, campaignScores, type Campaign, type Criterion, type Nomination } from './campaigns.schema.ts';
import { MAX_SCORE, MIN_SCORE, MIN_SCORE_MOTIVATION, scoreFigures, type ScoreFigures } from './campaigns.workflow.ts';
import { juryOf, primaryNominations } from './campaigns.service.ts';
import { municipality, provinces } from './municipalities.ts';

export async function isJuror(db: DbOrTx, campaign: Campaign, actor: Actor | null): Promise<boolean> {
  if (!actor?.membershipId) return false;
  const [row] = await db
    .select({ id: campaignJurors.membershipId })
    .from(campaignJurors)
    .where(and(eq(campaignJurors.campaignId, campaign.id), eq(campaignJurors.membershipId, actor.membershipId)));
  return Boolean(row);
}

type Declarations = Map<string, boolean>;
async function declarationsOf(db: DbOrTx, membershipId: string, nominationIds: string[]): Promise<Declarations> {
  if (nominationIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(campaignDeclarations)
    .where(and(eq(campaignDeclarations.membershipId, membershipId), inArray(campaignDeclarations.nominationId, nominationIds)));
  return new Map(rows.map((r) => [r.nominationId, r.conflict]));
}

/** What the actor may do in a campaign's jury work: organise (board), judge (a juror), or nothing (404). */
async function roleIn(db: DbOrTx, campaign: Campaign, actor: Actor): Promise<{ organiser: boolean; juror: boolean }> {
  const organiser = can(actor, 'campaigns.manage');
  const juror = await isJuror(db, campaign, actor);
  if (!organiser && !juror) notFound('campaign');
  return { organiser, juror };
}

export type OverviewRow = {
  nomination: Nomination;
  name: string;
  provinceName: string;
  coNominations: number;
  /** For a juror: null (not declared yet), true (conflict), false (no conflict). */
  declared: boolean | null;
  ownScored: boolean;
  /** Mean and spread: for organisers, and for a juror after their own scores. */
  figures: ScoreFigures | null;
};

/** Nominations per page of the jury overview. */
export const OVERVIEW_PAGE_SIZE = 50;
/** A page of the overview (1-based; none: all nominations, for the declarations) and a province code. */
export type OverviewFilter = { page?: number; province?: string };

export type Overview = { rows: OverviewRow[]; organiser: boolean; juror: boolean; undeclared: number; total: number; page: number; pages: number; province: string | null };

/**
 * The jury overview, a page at a time: the nominations (co-nominations counted), what the actor
 * declared and scored, and the figures they may see. The database does the counting and the
 * paging, so a campaign with a thousand nominations costs one page of work.
 */
export async function juryOverview(db: DbOrTx, campaign: Campaign, actor: Actor, filter: OverviewFilter = {}): Promise<Overview> {
  const { organiser, juror } = await roleIn(db, campaign, actor);
  const province = provinces.some((p) => p.code === filter.province) ? filter.province! : null;
  const where = and(eq(campaignNominations.campaignId, campaign.id), isNull(campaignNominations.coNominationOf), province ? eq(campaignNominations.province, province) : undefined);
  const [{ total } = { total: 0 }] = await db.select({ total: sql<number>`count(*)::int` }).from(campaignNominations).where(where);
  const pages = filter.page === undefined ? 1 : Math.max(1, Math.ceil(Number(total) / OVERVIEW_PAGE_SIZE));
  const page = Math.min(Math.max(1, filter.page ?? 1), pages);
  const q = db.select().from(campaignNominations).where(where).orderBy(asc(campaignNominations.createdAt), asc(campaignNominations.id));
  const noms = filter.page === undefined ? await q : await q.limit(OVERVIEW_PAGE_SIZE).offset((page - 1) * OVERVIEW_PAGE_SIZE);
  const ids = noms.map((n) => n.id);
  const none = ids.length === 0;
  const [co, scores, declared, undeclared] = await Promise.all([
    none
      ? []
      : db
          .select({ of: campaignNominations.coNominationOf, n: sql<number>`count(*)::int` })
          .from(campaignNominations)
          .where(inArray(campaignNominations.coNominationOf, ids))
          .groupBy(campaignNominations.coNominationOf),
    // Each juror's mean per nomination, computed by the database (the figures need no more).
    none
      ? []
      : db
          .select({ nominationId: campaignScores.nominationId, membershipId: campaignScores.membershipId, score: sql<number>`avg(${campaignScores.score})::float8` })
          .from(campaignScores)
          .where(inArray(campaignScores.nominationId, ids))
          .groupBy(campaignScores.nominationId, campaignScores.membershipId),
    juror && !none ? declarationsOf(db, actor.membershipId!, ids) : new Map<string, boolean>(),
    juror ? undeclaredCount(db, campaign, actor.membershipId!) : 0,
  ]);
  const coCount = new Map(co.map((c) => [c.of, Number(c.n)]));
  const byNomination = new Map<string, ScoreRow[]>();
  for (const sc of scores) {
    const list = byNomination.get(sc.nominationId);
    if (list) list.push(sc);
    else byNomination.set(sc.nominationId, [sc]);
  }
  const rows = noms.map((n): OverviewRow => {
    const m = municipality(n.municipalityCode);
    const mine = byNomination.get(n.id) ?? [];
    const ownScored = mine.some((sc) => sc.membershipId === actor.membershipId);
    const conflict = declared.get(n.id);
    return {
      nomination: n,
      name: m?.name ?? n.municipalityCode,
      provinceName: m?.provinceName ?? n.province,
      coNominations: coCount.get(n.id) ?? 0,
      declared: juror ? (conflict ?? null) : null,
      ownScored,
      figures: organiser || ownScored ? scoreFigures(mine.map((sc) => ({ membershipId: sc.membershipId, scores: [Number(sc.score)] }))) : null,
    };
  });
  return { rows, organiser, juror, undeclared, total: Number(total), page, pages, province };
}

/** How many nominations of the campaign a juror has not declared on yet. */
async function undeclaredCount(db: DbOrTx, campaign: Campaign, membershipId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(campaignNominations)
    .where(
      and(
        eq(campaignNominations.campaignId, campaign.id),
        isNull(campaignNominations.coNominationOf),
        sql`not exists (select 1 from ${campaignDeclarations} d where d.nomination_id = ${campaignNominations.id} and d.membership_id = ${membershipId})`,
      ),
    );
  return Number(row?.n ?? 0);
}

type ScoreRow = { membershipId: string; score: number };

function byJuror(scores: ScoreRow[]) {
  const map = new Map<string, number[]>();
  for (const sc of scores) {
    const list = map.get(sc.membershipId);
    if (list) list.push(sc.score);
    else map.set(sc.membershipId, [sc.score]);
  }
  return [...map].map(([membershipId, list]) => ({ membershipId, scores: list }));
}

/** Declarations posted as `verklaring-<nominationId>` = 'geen' | 'conflict'. */
export function declarationsFrom(body: Record<string, unknown>): Map<string, boolean> {
  const out = new Map<string, boolean>();
  for (const [k, v] of Object.entries(body)) {
    const id = /^verklaring-(.+)$/.exec(k)?.[1];
    if (id && isUuid(id) && (v === 'geen' || v === 'conflict')) out.set(id, v === 'conflict');
  }
  return out;
}

/** A juror declares, per nomination, a conflict of interest or none. A declaration is kept as given: it cannot be changed here. */
export async function declare(deps: Deps, args: { actor: Actor; council: Council; campaign: Campaign; declarations: Map<string, boolean> }): Promise<number> {
  const { actor, campaign } = args;
  if (!(await isJuror(deps.db, campaign, actor))) notFound('campaign');
  if (args.declarations.size === 0) throw new DomainError('nothingDeclared', 'campaigns.error.nothingDeclared');
  const ids = (await primaryNominations(deps.db, campaign.id)).map((n) => n.id);
  const wanted = [...args.declarations].filter(([id]) => ids.includes(id));
  if (wanted.length !== args.declarations.size) throw new DomainError('unknownNomination', 'campaigns.error.nothingDeclared');
  return deps.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(campaignDeclarations)
      .values(wanted.map(([nominationId, conflict]) => ({ councilId: campaign.councilId, nominationId, membershipId: actor.membershipId!, conflict })))
      .onConflictDoNothing()
      .returning({ id: campaignDeclarations.nominationId, conflict: campaignDeclarations.conflict });
    for (const d of inserted) {
      await audit(tx, { councilId: campaign.councilId, actorUserId: actor.userId, action: 'nomination.declared', entity: 'nomination', entityId: d.id, data: { conflict: d.conflict } });
    }
    return inserted.length;
  });
}

/**
 * One nomination as the actor may see it. A juror needs a declaration without conflict (else 404);
 * an organiser who is not a juror sees it. Co-nominations of it come with it.
 */
export async function nominationFor(db: DbOrTx, campaign: Campaign, actor: Actor, nominationId: string) {
  const { organiser, juror } = await roleIn(db, campaign, actor);
  if (!isUuid(nominationId)) notFound('nomination');
  const [n] = await db
    .select()
    .from(campaignNominations)
    .where(and(eq(campaignNominations.id, nominationId), eq(campaignNominations.campaignId, campaign.id)));
  if (!n || n.coNominationOf) notFound('nomination');
  if (juror) {
    const declared = (await declarationsOf(db, actor.membershipId!, [n.id])).get(n.id);
    if (declared !== false) notFound('nomination');
  } else if (!organiser) notFound('nomination');
  const co = await db.select().from(campaignNominations).where(eq(campaignNominations.coNominationOf, n.id));
  const scores = await db.select().from(campaignScores).where(eq(campaignScores.nominationId, n.id));
  const own = scores.filter((s) => s.membershipId === actor.membershipId);
  const jury = await juryOf(db, campaign.id);
  const nameOf = (id: string) => jury.find((j) => j.membershipId === id)?.name ?? '';
  const others = organiser || own.length > 0 ? scores.filter((s) => s.membershipId !== actor.membershipId).map((s) => ({ ...s, juror: nameOf(s.membershipId) })) : [];
  return {
    nomination: n,
    coNominations: co,
    own,
    others,
    mayScore: juror && own.length === 0 && campaign.phase === 'jury',
    figures: organiser || own.length > 0 ? scoreFigures(byJuror(scores)) : null,
  };
}

const scoreField = (c: Pick<Criterion, 'position'>) => `score${c.position}`;
const scoreMotivationField = (c: Pick<Criterion, 'position'>) => `toelichting${c.position}`;
export const scoreFields = { score: scoreField, motivation: scoreMotivationField };

/** A score per criterion (1 to 5) and a motivation of at least 20 characters. */
export function scoreSchema(criteria: Criterion[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const c of criteria) {
    shape[scoreField(c)] = wholeNumber(MIN_SCORE, MAX_SCORE, 'campaigns.error.score', { required: 'campaigns.error.score' });
    shape[scoreMotivationField(c)] = z.string({ error: 'campaigns.error.scoreMotivation' }).trim().min(MIN_SCORE_MOTIVATION, 'campaigns.error.scoreMotivation').max(2000);
  }
  return z.object(shape);
}

/** A juror's scores on all criteria at once; once per nomination, in the jury phase, never with a declared conflict. */
export async function submitScores(
  deps: Deps,
  args: { actor: Actor; council: Council; campaign: Campaign; criteria: Criterion[]; nominationId: string; input: Record<string, unknown> },
): Promise<void> {
  const { actor, campaign, criteria } = args;
  const view = await nominationFor(deps.db, campaign, actor, args.nominationId);
  if (!(await isJuror(deps.db, campaign, actor))) throw new DomainError('notJuror', 'campaigns.error.notJuror', { status: 403 });
  if (campaign.phase !== 'jury') throw new DomainError('notAllowedFromState', 'campaigns.error.notJury');
  if (view.own.length > 0) throw new DomainError('alreadyScored', 'campaigns.error.alreadyScored');
  await deps.db.transaction(async (tx) => {
    await tx.insert(campaignScores).values(
      criteria.map((c) => ({
        councilId: campaign.councilId,
        nominationId: view.nomination.id,
        membershipId: actor.membershipId!,
        criterionId: c.id,
        score: args.input[scoreField(c)] as number,
        motivation: args.input[scoreMotivationField(c)] as string,
      })),
    );
    await audit(tx, { councilId: campaign.councilId, actorUserId: actor.userId, action: 'nomination.scored', entity: 'nomination', entityId: view.nomination.id });
  });
}
