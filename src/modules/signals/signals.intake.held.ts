/**
 * The signal form under the organisation's hourly budget (core/public-budget.ts, issue 17): from
 * many addresses at once a flood of signals would fill the triage list. Up to the budget a signal
 * is stored as always. Beyond it, the whole submission waits, sealed, in the 'held' state: no
 * reference yet, no mail, not in the list or any count. Each hour's unused budget lets the oldest
 * waiting signals in (a job); the board can let them in or remove them sooner. Only then is it a
 * signal, with the time it was sent, and the resident gets the usual confirmation. At most
 * SIGNAL_QUEUE.heldCap signals wait per organisation; beyond that the form refuses (429).
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Deps } from '../../core/deps.ts';
import { rowsOf, type Tx } from '../../core/db/index.ts';
import { executeChain } from '../../core/db/chain.ts';
import type { Read } from '../../core/read-together.ts';
import type { Actor } from '../../core/policy.ts';
import { councils, type Council } from '../../core/organisations.schema.ts';
import { countQueued, holdPost, passSql, queueLockSql, decideQueued, listQueued, releaseWithinBudget, type Queued, type QueuedForm } from '../../core/public-budget.ts';
import { nextNumberSql, prepareSignal, storeSignal, storeSql } from './signals.submit.ts';
import { recordWithinLimitSql, type Submission } from './signals.intake.ts';

/** Signals per organisation per hour through the public form, and how many may wait beyond that. */
export const SIGNAL_QUEUE: QueuedForm = { form: 'signal', perHour: 60, heldCap: 500 };
/** What the refusal of a full queue asks the resident to wait, in seconds. */
export const HELD_RETRY_AFTER_S = 3600;

export const heldSignalsPath = (slug: string) => `/${slug}/werkruimte/signalen/wachtend`;

/** A waiting submission: what the resident sent, and when. */
export type HeldSignal = Submission & { sentAt: string };

export type FormOutcome = { kind: 'limit' } | { kind: 'counted' } | { kind: 'sent'; reference: string } | { kind: 'held' } | { kind: 'full' };

/**
 * The form's final send as one transaction: the address's hourly count, then the signal stored,
 * held or refused (the queue is full: nothing is stored). Over the address's limit: nothing at
 * all ('limit'). Without a submission (the honeypot was filled) the send is only counted.
 * The usual send is one chain (core/db/chain.ts): on PGlite the transaction crosses to its thread
 * once with the count, the budget with the number, and the rows (decision 0031, session 15).
 */
export async function submitOrHold(deps: Deps, args: { council: Council; actor: Actor | null; addressKey: string; submission: Submission | null }): Promise<FormOutcome> {
  const { council, submission } = args;
  // Checked, sealed and the acknowledgement's template read before the transaction: on PGlite it
  // holds the one lock from its first statement to its commit (decision 0031, session 13).
  const prepared = submission && (await prepareSignal(deps, deps.db, { council, actor: args.actor, ...submission, source: 'web_form' }));
  const out = await deps.db.transaction(async (tx): Promise<FormOutcome> => {
    if (!submission || !prepared) return rowsOf(await tx.execute(recordWithinLimitSql(args.addressKey))).length ? { kind: 'counted' } : { kind: 'limit' };
    // The budget's lock is taken with the address's count; the number with the budget's count; the
    // rows carry a marker for the reference, which the budget's statement makes from the number.
    const marker = `R${randomUUID().replaceAll('-', '')}`;
    const [recorded, passed] = await executeChain(
      tx,
      [
        recordWithinLimitSql(args.addressKey, new Date(), queueLockSql(council.id, SIGNAL_QUEUE)),
        passSql(council.id, SIGNAL_QUEUE, (rows) => nextNumberSql(prepared, rows)),
        storeSql(deps, tx, prepared, marker).statement,
      ],
      { fill: { marker, column: 'reference' }, lastWhenWhole: true },
    );
    if (!recorded?.length) return { kind: 'limit' };
    if (passed?.length) return { kind: 'sent', reference: String(passed[0]!.reference) };
    const payload: HeldSignal = { ...submission, sentAt: new Date().toISOString() };
    const notice = { text: 'signals.intake.held.notice', path: heldSignalsPath(council.slug) } as const;
    return { kind: await holdPost(deps, tx, { councilId: council.id, queue: SIGNAL_QUEUE, payload, notice }) };
  });
  // Also when held: the board's notice leaves with the next kicked mail.
  if (out.kind !== 'limit' && out.kind !== 'counted') deps.mailer.kick();
  return out;
}

/** A waiting signal becomes a signal (state 'new'), dated when it was sent; the confirmation mail goes out now. */
async function takeIn(deps: Deps, tx: Tx, council: Council, held: HeldSignal): Promise<void> {
  const { sentAt, ...submission } = held;
  // The caller's savepoint per post is the transaction; the caller kicks the mailer after commit.
  await storeSignal(deps, tx, { council, actor: null, ...submission, source: 'web_form', now: new Date(sentAt) });
}

/** The job: lets waiting signals in as far as each organisation's budget of this hour allows. */
export async function releaseHeldSignals(deps: Deps): Promise<number> {
  const taken = await releaseWithinBudget<HeldSignal>(deps, SIGNAL_QUEUE, async (tx, councilId, held) => {
    const [council] = await tx.select().from(councils).where(eq(councils.id, councilId));
    if (!council) throw new Error('organisation gone');
    await takeIn(deps, tx, council, held);
  });
  if (taken) deps.mailer.kick();
  return taken;
}

/** The waiting signals for the board, oldest first. */
export function listHeldSignals(deps: Deps, council: Council): Promise<{ posts: Queued<HeldSignal>[]; total: number }> {
  return listQueued<HeldSignal>(deps, council.id, SIGNAL_QUEUE);
}

/** How many signals wait (for the board's signal list; `read` joins the list's statement). */
export function countHeldSignals(deps: Deps, council: Council, read?: Read): Promise<number> {
  return countQueued(deps.db, council.id, SIGNAL_QUEUE, read);
}

/** The board lets chosen waiting signals in, or removes them; how many. */
export async function decideHeldSignals(deps: Deps, args: { council: Council; actor: Actor; ids: string[]; release: boolean }): Promise<number> {
  const { council } = args;
  const done = await decideQueued<HeldSignal>(deps, {
    councilId: council.id,
    actorUserId: args.actor.userId,
    queue: SIGNAL_QUEUE,
    ids: args.ids,
    release: args.release,
    take: (tx, held) => takeIn(deps, tx, council, held),
  });
  if (done && args.release) deps.mailer.kick();
  return done;
}
