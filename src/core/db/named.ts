import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from './index.ts';

/** What `db.execute` resolves to (read its rows with `rowsOf`). */
export type ExecuteResult = Awaited<ReturnType<DbOrTx['execute']>>;

/**
 * The statement texts run named in this process and their names. Each name stays prepared on
 * every connection that ran it, for the connection's life: past the cap a new text runs unnamed,
 * so a caller whose texts vary more than it should cannot grow them without end.
 */
const names = new Map<string, string>();
const MAX_NAMED_STATEMENTS = 200;

type Internals = {
  dialect: { sqlToQuery(query: SQL): { sql: string; params: unknown[] } };
  session: { prepareQuery(query: { sql: string; params: unknown[] }, fields: undefined, name: string | undefined, arrayMode: boolean): { execute(): Promise<unknown> } };
};

/**
 * `db.execute(query)` as a named (prepared) statement on PostgreSQL: the server parses an
 * unnamed statement and plans it at every run; a named one is parsed once per connection and,
 * after five runs, may keep a generic plan (plan_cache_mode auto: PostgreSQL keeps planning per
 * run where the generic plan is estimated worse). The document search's raw statements spent a
 * quarter of their server CPU on that (decision 0031, session 9).
 *
 * This is what drizzle's `execute` does (same driver call, same type parsers, same result) with a
 * name: the name is derived from the text, so one name is always one text (pg refuses a name
 * reused with another text). Only for texts that are fixed for a shape of query, with the values
 * as parameters: a text that embeds values would fill the cap with statements used once.
 * In a transaction (`db` a tx) it runs on the transaction's connection; PGlite ignores the name.
 * Behind PgBouncer in transaction mode, named statements need PgBouncer >= 1.21 with
 * `max_prepared_statements` set (as drizzle's `.prepare(name)` queries do).
 */
export function executeNamed(db: DbOrTx, query: SQL): Promise<ExecuteResult> {
  const { dialect, session } = db as unknown as Internals;
  const built = dialect.sqlToQuery(query);
  let name = names.get(built.sql);
  if (name === undefined && names.size < MAX_NAMED_STATEMENTS) {
    name = `q_${createHash('sha1').update(built.sql).digest('hex').slice(0, 24)}`;
    names.set(built.sql, name);
  }
  return session.prepareQuery(built, undefined, name, false).execute() as Promise<ExecuteResult>;
}

/** How many statement texts have a name in this process (tests, profiling). */
export const namedStatementCount = (): number => names.size;
