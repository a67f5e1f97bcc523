/**
 * Images from uploads (a council's logo) are decoded and checked before they are kept: the
 * dimensions are read from the header and refused above the limits before any pixel is decoded
 * (a PNG "decompression bomb" declares 50,000 x 50,000 pixels in a few kilobytes), then the image
 * is decoded and re-encoded as a PNG of at most `maxOutputSide` pixels. Only that re-encoded file
 * is stored and served, and only it goes into a PDF. Decoding runs in libvips (sharp) on its own
 * thread pool with a time limit and a pixel limit, never on the request thread.
 */
import type { Metadata } from 'sharp';

export const IMAGE_LIMITS = {
  /** Declared width x height above this is refused from the header alone. */
  maxPixels: 40_000_000,
  maxSide: 12_000,
  /** The stored image fits within this many pixels on its longer side. */
  maxOutputSide: 1_200,
  timeoutSeconds: 10,
};
export type ImageLimits = typeof IMAGE_LIMITS;

type Sharp = typeof import('sharp').default;
let loaded: Promise<Sharp> | undefined;

/** sharp (libvips) is loaded with the first image, not at start. */
function loadSharp(): Promise<Sharp> {
  loaded ??= import('sharp').then(({ default: sharp }) => {
    // libvips keeps no cache of decoded images between calls: memory goes back after each one.
    sharp.cache(false);
    sharp.concurrency(1);
    return sharp;
  });
  return loaded;
}

/** `type`: not a PNG, JPEG or WebP image; `too_large`: over the pixel limits; `damaged`: cannot be decoded. */
export class ImageError extends Error {
  constructor(
    readonly code: 'type' | 'too_large' | 'damaged',
    message: string,
  ) {
    super(message);
  }
}

export type SafeImage = { bytes: Buffer; contentType: 'image/png'; width: number; height: number };

/**
 * The image checked and re-encoded as PNG. `flatten` puts it on white (no transparency: a PDF
 * embeds such a PNG without decoding it again). Throws ImageError.
 */
export async function safeImage(input: Buffer, opts: { flatten?: boolean; limits?: ImageLimits } = {}): Promise<SafeImage> {
  const limits = opts.limits ?? IMAGE_LIMITS;
  const sharp = await loadSharp();
  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch (err) {
    throw new ImageError('type', (err as Error).message);
  }
  if (meta.format !== 'png' && meta.format !== 'jpeg' && meta.format !== 'webp') throw new ImageError('type', `format ${meta.format}`);
  const w = meta.width ?? 0;
  const h = meta.height ?? 0;
  if (!w || !h) throw new ImageError('damaged', 'no dimensions');
  if (w > limits.maxSide || h > limits.maxSide || w * h > limits.maxPixels) throw new ImageError('too_large', `${w} x ${h} pixels`);
  try {
    let img = sharp(input, { limitInputPixels: limits.maxPixels, failOn: 'none', sequentialRead: true, animated: false })
      .timeout({ seconds: limits.timeoutSeconds })
      .rotate()
      .resize({ width: limits.maxOutputSide, height: limits.maxOutputSide, fit: 'inside', withoutEnlargement: true });
    if (opts.flatten) img = img.flatten({ background: '#ffffff' });
    const { data, info } = await img.png({ compressionLevel: 9 }).toBuffer({ resolveWithObject: true });
    return { bytes: data, contentType: 'image/png', width: info.width, height: info.height };
  } catch (err) {
    const message = (err as Error).message;
    throw new ImageError(/pixel limit|timeout/i.test(message) ? 'too_large' : 'damaged', message);
  }
}
