/**
 * The advice letter and the follow-up letter: one model, shown as HTML (views/letter.tsx),
 * sent as plain text by e-mail, and made into a PDF with pdf-lib's standard Helvetica.
 */
import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';
import { TextFlow } from '../../core/pdf.ts';
import { formatDate, type Locale, type Translate } from '../../core/i18n/index.ts';
import type { Council } from '../../core/organisations.schema.ts';
import type { Advice, Recommendation } from './advice.schema.ts';

export type LetterModel = {
  kind: 'advice' | 'followUp';
  council: string;
  advises: string;
  postalAddress: string;
  date: string;
  reference: string;
  addressee: string;
  subject: string;
  salutation: string;
  /** Paragraphs before the recommendations. */
  opening: string[];
  recommendationsTitle: string;
  recommendations: { number: number; text: string }[];
  explanationTitle: string;
  explanation: string[];
  closing: string;
  signatures: { name: string; role: string }[];
  labels: { date: string; reference: string; subject: string };
};

/** Who signs the letter: the active chair and secretary, by name. */
export type Signatories = { chair: string | null; secretary: string | null };

type Input = { council: Council; advice: Advice; recommendations: Recommendation[]; signatories: Signatories; t: Translate; locale: Locale };

const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);

export function letterModel({ council, advice, recommendations, signatories, t, locale }: Input, kind: 'advice' | 'followUp' = 'advice'): LetterModel {
  const date = formatDate(kind === 'advice' ? (advice.sentAt ?? new Date()) : new Date(), locale);
  const signatures = [
    signatories.chair ? { name: signatories.chair, role: t('members.role.chair') } : null,
    signatories.secretary ? { name: signatories.secretary, role: t('members.role.secretary') } : null,
  ].filter((s): s is { name: string; role: string } => s !== null);
  const base = {
    kind,
    council: council.name,
    advises: council.advises,
    postalAddress: council.postalAddress,
    date,
    reference: advice.reference,
    addressee: t(`advice.addressee.${advice.addressee}`),
    salutation: t('advice.letter.salutation'),
    recommendationsTitle: t('advice.letter.recommendations'),
    closing: t('advice.letter.closing'),
    signatures,
    labels: { date: t('advice.letter.date'), reference: t('advice.letter.reference'), subject: t('advice.letter.subject') },
  };
  if (kind === 'followUp') {
    const open = recommendations.filter((r) => r.answer === 'unanswered');
    return {
      ...base,
      subject: t('advice.followUpLetter.subject', { subject: advice.subject }),
      opening: [
        t('advice.followUpLetter.p1', { sent: advice.sentAt ? formatDate(advice.sentAt, locale) : '', subject: advice.subject, reference: advice.reference }),
        t('advice.followUpLetter.p2', { due: advice.answerDueOn ? formatDate(advice.answerDueOn, locale) : '', open: open.length }),
        t('advice.followUpLetter.p3'),
      ],
      recommendationsTitle: t('advice.followUpLetter.openTitle'),
      recommendations: open.map((r) => ({ number: r.number, text: r.text })),
      explanationTitle: '',
      explanation: [],
    };
  }
  return {
    ...base,
    subject: advice.subject,
    opening: paragraphs(advice.introduction),
    recommendations: recommendations.map((r) => ({ number: r.number, text: r.text })),
    explanationTitle: t('advice.letter.explanation'),
    explanation: paragraphs(advice.explanation),
  };
}

/** The letter as the plain text of an e-mail. */
export function letterText(input: Input, kind: 'advice' | 'followUp' = 'advice'): string {
  const m = letterModel(input, kind);
  const lines = [
    m.council,
    m.postalAddress,
    '',
    m.addressee,
    '',
    `${m.labels.date}: ${m.date}`,
    `${m.labels.reference}: ${m.reference}`,
    `${m.labels.subject}: ${m.subject}`,
    '',
    m.salutation,
    '',
    ...m.opening.flatMap((p) => [p, '']),
    m.recommendationsTitle,
    ...m.recommendations.map((r) => `${r.number}. ${r.text}`),
    '',
  ];
  if (m.explanation.length) lines.push(m.explanationTitle, ...m.explanation.flatMap((p) => [p, '']));
  lines.push(m.closing, '', ...m.signatures.map((s) => `${s.name}, ${s.role.toLowerCase()}`), m.council);
  return lines.join('\n').replace(/\n{3,}/g, '\n\n');
}

/** The letter as a PDF (A4). The logo is included when it is PNG or JPEG. */
export async function letterPdf(model: LetterModel, logo: { bytes: Buffer; type: 'png' | 'jpeg' } | null): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${model.reference} ${model.subject}`.slice(0, 200));
  pdf.setAuthor(model.council);
  pdf.setLanguage('nl-NL');
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const flow = new TextFlow(pdf, font);
  const write = (text: string, opts: { size?: number; f?: PDFFont; gap?: number; indent?: number } = {}) => flow.write(text, { ...opts, font: opts.f });

  if (logo) {
    try {
      const img = logo.type === 'png' ? await pdf.embedPng(logo.bytes) : await pdf.embedJpg(logo.bytes);
      const scale = Math.min(160 / img.width, 56 / img.height, 1);
      const w = img.width * scale;
      const h = img.height * scale;
      flow.page.drawImage(img, { x: flow.margin, y: flow.y - h, width: w, height: h });
      flow.y -= h + 12;
    } catch {
      // A logo pdf-lib cannot read is left out; the letter still goes.
    }
  }
  write(model.council, { size: 15, f: bold, gap: 2 });
  if (model.postalAddress) write(model.postalAddress, { size: 10, gap: 18 });
  else flow.y -= 16;
  write(model.addressee, { gap: 18 });
  write(`${model.labels.date}: ${model.date}`, { gap: 0 });
  write(`${model.labels.reference}: ${model.reference}`, { gap: 0 });
  write(`${model.labels.subject}: ${model.subject}`, { gap: 18 });
  write(model.salutation, { gap: 10 });
  for (const p of model.opening) write(p, { gap: 10 });
  if (model.recommendations.length) {
    write(model.recommendationsTitle, { f: bold, size: 12, gap: 6 });
    for (const r of model.recommendations) write(`${r.number}.  ${r.text}`, { gap: 6, indent: 8 });
    flow.y -= 6;
  }
  if (model.explanation.length) {
    write(model.explanationTitle, { f: bold, size: 12, gap: 6 });
    for (const p of model.explanation) write(p, { gap: 10 });
  }
  write(model.closing, { gap: 28 });
  for (const s of model.signatures) {
    write(s.name, { f: bold, gap: 0 });
    write(s.role, { gap: 12 });
  }
  return pdf.save();
}
