/**
 * Real, small documents for the demo data, the tests and the benchmark: PDFs made with pdf-lib,
 * a Word file and an OpenDocument text built as ZIP packages with fflate.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { zipSync, strToU8 } from 'fflate';

const SENTENCES = [
  'De gemeente wil dat inwoners langer zelfstandig thuis kunnen wonen.',
  'Mantelzorgers krijgen ondersteuning via het steunpunt in de wijk.',
  'De adviesraad vraagt aandacht voor de toegankelijkheid van het vervoer.',
  'Huishoudelijke hulp blijft beschikbaar voor wie het zelf niet kan betalen.',
  'Jongeren met een beperking verdienen een passende plek op school en in het werk.',
  'De eigen bijdrage voor voorzieningen wordt elk jaar opnieuw bekeken.',
  'Het sociaal wijkteam werkt samen met huisartsen en welzijnsorganisaties.',
  'Armoedebeleid richt zich op schulden, energiearmoede en kinderen in armoede.',
  'Cliëntondersteuning is gratis en onafhankelijk van de gemeente.',
  'De raad adviseert om ervaringsdeskundigen vroeg bij het beleid te betrekken.',
];

/** Dutch-ish text for page `n`: varying sentences, plus a marker word unique to the page. */
export function pageText(n: number, sentences = 12): string {
  const lines: string[] = [];
  for (let i = 0; i < sentences; i++) lines.push(SENTENCES[(n * 7 + i * 3) % SENTENCES.length]!);
  lines.push(`Paragraaf ${n}: kenmerk pagina${n}.`);
  return lines.join(' ');
}

/** A PDF with one page of text per entry (lines wrapped to fit A4). */
export async function makePdf(pages: string[], title = 'Beleidsstuk'): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  // Fixed dates: the same pages give the same bytes (and the same content hash) every time.
  pdf.setCreationDate(new Date('2026-01-01T00:00:00Z'));
  pdf.setModificationDate(new Date('2026-01-01T00:00:00Z'));
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const text of pages) {
    const page = pdf.addPage([595, 842]);
    let y = 790;
    for (const line of wrap(text, 90)) {
      page.drawText(line, { x: 50, y, size: 10, font });
      y -= 14;
      if (y < 50) break;
    }
  }
  return Buffer.from(await pdf.save());
}

/** A policy document of `count` pages (the benchmark's 300-page case). */
export function makePolicyPdf(count: number): Promise<Buffer> {
  return makePdf(
    Array.from({ length: count }, (_, i) => pageText(i + 1)),
    `Beleidsplan sociaal domein (${count} pagina's)`,
  );
}

function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A minimal but valid Word (.docx) document with one paragraph per entry. */
export function makeDocx(paragraphs: string[]): Buffer {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(p)}</w:t></w:r></w:p>`).join('');
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ),
      '_rels/.rels': strToU8(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      ),
      'word/document.xml': strToU8(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
      ),
    }),
  );
}

/** A minimal OpenDocument text (.odt): `mimetype` first and stored, as the standard requires. */
export function makeOdt(paragraphs: string[], mimeType = 'application/vnd.oasis.opendocument.text'): Buffer {
  const body = paragraphs.map((p) => `<text:p>${xmlEscape(p)}</text:p>`).join('');
  return Buffer.from(
    zipSync({
      mimetype: [strToU8(mimeType), { level: 0 }],
      'content.xml': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ' +
          `xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"><office:body><office:text>${body}</office:text></office:body></office:document-content>`,
      ),
      'META-INF/manifest.xml': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">' +
          `<manifest:file-entry manifest:full-path="/" manifest:media-type="${mimeType}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`,
      ),
    }),
  );
}
