import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));

function pkgFile(spec: string): string {
  return require.resolve(spec);
}

/**
 * The stylesheets of the NL Design System, then our theme; bundled once at start-up. The
 * candidate packages export their files as `<package>/<name>.css` (their `exports` map): the
 * `dist/` path does not resolve. A stylesheet that is missing is an error, never left out.
 */
const cssSources = [
  '@utrecht/component-library-css/dist/index.css',
  '@nl-design-system-candidate/button-css/button.css',
  '@nl-design-system-candidate/heading-css/heading.css',
  '@nl-design-system-candidate/link-css/link.css',
  '@nl-design-system-candidate/paragraph-css/paragraph.css',
  '@nl-design-system-candidate/skip-link-css/skip-link.css',
  '@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css',
];

export type Asset = { body: Buffer; contentType: string; hashedName: string };

function build(): Map<string, Asset> {
  const css = [
    ...cssSources.map((s) => fs.readFileSync(pkgFile(s), 'utf8').replace(/\/\*# sourceMappingURL=.*?\*\//g, '')),
    fs.readFileSync(path.join(here, 'assets/raadwerk.css'), 'utf8'),
    fs.readFileSync(path.join(here, 'assets/print.css'), 'utf8'),
  ].join('\n');
  const js = fs.readFileSync(path.join(here, 'assets/app.js'), 'utf8');
  const out = new Map<string, Asset>();
  for (const [name, body, contentType] of [
    ['app.css', css, 'text/css; charset=utf-8'],
    ['app.js', js, 'text/javascript; charset=utf-8'],
  ] as const) {
    const buf = Buffer.from(body);
    const hash = crypto.createHash('sha256').update(buf).digest('hex').slice(0, 12);
    const [base, ext] = name.split('.');
    out.set(name, { body: buf, contentType, hashedName: `${base}.${hash}.${ext}` });
  }
  return out;
}

let assets: Map<string, Asset> | undefined;

export function getAssets(): Map<string, Asset> {
  assets ??= build();
  return assets;
}

/** URL with a content hash, so it can be cached for a year. */
export function assetUrl(name: 'app.css' | 'app.js'): string {
  return `/assets/${getAssets().get(name)!.hashedName}`;
}

export const fontDir = path.join(path.dirname(pkgFile('@fontsource-variable/noto-sans/package.json')), 'files');
