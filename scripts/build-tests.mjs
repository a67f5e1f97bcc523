/**
 * `npm test` (test/run.sh) runs the test files from bundles, not through tsx: each test file is a
 * process of its own, and loading some six hundred TypeScript modules through tsx's loader took
 * 1.5-2.5 s of every one of them (decision 0034). esbuild bundles every test file at once, with
 * the code they share in chunks, in about a second; the packages stay in node_modules.
 *
 *   node scripts/build-tests.mjs OUTDIR    writes OUTDIR/<path of the test file>.js for each
 *                                          src/**\/*.test.ts and test/**\/*.test.ts
 *
 * Every source file keeps its own `import.meta.url` (its absolute file URL), so paths the code
 * resolves from it (migrations, fixtures, worker tasks) point into the sources as before; with
 * `node --enable-source-maps` a stack trace names the source lines. OUTDIR must lie inside the
 * project, so that the bundles find node_modules.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundleOptions, loadEsbuild, sourceUrls } from './build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function testFiles(dir) {
  return fs
    .readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.test.ts'))
    .map((e) => path.join(e.parentPath ?? e.path, e.name));
}

const outDir = path.resolve(process.argv[2] ?? '');
if (!process.argv[2] || path.relative(root, outDir).startsWith('..')) {
  console.error('usage: node scripts/build-tests.mjs OUTDIR (a directory inside the project)');
  process.exit(2);
}
fs.rmSync(outDir, { recursive: true, force: true });
await loadEsbuild().build({
  absWorkingDir: root,
  entryPoints: [...testFiles('src'), ...testFiles('test')],
  outdir: outDir,
  outbase: root,
  splitting: true,
  chunkNames: '_chunks/[name]-[hash]',
  ...bundleOptions,
  logLevel: 'warning',
  plugins: [sourceUrls({ urlOf: (file) => JSON.stringify(pathToFileURL(file).href), absolute: true })],
});
