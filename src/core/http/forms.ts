import { z, type ZodType } from 'zod';
import { isMessageKey, type Translate } from '../i18n/index.ts';

/** Field name -> translated error text, in form order. */
export type FieldErrors = Record<string, string>;
export type FormValues = Record<string, string>;

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; values: FormValues };

/**
 * Validates a posted form with a zod schema whose messages are catalogue keys.
 * The same schemas serve the JSON API, so rules and texts live in one place.
 */
export function parseForm<T>(schema: ZodType<T>, body: unknown, t: Translate): FormResult<T> {
  const input = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: issuesToErrors(result.error.issues, t), values: echoValues(input) };
}

export function issuesToErrors(issues: z.core.$ZodIssue[], t: Translate): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? 'form');
    if (errors[field]) continue;
    errors[field] = issueMessage(issue, t);
  }
  return errors;
}

function issueMessage(issue: z.core.$ZodIssue, t: Translate): string {
  if (issue.code === 'too_big' && typeof issue.maximum !== 'undefined' && issue.origin === 'string') {
    return t('error.tooLong', { max: Number(issue.maximum) });
  }
  if (issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined) return t('error.required');
  if (isMessageKey(issue.message)) return t(issue.message);
  return t('error.invalid');
}

/** Posted values to show again after an error (strings only; never passwords). */
function echoValues(input: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const [k, v] of Object.entries(input)) {
    if (typeof v === 'string' && !/password|wachtwoord|_csrf|code/i.test(k)) out[k] = v.slice(0, 20000);
  }
  return out;
}

/** Field builders with catalogue keys as messages. */
export const field = {
  text: (max: number) => z.string({ error: 'error.required' }).trim().min(1, 'error.required').max(max),
  optionalText: (max: number) =>
    z
      .string({ error: 'error.invalid' })
      .trim()
      .max(max)
      .optional()
      .transform((v) => v ?? ''),
  email: () =>
    z
      .string({ error: 'error.required' })
      .trim()
      .min(1, 'error.required')
      .max(254)
      .toLowerCase()
      .pipe(z.email({ error: 'error.email' })),
  optionalEmail: () =>
    z
      .string({ error: 'error.invalid' })
      .trim()
      .max(254)
      .toLowerCase()
      .optional()
      .transform((v) => v ?? '')
      .pipe(z.union([z.literal(''), z.email({ error: 'error.email' })])),
  phone: () =>
    z
      .string({ error: 'error.invalid' })
      .trim()
      .max(30)
      .optional()
      .transform((v) => v ?? '')
      .refine((v) => v === '' || /^[+0-9][0-9 ()-]{5,}$/.test(v), 'error.phone'),
  choice: <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: 'error.invalidChoice' }),
  /** An unchecked box sends nothing. */
  checkbox: () =>
    z
      .union([z.literal('ja'), z.literal('on'), z.literal('true')], { error: 'error.invalid' })
      .optional()
      .transform((v) => v !== undefined),
  date: () => z.string({ error: 'error.required' }).trim().regex(/^\d{4}-\d{2}-\d{2}$/, 'error.date').refine(validDate, 'error.date'),
  optionalDate: () =>
    z
      .string({ error: 'error.invalid' })
      .trim()
      .optional()
      .transform((v) => v || null)
      .refine((v) => v === null || (/^\d{4}-\d{2}-\d{2}$/.test(v) && validDate(v)), 'error.date'),
  uuid: () => z.string({ error: 'error.required' }).regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'error.invalid'),
};

function validDate(v: string): boolean {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

export function isUuid(v: unknown): v is string {
  return typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
}
