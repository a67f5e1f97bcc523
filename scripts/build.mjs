/**
 * `npm run build` (and `npm install`, postinstall): compiles the server ahead of time into one
 * file, dist/main.js, so `npm start` (scripts/start.mjs) does not compile hundreds of TypeScript
 * files through tsx at every start. Plain JavaScript: it runs before anything is compiled.
 *
 * The packages in node_modules stay outside the bundle (Node loads them as usual). Paths that the
 * code resolves from `import.meta.url` (migrations, stylesheets, demo files, worker tasks) must
 * still point into src/ and seeds/: each file's `import.meta.url` is replaced by its own source
 * file's URL, computed from the bundle's place, so a moved clone keeps working. The worker tasks
 * (core/sandbox) are entry points too: dist/<task>.js, which a sandboxed process imports without tsx.
 *
 * dist/build.json lists every source file in the bundle with its size and modification time;
 * scripts/start.mjs and core/sandbox use dist/ only while all of them are unchanged
 * (src/core/build-state.mjs).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'dist');
const outFile = path.join(outDir, 'main.js');

/** esbuild comes with tsx (the TypeScript loader the app already depends on): no dependency of its own. */
export function loadEsbuild() {
  const fromTsx = createRequire(createRequire(path.join(root, 'package.json')).resolve('tsx/package.json'));
  return fromTsx('esbuild');
}

/**
 * An esbuild plugin that gives every source file its own `import.meta.url` in a bundle:
 * `urlOf(file)` is the JavaScript expression that replaces it. `import.meta.dirname` and
 * `filename` become the source's absolute path when `absolute` (the test build, which never
 * moves); a movable build refuses them. `seen` gets each file's size and modification time.
 */
export function sourceUrls({ urlOf, absolute = false, seen = new Map() }) {
  return {
    name: 'source-urls',
    setup(build) {
      build.onLoad({ filter: /\.(ts|tsx|mts)$/ }, async (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
        // Stat before reading: a file changed while building then counts as changed (stale bundle).
        const stat = await fs.promises.stat(args.path);
        seen.set(args.path, [stat.size, stat.mtimeMs]);
        let contents = await fs.promises.readFile(args.path, 'utf8');
        if (contents.includes('import.meta.url')) contents = contents.replaceAll('import.meta.url', urlOf(args.path));
        if (/import\.meta\.(dirname|filename)/.test(contents)) {
          if (!absolute) throw new Error(`${args.path}: use import.meta.url, not import.meta.dirname or filename (the bundle moves)`);
          contents = contents.replaceAll('import.meta.dirname', JSON.stringify(path.dirname(args.path))).replaceAll('import.meta.filename', JSON.stringify(args.path));
        }
        return { contents, loader: args.path.endsWith('.tsx') ? 'tsx' : 'ts' };
      });
    },
  };
}

/** For Node, as ES modules; the packages stay in node_modules; source maps without the sources. */
export const bundleOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: `node${process.versions.node.split('.')[0]}`,
  packages: 'external',
  sourcemap: 'linked',
  sourcesContent: false,
};

/** Every source file's `import.meta.url`, relative to the bundle (see above). */
const seen = new Map();
const relativeUrls = sourceUrls({
  urlOf: (file) => `new URL(${JSON.stringify(path.relative(outDir, file).split(path.sep).join('/'))}, import.meta.url).href`,
  seen,
});

/** Builds dist/main.js; resolves with the build's seconds. Files are written under a temporary name first. */
export async function build() {
  const t0 = performance.now();
  const esbuild = loadEsbuild();
  fs.mkdirSync(outDir, { recursive: true });
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [
      path.join(root, 'src/main.ts'),
      // The tasks run in child processes (core/sandbox): a process then starts without tsx.
      path.join(root, 'src/modules/documents/documents.extract.worker.ts'),
      path.join(root, 'src/modules/meetings/meetings.packet.worker.ts'),
      path.join(root, 'src/modules/advice/advice.letter.worker.ts'),
    ],
    // Code split at every dynamic import: a start loads the database code, the app, and only
    // on a first start the demo data (with its PDF library), each with its own packages.
    outdir: outDir,
    splitting: true,
    entryNames: '[name]',
    // In dist/ itself, beside main.js: the source URLs above are relative to dist/.
    chunkNames: '[name]-[hash]',
    write: false,
    ...bundleOptions,
    metafile: true,
    logLevel: 'silent',
    plugins: [relativeUrls],
    banner: { js: '// Built by scripts/build.mjs from src/main.ts (npm run build); do not edit.' },
  });
  const inputs = {};
  for (const input of Object.keys(result.metafile.inputs)) {
    const file = path.resolve(root, input);
    const stat = seen.get(file) ?? ((s) => [s.size, s.mtimeMs])(fs.statSync(file));
    inputs[path.relative(root, file).split(path.sep).join('/')] = stat;
  }
  // Each file under a temporary name, then renamed: a start at the same moment never reads half a
  // file. Chunks are named by their content, so main.js goes last and old chunks stay a while.
  const chunks = result.outputFiles.filter((f) => f.path !== outFile && f.path !== `${outFile}.map`);
  const main = result.outputFiles.filter((f) => !chunks.includes(f));
  const files = [...chunks, ...main].map((f) => [f.path, f.contents]);
  files.push([path.join(outDir, 'build.json'), JSON.stringify({ node: process.versions.node, inputs })]);
  for (const [file, contents] of files) {
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, contents);
    fs.renameSync(tmp, file);
  }
  // Chunks of older builds: removed once an hour old (a server started before may still load one).
  const current = new Set(files.map(([file]) => path.basename(file)));
  for (const name of fs.readdirSync(outDir)) {
    const file = path.join(outDir, name);
    if (current.has(name) || name.endsWith('.tmp')) continue;
    if (fs.statSync(file).mtimeMs < Date.now() - 3600_000) fs.rmSync(file, { force: true });
  }
  return (performance.now() - t0) / 1000;
}

// Alone (`npm run build`, postinstall): never fails the install; without the bundle `npm start` uses tsx.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const seconds = await build();
    console.log(`Raadwerk: server gebouwd in ${seconds.toFixed(1)} s (dist/main.js).`);
  } catch (err) {
    console.warn(`Raadwerk: bouwen lukte niet (${err?.message ?? err}); npm start gebruikt tsx.`);
    process.exitCode = process.env.npm_lifecycle_event === 'postinstall' ? 0 : 1;
  }
}
