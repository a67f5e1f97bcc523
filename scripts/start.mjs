/**
 * `npm start`: runs the server compiled ahead of time (dist/main.js, scripts/build.mjs) when it
 * was built from the sources as they are now; otherwise builds it first (under a second), and
 * when that fails runs the TypeScript sources through tsx as before. Plain JavaScript, so that
 * nothing is compiled before the choice is made. One process: signals reach the server itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist', 'main.js');

/** True when dist/build.json lists every source of the bundle with its current size and time. */
function upToDate() {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'dist', 'build.json'), 'utf8'));
    if (manifest.node !== process.versions.node || !fs.existsSync(bundle)) return false;
    for (const [file, [size, mtime]] of Object.entries(manifest.inputs)) {
      const stat = fs.statSync(path.join(root, file));
      if (stat.size !== size || stat.mtimeMs !== mtime) return false;
    }
    return true;
  } catch {
    return false;
  }
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
