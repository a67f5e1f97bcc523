/**
 * The advice letter and the follow-up letter: one model, shown as HTML (views/letter.tsx),
 * sent as plain text in the body of the e-mail with the tagged PDF attached (core/pdf/tagged.ts).
 */
import { IMAGE_LIMITS, safeImage } from '../../core/files/image.ts';
import { eq } from 'drizzle-orm';
import { TaggedPdf } from '../../core/pdf/tagged.ts';
import type { DbOrTx } from '../../core/db/index.ts';
import { files } from '../../core/files/files.schema.ts';
import type { FileStore } from '../../core/files/store.ts';
import type { MailAttachment } from '../../core/mail/mail.schema.ts';
import { formatDate, type Locale, type Translate } from '../../core/i18n/index.ts';
import type { Council } from '../../core/organisations.schema.ts';
import type { Advice, Recommendation } from './advice.schema.ts';
import { markdownText } from '../../ui/markdown.ts';

export type LetterModel = {
  kind: 'advice' | 'followUp';
  council: string;
  advises: string;
  postalAddress: string;
  /** The text alternative of the council's logo. */
  logoAlt: string;
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
  /** The last paragraph: please answer per recommendation. */
  answerRequest: string;
  /** "Met vriendelijke groet,": a paragraph of its own. */
  closing: string;
  signatures: { name: string; role: string }[];
  labels: { date: string; reference: string; subject: string };
};

/** Who signs the letter: the active chair and secretary, by name. */
type Signatories = { chair: string | null; secretary: string | null };

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
    logoAlt: council.logoAlt,
    date,
    reference: advice.reference,
    addressee: t(`advice.addressee.${advice.addressee}`),
    salutation: t('advice.letter.salutation'),
    recommendationsTitle: t('advice.letter.recommendations'),
    answerRequest: t('advice.letter.answerRequest'),
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
    opening: paragraphs(markdownText(advice.introduction)),
    recommendations: recommendations.map((r) => ({ number: r.number, text: r.text })),
    explanationTitle: t('advice.letter.explanation'),
    explanation: paragraphs(markdownText(advice.explanation)),
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
  lines.push(m.answerRequest, '', m.closing, '', ...m.signatures.map((s) => `${s.name}, ${s.role.toLowerCase()}`), m.council);
  return lines.join('\n').replace(/\n{3,}/g, '\n\n');
}

/** The council's logo for the PDF letter. */
export type LetterLogo = { bytes: Buffer; type: 'png' };

/**
 * The stored logo decoded and checked again before it goes into a PDF (a logo stored before
 * uploads were checked may be a decompression bomb): re-encoded off the request thread as a
 * small PNG on white, which pdfkit embeds without decoding. A logo that fails is left out.
 */
export async function letterLogo(db: DbOrTx, store: FileStore, council: Council): Promise<LetterLogo | null> {
  if (!council.logoFile) return null;
  const [meta] = await db.select().from(files).where(eq(files.hash, council.logoFile)).limit(1);
  const bytes = await store.get(council.logoFile);
  if (!meta || !bytes) return null;
  try {
    return { bytes: (await safeImage(bytes, { flatten: true, limits: { ...IMAGE_LIMITS, maxOutputSide: 600 } })).bytes, type: 'png' };
  } catch {
    return null;
  }
}

/** The signed letter (with the names of chair and secretary) as the PDF attachment of the mail that sends the advice. */
export async function letterAttachment(input: Input, logo: LetterLogo | null): Promise<MailAttachment> {
  const model = letterModel(input);
  const bytes = await letterPdf(model, logo);
  return { filename: `advies-${model.reference}.pdf`, contentType: 'application/pdf', content: Buffer.from(bytes).toString('base64'), encoding: 'base64' };
}

/** The letter as a tagged PDF (A4, Noto Sans). The logo is included when it is PNG or JPEG. */
export async function letterPdf(model: LetterModel, logo: LetterLogo | null): Promise<Uint8Array> {
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
