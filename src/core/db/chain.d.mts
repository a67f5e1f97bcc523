/** See chain.mjs. */
export type ChainStep = { sql: string; params: unknown[] };
export type ChainFill = { marker: string; column: string };
export function runChain(steps: ChainStep[], fill: ChainFill | undefined, run: (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>): Promise<Record<string, unknown>[][]>;
