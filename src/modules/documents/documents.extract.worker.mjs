// Text extraction in a worker thread (plain JavaScript so it runs without a TypeScript loader).
// Started per file by documents.extraction.ts with memory limits and a timeout: a hostile or
// malformed file can only end this thread, never the server.
import { parentPort, workerData } from 'node:worker_threads';
import { unzipSync, strFromU8 } from 'fflate';

/** @param {{ kind: string, bytes: Uint8Array }} job */
async function extract(job) {
  if (job.kind === 'pdf') {
    const { getDocumentProxy, extractText } = await import('unpdf');
    const pdf = await getDocumentProxy(job.bytes, { isEvalSupported: false, stopAtErrors: true, verbosity: 0 });
    const { text } = await extractText(pdf, { mergePages: false });
    return text.map((t, i) => ({ page: i + 1, text: t }));
  }
  if (job.kind === 'docx') {
    const mammoth = (await import('mammoth')).default;
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(job.bytes) });
    return [{ page: null, text: value }];
  }
  if (job.kind === 'odt' || job.kind === 'ods' || job.kind === 'odp') {
    const files = unzipSync(job.bytes, { filter: (f) => f.name === 'content.xml' && f.originalSize < 200 * 1024 * 1024 });
    const xml = files['content.xml'];
    if (!xml) throw new Error('content.xml missing');
    return [{ page: null, text: odfText(strFromU8(xml)) }];
  }
  throw new Error(`no extractor for ${job.kind}`);
}

/** Paragraphs, headings and cells become lines; tags go; the five XML entities are decoded. */
function odfText(xml) {
  return xml
    .replace(/<text:(?:tab|s)\b[^>]*\/>/g, ' ')
    .replace(/<\/(?:text:p|text:h|table:table-cell)>|<text:line-break\/>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(lt|gt|quot|apos|amp);/g, (_, e) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e])
    .trim();
}

extract(workerData)
  .then((pages) => parentPort.postMessage({ ok: true, pages }))
  .catch((err) => parentPort.postMessage({ ok: false, error: String(err?.message ?? err).slice(0, 500) }));
