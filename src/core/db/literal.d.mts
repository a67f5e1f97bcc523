/** See literal.mjs. */
export function sqlLiteral(value: unknown): string | undefined;
