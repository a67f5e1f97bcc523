import fs from 'node:fs';
import path from 'node:path';

/**
 * The Node flags `npm start` gives the server (package.json's start script: `node <flags>
 * scripts/start.mjs`), so that the bench runs the app as people run it. `override` (the bench's
 * --node-flags, space-separated, '' for none) replaces them for a comparison.
 */
export function startFlags(root: string, override?: string): string[] {
  if (override !== undefined) return override.split(/\s+/).filter(Boolean);
  const scripts = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const m = /\bnode((?:\s+--\S+)*)\s+scripts\/start\.mjs\b/.exec(scripts.start ?? '');
  if (!m) throw new Error(`package.json's start script does not run scripts/start.mjs with node: ${scripts.start}`);
  return m[1]!.split(/\s+/).filter(Boolean);
}
