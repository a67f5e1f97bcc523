/**
 * Checks a ZIP archive (docx, odt, ods, odp) before anything inflates it: every member's declared
 * uncompressed size, the total, and the ratio to its compressed size (a "zip bomb" declares or
 * hides gigabytes in a few kilobytes); then each member is inflated with an output cap of its
 * declared size, so a member that lies about its size stops at the cap instead of filling memory.
 * Only after this passes may a parser (mammoth, fflate) open the archive.
 */
import zlib from 'node:zlib';

export const ARCHIVE_LIMITS = {
  maxEntries: 5_000,
  /** Uncompressed size of one member. */
  maxEntryBytes: 64 * 1024 * 1024,
  /** Uncompressed size of all members together. */
  maxTotalBytes: 128 * 1024 * 1024,
  /** Uncompressed : compressed, for members larger than `ratioFromBytes`. Office XML stays well under 100. */
  maxRatio: 200,
  ratioFromBytes: 1024 * 1024,
};
export type ArchiveLimits = typeof ARCHIVE_LIMITS;

/** `too_large`: over a limit (or lying about its size); `damaged`: not a readable ZIP. */
export class ArchiveError extends Error {
  constructor(
    readonly code: 'too_large' | 'damaged',
    message: string,
  ) {
    super(message);
  }
}

type Entry = { name: string; method: number; compressed: number; size: number; localOffset: number };

function centralDirectory(b: Buffer, limits: ArchiveLimits): Entry[] {
  const min = Math.max(0, b.length - 22 - 65_535);
  let eocd = -1;
  for (let i = b.length - 22; i >= min; i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ArchiveError('damaged', 'no end of central directory');
  const count = b.readUInt16LE(eocd + 10);
  const offset = b.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) throw new ArchiveError('too_large', 'ZIP64 archive');
  if (count > limits.maxEntries) throw new ArchiveError('too_large', `${count} entries`);
  const entries: Entry[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== 0x02014b50) throw new ArchiveError('damaged', 'bad central directory');
    const nameLength = b.readUInt16LE(p + 28);
    entries.push({
      method: b.readUInt16LE(p + 10),
      compressed: b.readUInt32LE(p + 20),
      size: b.readUInt32LE(p + 24),
      localOffset: b.readUInt32LE(p + 42),
      name: b.toString('utf8', p + 46, p + 46 + nameLength),
    });
    p += 46 + nameLength + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
  }
  return entries;
}

/** Checks declared sizes first (cheap), then actual sizes (capped inflation). Throws ArchiveError. */
export function checkArchive(bytes: Uint8Array, limits: ArchiveLimits = ARCHIVE_LIMITS): { entries: number; totalBytes: number } {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = centralDirectory(b, limits);
  let total = 0;
  for (const e of entries) {
    if (e.size === 0xffffffff || e.compressed === 0xffffffff) throw new ArchiveError('too_large', `${e.name}: ZIP64 member`);
    if (e.size > limits.maxEntryBytes) throw new ArchiveError('too_large', `${e.name}: ${e.size} bytes`);
    if (e.size > limits.ratioFromBytes && e.size > limits.maxRatio * Math.max(1, e.compressed))
      throw new ArchiveError('too_large', `${e.name}: ratio ${Math.round(e.size / Math.max(1, e.compressed))}`);
    total += e.size;
    if (total > limits.maxTotalBytes) throw new ArchiveError('too_large', `${total} bytes in total`);
  }
  for (const e of entries) {
    const p = e.localOffset;
    if (p + 30 > b.length || b.readUInt32LE(p) !== 0x04034b50) throw new ArchiveError('damaged', `${e.name}: bad local header`);
    const start = p + 30 + b.readUInt16LE(p + 26) + b.readUInt16LE(p + 28);
    const data = b.subarray(start, start + e.compressed);
    if (data.length !== e.compressed) throw new ArchiveError('damaged', `${e.name}: truncated`);
    if (e.method === 0) {
      if (e.compressed !== e.size) throw new ArchiveError('damaged', `${e.name}: stored size differs`);
      continue;
    }
    if (e.method !== 8) throw new ArchiveError('damaged', `${e.name}: compression method ${e.method}`);
    try {
      // The cap is the declared size: a member that inflates to more stops here.
      zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) });
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new ArchiveError('too_large', `${e.name}: larger than declared`);
      throw new ArchiveError('damaged', `${e.name}: ${(err as Error).message}`);
    }
  }
  return { entries: entries.length, totalBytes: total };
}
