/**
 * Text in PDFs made with pdf-lib's standard fonts (Helvetica, WinAnsi): the advice letter and the
 * meeting packet. Flowing text over A4 pages, wrapped to the width, with characters the font
 * cannot encode replaced instead of crashing.
 */
import { rgb, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';

export const A4: [number, number] = [595.28, 841.89];

/** Helvetica (WinAnsi) cannot show every character: replace what it cannot encode. */
export function encodable(font: PDFFont, text: string): string {
  let out = '';
  for (const ch of text.replace(/\r/g, '')) {
    try {
      font.encodeText(ch);
      out += ch;
    } catch {
      out += ch === '\t' ? ' ' : '?';
    }
  }
  return out;
}

export function wrap(font: PDFFont, size: number, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(/\s+/).filter(Boolean)) {
      let w = word;
      // A word longer than the line is cut.
      while (font.widthOfTextAtSize(w, size) > width) {
        let cut = w.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(w.slice(0, cut), size) > width) cut--;
        if (line) lines.push(line);
        lines.push(w.slice(0, cut));
        line = '';
        w = w.slice(cut);
      }
      const next = line ? `${line} ${w}` : w;
      if (font.widthOfTextAtSize(next, size) > width) {
        lines.push(line);
        line = w;
      } else line = next;
    }
    lines.push(line);
  }
  return lines;
}

export type WriteOptions = { size?: number; font?: PDFFont; gap?: number; indent?: number };

/** Writes text top to bottom, starting a new A4 page when the current one is full. */
export class TextFlow {
  page: PDFPage;
  /** The baseline position: the top of the next line. */
  y: number;
  readonly width: number;

  constructor(
    readonly pdf: PDFDocument,
    readonly font: PDFFont,
    readonly margin = 64,
  ) {
    this.page = pdf.addPage(A4);
    this.y = A4[1] - margin;
    this.width = A4[0] - 2 * margin;
  }

  newPage(): void {
    this.page = this.pdf.addPage(A4);
    this.y = A4[1] - this.margin;
  }

  /** Makes room for `h` points, on a new page if needed. */
  ensure(h: number): void {
    if (this.y - h < this.margin) this.newPage();
  }

  write(text: string, opts: WriteOptions = {}): void {
    const size = opts.size ?? 11;
    const f = opts.font ?? this.font;
    const indent = opts.indent ?? 0;
    for (const line of wrap(f, size, encodable(f, text), this.width - indent)) {
      this.ensure(size * 1.4);
      this.page.drawText(line, { x: this.margin + indent, y: this.y - size, size, font: f, color: rgb(0.1, 0.1, 0.1) });
      this.y -= size * 1.4;
    }
    this.y -= opts.gap ?? 6;
  }
}
