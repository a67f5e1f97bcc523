import { test } from 'node:test';
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { useTestApp } from '../../test/support/factories.ts';
import { assetUrl, chooseEncoding, getAssets } from './assets.ts';

const t = useTestApp();

test('app.css holds every NL Design System stylesheet it names, the theme and ours', () => {
  const css = getAssets().get('app.css')!.body.toString();
  // One rule each of Utrecht, the five candidate packages (nl-*), the example theme and raadwerk.css.
  for (const rule of ['.utrecht-button', '.nl-button', '.nl-heading', '.nl-link', '.nl-paragraph', '.nl-skip-link', '.voorbeeld-theme', '.rw-header']) {
    assert.ok(css.includes(rule), `app.css has no ${rule}`);
  }
  assert.doesNotMatch(css, /sourceMappingURL/);
});

test('the encoding follows Accept-Encoding: brotli first, then gzip; q=0 refuses one', () => {
  assert.equal(chooseEncoding('gzip, deflate, br, zstd'), 'br');
  assert.equal(chooseEncoding('gzip, deflate'), 'gzip');
  assert.equal(chooseEncoding('br;q=0, gzip;q=0.8'), 'gzip');
  assert.equal(chooseEncoding('*'), 'br');
  assert.equal(chooseEncoding('*;q=0'), null);
  assert.equal(chooseEncoding('identity'), null);
  assert.equal(chooseEncoding(undefined), null);
  assert.equal(chooseEncoding(''), null);
});

test('the stylesheet is served compressed as asked, and decodes to the same bytes', async () => {
  const asset = getAssets().get('app.css')!;
  const ask = (accept?: string) => t.app.inject({ method: 'GET', url: assetUrl('app.css'), headers: accept ? { 'accept-encoding': accept } : {} });
  const br = await ask('gzip, deflate, br');
  assert.equal(br.statusCode, 200);
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(br.headers.vary, 'accept-encoding');
  assert.match(String(br.headers['cache-control']), /immutable/);
  assert.ok(br.rawPayload.length < asset.body.length / 8, `${br.rawPayload.length} bytes`);
  assert.deepEqual(zlib.brotliDecompressSync(br.rawPayload), asset.body);
  const gzip = await ask('gzip');
  assert.equal(gzip.headers['content-encoding'], 'gzip');
  assert.deepEqual(zlib.gunzipSync(gzip.rawPayload), asset.body);
  const plain = await ask();
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.deepEqual(plain.rawPayload, asset.body);
});
