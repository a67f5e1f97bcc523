import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
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

export type Asset = { body: Buffer; contentType: string; hashedName: string; encoded: Map<Encoding, Promise<Buffer>> };
type Encoding = 'br' | 'gzip';

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
    out.set(name, { body: buf, contentType, hashedName: `${base}.${hash}.${ext}`, encoded: new Map() });
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

const compress: Record<Encoding, (b: Buffer) => Promise<Buffer>> = {
  // Quality 9: app.css 670 kB -> 50 kB in 30 ms; 11 gives 44 kB but takes 0.8 s.
  br: (b) => promisify(zlib.brotliCompress)(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: b.length } }),
  gzip: (b) => promisify(zlib.gzip)(b, { level: 9 }),
};

/** The encoding to send for an Accept-Encoding header: brotli, else gzip, else none (`q=0` refuses one). */
export function chooseEncoding(accept: string | undefined): Encoding | null {
  const accepted = new Map<string, number>();
  for (const part of (accept ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    if (name) accepted.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const ok = (e: Encoding) => (accepted.get(e) ?? accepted.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : null;
}

/**
 * The asset as the client accepts it. The stylesheet is render-blocking and large (the NL Design
 * System's full component library): compressed, a first visit on a phone loads 50 kB instead of
 * 670 kB. Each encoding is made once per process, on first ask, off the event loop (zlib's threads).
 */
export async function encodedAsset(asset: Asset, accept: string | undefined): Promise<{ body: Buffer; encoding: Encoding | null }> {
  const encoding = chooseEncoding(accept);
  if (!encoding) return { body: asset.body, encoding };
  let body = asset.encoded.get(encoding);
  if (!body) {
    body = compress[encoding](asset.body);
    asset.encoded.set(encoding, body);
  }
  return { body: await body, encoding };
}
