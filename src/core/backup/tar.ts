/**
 * A minimal ustar archive: written entry by entry (file contents streamed in chunks, each hashed
 * while written) and read back by position, so a backup of many gigabytes of files never sits
 * in memory. Only what backups need: regular files with names up to 100 bytes.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';

const BLOCK = 512;
const CHUNK = 1024 * 1024;

function header(name: string, size: number): Buffer {
  const h = Buffer.alloc(BLOCK);
  if (Buffer.byteLength(name) > 100) throw new Error(`name too long for the archive: ${name}`);
  h.write(name, 0, 100, 'utf8');
  h.write('0000644\0', 100, 'latin1');
  h.write('0000000\0', 108, 'latin1');
  h.write('0000000\0', 116, 'latin1');
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'latin1');
  h.write(
    `${Math.floor(Date.now() / 1000)
      .toString(8)
      .padStart(11, '0')}\0`,
    136,
    'latin1',
  );
  h.write('        ', 148, 'latin1');
  h.write('0', 156, 'latin1');
  h.write('ustar\0', 257, 'latin1');
  h.write('00', 263, 'latin1');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return h;
}

export type TarEntry = { name: string; size: number; sha256: string };

export class TarWriter {
  private offset = 0;
  private constructor(private readonly file: fs.FileHandle) {}

  static async create(path: string): Promise<TarWriter> {
    return new TarWriter(await fs.open(path, 'wx', 0o600));
  }

  private async write(b: Buffer): Promise<void> {
    await this.file.write(b, 0, b.length, this.offset);
    this.offset += b.length;
  }

  private async pad(size: number): Promise<void> {
    const rest = size % BLOCK;
    if (rest) await this.write(Buffer.alloc(BLOCK - rest));
  }

  async addBuffer(name: string, bytes: Buffer): Promise<TarEntry> {
    await this.write(header(name, bytes.length));
    await this.write(bytes);
    await this.pad(bytes.length);
    return { name, size: bytes.length, sha256: crypto.createHash('sha256').update(bytes).digest('hex') };
  }

  /** Streams a file into the archive; the hash is of what was written. */
  async addFile(name: string, path: string): Promise<TarEntry> {
    const src = await fs.open(path, 'r');
    try {
      const { size } = await src.stat();
      await this.write(header(name, size));
      const hash = crypto.createHash('sha256');
      const buf = Buffer.alloc(CHUNK);
      let done = 0;
      while (done < size) {
        const { bytesRead } = await src.read(buf, 0, Math.min(CHUNK, size - done), done);
        if (!bytesRead) throw new Error(`${path} changed while it was read`);
        const part = buf.subarray(0, bytesRead);
        hash.update(part);
        await this.write(part);
        done += bytesRead;
      }
      await this.pad(size);
      return { name, size, sha256: hash.digest('hex') };
    } finally {
      await src.close();
    }
  }

  async close(): Promise<void> {
    await this.write(Buffer.alloc(BLOCK * 2));
    await this.file.sync();
    await this.file.close();
  }
}

/** An entry of an archive being read: where its bytes are. */
export type TarItem = { name: string; size: number; offset: number };

export class TarReader {
  private constructor(
    private readonly file: fs.FileHandle,
    readonly items: TarItem[],
  ) {}

  /** Reads the headers; throws on anything that is not a well-formed ustar archive. */
  static async open(path: string): Promise<TarReader> {
    const file = await fs.open(path, 'r');
    try {
      const { size: total } = await file.stat();
      const items: TarItem[] = [];
      const h = Buffer.alloc(BLOCK);
      let at = 0;
      while (at + BLOCK <= total) {
        await file.read(h, 0, BLOCK, at);
        if (h.every((b) => b === 0)) break;
        if (h.toString('latin1', 257, 262) !== 'ustar') throw new Error('not a ustar archive');
        let sum = 0;
        for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
        if (sum !== Number.parseInt(h.toString('latin1', 148, 154), 8)) throw new Error('header checksum wrong');
        const name = h.toString('utf8', 0, 100).replace(/\0.*$/s, '');
        const size = Number.parseInt(h.toString('latin1', 124, 135), 8);
        if (!Number.isFinite(size) || at + BLOCK + size > total) throw new Error(`entry ${name} is cut off`);
        items.push({ name, size, offset: at + BLOCK });
        at += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
      }
      return new TarReader(file, items);
    } catch (err) {
      await file.close();
      throw err;
    }
  }

  /** Calls `each` with the entry's bytes in chunks, in order. */
  async chunks(item: TarItem, each: (chunk: Buffer) => void | Promise<void>): Promise<void> {
    const buf = Buffer.alloc(CHUNK);
    for (let done = 0; done < item.size; ) {
      const { bytesRead } = await this.file.read(buf, 0, Math.min(CHUNK, item.size - done), item.offset + done);
      if (!bytesRead) throw new Error(`entry ${item.name} is cut off`);
      await each(buf.subarray(0, bytesRead));
      done += bytesRead;
    }
  }

  async sha256(item: TarItem): Promise<string> {
    const hash = crypto.createHash('sha256');
    await this.chunks(item, (c) => void hash.update(c));
    return hash.digest('hex');
  }

  async read(item: TarItem): Promise<Buffer> {
    const parts: Buffer[] = [];
    await this.chunks(item, (c) => void parts.push(Buffer.from(c)));
    return Buffer.concat(parts);
  }

  /** Writes the entry to a new file (never over an existing one). */
  async extract(item: TarItem, path: string): Promise<void> {
    const out = await fs.open(path, 'wx', 0o600);
    try {
      await this.chunks(item, async (c) => void (await out.write(c)));
      await out.sync();
    } finally {
      await out.close();
    }
  }

  close(): Promise<void> {
    return this.file.close();
  }
}
