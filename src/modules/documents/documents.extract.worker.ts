// Text extraction, run in a sandboxed worker thread (core/sandbox) by documents.extraction.ts with
// a memory limit and a timeout: a hostile or malformed file can only end this thread, never the server.
// Archives are checked on their members' declared and actual sizes before mammoth or fflate opens them.
import { unzipSync, strFromU8 } from 'fflate';
import { checkArchive } from '../../core/files/archive.ts';

export type ExtractJob = { kind: string; bytes: Uint8Array; maxPages: number };
export type ExtractedPage = { page: number | null; text: string };

/** An error the caller reports as `too_large` rather than `failed`. */
function tooLarge(message: string): Error {
  return Object.assign(new Error(message), { code: 'too_large' });
}

export default async function extract(job: ExtractJob): Promise<ExtractedPage[]> {
  if (job.kind === 'pdf') {
    const { getDocumentProxy, extractText } = await import('unpdf');
    // isEvalSupported is a pdf.js option that unpdf's types leave out: no code from a font is ever compiled.
    const options = { isEvalSupported: false, stopAtErrors: true, verbosity: 0 } as Parameters<typeof getDocumentProxy>[1];
    const pdf = await getDocumentProxy(job.bytes, options);
    // Counted before any page is read: a file that claims 150,000 pages stops here.
    if (pdf.numPages > job.maxPages) throw tooLarge(`${pdf.numPages} pages`);
    const { text } = await extractText(pdf, { mergePages: false });
    return text.map((t, i) => ({ page: i + 1, text: t }));
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
