import type { SQL } from 'drizzle-orm';
import { rowsOf, type Tx } from './index.ts';
import { AS_DRIZZLE, type Built, type Internals } from './named.ts';
import { runChain, type ChainFill } from './chain.mjs';

export type { ChainFill };

/** A transaction client that runs a chain itself: PGlite's in its thread (pglite-thread.ts). */
type ChainClient = { chain?: (steps: Built[], fill: ChainFill | undefined, options: object) => Promise<Record<string, unknown>[][]> };

/**
 * Statements of one transaction run one after the other, each only when the one before it
 * returned a row: for a transaction whose steps decide only whether the next one runs. On PGlite
 * in its thread the whole chain crosses to the thread once, and its answer comes back once: the
 * transaction holds PGlite's single lock while its statements run, not also while each answer
 * waits for the main thread (decision 0031, session 15). Elsewhere the steps run from here, in turn.
 *
 * `fill`: a value a step needs from the one before (a number that step took): every text value of
 * a step has `fill.marker` replaced by the `fill.column` of the previous step's first row. Choose
 * a marker nobody can type (random per call). Resolves with the rows of each step that ran: fewer
 * arrays than steps when one returned no row.
 */
export function executeChain(tx: Tx, steps: SQL[], fill?: ChainFill): Promise<Record<string, unknown>[][]> {
  const { dialect, session } = tx as unknown as Internals;
  const built = steps.map((step) => dialect.sqlToQuery(step));
  const client = session.client as ChainClient;
  if (client.chain) {
    for (const b of built) session.logger.logQuery(b.sql, b.params);
    return client.chain(built, fill, AS_DRIZZLE);
  }
  return runChain(built, fill, async (text, params) => rowsOf(await session.prepareQuery({ sql: text, params }, undefined, undefined, false).execute()));
}
