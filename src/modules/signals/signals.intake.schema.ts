import { keyedHits } from '../../core/db/columns.ts';

/**
 * Signals sent through the public form, per address, for the rate limit (60 an hour). In the
 * database so every instance counts the same; keyed by an HMAC of the address, never the
 * address itself, and removed after a day by the worker.
 */
export const signalSubmissions = keyedHits('signal_submissions');
