import { createHash } from 'node:crypto';

/**
 * PostgreSQL: every statement with parameters runs as a named statement, one name per text, so
 * that each connection parses it once (node-postgres sends Parse only the first time a name runs
 * on a connection) and PostgreSQL may keep its plan (plan_cache_mode auto). Drizzle sends its
 * builder's statements unnamed: parsed and planned at every call (decision 0033, point 13). The
 * PGlite thread does the same with SQL PREPARE (pglite.worker.mjs).
 *
 * Statements without parameters keep node-postgres's simple protocol (several commands in one
 * text, as migrations send). Statements that are named already (executeNamed) stay as they are.
 * At most MAX_TEXTS texts are named in a process; later ones run unnamed, so texts that embed
 * values cannot grow every connection's statements without end.
 *
 * A named statement whose result columns changed under it (a table altered while the server
 * runs: SQLSTATE 0A000, "cached plan must not change result type") is run again unnamed and its
 * text is not named again in this process.
 */
const MAX_TEXTS = 300;
const names = new Map<string, string | null>();

type Config = { text?: unknown; name?: unknown; values?: unknown; submit?: unknown };
type Callback = (err: Error | null, res?: unknown) => void;

/** A statement's name derived from its text: one name is always one text (executeNamed's too). */
export const statementName = (prefix: string, text: string) => `${prefix}_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;

function nameOf(text: string): string | null {
  let name = names.get(text);
  if (name === undefined) {
    if (names.size >= MAX_TEXTS) return null;
    name = statementName('d', text);
    names.set(text, name);
  }
  return name;
}

/** The config with its name, or undefined when the call is left as it is. */
function named(config: Config, values: unknown): object | undefined {
  if (typeof config.text !== 'string' || config.name || typeof config.submit === 'function') return undefined;
  const params = values ?? config.values;
  if (!Array.isArray(params) || params.length === 0) return undefined;
  const name = nameOf(config.text);
  // A copy: drizzle's config object is its own (a name set on it would outlive a forgotten text).
  return name ? { ...config, name } : undefined;
}

const resultChanged = (err: unknown) => (err as { code?: unknown } | null)?.code === '0A000';

/** Wraps a node-postgres client's `query` (each pool connection, once, on 'connect'). */
export function namePgStatements(client: { query: (...args: never[]) => unknown }): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  client.query = ((...args: unknown[]) => {
    const first = args[0];
    if (!first || typeof first !== 'object') return query(...args);
    const values = Array.isArray(args[1]) ? args[1] : undefined;
    const config = named(first as Config, values);
    if (!config) return query(...args);
    const text = (first as Config).text as string;
    const last = args[args.length - 1];
    // Unnamed, with the caller's own arguments (its callback too); never named again here.
    const again = () => {
      names.set(text, null);
      return query(...args);
    };
    if (typeof last === 'function') {
      const callback = last as Callback;
      return query(config, ...args.slice(1, -1), (err: Error | null, res?: unknown) => {
        if (resultChanged(err)) again();
        else callback(err, res);
      });
    }
    return (query(config, ...args.slice(1)) as Promise<unknown>).catch((err: unknown) => {
      if (!resultChanged(err)) throw err;
      return again();
    });
  }) as never;
}
