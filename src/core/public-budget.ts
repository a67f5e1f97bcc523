/**
 * A budget per organisation and hour for the public forms (issue 17): the per-address rate limit
 * does not stop a flood from many addresses. Up to the budget a post goes through as always;
 * beyond it the post is held for the board's review (sealed in `public_form_posts`), and the
 * chair and secretary get one notice per hour that posts are waiting. The count and the decision
 * are one locked step, so parallel posts cannot pass the budget.
 */
import { and, asc, eq, gt, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Deps } from './deps.ts';
import type { DbOrTx, Tx } from './db/index.ts';
import { open, seal } from './crypto.ts';
import { audit } from './audit/audit.ts';
import { queueNotices } from './notices/notices.ts';
import { memberships } from './organisations.schema.ts';
import { boardRoles } from './roles.ts';
import { publicFormPosts } from './public-budget.schema.ts';
import './http/http.messages.ts';

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
    const board = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.councilId, council.id), eq(memberships.active, true), inArray(memberships.role, [...boardRoles])));
    await queueNotices(
      tx,
      board.map((b) => ({ userId: b.userId, councilId: council.id, kind: 'publicPost.held', text: 'publicBudget.notice', params: { max: PUBLIC_POSTS_PER_HOUR }, path: heldPostsPath(council.slug) })),
    );
  }
  return held;
}

export type HeldPost = { id: string; at: Date; mail: HeldMail };

/** The organisation's held posts, oldest first, opened for the board. */
export async function listHeldPosts(deps: Deps, councilId: string): Promise<HeldPost[]> {
  const rows = await deps.db
    .select()
    .from(publicFormPosts)
    .where(and(eq(publicFormPosts.councilId, councilId), isNotNull(publicFormPosts.heldSealed)))
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
  const mine = and(eq(publicFormPosts.id, id), eq(publicFormPosts.councilId, councilId), isNotNull(publicFormPosts.heldSealed));
  const rows = await tx.select().from(publicFormPosts).where(mine).for('update');
  if (rows.length) await tx.update(publicFormPosts).set({ heldSealed: null }).where(mine);
  return rows;
}

/** Counts older than a day are not needed for the budget. */
export async function purgeOldPublicPosts(db: DbOrTx): Promise<void> {
  await db.execute(sql`delete from ${publicFormPosts} where held_sealed is null and at < now() - interval '1 day'`);
}
