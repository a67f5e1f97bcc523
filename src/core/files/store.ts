import fs from 'node:fs/promises';
import path from 'node:path';
import crypto from 'node:crypto';

/** Largest logo a council may upload. */
export const LOGO_MAX_BYTES = 1024 * 1024;

/** Content-addressed file store; an S3-compatible store can implement the same interface. */
export type FileStore = {
  put(bytes: Buffer): Promise<string>;
  get(hash: string): Promise<Buffer | null>;
};

export function diskFileStore(root: string): FileStore {
  const where = (hash: string) => path.join(root, hash.slice(0, 2), hash);
  return {
    async put(bytes) {
      const hash = crypto.createHash('sha256').update(bytes).digest('hex');
      const file = where(hash);
      await fs.mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      await fs.writeFile(tmp, bytes);
      await fs.rename(tmp, file);
      return hash;
    },
    async get(hash) {
      if (!/^[0-9a-f]{64}$/.test(hash)) return null;
      try {
        return await fs.readFile(where(hash));
      } catch {
        return null;
      }
    },
  };
}

/** Sniff the image type from its first bytes; the browser's claim is not trusted. */
export function sniffImage(bytes: Buffer): 'image/png' | 'image/jpeg' | 'image/webp' | null {
  if (bytes.length > 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length > 12 && bytes.toString('ascii', 0, 4) === 'RIFF' && bytes.toString('ascii', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}
