/** Form field builders beyond core/http/forms.ts `field`; messages are catalogue keys, as there. */
import { z } from 'zod';

/**
 * A whole number typed in a text field: digits only, at most `digits` of them (as many as `max`
 * has), from `min` to `max`. `message` is the text for anything else; `range`, when given, the
 * text for a number out of range; `required`, the text when the field is not sent at all.
 */
export function wholeNumber(min: number, max: number, message: string, opts: { digits?: number; range?: string; required?: string } = {}) {
  const digits = opts.digits ?? String(max).length;
  return z
    .string({ error: opts.required ?? 'error.required' })
    .trim()
    .regex(new RegExp(`^\\d{1,${digits}}$`), message)
    .transform(Number)
    .refine((n) => n >= min && n <= max, opts.range ?? message);
}
