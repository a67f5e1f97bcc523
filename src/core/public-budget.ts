/**
 * A budget per organisation and hour for the public forms (issue 17): the per-address rate limit
 * does not stop a flood from many addresses. Up to the budget a post goes through as always;
 * beyond it the post is held for the board's review (sealed in `public_form_posts`), and the
 * chair and secretary get one notice per hour that posts are waiting. The count and the decision
 * are one locked step, so parallel posts cannot pass the budget.
 */
import { and, asc, count, eq, gt, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Deps } from './deps.ts';
import type { DbOrTx, Tx } from './db/index.ts';
import type { MessageKey } from './i18n/index.ts';
import { open, seal } from './crypto.ts';
import { audit } from './audit/audit.ts';
import { queueNotices } from './notices/notices.ts';
import { memberships } from './organisations.schema.ts';
import { boardRoles } from './roles.ts';
import { publicFormPosts } from './public-budget.schema.ts';
import { readAlone, type Read } from './read-together.ts';

declare module './audit/audit.ts' {
  interface AuditActions extends Record<'publicPost.released' | 'publicPost.discarded', true> {}
}

/** Posts per organisation per hour before further posts wait for review. */
export const PUBLIC_POSTS_PER_HOUR = 30;
const HOUR_MS = 3600 * 1000;
const SEAL_PURPOSE = 'public-post';

/** A held contact message: the mail it would have been. */
export type HeldMail = { to: string; replyTo?: string; subject: string; body: string };

/** Where the board reviews held posts. */
export const heldPostsPath = (slug: string) => `/${slug}/werkruimte/wachtende-berichten`;

/**
 * Counts a contact message for the organisation. Within the hour's budget: false, send it as
 * usual. Beyond it: the message is held (true) and, for the first one held this hour, the board
 * is told.
 */
export async function holdBeyondBudget(deps: Deps, tx: Tx, args: { council: { id: string; slug: string }; mail: HeldMail }): Promise<boolean> {
  const { council } = args;
  await tx.execute(sql`select pg_advisory_xact_lock(17003, hashtext(${`${council.id}:contact`}))`);
  const since = new Date(Date.now() - HOUR_MS);
  const recent = await tx
    .select({ held: publicFormPosts.heldSealed })
    .from(publicFormPosts)
    .where(and(eq(publicFormPosts.councilId, council.id), eq(publicFormPosts.form, 'contact'), gt(publicFormPosts.at, since)));
  const held = recent.length >= PUBLIC_POSTS_PER_HOUR;
  await tx.insert(publicFormPosts).values({ councilId: council.id, form: 'contact', heldSealed: held ? seal(deps.secretKey, SEAL_PURPOSE, JSON.stringify(args.mail)) : null });
  if (held && !recent.some((r) => r.held !== null)) {
    await tellBoard(tx, council.id, { text: 'publicBudget.notice', params: { max: PUBLIC_POSTS_PER_HOUR }, path: heldPostsPath(council.slug) });
  }
  return held;
}

/** A notice to the organisation's chair and secretary. */
async function tellBoard(tx: Tx, councilId: string, notice: { text: MessageKey; params: Record<string, string | number>; path: string }) {
  const board = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.councilId, councilId), eq(memberships.active, true), inArray(memberships.role, [...boardRoles])));
  await queueNotices(
    tx,
    board.map((b) => ({ userId: b.userId, councilId, kind: 'publicPost.held', ...notice })),
  );
}

export type HeldPost = { id: string; at: Date; mail: HeldMail };

/** The organisation's held posts, oldest first, opened for the board. */
export async function listHeldPosts(deps: Deps, councilId: string): Promise<HeldPost[]> {
  const rows = await deps.db
    .select()
    .from(publicFormPosts)
    .where(and(eq(publicFormPosts.councilId, councilId), eq(publicFormPosts.form, 'contact'), isNotNull(publicFormPosts.heldSealed)))
    .orderBy(asc(publicFormPosts.at))
    .limit(200);
  return rows.flatMap((r) => {
    const plain = open(deps.secretKey, SEAL_PURPOSE, r.heldSealed);
    return plain ? [{ id: r.id, at: r.at, mail: JSON.parse(plain) as HeldMail }] : [];
  });
}

/** Lets a held post through (`release`: the mail is sent) or removes it; false when it is not there (any more). */
export async function decideHeldPost(deps: Deps, args: { councilId: string; actorUserId: string; id: string; release: boolean }): Promise<boolean> {
  const done = await deps.db.transaction(async (tx) => {
    const [row] = await takeHeld(tx, args.councilId, args.id);
    if (!row) return false;
    const plain = open(deps.secretKey, SEAL_PURPOSE, row.heldSealed);
    if (args.release && plain) await deps.mailer.queue(tx, { councilId: args.councilId, ...(JSON.parse(plain) as HeldMail) });
    await audit(tx, { councilId: args.councilId, actorUserId: args.actorUserId, action: args.release ? 'publicPost.released' : 'publicPost.discarded', entity: 'publicPost', entityId: row.id });
    return true;
  });
  if (done && args.release) deps.mailer.kick();
  return done;
}

/** Takes a held post out of the waiting list (its count for the hour stays), once only: its sealed content, or nothing. */
async function takeHeld(tx: DbOrTx, councilId: string, id: string) {
  const mine = and(eq(publicFormPosts.id, id), eq(publicFormPosts.councilId, councilId), eq(publicFormPosts.form, 'contact'), isNotNull(publicFormPosts.heldSealed));
  const rows = await tx.select().from(publicFormPosts).where(mine).for('update');
  if (rows.length) await tx.update(publicFormPosts).set({ heldSealed: null }).where(mine);
  return rows;
}

/** Counts older than a day are not needed for the budget. */
export async function purgeOldPublicPosts(db: DbOrTx): Promise<void> {
  await db.execute(sql`delete from ${publicFormPosts} where held_sealed is null and at < now() - interval '1 day'`);
}

// ------------------------------------------------------------------ a queue that drains itself

/**
 * A public form whose posts beyond the hourly budget wait in a queue that drains itself: each
 * hour's unused budget lets the oldest waiting posts in (`releaseWithinBudget`, from a job), and
 * the board may let one in, or remove it, at any time. While posts wait, new ones queue behind
 * them, in order. At most `heldCap` wait per organisation, so a flood cannot fill the disk.
 */
export type QueuedForm = { form: 'signal'; perHour: number; heldCap: number };

/** Where a post goes: through now, into the queue, or refused because the queue is full. */
export type Admission = 'pass' | 'held' | 'full';

/**
 * The lock per organisation and form that a post's count (passSql, holdPost) and the queue's
 * takers hold, as an expression: a caller takes it within its own first statement of the
 * transaction, so it needs no statement of its own.
 */
export const queueLockSql = (councilId: string, queue: Pick<QueuedForm, 'form'>) => sql`pg_advisory_xact_lock(17003, hashtext(${`${councilId}:${queue.form}`}))`;
const queueLock = (tx: Tx, councilId: string, form: QueuedForm['form']) => tx.execute(sql`select ${queueLockSql(councilId, { form })}`);

async function queueState(tx: Tx, councilId: string, q: QueuedForm) {
  const mine = and(eq(publicFormPosts.councilId, councilId), eq(publicFormPosts.form, q.form));
  const since = new Date(Date.now() - HOUR_MS);
  const [row] = await tx
    .select({
      passed: sql<number>`count(*) filter (where ${publicFormPosts.heldSealed} is null and ${publicFormPosts.at} > ${since})`.mapWith(Number),
      waiting: sql<number>`count(*) filter (where ${publicFormPosts.heldSealed} is not null)`.mapWith(Number),
      heldThisHour: sql<number>`count(*) filter (where ${publicFormPosts.heldSealed} is not null and ${publicFormPosts.at} > ${since})`.mapWith(Number),
    })
    .from(publicFormPosts)
    .where(mine);
  return { passed: row?.passed ?? 0, waiting: row?.waiting ?? 0, heldThisHour: row?.heldThisHour ?? 0 };
}

/**
 * The statement that records a post when it passes (fewer than perHour passed this hour and none
 * waiting), to run under queueLockSql taken in an earlier statement of the transaction (so that
 * it counts what the posts before it committed). Its rows: the post's id when it passed, none
 * when not (then holdPost). `then`: the caller's next step as the same statement, a
 * data-modifying statement on the rows of `passed` (one row when the post passes, none when
 * not); its RETURNING rows are then the rows, and it must return a row when the post passed.
 */
export function passSql(councilId: string, q: QueuedForm, then?: (passed: SQL) => SQL): SQL {
  const t = publicFormPosts;
  const mine = sql`${t.councilId} = ${councilId} and ${t.form} = ${q.form}`;
  const since = new Date(Date.now() - HOUR_MS);
  const pass = sql`
    insert into ${t} (council_id, form) select ${councilId}, ${q.form}
    where (select count(*) from ${t} where ${mine} and ${t.heldSealed} is null and ${t.at} > ${since.toISOString()}::timestamptz) < ${q.perHour}
      and not exists (select 1 from ${t} where ${mine} and ${t.heldSealed} is not null)
    returning id`;
  return then ? sql`with passed as (${pass}) ${then(sql.raw('passed'))}` : pass;
}

/**
 * A post that did not pass (passSql gave no row), in the same transaction and under the same
 * lock: nothing passed or left the queue since, so it waits ('held', stored sealed; the first one
 * held in an hour tells the board), or the queue is full ('full': nothing is stored).
 */
export async function holdPost(deps: Deps, tx: Tx, args: { councilId: string; queue: QueuedForm; payload: unknown; notice: { text: MessageKey; path: string } }): Promise<Exclude<Admission, 'pass'>> {
  const { councilId, queue } = args;
  const state = await queueState(tx, councilId, queue);
  if (state.waiting >= queue.heldCap) return 'full';
  await tx.insert(publicFormPosts).values({ councilId, form: queue.form, heldSealed: seal(deps.secretKey, SEAL_PURPOSE, JSON.stringify(args.payload)) });
  if (state.heldThisHour === 0) await tellBoard(tx, councilId, { ...args.notice, params: { max: queue.perHour } });
  return 'held';
}

export type Queued<T> = { id: string; at: Date; payload: T };

/** How many posts wait in an organisation's queue. */
export async function countQueued(db: DbOrTx, councilId: string, queue: QueuedForm, read: Read = readAlone): Promise<number> {
  const [n] = await read(
    db
      .select({ n: count() })
      .from(publicFormPosts)
      .where(and(eq(publicFormPosts.councilId, councilId), eq(publicFormPosts.form, queue.form), isNotNull(publicFormPosts.heldSealed))),
  );
  return Number(n?.n ?? 0);
}

/** The posts waiting in an organisation's queue, oldest first, opened (at most `limit`), and how many wait in all. */
export async function listQueued<T>(deps: Deps, councilId: string, queue: QueuedForm, limit = 100): Promise<{ posts: Queued<T>[]; total: number }> {
  const mine = and(eq(publicFormPosts.councilId, councilId), eq(publicFormPosts.form, queue.form), isNotNull(publicFormPosts.heldSealed));
  const [rows, total] = await Promise.all([
    deps.db.select().from(publicFormPosts).where(mine).orderBy(asc(publicFormPosts.at), asc(publicFormPosts.id)).limit(limit),
    countQueued(deps.db, councilId, queue),
  ]);
  const posts = rows.flatMap((r) => {
    const plain = open(deps.secretKey, SEAL_PURPOSE, r.heldSealed);
    return plain ? [{ id: r.id, at: r.at, payload: JSON.parse(plain) as T }] : [];
  });
  return { posts, total };
}

/**
 * Takes waiting posts out of the queue, oldest first, and hands each to `take` in the same
 * transaction: `ids` picks them (the board's choice; the budget does not apply), else the
 * hour's unused budget does. A post let in counts for this hour. A post `take` fails on stays
 * in the queue (its savepoint is rolled back), and is reported.
 */
async function takeQueued<T>(
  deps: Deps,
  tx: Tx,
  args: { councilId: string; queue: QueuedForm; ids?: string[]; take: (tx: Tx, payload: T, id: string) => Promise<void> },
): Promise<{ taken: number; failed: number }> {
  const { councilId, queue } = args;
  await queueLock(tx, councilId, queue.form);
  const room = args.ids ? args.ids.length : queue.perHour - (await queueState(tx, councilId, queue)).passed;
  if (room <= 0) return { taken: 0, failed: 0 };
  const mine = and(eq(publicFormPosts.councilId, councilId), eq(publicFormPosts.form, queue.form), isNotNull(publicFormPosts.heldSealed));
  const rows = await tx
    .select()
    .from(publicFormPosts)
    .where(args.ids ? and(mine, inArray(publicFormPosts.id, args.ids)) : mine)
    .orderBy(asc(publicFormPosts.at), asc(publicFormPosts.id))
    .limit(room);
  let taken = 0;
  let failed = 0;
  for (const r of rows) {
    const plain = open(deps.secretKey, SEAL_PURPOSE, r.heldSealed);
    try {
      // A savepoint per post: one that cannot be let in leaves the others, and itself, as they were.
      await tx.transaction(async (sp) => {
        if (plain === null) throw new Error('held post cannot be opened');
        await args.take(sp, JSON.parse(plain) as T, r.id);
        await sp.update(publicFormPosts).set({ heldSealed: null, at: new Date() }).where(eq(publicFormPosts.id, r.id));
      });
      taken++;
    } catch {
      failed++;
    }
  }
  return { taken, failed };
}

/** The job: in every organisation with waiting posts, lets in as many as this hour's unused budget allows. */
export async function releaseWithinBudget<T>(deps: Deps, queue: QueuedForm, take: (tx: Tx, councilId: string, payload: T) => Promise<void>): Promise<number> {
  const councils = await deps.db
    .selectDistinct({ councilId: publicFormPosts.councilId })
    .from(publicFormPosts)
    .where(and(eq(publicFormPosts.form, queue.form), isNotNull(publicFormPosts.heldSealed)));
  let taken = 0;
  for (const { councilId } of councils) {
    const r = await deps.db.transaction((tx) => takeQueued<T>(deps, tx, { councilId, queue, take: (sp, payload) => take(sp, councilId, payload) }));
    taken += r.taken;
  }
  return taken;
}

/** The board lets chosen waiting posts in (`take` each) or removes them; the number done (unknown or gone ids are skipped). */
export async function decideQueued<T>(
  deps: Deps,
  args: { councilId: string; actorUserId: string; queue: QueuedForm; ids: string[]; release: boolean; take: (tx: Tx, payload: T) => Promise<void> },
): Promise<number> {
  const { councilId, queue } = args;
  if (args.ids.length === 0) return 0;
  return deps.db.transaction(async (tx) => {
    const take = async (sp: Tx, payload: T, id: string) => {
      if (args.release) await args.take(sp, payload);
      else await sp.delete(publicFormPosts).where(eq(publicFormPosts.id, id));
      await audit(sp, { councilId, actorUserId: args.actorUserId, action: args.release ? 'publicPost.released' : 'publicPost.discarded', entity: 'publicPost', entityId: id });
    };
    return (await takeQueued<T>(deps, tx, { councilId, queue, ids: args.ids, take })).taken;
  });
}
