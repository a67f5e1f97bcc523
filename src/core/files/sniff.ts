/**
 * Recognises uploaded documents by their content, never by their name or the browser's claim.
 * ZIP-based formats are checked down to the package content, so an arbitrary ZIP (or a JAR)
 * renamed .docx is not taken for a document.
 */
import { unzipSync } from 'fflate';

const documentTypes = {
  pdf: { mimeType: 'application/pdf', ext: 'pdf' },
  docx: { mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx' },
  odt: { mimeType: 'application/vnd.oasis.opendocument.text', ext: 'odt' },
  ods: { mimeType: 'application/vnd.oasis.opendocument.spreadsheet', ext: 'ods' },
  odp: { mimeType: 'application/vnd.oasis.opendocument.presentation', ext: 'odp' },
  doc: { mimeType: 'application/msword', ext: 'doc' },
} as const;
export type DocumentKind = keyof typeof documentTypes;
export type SniffedDocument = { kind: DocumentKind; mimeType: string; ext: string };

const ODF_KINDS: DocumentKind[] = ['odt', 'ods', 'odp'];
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * The document type of these bytes, or null. `legacyWord` also accepts old binary .doc files
 * (the advice module keeps them); their content cannot be checked further.
 */
export function sniffDocument(bytes: Uint8Array, opts: { legacyWord?: boolean } = {}): SniffedDocument | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 5 && b.toString('latin1', 0, 5) === '%PDF-') return found('pdf');
  if (opts.legacyWord && b.length >= 8 && b.subarray(0, 8).equals(OLE)) return found('doc');
  if (b.length >= 30 && b.readUInt32LE(0) === 0x04034b50) {
    const odf = odfKind(b);
    if (odf) return found(odf);
    if (isDocx(b)) return found('docx');
  }
  return null;
}

function found(kind: DocumentKind): SniffedDocument {
  return { kind, ...documentTypes[kind] };
}

/** ODF: the first entry is named `mimetype`, stored uncompressed, holding the media type. */
function odfKind(b: Buffer): DocumentKind | null {
  const method = b.readUInt16LE(8);
  const size = b.readUInt32LE(18);
  const nameLength = b.readUInt16LE(26);
  const extraLength = b.readUInt16LE(28);
  if (method !== 0 || nameLength !== 8 || b.toString('latin1', 30, 38) !== 'mimetype' || size > 100) return null;
  const start = 30 + nameLength + extraLength;
  if (start + size > b.length) return null;
  const media = b.toString('latin1', start, start + size);
  const kind = ODF_KINDS.find((k) => documentTypes[k].mimeType === media) ?? null;
  return kind && hasEntries(b, ['content.xml']) ? kind : null;
}

/** Office Open XML word processing: content types plus the main document part. */
function isDocx(b: Buffer): boolean {
  return hasEntries(b, ['[Content_Types].xml', 'word/document.xml']);
}

/** Reads only the ZIP's central directory: the filter declines every entry, nothing is inflated. */
function hasEntries(b: Buffer, wanted: string[]): boolean {
  const names = new Set<string>();
  try {
    unzipSync(b, {
      filter(file) {
        names.add(file.name);
        return false;
      },
    });
  } catch {
    return false;
  }
  return wanted.every((n) => names.has(n));
}

/**
 * A file name fit for display and a download header: no directories (`../../etc/passwd` becomes
 * `passwd`), no control or reserved characters, at most 200 characters. Storage never uses it.
 */
export function safeFileName(name: string, fallback = 'document'): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base
    .replace(/[\u0000-\u001f\u007f"<>|*?:]/g, '_')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 200);
  return clean || fallback;
}

/** `Content-Disposition: attachment` with an ASCII fallback and the RFC 5987 UTF-8 name. */
export function attachmentDisposition(name: string, type: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
