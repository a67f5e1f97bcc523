import { z } from 'zod';
import { field, isUuid } from '../../core/http/forms.ts';
import { wholeNumber } from '../../core/forms/fields.ts';
import { policyFields } from '../advice/index.ts';
import { recordedSources, signalAreas, signalOutcomes, signalSinces, type SignalArea, type SignalSince } from './signals.schema.ts';
import { signalStates } from './signals.workflow.ts';

/** One schema per input, shared by the resident's form, the workspace and the API. Messages are catalogue keys. */

/** A signal as the use case takes it, from any of the forms or the API. */
export type SignalInput = { description: string; area: SignalArea; since: SignalSince; peopleCount: number | null };
/** Contact details; null for an anonymous signal. */
export type ContactInput = { name: string | null; email: string | null; phone: string | null } | null;

/** The text is capped at 10 kB (bytes, not characters: emoji and accents count double). */
export const DESCRIPTION_MAX_BYTES = 10 * 1024;

const peopleCount = z
  .union([z.string({ error: 'error.invalid' }), z.number({ error: 'error.invalid' }), z.null()])
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return null;
    const n = typeof v === 'number' ? v : /^\d{1,7}$/.test(v.trim()) ? Number(v.trim()) : NaN;
    if (!Number.isInteger(n) || n < 1 || n > 1_000_000) {
      ctx.addIssue({ code: 'custom', message: 'signals.error.peopleCount' });
      return z.NEVER;
    }
    return n;
  });

export const signalInputSchema = z.object({
  description: z
    .string({ error: 'error.required' })
    .trim()
    .min(1, 'signals.error.descriptionRequired')
    .refine((v) => Buffer.byteLength(v, 'utf8') <= DESCRIPTION_MAX_BYTES, 'signals.error.descriptionTooLong'),
  area: field.choice(signalAreas),
  since: field.choice(signalSinces),
  peopleCount,
});

export const contactSchema = z.object({
  name: field.optionalText(200),
  email: field.optionalEmail(),
  phone: field.phone(),
});

/** Empty strings become null; no detail at all becomes null (anonymous). */
export function toContact(v: z.infer<typeof contactSchema>): ContactInput {
  const c = { name: v.name || null, email: v.email || null, phone: v.phone || null };
  return c.name || c.email || c.phone ? c : null;
}

/** A member or the secretary records a signal on someone's behalf. */
export const recordSchema = signalInputSchema
  .extend(contactSchema.shape)
  .extend({
    source: field.choice(recordedSources),
    sourceDetail: field.optionalText(200),
    consent: field.checkbox(),
  })
  .superRefine((v, ctx) => {
    if ((v.name || v.email || v.phone) && !v.consent) ctx.addIssue({ code: 'custom', path: ['consent'], message: 'signals.error.consentRequired' });
    if (v.source === 'partner_organisation' && v.sourceDetail === '') ctx.addIssue({ code: 'custom', path: ['sourceDetail'], message: 'signals.error.sourceDetailRequired' });
  });

export const classifySchema = z
  .object({
    themeId: z
      .string({ error: 'error.invalid' })
      .trim()
      .optional()
      .transform((v) => v ?? ''),
    newTheme: field.optionalText(100),
    policyField: z
      .union([z.literal(''), field.choice(policyFields)], { error: 'error.invalidChoice' })
      .optional()
      .transform((v) => v || null),
  })
  .superRefine((v, ctx) => {
    if (v.themeId !== '' && v.themeId !== 'nieuw' && !isUuid(v.themeId)) ctx.addIssue({ code: 'custom', path: ['themeId'], message: 'error.invalidChoice' });
    if (v.themeId === 'nieuw' && v.newTheme === '') ctx.addIssue({ code: 'custom', path: ['newTheme'], message: 'signals.error.newThemeRequired' });
    // A new name beside a chosen existing theme: say which one counts instead of dropping the name.
    if (isUuid(v.themeId) && v.newTheme !== '') ctx.addIssue({ code: 'custom', path: ['newTheme'], message: 'signals.error.newThemeAndExisting' });
  })
  // A new name typed without choosing "Nieuw thema…" first still makes that theme (it used to be dropped silently).
  .transform((v) => (v.themeId === '' && v.newTheme !== '' ? { ...v, themeId: 'nieuw' } : v));
export type ClassifyInput = z.infer<typeof classifySchema>;

export const closeSchema = z.object({
  outcome: field.choice(signalOutcomes),
  outcomeNote: field.optionalText(2000),
});
export type CloseInput = z.infer<typeof closeSchema>;

/** A reference number as the resident or the secretary types it ("s-2026-0012" is fine). */
const reference = z
  .string({ error: 'error.required' })
  .trim()
  .min(1, 'error.required')
  .max(20)
  .regex(/^S-\d{4}-\d{4,}$/i, 'signals.error.referenceFormat');

export const duplicateSchema = z.object({ duplicateOf: reference });
export const exportSchema = z.object({ reference });

export const linkAdviceSchema = z.object({ adviceId: field.uuid() });

const months = (max: number) => wholeNumber(1, max, 'signals.error.wholeNumber', { digits: 3, range: 'signals.error.range' });

export const settingsSchema = z.object({
  thresholdCount: months(1000),
  thresholdSources: months(7),
  thresholdMonths: months(36),
  contactRetentionMonths: months(120),
  textRetentionMonths: months(240),
});
export type SettingsInput = z.infer<typeof settingsSchema>;

export const templateSchema = z.object({
  subject: field.text(200),
  body: field.text(5000),
});
export type TemplateInput = z.infer<typeof templateSchema>;

export const listFilter = z.object({
  status: z.enum(signalStates).optional().catch(undefined),
  area: z.enum(signalAreas).optional().catch(undefined),
  theme: z.string().refine(isUuid).optional().catch(undefined),
});
export type ListFilter = z.infer<typeof listFilter>;
