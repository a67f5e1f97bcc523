/**
 * The residents' signal form as "one thing per page", without cookies and without storing
 * anything before the final submit: the answers travel between the pages in hidden fields of
 * the POSTed form. This file holds the pure step rules (which page, which fields, what is
 * valid, what comes next) and the rate limit per address; routes and views stay thin.
 */
import { z } from 'zod';
import { filledTooFast } from '../../core/errors.ts';
import { and, count, eq, gt, lt, sql, type SQL } from 'drizzle-orm';
import { field, issuesToErrors, type FieldErrors } from '../../core/http/forms.ts';
import type { MessageKey, Translate } from '../../core/i18n/index.ts';
import type { DbOrTx } from '../../core/db/index.ts';
import { hmac } from '../../core/secret.ts';
import { contactSchema, signalInputSchema, toContact, type ContactInput, type SignalInput } from './signals.forms.ts';
import { signalSubmissions } from './signals.intake.schema.ts';

/** The question pages in order; 'toestemming' only applies when the resident leaves contact details. */
export const questionSteps = ['omschrijving', 'onderwerp', 'sinds', 'aantal', 'contact', 'toestemming'] as const;
export type QuestionStep = (typeof questionSteps)[number];
export type IntakePage = QuestionStep | 'controleren';

export const contactChoices = ['anoniem', 'gegevens'] as const;

/** Every answer field with the page that asks it. The names are the keys of the shared zod schemas. */
export const answerFields = {
  description: 'omschrijving',
  area: 'onderwerp',
  since: 'sinds',
  peopleCount: 'aantal',
  contactChoice: 'contact',
  name: 'contact',
  email: 'contact',
  phone: 'contact',
  consent: 'toestemming',
} as const satisfies Record<string, QuestionStep>;
export type AnswerField = keyof typeof answerFields;
export type Answers = Partial<Record<AnswerField, string>>;

/** Long enough to show an over-long text back for shortening; the schema caps the real value at 10 kB. */
const ECHO_MAX_CHARS = 20_000;

/** The carried answers from a posted body: known fields, strings only. */
export function answersFrom(body: unknown): Answers {
  const input = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const out: Answers = {};
  for (const name of Object.keys(answerFields) as AnswerField[]) {
    const v = input[name];
    if (typeof v === 'string' && v !== '') out[name] = v.slice(0, ECHO_MAX_CHARS);
  }
  return out;
}

export function fieldsOf(step: QuestionStep): AnswerField[] {
  return (Object.keys(answerFields) as AnswerField[]).filter((f) => answerFields[f] === step);
}

export function isPage(v: unknown): v is IntakePage {
  return v === 'controleren' || questionSteps.includes(v as QuestionStep);
}

/** A radio question: nothing chosen gets its own message, an unknown value the general one. */
const chosen = <T extends z.ZodType>(required: MessageKey, then: T) =>
  z.preprocess(
    (v) => v ?? '',
    z
      .string({ error: required })
      .trim()
      .min(1, required)
      .pipe(then as unknown as z.ZodType<z.output<T>, string>),
  );

const anonymous = (a: { contactChoice?: string }) => a.contactChoice === 'anoniem';

/** Contact details: at least an e-mail address or a phone number, else there is no way to reach the resident. */
function requireReachable(v: { email: string; phone: string }, ctx: z.RefinementCtx, at: string[] = []) {
  if (v.email === '' && v.phone === '') ctx.addIssue({ code: 'custom', path: [...at, 'email'], message: 'signals.intake.contact.emailOrPhone' });
}

const stepSchemas = {
  // An empty box is posted as nothing at all: it gets the field's own message, not the general one.
  omschrijving: z.object({ description: z.preprocess((v) => v ?? '', signalInputSchema.shape.description) }),
  onderwerp: z.object({ area: chosen('signals.intake.area.required', signalInputSchema.shape.area) }),
  sinds: z.object({ since: chosen('signals.intake.since.required', signalInputSchema.shape.since) }),
  aantal: z.object({ peopleCount: signalInputSchema.shape.peopleCount }),
  contact: z.object({ contactChoice: chosen('signals.intake.contact.required', field.choice(contactChoices)), ...contactSchema.shape }).superRefine((v, ctx) => {
    if (v.contactChoice === 'gegevens') requireReachable(v, ctx);
  }),
  toestemming: z.object({ consent: field.checkbox().refine((v) => v, 'signals.intake.consent.required') }),
} satisfies Record<QuestionStep, z.ZodType>;

/** The pages that apply to these answers: without contact details there is nothing to consent to. */
function stepsFor(a: Answers): QuestionStep[] {
  return questionSteps.filter((s) => s !== 'toestemming' || !anonymous(a));
}

/** What an anonymous resident typed in the contact fields is dropped, never carried or stored. */
export function normalise(a: Answers): Answers {
  if (!anonymous(a)) return a;
  const { name: _n, email: _e, phone: _p, consent: _c, ...rest } = a;
  return rest;
}

export function validateStep(step: QuestionStep, a: Answers, t: Translate): FieldErrors | null {
  const result = stepSchemas[step].safeParse(a);
  return result.success ? null : issuesToErrors(result.error.issues, t);
}

/** The first page whose answers are missing or wrong, with its errors; null when all are fine. */
export function firstInvalid(a: Answers, t: Translate): { step: QuestionStep; errors: FieldErrors } | null {
  for (const step of stepsFor(a)) {
    const errors = validateStep(step, a, t);
    if (errors) return { step, errors };
  }
  return null;
}

/**
 * After a valid page: the next page in order, or, when the resident came from the check page to
 * change one answer, straight back there (via any page that the change made necessary).
 */
export function nextPage(step: QuestionStep, a: Answers, fromCheck: boolean, t: Translate): IntakePage {
  if (fromCheck) return firstInvalid(a, t)?.step ?? 'controleren';
  const steps = stepsFor(a);
  return steps[steps.indexOf(step) + 1] ?? 'controleren';
}

/** The page before this one; null for the first question (its back link goes to the start page). */
export function previousPage(page: IntakePage, a: Answers): QuestionStep | null {
  const steps = stepsFor(a);
  if (page === 'controleren') return steps[steps.length - 1];
  const i = steps.indexOf(page);
  return i > 0 ? steps[i - 1] : null;
}

/** "Stap n van 6": the consent page is counted even when it is skipped, so numbers never jump back. */
export function stepNumber(step: QuestionStep): { n: number; total: number } {
  return { n: questionSteps.indexOf(step) + 1, total: questionSteps.length };
}

/**
 * The same signal as JSON, for the API: the form's schemas plus contact details (optional, with
 * consent) and the organisation the resident went to.
 */
export const apiSignalSchema = signalInputSchema
  .extend({
    contact: contactSchema.nullable().optional(),
    consent: z.boolean({ error: 'error.invalid' }).optional().default(false),
    organisation: field.optionalText(200),
  })
  .superRefine((v, ctx) => {
    if (!v.contact || !toContact(v.contact)) return;
    requireReachable(v.contact, ctx, ['contact']);
    if (!v.consent) ctx.addIssue({ code: 'custom', path: ['consent'], message: 'signals.error.consentRequired' });
  });

export type Submission = { input: SignalInput; contact: ContactInput; consent: boolean };

/** All answers checked again (hidden fields can be changed), as the use case wants them. */
export function toSubmission(a: Answers, t: Translate): { ok: true; value: Submission } | { ok: false; step: QuestionStep; errors: FieldErrors } {
  const invalid = firstInvalid(a, t);
  if (invalid) return { ok: false, ...invalid };
  const input = signalInputSchema.parse({ description: a.description, area: a.area, since: a.since, peopleCount: a.peopleCount });
  if (anonymous(a)) return { ok: true, value: { input, contact: null, consent: false } };
  const contact = toContact(contactSchema.parse({ name: a.name, email: a.email, phone: a.phone }));
  return { ok: true, value: { input, contact, consent: true } };
}

// ------------------------------------------------------------------ abuse protection

/** Minimum time from the start page to the final submit. A person reading six pages takes far longer. */
export const MIN_FILL_MS = 5_000;
/** Signals per address per hour through the public form. */
export const MAX_PER_HOUR = 60;
const HOUR_MS = 60 * 60 * 1000;

export function tooFast(formIssuedAt: number | null, now = Date.now()): boolean {
  // Logged-in visitors carry a session token without a time (null): they are not robots.
  return filledTooFast(formIssuedAt, now, MIN_FILL_MS);
}

/**
 * The address as an HMAC with the secret key: countable, but not the address. An IPv6 address
 * counts by its /64 network, which one household or server usually has whole.
 */
export function addressKey(secretKey: string, ip: string): string {
  return hmac(secretKey, `signal-ip:${networkOf(ip)}`);
}

export function networkOf(ip: string): string {
  const address = ip.split('%')[0].toLowerCase();
  if (!address.includes(':')) return address;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped) return mapped[1];
  const [head, tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => (parseInt(g, 16) || 0).toString(16))
    .join(':')}::/64`;
}

export async function overLimit(db: DbOrTx, key: string, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - HOUR_MS);
  const [row] = await db
    .select({ n: count() })
    .from(signalSubmissions)
    .where(and(eq(signalSubmissions.keyHash, key), gt(signalSubmissions.at, since)));
  return Number(row.n) >= MAX_PER_HOUR;
}

export async function recordSubmission(db: DbOrTx, key: string): Promise<void> {
  await db.insert(signalSubmissions).values({ keyHash: key });
}

/**
 * overLimit and recordSubmission as one statement: counts the address and, under the limit,
 * records this submission (a row returned); no row (nothing recorded) when the address is over
 * the limit. `andLock`: a lock function (pg_advisory_xact_lock) called in the same statement when
 * the address is within its limit, so that the transaction's next statement runs under it.
 */
export function recordWithinLimitSql(key: string, now = new Date(), andLock?: SQL): SQL {
  const since = new Date(now.getTime() - HOUR_MS);
  const t = signalSubmissions;
  // A volatile function in a FROM subquery is always called, once, even though nothing reads its value.
  return sql`
    insert into ${t} (key_hash)
    select ${key}::text from (select ${andLock ?? sql`1`}) as locked
    where (select count(*) from ${t} where ${t.keyHash} = ${key} and ${t.at} > ${since.toISOString()}::timestamptz) < ${MAX_PER_HOUR}
    returning id`;
}

/** The counts are only needed for an hour; the worker removes older rows daily. */
export async function purgeOldSubmissions(db: DbOrTx): Promise<number> {
  const removed = await db.delete(signalSubmissions).where(lt(signalSubmissions.at, sql`now() - interval '1 day'`)).returning({ id: signalSubmissions.id });
  return removed.length;
}
