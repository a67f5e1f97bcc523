// The advice letter's layout, run in a sandboxed child process (core/sandbox) by advice.letter.ts.
// The process is kept warm for the next letter (`keep`): nothing of a letter stays in it (the fonts
// and pdfkit are loaded once, from node_modules; every PDF object is made per letter).
import { layOutLetter } from './advice.letter.pdf.ts';
import type { LetterModel } from './advice.letter.ts';

export type LetterJob = { model: LetterModel; logo: { bytes: Uint8Array; type: 'png' } | null };

export default function run(job: LetterJob): Promise<Uint8Array> {
  // The logo arrives as a plain Uint8Array (structured clone); pdfkit reads a Buffer.
  return layOutLetter(job.model, job.logo ? { bytes: Buffer.from(job.logo.bytes), type: 'png' } : null);
}
