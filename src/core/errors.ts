import type { MessageKey } from './i18n/index.ts';
import { NotFoundError } from './policy.ts';

export type DomainErrorDetails = {
  /** The form field the message belongs to; without one the message is for the whole form. */
  field?: string;
  /** Values for the message text (`{max}`, `{ratio}`). */
  params?: Record<string, string | number>;
  /** The HTTP status to answer with, when it is not the page's or the API's default. */
  status?: number;
};

/**
 * A rule of a domain was not met: the one error type of every module. `code` is stable (API
 * problem codes, tests), `messageKey` is the text for the page, `field` names the form field it
 * belongs to, if there is one. Arguments in one order everywhere: code, message, then where
 * (a field name, or the details).
 */
export class DomainError extends Error {
  readonly field?: string;
  readonly params?: Record<string, string | number>;
  readonly status?: number;

  constructor(
    readonly code: string,
    readonly messageKey: MessageKey,
    where: string | DomainErrorDetails = {},
  ) {
    super(`${code}: ${messageKey}`);
    const details = typeof where === 'string' ? { field: where } : where;
    this.field = details.field;
    this.params = details.params;
    this.status = details.status;
  }
}

/** Code of the refusal when a step is not allowed from the record's state (the API answers 409). */
export const NOT_ALLOWED_FROM_STATE = 'notAllowedFromState';

/** Unknown, or another organisation's: the same answer (404), never a hint that it exists. */
export function notFound(what: string): never {
  throw new NotFoundError(what);
}

/** An anonymous form came back faster than a person can fill it in. */
export class TooFastError extends Error {}

/** Minimum time between showing and sending a public form; faster is a robot. */
const MIN_FILL_MS = 3000;

/** Whether a form shown at `formIssuedAt` (signed timestamp, see csrf.ts) came back too fast. */
export function filledTooFast(formIssuedAt: number | null, now = Date.now(), minimum = MIN_FILL_MS): boolean {
  return formIssuedAt !== null && now - formIssuedAt < minimum;
}
