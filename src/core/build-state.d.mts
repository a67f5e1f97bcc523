/** See build-state.mjs. */
export function currentBuild(root: string): Set<string> | null;
