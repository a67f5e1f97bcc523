import type { SQL } from 'drizzle-orm';
import { rowsOf, type Tx } from './index.ts';
import { AS_DRIZZLE, type Built, type Internals } from './named.ts';
import { runChain, type ChainFill } from './chain.mjs';

/** A transaction client that runs a chain itself: PGlite's in its thread (pglite-thread.ts). */
type ChainClient = { chain?: (steps: Built[], opts: { fill?: ChainFill; commit: boolean }, options: object) => Promise<Record<string, unknown>[][]> };

export type ChainOptions = {
  /**
   * A value a step needs from the one before (a number that step took): every text value of a
   * step has `marker` replaced by the `column` of the previous step's first row. Choose a marker
   * nobody can type (random per call).
   */
  fill?: ChainFill;
  /**
   * The chain is the transaction's last work when every step runs: the PGlite thread then commits
   * at once, without waiting for the main thread's turn (the transaction is closed after it; a
   * callback that still throws cannot undo it). When a step returns no row, in a savepoint, or on
   * other drivers, the transaction goes on and commits as usual.
   */
  lastWhenWhole?: boolean;
};

/**
 * Statements of one transaction run one after the other, each only when the one before it
 * returned a row: for a transaction whose steps decide only whether the next one runs. On PGlite
 * in its thread the whole chain crosses to the thread once, and its answer comes back once: the
 * transaction holds PGlite's single lock while its statements run, not also while each answer
 * waits for the main thread (decision 0031, session 15). Elsewhere the steps run from here, in turn.
 * Resolves with the rows of each step that ran: fewer arrays than steps when one returned no row.
 */
export function executeChain(tx: Tx, steps: SQL[], { fill, lastWhenWhole = false }: ChainOptions = {}): Promise<Record<string, unknown>[][]> {
  const { dialect, session } = tx as unknown as Internals;
  const built = steps.map((step) => dialect.sqlToQuery(step));
  const client = session.client as ChainClient;
  if (client.chain) {
    for (const b of built) session.logger.logQuery(b.sql, b.params);
    // In a savepoint (a nested transaction) the commit would end the outer transaction too.
    const outermost = (tx as unknown as { nestedIndex?: number }).nestedIndex === 0;
    return client.chain(built, { fill, commit: lastWhenWhole && outermost }, AS_DRIZZLE);
  }
  return runChain(built, fill, async (text, params) => rowsOf(await session.prepareQuery({ sql: text, params }, undefined, undefined, false).execute()));
}
