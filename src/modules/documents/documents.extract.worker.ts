// Text extraction, run in a sandboxed child process (core/sandbox) by documents.extraction.ts with
// a memory limit and a timeout: a hostile or malformed file can only end this process, never the server.
// Archives are checked on their members' declared and actual sizes before mammoth or fflate opens them.
import { unzipSync, strFromU8 } from 'fflate';
import { checkArchive } from '../../core/files/archive.ts';

/** `part`: this process reads only its share of a PDF's pages (several processes share a large file). */
export type ExtractJob = { kind: string; bytes: Uint8Array; maxPages: number; part?: { index: number; of: number } };
export type ExtractedPage = { page: number | null; text: string };

/** An error the caller reports as `too_large` rather than `failed`. */
function tooLarge(message: string): Error {
  return Object.assign(new Error(message), { code: 'too_large' });
}

export default async function extract(input: ExtractJob): Promise<ExtractedPage[]> {
  // The bytes arrive from the parent process as a Buffer, which pdf.js refuses: the same memory as a plain Uint8Array.
  const job = { ...input, bytes: new Uint8Array(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength) };
  if (job.kind === 'pdf') {
    // pdf.js inflates each content stream through DecompressionStream when there is one: a round of
    // web streams and promises per page. Its own inflate gives the same bytes without them.
    delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;
    const { getDocumentProxy } = await import('unpdf');
    // isEvalSupported is a pdf.js option that unpdf's types leave out: no code from a font is ever compiled.
    const options = { isEvalSupported: false, stopAtErrors: true, verbosity: 0 } as Parameters<typeof getDocumentProxy>[1];
    const pdf = await getDocumentProxy(job.bytes, options);
    // Counted before any page is read: a file that claims 150,000 pages stops here.
    if (pdf.numPages > job.maxPages) throw tooLarge(`${pdf.numPages} pages`);
    const { index, of } = job.part ?? { index: 0, of: 1 };
    const pages: ExtractedPage[] = [];
    for (let n = Math.floor((pdf.numPages * index) / of) + 1; n <= Math.floor((pdf.numPages * (index + 1)) / of); n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      // As unpdf's extractText: each item's text, a line break where a line ends.
      pages.push({ page: n, text: content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('') });
      page.cleanup();
    }
    await pdf.loadingTask.destroy();
    return pages;
  }
  if (job.kind === 'docx' || job.kind === 'odt' || job.kind === 'ods' || job.kind === 'odp') {
    try {
      checkArchive(job.bytes);
    } catch (err) {
      if ((err as { code?: string }).code === 'too_large') throw tooLarge((err as Error).message);
      throw err;
    }
  }
  if (job.kind === 'docx') {
    const mammoth = (await import('mammoth')).default;
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(job.bytes) });
    return [{ page: null, text: value }];
  }
  if (job.kind === 'odt' || job.kind === 'ods' || job.kind === 'odp') {
    const files = unzipSync(job.bytes, { filter: (f) => f.name === 'content.xml' });
    const xml = files['content.xml'];
    if (!xml) throw new Error('content.xml missing');
    return [{ page: null, text: odfText(strFromU8(xml)) }];
  }
  throw new Error(`no extractor for ${job.kind}`);
}

/** Paragraphs, headings and cells become lines; tags go; the five XML entities are decoded. */
function odfText(xml: string): string {
  const entities: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
  return xml
    .replace(/<text:(?:tab|s)\b[^>]*\/>/g, ' ')
    .replace(/<\/(?:text:p|text:h|table:table-cell)>|<text:line-break\/>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => entities[e]!)
    .trim();
}
