/**
 * Log settings of the server and the worker (docs/decisions/0025): logs never carry what people
 * typed. No query string, no form or JSON body, no single-use token in a path, no IP address; an
 * error keeps its type, code and where it happened, but not the values a failed query was given.
 */

/** The path without query and without the single-use tokens some paths carry. */
export function logSafeUrl(url: string): string {
  return (
    url
      .split('?')[0]!
      .replace(/^\/(wachtwoord-herstellen|uitnodiging)\/[^/]+/, '/$1/[token]')
      // A member's private calendar feed: the secret is the whole credential.
      .replace(/^(\/[^/]+\/agenda)\/[^/]+$/, '$1/[token]')
  );
}

/**
 * An error message without the values it may quote: a database error quotes the query and its
 * parameters ("Failed query: ... params: ..."), a validation error the input. What stays is the
 * text before the first quotation, which names what went wrong.
 */
function safeMessage(message: string): string {
  const cut = message.search(/\bparams:|\bparameters:|["'`«]/i);
  const head = (cut === -1 ? message : message.slice(0, cut)).trim();
  return (head || '[redacted]').slice(0, 300);
}

type LoggedError = { type: string; code?: string; message: string; stack?: string; cause?: LoggedError };

/** An error for the log: its type, code, the safe part of the message and the call stack. */
export function serializeError(err: unknown, depth = 0): LoggedError {
  if (!(err instanceof Error)) return { type: typeof err, message: '[redacted]' };
  const code = (err as { code?: unknown }).code;
  const out: LoggedError = { type: err.constructor?.name ?? 'Error', message: safeMessage(err.message) };
  if (typeof code === 'string' || typeof code === 'number') out.code = String(code);
  // Only the "at ..." lines: the first lines of a stack repeat the message.
  const frames = err.stack
    ?.split('\n')
    .filter((l) => /^\s+at /.test(l))
    .join('\n');
  if (frames) out.stack = frames;
  if (err.cause !== undefined && depth < 3) out.cause = serializeError(err.cause, depth + 1);
  return out;
}

/** Pino options of the web server and the worker. */
export function loggerOptions(level: string) {
  return {
    level,
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, url: logSafeUrl(req.url) }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      err: serializeError,
    },
  };
}
