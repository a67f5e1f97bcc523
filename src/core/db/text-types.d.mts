/** See text-types.mjs. */
export const TEXT_TYPES: readonly number[];
