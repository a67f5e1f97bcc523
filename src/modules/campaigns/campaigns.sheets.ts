/**
 * One table (a header row and rows of text and numbers) as CSV, XLSX (Office Open XML) or ODS
 * (OpenDocument), for the organisers' export. XLSX and ODS are ZIP files of a few XML parts,
 * written with fflate (already a dependency); no spreadsheet library at run time. The tests read
 * the files back with an independent reader (docs/decisions/0029-campaigns-meetings-privacy-spreadsheets.md).
 */
import { strToU8, zipSync } from 'fflate';

type Cell = string | number | null | undefined;
export type Sheet = { name: string; rows: Cell[][] };

export const sheetTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
} as const;
export type SheetFormat = keyof typeof sheetTypes;

/**
 * CSV (RFC 4180, UTF-8 with a byte order mark so spreadsheet programs read the accents). Cells
 * that start with = + - @ are prefixed with ' so a spreadsheet does not run them as a formula.
 */
function csv(sheet: Sheet): string {
  const cell = (v: Cell) => {
    let s = v === null || v === undefined ? '' : String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${sheet.rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** Text for XML: escaped, without the control characters XML 1.0 does not allow. */
const xml = (s: string) =>
  s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const isNumber = (v: Cell): v is number => typeof v === 'number' && Number.isFinite(v);

/** A, B, ..., Z, AA, AB, ... for column index 0, 1, ... */
function column(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function xlsx(sheet: Sheet): Uint8Array {
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const type = (part: string) => `application/vnd.openxmlformats-officedocument.spreadsheetml.${part}+xml`;
  const rows = sheet.rows
    .map((r, ri) => {
      const cells = r.map((v, ci) => {
        const ref = `${column(ci)}${ri + 1}`;
        if (isNumber(v)) return `<c r="${ref}"><v>${v}</v></c>`;
        const s = v === null || v === undefined ? '' : String(v);
        return s === '' ? '' : `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xml(s)}</t></is></c>`;
      });
      return `<row r="${ri + 1}">${cells.join('')}</row>`;
    })
    .join('');
  return zipSync({
    '[Content_Types].xml': strToU8(
      `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${type('sheet.main')}"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${type('worksheet')}"/><Override PartName="/xl/styles.xml" ContentType="${type('styles')}"/></Types>`,
    ),
    '_rels/.rels': strToU8(
      `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(`${HEAD}<workbook xmlns="${ns}" xmlns:r="${rel}"><sheets><sheet name="${xml(sheet.name.slice(0, 31))}" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(
      `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/styles" Target="styles.xml"/></Relationships>`,
    ),
    'xl/styles.xml': strToU8(
      `${HEAD}<styleSheet xmlns="${ns}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
    ),
    'xl/worksheets/sheet1.xml': strToU8(`${HEAD}<worksheet xmlns="${ns}"><sheetData>${rows}</sheetData></worksheet>`),
  });
}

function ods(sheet: Sheet): Uint8Array {
  const cell = (v: Cell) => {
    if (isNumber(v)) return `<table:table-cell office:value-type="float" office:value="${v}"><text:p>${v}</text:p></table:table-cell>`;
    const s = v === null || v === undefined ? '' : String(v);
    if (s === '') return '<table:table-cell/>';
    // One paragraph per line: that is how OpenDocument keeps line breaks in a cell.
    const lines = s.split(/\r?\n/).map((l) => `<text:p>${xml(l)}</text:p>`);
    return `<table:table-cell office:value-type="string">${lines.join('')}</table:table-cell>`;
  };
  const rows = sheet.rows.map((r) => `<table:table-row>${r.map(cell).join('')}</table:table-row>`).join('');
  const mime = sheetTypes.ods;
  return zipSync({
    // The mimetype comes first and uncompressed, so tools recognise the file by its first bytes.
    mimetype: [strToU8(mime), { level: 0 }],
    'META-INF/manifest.xml': strToU8(
      `${HEAD}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:version="1.2" manifest:media-type="${mime}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`,
    ),
    'content.xml': strToU8(
      `${HEAD}<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="${xml(sheet.name)}">${rows}</table:table></office:spreadsheet></office:body></office:document-content>`,
    ),
  });
}

/** The table in the asked format. */
export function encodeSheet(sheet: Sheet, format: SheetFormat): string | Uint8Array {
  return format === 'csv' ? csv(sheet) : format === 'xlsx' ? xlsx(sheet) : ods(sheet);
}
