/**
 * The meeting packet (vergaderstukken): one PDF to print, with a cover page (council, meeting,
 * agenda, list of documents with their page numbers) followed by every linked document the
 * reader may see. The cover, Word and OpenDocument files (as their extracted text) and the notices
 * for files that could not be added are written as a tagged PDF (core/pdf/tagged.ts); the pages of
 * PDF documents are then put in their place with pdf-lib (core/pdf/merge.ts), with a bookmark per
 * document. A file that cannot be read becomes a page that says so: the packet never fails
 * because of one bad document.
 */
import { PDFDocument } from 'pdf-lib';
import type { Deps } from '../../core/deps.ts';
import type { Translate } from '../../core/i18n/index.ts';
import type { Actor } from '../../core/policy.ts';
import { TaggedPdf } from '../../core/pdf/tagged.ts';
import { isTagged, mergeIntoTagged, type Insert } from '../../core/pdf/merge.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { extractedText, visibleDocuments, type DocumentRef } from '../documents/index.ts';
import { getMeeting } from './meetings.queries.ts';
import type { AgendaItemView } from './meetings.agenda.ts';
import type { Meeting } from './meetings.schema.ts';
import { dayOf } from './meetings.calendar.ts';

/** Above this many bytes of documents in one packet, further documents are named, not included. */
const PACKET_MAX_BYTES = 200 * 1024 * 1024;

/** A document in the packet: its PDF pages, or paragraphs the packet writes itself. */
type Content = { note: 'included'; source: PDFDocument; tagged: boolean } | { note: 'text' | 'missing'; paragraphs: string[] };
type Part = { doc: DocumentRef; item: number } & Content;

/** One document as pages to add; never throws for a bad file. */
async function partOf(deps: Deps, council: Council, doc: DocumentRef, t: Translate, budget: { left: number }): Promise<Content> {
  const notice = (key: 'calendar.packet.notAdded' | 'calendar.packet.noText' | 'calendar.packet.tooLarge'): Content => ({
    note: 'missing',
    paragraphs: [t(key, { file: doc.fileName })],
  });
  if (doc.mimeType === 'application/pdf') {
    if (doc.sizeBytes > budget.left) return notice('calendar.packet.tooLarge');
    const bytes = await deps.files.get(doc.fileHash).catch(() => null);
    if (!bytes) return notice('calendar.packet.notAdded');
    try {
      // An encrypted PDF would be copied as unreadable pages: refused like any other bad file.
      const original = await PDFDocument.load(bytes, { updateMetadata: false });
      if (original.getPageCount() === 0) return notice('calendar.packet.notAdded');
      // Copied here, inside the try: a file that loads but breaks on copying is caught too.
      const source = await PDFDocument.create();
      for (const page of await source.copyPages(original, original.getPageIndices())) source.addPage(page);
      budget.left -= doc.sizeBytes;
      // Whether the original was tagged decides how its pages join the packet's structure.
      return { source, tagged: isTagged(original), note: 'included' };
    } catch {
      return notice('calendar.packet.notAdded');
    }
  }
  const pages = await extractedText(deps, council.id, doc.id);
  const text = pages
    .flatMap((p) => p.text.split(/\n\s*\n/))
    .map((p) => p.trim())
    .filter(Boolean);
  if (!text.length) return notice('calendar.packet.noText');
  return { note: 'text', paragraphs: [t('calendar.packet.textOnly', { file: doc.fileName }), ...text] };
}

function placeOf(m: Meeting, t: Translate): string {
  const parts = [m.location];
  if (m.mode !== 'in_person' && m.onlineUrl) parts.push(`${t('calendar.event.online')}: ${m.onlineUrl}`);
  return parts.filter(Boolean).join(' - ');
}

type Cover = {
  council: Council;
  meeting: Meeting;
  agenda: AgendaItemView[];
  parts: Part[];
  firstPages: number[];
  times: { start: string; end: string };
  t: Translate;
};

/** The cover: meeting, agenda (a numbered list) and the list of documents with the page each starts on. */
function writeCover(pdf: TaggedPdf, args: Cover): void {
  const { council, meeting: m, agenda, parts, t } = args;
  const attachment = (n: number) => t('calendar.packet.attachment', { n: n + 1, title: parts[n]!.doc.title, page: args.firstPages[n] });
  pdf.paragraph({ text: council.name, bold: true, size: 12, gap: 2 });
  pdf.heading(1, t('calendar.packet.title'), { size: 20, gap: 8 });
  pdf.paragraph({ text: m.title, bold: true, size: 14, gap: 8 });
  pdf.paragraph({ text: t('calendar.packet.when', { date: dayOf(m.startsAt, 'nl'), start: args.times.start, end: args.times.end }), gap: 2 });
  const place = placeOf(m, t);
  if (place) pdf.paragraph({ text: t('calendar.packet.where', { place }), gap: 2 });
  if (m.status === 'cancelled') pdf.paragraph({ text: t('calendar.event.cancelled'), bold: true, gap: 2 });
  pdf.space(12);
  pdf.heading(2, t('calendar.event.agenda'), { size: 14, gap: 8 });
  if (!agenda.length) pdf.paragraph(t('calendar.packet.noAgenda'));
  pdf.list(
    agenda.map((item, i) => ({
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
    pdf.section(part.doc.title, () => {});
    return;
  }
  pdf.newPage();
  pdf.section(part.doc.title, () => {
    pdf.heading(2, part.doc.title, { size: 14, gap: 12 });
    for (const p of part.paragraphs) pdf.paragraph({ text: p, gap: 8 });
  });
}

/**
 * The packet of one meeting for this actor: only documents the actor may see (a closed document
 * never reaches a member who may not read it). Unknown meeting or another council's: 404.
 */
export async function meetingPacket(deps: Deps, args: { actor: Actor | null; council: Council; meetingId: string; t: Translate }): Promise<{ bytes: Uint8Array; fileName: string; pages: number }> {
  const { council, t } = args;
  const detail = await getMeeting(deps, { actor: args.actor, council, id: args.meetingId });
  const { meeting, agenda } = detail;
  // Each visible document once, in agenda order, under the first item that links it.
  const ids = [...new Set(agenda.flatMap((i) => i.documents.map((d) => d.id)))];
  const visible = ids.length ? await visibleDocuments(deps, { council, actor: args.actor, ids }) : [];
  const byId = new Map(visible.map((d) => [d.id, d]));
  const budget = { left: PACKET_MAX_BYTES };
  const parts: Part[] = [];
  for (const id of ids) {
    const doc = byId.get(id);
    if (!doc) continue;
    const item = agenda.findIndex((i) => i.documents.some((d) => d.id === id));
    parts.push({ doc, item, ...(await partOf(deps, council, doc, t, budget)) });
  }

  const title = `${t('calendar.packet.title')} ${meeting.title} ${detail.local.date}`.slice(0, 200);
  const make = () => new TaggedPdf({ title, author: council.name, lang: 'nl-NL' });
  // The pages each written part takes: laid out once on a scratch document.
  const scratch = make();
  const written = parts.map((p) => {
    if (p.note === 'included') return p.source.getPageCount();
    const before = scratch.pageCount;
    writePart(scratch, p);
    return scratch.pageCount - before;
  });
  // Page numbers on the cover depend on the cover's own length: lay it out until it is stable.
  const times = { start: detail.local.start, end: detail.local.end };
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
    writeCover(trial, { council, meeting, agenda, parts, firstPages, times, t });
    if (trial.pageCount === coverPages) break;
    coverPages = trial.pageCount;
  }

  const pdf = make();
  writeCover(pdf, { council, meeting, agenda, parts, firstPages, times, t });
  for (const p of parts) writePart(pdf, p);
  const inserts: Insert[] = parts.flatMap((p, n) => (p.note === 'included' ? [{ at: firstPages[n]! - 1, source: p.source, section: n, tagged: p.tagged }] : []));
  const bookmarks = [{ title: t('calendar.event.agenda'), page: 0 }, ...parts.map((p, n) => ({ title: p.doc.title, page: firstPages[n]! - 1 }))];
  const merged = await mergeIntoTagged(await pdf.end(), inserts, bookmarks);
  return { bytes: merged.bytes, fileName: `vergaderstukken-${council.slug}-${detail.local.date}.pdf`, pages: merged.pages };
}
