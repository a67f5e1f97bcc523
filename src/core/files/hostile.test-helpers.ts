/**
 * Hostile files for tests, made here (never downloaded): a PNG decompression bomb, ZIP bombs
 * dressed as .docx and .odt, and PDFs that stall parsers (deep nesting, 150,000 pages).
 */
import zlib from 'node:zlib';

function crc32(bytes: Buffer): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A valid 1-bit greyscale PNG of side x side black pixels: a few hundred KB that decode to side² pixels. */
export function pngBomb(side: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc((1 + Math.ceil(side / 8)) * side); // filter byte 0 and zero pixels per row
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** A ZIP member: its bytes, and optionally a size to declare instead of the real one (a lie). */
type Member = { name: string; data: Buffer; declare?: number; store?: boolean };

/** A little-endian record: [offset, bytes (2 or 4), value] for each field. */
function record(length: number, fields: [number, 2 | 4, number][]): Buffer {
  const b = Buffer.alloc(length);
  for (const [at, bytes, value] of fields) {
    if (bytes === 2) b.writeUInt16LE(value, at);
    else b.writeUInt32LE(value, at);
  }
  return b;
}

/** A ZIP archive written by hand, so a member can declare a size other than its real one. */
export function zip(members: Member[]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const m of members) {
    const body = m.store ? m.data : zlib.deflateRawSync(m.data, { level: 9 });
    const name = Buffer.from(m.name, 'utf8');
    const size = m.declare ?? m.data.length;
    const crc = crc32(m.data.length < 64 * 1024 * 1024 ? m.data : m.data.subarray(0, 1024));
    const method = m.store ? 0 : 8;
    // Local header (30 bytes) and central directory header (46 bytes) carry the same facts in the
    // same order (version needed, method, CRC, sizes, name length); the central one 2 bytes further
    // on, after its "version made by".
    const facts = (shift: number): [number, 2 | 4, number][] => [
      [shift + 4, 2, 20],
      [shift + 8, 2, method],
      [shift + 14, 4, crc],
      [shift + 18, 4, body.length],
      [shift + 22, 4, size],
      [shift + 26, 2, name.length],
    ];
    local.push(record(30, [[0, 4, 0x04034b50], ...facts(0)]), name, body);
    central.push(record(46, [[0, 4, 0x02014b50], [4, 2, 20], ...facts(2), [42, 4, offset]]), name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(central);
  const end = record(22, [
    [0, 4, 0x06054b50],
    [8, 2, members.length],
    [10, 2, members.length],
    [12, 4, cd.length],
    [16, 4, offset],
  ]);
  return Buffer.concat([...local, cd, end]);
}

const CONTENT_TYPES = Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');

/** A .docx whose document part is `megabytes` MB of paragraphs; `lie` declares it as 1 KB. */
export function docxBomb(megabytes: number, opts: { lie?: boolean } = {}): Buffer {
  const para = Buffer.from('<w:p><w:r><w:t>bom bom bom bom</w:t></w:r></w:p>');
  const body = Buffer.alloc(megabytes * 1024 * 1024, para);
  return zip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: 'word/document.xml', data: body, ...(opts.lie ? { declare: 1024 } : {}) },
  ]);
}

/** An .odt whose content.xml is `megabytes` MB of paragraphs. */
export function odtBomb(megabytes: number): Buffer {
  const body = Buffer.alloc(megabytes * 1024 * 1024, Buffer.from('<text:p>bom bom bom bom</text:p>'));
  return zip([
    { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.text'), store: true },
    { name: 'content.xml', data: body },
  ]);
}

/** A PDF with a page whose resources hold `depth` nested arrays: a recursive parser runs out of stack or time. */
export function nestedPdf(depth: number): Buffer {
  const nested = `${'['.repeat(depth)}${']'.repeat(depth)}`;
  return pdfOf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Deep ${nested} >> >>`]);
}

/** A PDF of `pages` empty pages. */
export function manyPagesPdf(pages: number): Buffer {
  const kids = Array.from({ length: pages }, (_, i) => `${i + 3} 0 R`).join(' ');
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    ...Array.from({ length: pages }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>'),
  ]);
}

function pdfOf(objects: string[]): Buffer {
  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
