import type { MessageKey } from './i18n/index.ts';

/**
 * A rule of a domain was not met. `code` is stable (API problem codes), `messageKey` is the
 * text for the page, and `field` names the form field it belongs to, if there is one.
 * Each module names its own subclass, so a route catches only its own domain's errors.
 */
export class DomainError extends Error {
  constructor(
    public code: string,
    public messageKey: MessageKey,
    public field?: string,
  ) {
    super(`${code}: ${messageKey}`);
  }
}

/** An anonymous form came back faster than a person can fill it in. */
export class TooFastError extends Error {}

/** Minimum time between showing and sending a public form; faster is a robot. */
export const MIN_FILL_MS = 3000;

/** Whether a form shown at `formIssuedAt` (signed timestamp, see csrf.ts) came back too fast. */
export function filledTooFast(formIssuedAt: number | null, now = Date.now(), minimum = MIN_FILL_MS): boolean {
  return formIssuedAt !== null && now - formIssuedAt < minimum;
}
