/**
 * Lays out the meeting packet: cover (council, meeting, agenda, list of documents with their page
 * numbers), then each document. Cover, texts and notices are written as a tagged PDF
 * (core/pdf/tagged.ts); the pages of PDF documents are put in their place with pdf-lib
 * (core/pdf/merge.ts), with a bookmark per document. Everything here parses uploaded PDFs, so it
 * runs only in a sandboxed child process (meetings.packet.worker.ts), never on the request thread.
 */
import { PDFDocument } from 'pdf-lib';
import { registerMessages, translator, type Locale, type Translate } from '../../core/i18n/index.ts';
import { TaggedPdf } from '../../core/pdf/tagged.ts';
import { isTagged, mergeIntoTagged, type Insert } from '../../core/pdf/merge.ts';
import calendarMessages from './meetings.calendar.messages.json' with { type: 'json' };

/** A document's pages above this make it a notice instead (a file that claims 150,000 pages). */
const PACKET_MAX_DOCUMENT_PAGES = 2_000;

type Notice = 'calendar.packet.notAdded' | 'calendar.packet.noText' | 'calendar.packet.tooLarge';
/** One document as the packet gets it: a checked PDF copy, its text, or why it is left out. */
export type PacketPartInput = { title: string; fileName: string; item: number } & (
  | { kind: 'pdf'; bytes: Uint8Array; tagged: boolean }
  | { kind: 'text'; paragraphs: string[] }
  | { kind: 'notice'; notice: Notice }
);
export type PacketInput = {
  locale: Locale;
  title: string;
  council: string;
  meeting: { title: string; date: string; start: string; end: string; place: string; cancelled: boolean };
  agenda: { title: string; startTime: string | null; presenter: string; isPublic: boolean; explanation: string }[];
  parts: PacketPartInput[];
};

type Part = { title: string; item: number } & ({ note: 'included'; source: PDFDocument; tagged: boolean } | { note: 'text' | 'missing'; paragraphs: string[] });

/** A PDF from an upload, loaded and copied page by page: the copy holds only what its pages use. Throws for a bad file. */
export async function cleanCopy(bytes: Uint8Array, maxPages = PACKET_MAX_DOCUMENT_PAGES): Promise<{ bytes: Uint8Array; pages: number; tagged: boolean }> {
  // An encrypted PDF would be copied as unreadable pages: refused like any other bad file.
  const original = await PDFDocument.load(bytes, { updateMetadata: false });
  const pages = original.getPageCount();
  if (pages === 0) throw new Error('no pages');
  if (pages > maxPages) throw Object.assign(new Error(`${pages} pages`), { code: 'too_large' });
  const copy = await PDFDocument.create({ updateMetadata: false });
  for (const page of await copy.copyPages(original, original.getPageIndices())) copy.addPage(page);
  return { bytes: await copy.save(), pages, tagged: isTagged(original) };
}

async function partOf(p: PacketPartInput, t: Translate): Promise<Part> {
  const notice = (key: Notice): Part => ({ title: p.title, item: p.item, note: 'missing', paragraphs: [t(key, { file: p.fileName })] });
  if (p.kind === 'notice') return notice(p.notice);
  if (p.kind === 'text') return { title: p.title, item: p.item, note: 'text', paragraphs: [t('calendar.packet.textOnly', { file: p.fileName }), ...p.paragraphs] };
  try {
    return { title: p.title, item: p.item, note: 'included', source: await PDFDocument.load(p.bytes, { updateMetadata: false }), tagged: p.tagged };
  } catch {
    return notice('calendar.packet.notAdded');
  }
}

type Cover = { input: PacketInput; parts: Part[]; firstPages: number[]; t: Translate };

/** The cover: meeting, agenda (a numbered list) and the list of documents with the page each starts on. */
function writeCover(pdf: TaggedPdf, { input, parts, firstPages, t }: Cover): void {
  const m = input.meeting;
  const attachment = (n: number) => t('calendar.packet.attachment', { n: n + 1, title: parts[n]!.title, page: firstPages[n] });
  pdf.paragraph({ text: input.council, bold: true, size: 12, gap: 2 });
  pdf.heading(1, t('calendar.packet.title'), { size: 20, gap: 8 });
  pdf.paragraph({ text: m.title, bold: true, size: 14, gap: 8 });
  pdf.paragraph({ text: t('calendar.packet.when', { date: m.date, start: m.start, end: m.end }), gap: 2 });
  if (m.place) pdf.paragraph({ text: t('calendar.packet.where', { place: m.place }), gap: 2 });
  if (m.cancelled) pdf.paragraph({ text: t('calendar.event.cancelled'), bold: true, gap: 2 });
  pdf.space(12);
  pdf.heading(2, t('calendar.event.agenda'), { size: 14, gap: 8 });
  if (!input.agenda.length) pdf.paragraph(t('calendar.packet.noAgenda'));
  pdf.list(
    input.agenda.map((item, i) => ({
      label: `${i + 1}.`,
      body: [
        { text: `${item.startTime ? `${item.startTime}  ` : ''}${item.title}`, bold: true },
        {
          text: [item.presenter ? t('calendar.packet.presenter', { name: item.presenter }) : '', t(item.isPublic ? 'calendar.packet.public' : 'calendar.packet.closed')].filter(Boolean).join('  |  '),
          size: 10,
        },
        ...(item.explanation ? [{ text: item.explanation, size: 10 }] : []),
        ...parts.flatMap((p, n) => (p.item === i ? [{ text: attachment(n), size: 10 }] : [])),
      ],
    })),
    { gap: 8 },
  );
  if (parts.length) {
    pdf.space(6);
    pdf.heading(2, t('calendar.packet.documents'), { size: 14, gap: 8 });
    parts.forEach((p, n) => {
      const suffix = p.note === 'missing' ? ` - ${t('calendar.packet.missingShort')}` : p.note === 'text' ? ` - ${t('calendar.packet.textShort')}` : '';
      pdf.paragraph({ text: `${attachment(n)}${suffix}`, size: 10, gap: 2 });
    });
  }
}

/**
 * One document's section. Text and notices start on a new page; a PDF document's section stays
 * empty here and receives its pages in mergeIntoTagged.
 */
function writePart(pdf: TaggedPdf, part: Part): void {
  if (part.note === 'included') {
    pdf.section(part.title, () => {});
    return;
  }
  pdf.newPage();
  pdf.section(part.title, () => {
    pdf.heading(2, part.title, { size: 14, gap: 12 });
    for (const p of part.paragraphs) pdf.paragraph({ text: p, gap: 8 });
  });
}

/** The packet as one tagged PDF. */
export async function buildPacket(input: PacketInput): Promise<{ bytes: Uint8Array; pages: number }> {
  registerMessages(calendarMessages);
  const t = translator(input.locale);
  const parts: Part[] = [];
  for (const p of input.parts) parts.push(await partOf(p, t));
  const make = () => new TaggedPdf({ title: input.title, author: input.council, lang: 'nl-NL' });
  // The pages each written part takes: laid out once on a scratch document.
  const scratch = make();
  const written = parts.map((p) => {
    if (p.note === 'included') return p.source.getPageCount();
    const before = scratch.pageCount;
    writePart(scratch, p);
    return scratch.pageCount - before;
  });
  // Page numbers on the cover depend on the cover's own length: lay it out until it is stable.
  let coverPages = 1;
  let firstPages: number[] = [];
  for (;;) {
    let next = coverPages + 1;
    firstPages = written.map((n) => {
      const at = next;
      next += n;
      return at;
    });
    const trial = make();
    writeCover(trial, { input, parts, firstPages, t });
    if (trial.pageCount === coverPages) break;
    coverPages = trial.pageCount;
  }
  const pdf = make();
  writeCover(pdf, { input, parts, firstPages, t });
  for (const p of parts) writePart(pdf, p);
  const inserts: Insert[] = parts.flatMap((p, n) => (p.note === 'included' ? [{ at: firstPages[n]! - 1, source: p.source, section: n, tagged: p.tagged }] : []));
  const bookmarks = [{ title: t('calendar.event.agenda'), page: 0 }, ...parts.map((p, n) => ({ title: p.title, page: firstPages[n]! - 1 }))];
  return mergeIntoTagged(await pdf.end(), inserts, bookmarks);
}
