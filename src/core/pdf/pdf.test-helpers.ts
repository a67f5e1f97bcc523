/**
 * Reading a PDF back in tests the way assistive technology does: the catalogue entries that make
 * it tagged (pdf-lib), and the structure tree with the text of each element in reading order
 * (pdf.js through unpdf).
 */
import fs from 'node:fs';
import path from 'node:path';
import { PDFBool, PDFDict, PDFDocument, PDFName, PDFString, PDFHexString } from 'pdf-lib';
import { getDocumentProxy } from 'unpdf';

export type Catalog = { marked: boolean; structTree: boolean; lang: string | null; displayDocTitle: boolean; title: string | undefined; outline: boolean };

export async function catalogOf(bytes: Uint8Array): Promise<Catalog> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const c = pdf.catalog;
  const mark = c.lookupMaybe(PDFName.of('MarkInfo'), PDFDict);
  const prefs = c.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict);
  const lang = c.lookupMaybe(PDFName.of('Lang'), PDFString, PDFHexString);
  return {
    marked: mark?.lookupMaybe(PDFName.of('Marked'), PDFBool)?.asBoolean() === true,
    structTree: c.get(PDFName.of('StructTreeRoot')) !== undefined,
    lang: lang ? lang.decodeText() : null,
    displayDocTitle: prefs?.lookupMaybe(PDFName.of('DisplayDocTitle'), PDFBool)?.asBoolean() === true,
    title: pdf.getTitle(),
    outline: c.get(PDFName.of('Outlines')) !== undefined,
  };
}

/** One structure element that holds text directly: its role (P, H1, Lbl, ...) and its text. */
export type Tagged = { role: string; text: string; page: number };

type StructNode = { role?: string; type?: string; id?: string; children?: StructNode[] };
type TextItem = { str?: string; type?: string; id?: string; hasEOL?: boolean };

/**
 * The structure elements with text, page by page in structure order (the reading order a
 * screen reader follows). Text outside any marked content is returned as role "(untagged)".
 */
export async function taggedText(bytes: Uint8Array): Promise<Tagged[]> {
  const doc = await getDocumentProxy(new Uint8Array(bytes));
  const out: Tagged[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent({ includeMarkedContent: true } as never);
    const byId = new Map<string, string>();
    const open: string[] = [];
    let untagged = '';
    for (const item of content.items as TextItem[]) {
      if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') open.push(item.id ?? '');
      else if (item.type === 'endMarkedContent') open.pop();
      else if (item.str !== undefined) {
        const id = [...open].reverse().find(Boolean);
        const s = item.str + (item.hasEOL ? '\n' : '');
        if (id) byId.set(id, (byId.get(id) ?? '') + s);
        else untagged += s;
      }
    }
    const walk = (node: StructNode | null | undefined) => {
      if (!node) return;
      const own = (node.children ?? []).filter((c) => c.type === 'content').map((c) => byId.get(c.id ?? '') ?? '');
      if (own.length && node.role) out.push({ role: node.role, text: own.join('').replace(/\s+/g, ' ').trim(), page: n });
      for (const c of node.children ?? []) if (c.type !== 'content') walk(c);
    };
    walk((await page.getStructTree()) as StructNode);
    if (untagged.trim()) out.push({ role: '(untagged)', text: untagged.replace(/\s+/g, ' ').trim(), page: n });
  }
  return out;
}

/** With TEST_PDF_DIR set, a test saves the PDF it made there, to look at (pdftoppm) by hand. */
export function keepForReview(name: string, bytes: Uint8Array): void {
  const dir = process.env.TEST_PDF_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, name), bytes);
}
