import type { FastifyRequest } from 'fastify';
import { z, type ZodType } from 'zod';
import { DomainError } from '../errors.ts';
import { isMessageKey, type Translate } from '../i18n/index.ts';
import { isUuid, refuseNulBytes, UUID_PATTERN } from './values.ts';

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
  return { ok: false, errors: issuesToErrors(result.error.issues, t), values: echo(input) };
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

/** Posted values to show again after an error (strings only; never passwords, codes or the CSRF token). */
export function echo(body: unknown): FormValues {
  const out: FormValues = {};
  if (!body || typeof body !== 'object') return out;
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === 'string' && !/password|wachtwoord|_csrf|code/i.test(k)) out[k] = v.slice(0, 20000);
  }
  return out;
}

/** A broken domain rule as a form error at its field ('form' when it has none); null for any other error. */
export function domainErrors(err: unknown, t: Translate): FieldErrors | null {
  if (!(err instanceof DomainError)) return null;
  return { [err.field ?? 'form']: t(err.messageKey, err.params) };
}

/**
 * The notice named in the address after a post/redirect/get (`?melding=opgeslagen`), if it is one
 * this page knows: the value it maps to, or the word itself when `notices` is a list.
 */
export function noticeOf<T extends string>(req: FastifyRequest, notices: Readonly<Record<string, T>> | readonly T[], param = 'melding'): T | undefined {
  const m = (req.query as Record<string, unknown> | undefined)?.[param];
  if (typeof m !== 'string') return undefined;
  if (Array.isArray(notices)) return notices.includes(m as T) ? (m as T) : undefined;
  return Object.hasOwn(notices, m) ? (notices as Readonly<Record<string, T>>)[m] : undefined;
}

/** A file from a multipart form. `truncated`: it was larger than allowed, and its bytes were not kept. */
export type Upload = { fileName: string; bytes: Buffer; truncated: boolean };

export type UploadForm = {
  /** The text fields of the form. */
  fields: Record<string, string>;
  /** The files sent in the file field, in order. */
  uploads: Upload[];
  /** More files than allowed were sent (the extra ones are not read). */
  tooMany: boolean;
};

/**
 * Reads a form with files (multipart) from the file field `field`; files in other fields are
 * skipped. A file over `maxBytes` is marked `truncated`, not refused, so the page can say so at
 * the field; more than `maxFiles` files sets `tooMany`. A plain form (not multipart) gives its
 * fields and no files. The plugin's defaults do not apply: the limits are passed per request.
 */
export async function readUploads(req: FastifyRequest, opts: { field: string; maxBytes: number; maxFiles?: number; maxFields?: number; fieldSize?: number }): Promise<UploadForm> {
  const maxFiles = opts.maxFiles ?? 1;
  const form: UploadForm = { fields: {}, uploads: [], tooMany: false };
  if (!req.isMultipart()) {
    for (const [k, v] of Object.entries((req.body as Record<string, unknown>) ?? {})) if (typeof v === 'string') form.fields[k] = v;
    return form;
  }
  const tooLarge = (fileName: string): Upload => ({ fileName, bytes: Buffer.alloc(0), truncated: true });
  let current = '';
  try {
    const limits = { fileSize: opts.maxBytes, files: maxFiles + 1, fields: opts.maxFields ?? 20, fieldSize: opts.fieldSize ?? 100_000 };
    for await (const part of req.parts({ limits })) {
      if (part.type === 'file') {
        if (part.fieldname !== opts.field || !part.filename) {
          part.file.resume();
          continue;
        }
        current = part.filename;
        try {
          form.uploads.push({ fileName: part.filename, bytes: await part.toBuffer(), truncated: false });
        } catch (err) {
          if ((err as { code?: string }).code !== 'FST_REQ_FILE_TOO_LARGE') throw err;
          form.uploads.push(tooLarge(part.filename));
        }
      } else if (typeof part.value === 'string') form.fields[part.fieldname] = part.value;
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    // The size limit can also surface from the part iterator: the file is then marked too large.
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      if (!form.uploads.at(-1)?.truncated) form.uploads.push(tooLarge(current));
    } else if (code === 'FST_FILES_LIMIT') form.tooMany = true;
    // More fields or parts than the form has: what came before counts.
    else if (code !== 'FST_FIELDS_LIMIT' && code !== 'FST_PARTS_LIMIT') throw err;
  }
  if (form.uploads.length > maxFiles) form.tooMany = true;
  // The body hook (input.ts) does not see multipart fields: the same refusal here.
  refuseNulBytes([form.fields, form.uploads.map((u) => u.fileName)]);
  return form;
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
  date: () =>
    z
      .string({ error: 'error.required' })
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'error.date')
      .refine(validDate, 'error.date'),
  optionalDate: () =>
    z
      .string({ error: 'error.invalid' })
      .trim()
      .optional()
      .transform((v) => v || null)
      .refine((v) => v === null || (/^\d{4}-\d{2}-\d{2}$/.test(v) && validDate(v)), 'error.date'),
  uuid: () => z.string({ error: 'error.required' }).regex(UUID_PATTERN, 'error.invalid'),
  /** An id in a query string (a filter): a real UUID, or left out when it is anything else. */
  optionalUuid: () => z.string().regex(UUID_PATTERN).optional().catch(undefined),
};

function validDate(v: string): boolean {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

export { isUuid };
