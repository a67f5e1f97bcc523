/**
 * The meeting packet (vergaderstukken): one PDF to print, with a cover page (council, meeting,
 * agenda, list of documents with their page numbers) followed by every linked document the
 * reader may see. PDFs are copied page by page; Word and OpenDocument files appear as their
 * extracted text. A file that cannot be read becomes a page that says so: the packet never fails
 * because of one bad document.
 */
import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';
import type { Deps } from '../../core/deps.ts';
import type { Translate } from '../../core/i18n/index.ts';
import type { Actor } from '../../core/policy.ts';
import { TextFlow } from '../../core/pdf.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { extractedText, visibleDocuments, type DocumentRef } from '../documents/index.ts';
import { getMeeting } from './meetings.queries.ts';
import type { AgendaItemView } from './meetings.agenda.ts';
import type { Meeting } from './meetings.schema.ts';
import { dayOf } from './meetings.calendar.ts';

/** Above this many bytes of documents in one packet, further documents are named, not included. */
export const PACKET_MAX_BYTES = 200 * 1024 * 1024;

type Fonts = { regular: PDFFont; bold: PDFFont };
type Part = { doc: DocumentRef; item: number; source: PDFDocument; note: 'included' | 'text' | 'missing' };

async function fontsOf(pdf: PDFDocument): Promise<Fonts> {
  return { regular: await pdf.embedFont(StandardFonts.Helvetica), bold: await pdf.embedFont(StandardFonts.HelveticaBold) };
}

/** A short PDF written with TextFlow: a heading and paragraphs. */
async function textPdf(title: string, paragraphs: string[]): Promise<PDFDocument> {
  const pdf = await PDFDocument.create();
  const f = await fontsOf(pdf);
  const flow = new TextFlow(pdf, f.regular);
  flow.write(title, { size: 14, font: f.bold, gap: 12 });
  for (const p of paragraphs) flow.write(p, { gap: 8 });
  return pdf;
}

/** One document as PDF pages to append; never throws for a bad file. */
async function partOf(deps: Deps, council: Council, doc: DocumentRef, t: Translate, budget: { left: number }): Promise<Pick<Part, 'source' | 'note'>> {
  const notice = async (key: 'calendar.packet.notAdded' | 'calendar.packet.noText' | 'calendar.packet.tooLarge') => ({
    source: await textPdf(doc.title, [t(key, { file: doc.fileName })]),
    note: 'missing' as const,
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
      return { source, note: 'included' };
    } catch {
      return notice('calendar.packet.notAdded');
    }
  }
  const pages = await extractedText(deps, council.id, doc.id);
  const text = pages.map((p) => p.text.trim()).filter(Boolean);
  if (!text.length) return notice('calendar.packet.noText');
  return { source: await textPdf(doc.title, [t('calendar.packet.textOnly', { file: doc.fileName }), ...text]), note: 'text' };
}

function placeOf(m: Meeting, t: Translate): string {
  const parts = [m.location];
  if (m.mode !== 'in_person' && m.onlineUrl) parts.push(`${t('calendar.event.online')}: ${m.onlineUrl}`);
  return parts.filter(Boolean).join(' - ');
}

/** The cover: meeting, agenda and the list of documents with the page each starts on. */
async function coverPdf(args: { council: Council; meeting: Meeting; agenda: AgendaItemView[]; parts: Part[]; firstPages: number[]; times: { start: string; end: string }; t: Translate }): Promise<PDFDocument> {
  const { council, meeting: m, agenda, parts, t } = args;
  const pdf = await PDFDocument.create();
  const f = await fontsOf(pdf);
  const flow = new TextFlow(pdf, f.regular);
  flow.write(council.name, { size: 12, font: f.bold, gap: 4 });
  flow.write(t('calendar.packet.title'), { size: 20, font: f.bold, gap: 10 });
  flow.write(m.title, { size: 14, font: f.bold, gap: 8 });
  flow.write(t('calendar.packet.when', { date: dayOf(m.startsAt, 'nl'), start: args.times.start, end: args.times.end }), { gap: 2 });
  const place = placeOf(m, t);
  if (place) flow.write(t('calendar.packet.where', { place }), { gap: 2 });
  if (m.status === 'cancelled') flow.write(t('calendar.event.cancelled'), { font: f.bold, gap: 2 });
  flow.y -= 12;
  flow.write(t('calendar.event.agenda'), { size: 14, font: f.bold, gap: 8 });
  if (!agenda.length) flow.write(t('calendar.packet.noAgenda'));
  agenda.forEach((item, i) => {
    flow.write(`${i + 1}.  ${item.startTime ? `${item.startTime}  ` : ''}${item.title}`, { font: f.bold, gap: 2 });
    const meta = [item.presenter ? t('calendar.packet.presenter', { name: item.presenter }) : '', t(item.isPublic ? 'calendar.packet.public' : 'calendar.packet.closed')];
    flow.write(meta.filter(Boolean).join('  |  '), { size: 10, indent: 18, gap: 2 });
    if (item.explanation) flow.write(item.explanation, { size: 10, indent: 18, gap: 2 });
    parts.forEach((p, n) => {
      if (p.item === i) flow.write(t('calendar.packet.attachment', { n: n + 1, title: p.doc.title, page: args.firstPages[n] }), { size: 10, indent: 18, gap: 2 });
    });
    flow.y -= 8;
  });
  if (parts.length) {
    flow.y -= 6;
    flow.write(t('calendar.packet.documents'), { size: 14, font: f.bold, gap: 8 });
    parts.forEach((p, n) => {
      const suffix = p.note === 'missing' ? ` - ${t('calendar.packet.missingShort')}` : p.note === 'text' ? ` - ${t('calendar.packet.textShort')}` : '';
      flow.write(`${t('calendar.packet.attachment', { n: n + 1, title: p.doc.title, page: args.firstPages[n] })}${suffix}`, { size: 10, gap: 2 });
    });
  }
  return pdf;
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

  // Page numbers on the cover depend on the cover's own length: lay it out until it is stable.
  const times = { start: detail.local.start, end: detail.local.end };
  let coverPages = 1;
  let cover: PDFDocument;
  for (;;) {
    let next = coverPages + 1;
    const firstPages = parts.map((p) => {
      const at = next;
      next += p.source.getPageCount();
      return at;
    });
    cover = await coverPdf({ council, meeting, agenda, parts, firstPages, times, t });
    if (cover.getPageCount() === coverPages) break;
    coverPages = cover.getPageCount();
  }

  for (const p of parts) {
    const copied = await cover.copyPages(p.source, p.source.getPageIndices());
    for (const page of copied) cover.addPage(page);
  }
  cover.setTitle(`${t('calendar.packet.title')} ${meeting.title} ${detail.local.date}`.slice(0, 200));
  cover.setAuthor(council.name);
  cover.setLanguage('nl-NL');
  cover.setCreator('Raadwerk');
  const bytes = await cover.save();
  return { bytes, fileName: `vergaderstukken-${council.slug}-${detail.local.date}.pdf`, pages: cover.getPageCount() };
}
