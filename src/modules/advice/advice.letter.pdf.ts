/**
 * The advice letter laid out as a tagged PDF (A4, Noto Sans): letterhead, addressee, date,
 * reference, subject, body, recommendations, closing and signatures. It runs in a sandboxed
 * child process (advice.letter.worker.ts), never on the request thread: the texts are long and
 * the logo is an uploaded image.
 */
import { TaggedPdf } from '../../core/pdf/tagged.ts';
import type { LetterLogo, LetterModel } from './advice.letter.ts';

/** The letter as a tagged PDF. The logo is included when pdfkit can read it. */
export async function layOutLetter(model: LetterModel, logo: LetterLogo | null): Promise<Uint8Array> {
  const pdf = new TaggedPdf({ title: `${model.reference} ${model.subject}`.slice(0, 200), author: model.council, subject: model.subject, lang: 'nl-NL' });
  // A logo pdfkit cannot read is left out; the letter still goes.
  if (logo && pdf.figure(logo.bytes, model.logoAlt || model.council, [160, 56])) pdf.space(12);
  pdf.paragraph({ text: model.council, bold: true, size: 15, gap: model.postalAddress ? 0 : 18 });
  if (model.postalAddress) pdf.paragraph({ text: model.postalAddress, size: 10, gap: 18 });
  pdf.paragraph({ text: model.addressee, gap: 18 });
  pdf.paragraph({ text: `${model.labels.date}: ${model.date}`, gap: 0 });
  pdf.paragraph({ text: `${model.labels.reference}: ${model.reference}`, gap: 6 });
  // The subject is the letter's title: its one first-level heading.
  pdf.heading(1, `${model.labels.subject}: ${model.subject}`, { size: 12, gap: 18 });
  pdf.paragraph({ text: model.salutation, gap: 10 });
  for (const p of model.opening) pdf.paragraph({ text: p, gap: 10 });
  if (model.recommendations.length) {
    pdf.heading(2, model.recommendationsTitle, { size: 12 });
    pdf.list(
      model.recommendations.map((r) => ({ label: `${r.number}.`, body: [{ text: r.text }] })),
      { gap: 6 },
    );
    pdf.space(6);
  }
  if (model.explanation.length) {
    pdf.heading(2, model.explanationTitle, { size: 12 });
    for (const p of model.explanation) pdf.paragraph({ text: p, gap: 10 });
  }
  pdf.paragraph({ text: model.answerRequest, gap: 10 });
  // The closing is its own paragraph, with room for the signatures below it.
  pdf.paragraph({ text: model.closing, gap: 28 });
  for (const s of model.signatures) {
    pdf.paragraph({ text: s.name, bold: true, gap: 0 });
    pdf.paragraph({ text: s.role, gap: 12 });
  }
  return pdf.end();
}
