import { test } from 'node:test';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { IMAGE_LIMITS, ImageError, safeImage } from './image.ts';
import { pngBomb } from './hostile.test-helpers.ts';

const isImageError = (code: ImageError['code']) => (err: unknown) => err instanceof ImageError && err.code === code;

test('a PNG decompression bomb is refused from its header, in milliseconds and without decoding', async () => {
  const bomb = pngBomb(30_000); // 900 million pixels in about 100 KB
  assert.ok(bomb.length < 300_000, `${bomb.length} bytes`);
  const started = process.hrtime.bigint();
  const rssBefore = process.memoryUsage().rss;
  await assert.rejects(safeImage(bomb), isImageError('too_large'));
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  console.log(`png bomb refused in ${ms.toFixed(0)} ms, rss +${((process.memoryUsage().rss - rssBefore) / 1e6).toFixed(0)} MB`);
  // Within the pixel limit but a large image: decoded, then stored at the safe size.
  const wide = await safeImage(pngBomb(4_000));
  assert.deepEqual([wide.width, wide.height], [IMAGE_LIMITS.maxOutputSide, IMAGE_LIMITS.maxOutputSide]);
});

test('an image is re-encoded as PNG at most maxOutputSide wide, with transparency unless flattened', async () => {
  const jpeg = await sharp({ create: { width: 2400, height: 600, channels: 3, background: '#1d4f91' } })
    .jpeg()
    .toBuffer();
  const out = await safeImage(jpeg);
  assert.equal(out.contentType, 'image/png');
  assert.deepEqual([out.width, out.height], [1200, 300]);
  const meta = await sharp(out.bytes).metadata();
  assert.equal(meta.format, 'png');
  const logo = await sharp({ create: { width: 200, height: 100, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
    .png()
    .toBuffer();
  assert.equal((await sharp((await safeImage(logo)).bytes).metadata()).hasAlpha, true);
  assert.equal((await sharp((await safeImage(logo, { flatten: true })).bytes).metadata()).hasAlpha, false, 'flattened: a PDF embeds it without decoding');
});

test('other files are refused as not an image', async () => {
  await assert.rejects(safeImage(Buffer.from('<svg onload=alert(1)>')), isImageError('type'));
  const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
  await assert.rejects(safeImage(gif), isImageError('type'));
});
