/**
 * The advice letter and the follow-up letter: one model, shown as HTML (views/letter.tsx),
 * sent as plain text in the body of the e-mail with the tagged PDF attached (core/pdf/tagged.ts).
 */
import { IMAGE_LIMITS, safeImage } from '../../core/files/image.ts';
import { eq } from 'drizzle-orm';
import { runSandboxed, type SandboxLimits } from '../../core/sandbox/sandbox.ts';
import { DomainError } from '../../core/errors.ts';
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

/** Time and memory for laying out one letter: far above what a real letter of 20,000 characters takes. */
const LETTER_LIMITS: SandboxLimits = { timeoutMs: 60_000, maxMemoryMb: 256 };
const task = new URL('./advice.letter.worker.ts', import.meta.url);

/**
 * The letter as a tagged PDF, laid out in a child process with a memory and time limit
 * (core/sandbox): a hostile logo or text can end only that process. A failure is a clear message.
 */
export async function letterPdf(model: LetterModel, logo: LetterLogo | null, limits: SandboxLimits = LETTER_LIMITS): Promise<Uint8Array> {
  const r = await runSandboxed<Uint8Array>(task, { model, logo }, limits, { keep: true });
  if (r.ok) return r.value;
  throw new DomainError('letterFailed', 'advice.letter.pdfFailed', { status: 422 });
}
