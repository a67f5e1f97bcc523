/**
 * Whether dist/ (scripts/build.mjs) was built from the sources as they are now: dist/build.json
 * lists every source file of the build with its size and modification time, and the Node version
 * it was built for. Plain JavaScript: scripts/start.mjs asks before anything is compiled, and
 * core/sandbox asks before it starts a sandboxed process on a task built into dist/.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The sources of the build in `root`/dist (paths relative to `root`, with `/`) when it is current; otherwise null. */
export function currentBuild(root) {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'dist', 'build.json'), 'utf8'));
    if (manifest.node !== process.versions.node) return null;
    for (const [file, [size, mtime]] of Object.entries(manifest.inputs)) {
      const stat = fs.statSync(path.join(root, file), { throwIfNoEntry: false });
      if (stat?.size !== size || stat.mtimeMs !== mtime) return null;
    }
    return new Set(Object.keys(manifest.inputs));
  } catch {
    return null;
  }
}
