/**
 * Tagged, accessible PDFs (PDF 1.7) made with pdfkit: a structure tree in reading order
 * (Document > H1/H2/P/L/Figure), the document language, a title shown in the viewer's title
 * bar, and Noto Sans embedded as a subset. Noto Sans covers Latin (every European language,
 * Turkish, Vietnamese), Greek and Cyrillic, so names like Şükrü Yılmaz or Władysław Łukasiewicz
 * print as written. A character the font cannot show (Chinese, Arabic, emoji) prints as "?",
 * while the paragraph's /ActualText keeps the real text for screen readers.
 *
 * Used by the advice letter and the meeting packet; see docs/decisions/0017-accessible-pdf.md.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type PDFKitDocument from 'pdfkit';

const A4: [number, number] = [595.28, 841.89];

type FontFace = 'regular' | 'bold';
const FONT_FILES: Record<FontFace, string> = {
  regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
};
let fonts: Record<FontFace, Buffer> | null = null;

let PDFDocument: typeof PDFKitDocument | undefined;

/** pdfkit (with its font engine, a large load) is loaded with the first PDF, not at start. */
function pdfkit(): typeof PDFKitDocument {
  PDFDocument ??= createRequire(import.meta.url)('pdfkit') as typeof PDFKitDocument;
  return PDFDocument;
}

/** The TrueType files, read once from node_modules. */
function fontBytes(): Record<FontFace, Buffer> {
  if (!fonts) {
    const require = createRequire(import.meta.url);
    fonts = { regular: fs.readFileSync(require.resolve(FONT_FILES.regular)), bold: fs.readFileSync(require.resolve(FONT_FILES.bold)) };
  }
  return fonts;
}

/** A paragraph's text and look. `gap` is the space after it, in points. */
export type Para = { text: string; bold?: boolean; size?: number; gap?: number; indent?: number };
export type ListItem = { label: string; body: Para[] };
export type TaggedOptions = { title: string; lang?: string; author?: string; subject?: string; margin?: number };

type Struct = PDFKit.PDFStructureElement;
/** pdfkit's current font: its fontkit face tells which characters it has. */
type WithFont = { _font?: { font?: { hasGlyphForCodePoint(cp: number): boolean } } };

/** pdfkit's opened image (openImage is missing from @types/pdfkit). */
type PdfImage = { width: number; height: number };

const INK = '#1a1a1a';

/**
 * Words wider than the line, cut into pieces that fit, in one pass over their characters.
 * pdfkit itself shortens an over-long word one character at a time and measures each try, which
 * is quadratic: a 5,000-character word took half a minute (issue 17). Words that fit are left
 * alone; a piece is a little narrower than the line, so kerning never makes it too wide.
 */
export function breakLongWords(text: string, width: number, measure: (s: string) => number): string {
  const room = width * 0.97;
  return text.replace(/\S{20,}/g, (word) => {
    if (measure(word) <= room) return word;
    const widths = new Map<string, number>();
    const pieces: string[] = [];
    let piece = '';
    let used = 0;
    for (const ch of word) {
      const w = widths.get(ch) ?? measure(ch);
      widths.set(ch, w);
      if (piece && used + w > room) {
        pieces.push(piece);
        piece = '';
        used = 0;
      }
      piece += ch;
      used += w;
    }
    pieces.push(piece);
    return pieces.join('\n');
  });
}

export class TaggedPdf {
  readonly doc: PDFKit.PDFDocument;
  readonly margin: number;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Uint8Array>;
  private readonly root: Struct;
  /** Where new elements go: the document, or an open section. */
  private parent: Struct;
  private pages = 1;

  constructor(opts: TaggedOptions) {
    const f = fontBytes();
    this.margin = opts.margin ?? 64;
    this.doc = new (pdfkit())({
      size: A4,
      margins: { top: this.margin, bottom: this.margin, left: this.margin, right: this.margin },
      tagged: true,
      lang: opts.lang ?? 'nl-NL',
      displayTitle: true,
      pdfVersion: '1.7',
      // The default font is Noto Sans, so no unembedded standard font is ever written.
      font: f.regular as unknown as string,
      info: { Title: opts.title, Author: opts.author ?? '', Subject: opts.subject ?? '', Creator: 'Raadwerk', Producer: 'Raadwerk (pdfkit)' },
    });
    this.doc.registerFont('regular', f.regular);
    this.doc.registerFont('bold', f.bold);
    this.doc.font('regular').fillColor(INK);
    this.doc.on('data', (c: Buffer) => this.chunks.push(c));
    this.doc.on('pageAdded', () => this.pages++);
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(new Uint8Array(Buffer.concat(this.chunks))));
      this.doc.on('error', reject);
    });
    this.root = this.doc.struct('Document');
    this.doc.addStructure(this.root);
    this.parent = this.root;
  }

  /** The width between the margins. */
  get width(): number {
    return A4[0] - 2 * this.margin;
  }

  get pageCount(): number {
    return this.pages;
  }

  /** Text the embedded font can show, and whether anything had to be replaced. */
  printable(text: string): { shown: string; replaced: boolean } {
    const face = (this.doc as unknown as WithFont)._font?.font;
    let shown = '';
    let replaced = false;
    for (const ch of text.replace(/\r/g, '').replace(/\t/g, ' ')) {
      const cp = ch.codePointAt(0)!;
      if (ch === '\n' || !face || face.hasGlyphForCodePoint(cp)) shown += ch;
      else if (cp >= 0xfe00 && cp <= 0xfe0f)
        replaced = true; // a variation selector: nothing to show
      else {
        shown += '?';
        replaced = true;
      }
    }
    return { shown, replaced };
  }

  /** Starts a new page when less than `h` points are left on this one. */
  ensure(h: number): void {
    if (this.doc.y + h > A4[1] - this.margin) this.newPage();
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.x = this.margin;
  }

  space(pt: number): void {
    this.doc.y += pt;
  }

  private lineHeight(size: number): number {
    return size * 1.36 + 2;
  }

  /** Draws one paragraph's text at the left margin (plus indent); the caller has opened its element. */
  private draw(p: Para, shown: string, x = this.margin + (p.indent ?? 0), width = this.width - (p.indent ?? 0)): void {
    const size = p.size ?? 11;
    this.doc.font(p.bold ? 'bold' : 'regular').fontSize(size);
    const text = breakLongWords(shown, width, (t) => this.doc.widthOfString(t));
    this.doc.text(text, x, this.doc.y, { width, lineGap: 2 });
    this.doc.x = this.margin;
  }

  /** A structure element of `type` holding one run of text, added to `parent` (in reading order). */
  private textElement(type: string, p: Para, parent: Struct = this.parent, x?: number, width?: number): void {
    this.doc.font(p.bold ? 'bold' : 'regular');
    const { shown, replaced } = this.printable(p.text);
    this.ensure(this.lineHeight(p.size ?? 11));
    parent.add(this.doc.struct(type, replaced ? { actual: p.text } : {}, () => this.draw(p, shown, x, width)));
    this.doc.y += p.gap ?? 6;
  }

  /** A heading; kept on one page with at least the first lines after it. */
  heading(level: 1 | 2 | 3, text: string, opts: { size?: number; gap?: number } = {}): void {
    const size = opts.size ?? (level === 1 ? 17 : level === 2 ? 13 : 11.5);
    this.ensure(this.lineHeight(size) + 3 * this.lineHeight(11));
    this.textElement(`H${level}`, { text, bold: true, size, gap: opts.gap ?? 6 });
  }

  paragraph(p: Para | string): void {
    this.textElement('P', typeof p === 'string' ? { text: p } : p);
  }

  /** A list: L > LI > Lbl (the number) + LBody (one or more paragraphs). */
  list(items: ListItem[], opts: { labelWidth?: number; gap?: number } = {}): void {
    if (!items.length) return;
    const labelWidth = opts.labelWidth ?? 22;
    const list = this.doc.struct('L');
    this.parent.add(list);
    for (const item of items) {
      const first = item.body[0];
      this.ensure(2 * this.lineHeight(first?.size ?? 11));
      const li = this.doc.struct('LI');
      list.add(li);
      const top = this.doc.y;
      const labelSize = first?.size ?? 11;
      li.add(
        this.doc.struct('Lbl', {}, () => {
          this.doc.font(first?.bold ? 'bold' : 'regular').fontSize(labelSize);
          this.doc.text(this.printable(item.label).shown, this.margin, top, { width: labelWidth, lineBreak: false });
        }),
      );
      this.doc.y = top;
      const body = this.doc.struct('LBody');
      li.add(body);
      item.body.forEach((p, i) => {
        const last = i === item.body.length - 1;
        this.textElement('P', { ...p, gap: last ? 0 : (p.gap ?? 2) }, body, this.margin + labelWidth + (p.indent ?? 0), this.width - labelWidth - (p.indent ?? 0));
      });
      body.end();
      li.end();
      this.doc.y += opts.gap ?? 6;
    }
    list.end();
  }

  /** An image with its text alternative (Figure /Alt); an image pdfkit cannot read is left out. */
  figure(bytes: Buffer, alt: string, fit: [number, number]): boolean {
    let image: PdfImage;
    try {
      image = (this.doc as unknown as { openImage(src: Buffer): PdfImage }).openImage(bytes);
    } catch {
      return false;
    }
    const scale = Math.min(fit[0] / image.width, fit[1] / image.height, 1);
    const h = image.height * scale;
    const top = this.doc.y;
    this.parent.add(this.doc.struct('Figure', { alt }, () => this.doc.image(image as never, this.margin, top, { width: image.width * scale, height: h })));
    this.doc.x = this.margin;
    this.doc.y = top + h;
    return true;
  }

  /**
   * A drawing made with pdfkit's vector commands (a chart) as a Figure with its text alternative:
   * `draw` paints within `h` points from (x, y); the page breaks before it when it does not fit.
   */
  drawing(alt: string, h: number, draw: (doc: PDFKit.PDFDocument, x: number, y: number) => void): void {
    this.ensure(h);
    const top = this.doc.y;
    this.parent.add(this.doc.struct('Figure', { alt }, () => draw(this.doc, this.margin, top)));
    this.doc.x = this.margin;
    this.doc.y = top + h;
  }

  /** A section (Sect with a title) around what `fn` writes. */
  section(title: string, fn: () => void): void {
    const sect = this.doc.struct('Sect', { title });
    this.parent.add(sect);
    const outer = this.parent;
    this.parent = sect;
    try {
      fn();
    } finally {
      this.parent = outer;
      sect.end();
    }
  }

  /** Finishes the document and returns its bytes. */
  async end(): Promise<Uint8Array> {
    this.root.end();
    this.doc.end();
    return this.done;
  }
}
