/**
 * `npm start`: runs the server compiled ahead of time (dist/main.js, scripts/build.mjs) when it
 * was built from the sources as they are now; otherwise builds it first (under a second), and
 * when that fails runs the TypeScript sources through tsx as before. Plain JavaScript, so that
 * nothing is compiled before the choice is made. One process: signals reach the server itself.
 *
 * package.json starts it with `--max-semi-space-size=64` (decision 0031, session 17): with V8's
 * default young generation a page's objects outlive the scavenges while 50 requests are in flight,
 * and are copied and promoted; a larger one gave the workspace pages 20-70 % more requests a
 * second on PostgreSQL, for 100-200 MB more memory at peak under load.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { currentBuild } from '../src/core/build-state.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist', 'main.js');

/** True when dist/main.js was built from the sources as they are now (src/core/build-state.mjs). */
function upToDate() {
  return currentBuild(root) !== null && fs.existsSync(bundle);
}

async function compiled() {
  if (process.env.RAADWERK_TSX === '1') return false;
  if (upToDate()) return true;
  try {
    const { build } = await import('./build.mjs');
    await build();
    return true;
  } catch (err) {
    console.warn(`Bouwen lukte niet (${err?.message ?? err}); Raadwerk start vanuit de bronbestanden (tsx).`);
    return false;
  }
}

if (await compiled()) {
  // Stack traces name dist/ files (readable: not minified). For the TypeScript lines, start with
  // NODE_OPTIONS=--enable-source-maps (it costs a tenth of a second at every start).
  await import(pathToFileURL(bundle).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(path.join(root, 'src', 'main.ts')).href);
}
