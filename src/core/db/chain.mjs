// A chain of statements (core/db/chain.ts), run by the PGlite thread (pglite.worker.mjs) and by the
// main thread for the other drivers. Plain JavaScript, so that both import it.

/**
 * Runs the steps one after the other; a step runs only when the one before it returned a row.
 * With `fill`, every text value of a step has `fill.marker` replaced by the `fill.column` of the
 * previous step's first row. Resolves with the rows of each step that ran.
 * @param {{ sql: string, params: unknown[] }[]} steps
 * @param {{ marker: string, column: string } | undefined} fill
 * @param {(sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>} run
 * @returns {Promise<Record<string, unknown>[][]>}
 */
export async function runChain(steps, fill, run) {
  const out = [];
  let previous;
  for (const step of steps) {
    let params = step.params;
    if (fill && previous) {
      const text = String(previous[fill.column]);
      params = params.map((p) => (typeof p === 'string' ? p.replaceAll(fill.marker, text) : p));
    }
    const rows = await run(step.sql, params);
    out.push(rows);
    if (rows.length === 0) break;
    previous = rows[0];
  }
  return out;
}
