import { fillPlaceholders, is, type SQL } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './index.ts';
import { TEXT_TYPES } from './text-types.mjs';
import { sqlLiteral } from './literal.mjs';
import { statementName } from './pg-names.ts';

/** What `db.execute` resolves to (read its rows with `rowsOf`). */
export type ExecuteResult = Awaited<ReturnType<DbOrTx['execute']>>;

/**
 * The statement texts run named in this process and their names. Each name stays prepared on
 * every connection that ran it, for the connection's life: past the cap a new text runs unnamed,
 * so a caller whose texts vary more than it should cannot grow them without end.
 */
const names = new Map<string, string>();
const MAX_NAMED_STATEMENTS = 200;

export type Built = { sql: string; params: unknown[] };
type PgliteExec = (sql: string, options?: object) => Promise<{ rows: unknown[] }[]>;
/** What drizzle's database and transaction objects hold (not in its public types). */
export type Internals = {
  dialect: { sqlToQuery(query: SQL): Built };
  session: {
    /** PGlite's client (in its thread or not) has `exec`, the simple protocol; node-postgres's pool has not. */
    client: { exec?: PgliteExec; connect?: Connect };
    logger: { logQuery(query: string, params: unknown[]): void };
    prepareQuery(query: Built, fields: undefined, name: string | undefined, arrayMode: boolean): { execute(): Promise<unknown> };
  };
};

/** A statement built with placeholders is built once (the session read, per request). */
const builtOnce = new WeakMap<SQL, Built>();

/**
 * `db.execute(query)` as a prepared statement: parsed once and, after five runs, possibly planned
 * once (plan_cache_mode auto keeps planning per run where the generic plan is estimated worse).
 * An unnamed statement is parsed and planned at every run: a quarter of the document search's
 * server CPU, 1-3 ms of a workspace page's combined read, most of the session read on PGlite
 * (decision 0031, sessions 9 and 10).
 *
 * PostgreSQL: a named statement on each connection that runs it (drizzle's `.prepare(name)` does
 * the same), in a transaction on the transaction's connection. Behind PgBouncer in transaction
 * mode that needs PgBouncer >= 1.21 with `max_prepared_statements` set.
 * PGlite ignores names in its protocol, so there it is an SQL PREPARE, once per database (one
 * backend for its life), run by EXECUTE with the values written as literals; in a transaction,
 * or with a value that is not text, a number or a boolean, it runs unnamed.
 *
 * The name is derived from the text, so one name is always one text. Only for texts that are
 * fixed for a shape of query, with the values as parameters: a text that embeds values would fill
 * the cap with statements used once. `values` fill the query's `sql.placeholder`s.
 */
export function executeNamed(db: DbOrTx, query: SQL, values?: Record<string, unknown>, options: NamedOptions = {}): Promise<ExecuteResult> {
  const { dialect, session } = db as unknown as Internals;
  let built = builtOnce.get(query);
  if (!built) {
    built = dialect.sqlToQuery(query);
    if (values) builtOnce.set(query, built);
  }
  if (values) built = { sql: built.sql, params: fillPlaceholders(built.params, values) };
  let name = names.get(built.sql);
  if (name === undefined && names.size < MAX_NAMED_STATEMENTS) {
    name = statementName('q', built.sql);
    names.set(built.sql, name);
  }
  const { client } = session;
  if (name && (client.exec || (options.generic && client.connect)) && !is(db, PgTransaction)) {
    const literals = built.params.map(sqlLiteral);
    if (literals.every((l) => l !== undefined)) {
      const run = { session, built, literals: literals as string[], generic: options.generic === true };
      // PostgreSQL: its own name, as a protocol-level statement of the same text may exist on the connection.
      return client.exec ? executePglite(client as { exec: PgliteExec }, name, run) : executeGenericPostgres(client as { connect: Connect }, `g${name.slice(1)}`, run);
    }
  }
  return session.prepareQuery(built, undefined, name, false).execute() as Promise<ExecuteResult>;
}

export type NamedOptions = {
  /**
   * Plan once for any values (plan_cache_mode force_generic_plan, for this statement only). For
   * texts whose best plan does not depend on the values, such as a page's combined read: there
   * PostgreSQL's estimate may keep it planning per run, and planning the dashboard's read cost
   * 11 ms on PGlite and 1.5 ms on PostgreSQL against 1-2 ms to run it (decision 0031, session 11).
   * Outside transactions; in one, or with a value that has no literal, it is planned as usual.
   */
  generic?: boolean;
};

type Run = { session: Internals['session']; built: Built; literals: string[]; generic: boolean };

/** EXECUTE with its values; SET LOCAL holds for the implicit transaction of one simple query. */
function executeText(name: string, { literals, generic }: Run): string {
  const execute = literals.length > 0 ? `execute ${name}(${literals.join(', ')})` : `execute ${name}`;
  return generic ? `set local plan_cache_mode = force_generic_plan; ${execute}` : execute;
}

/** What drizzle's PGlite driver reads as text (its `rawQueryConfig`): dates, times, intervals, numeric arrays. */
const identity = (value: string) => value;
export const AS_DRIZZLE = { parsers: Object.fromEntries(TEXT_TYPES.map((oid) => [oid, identity])) };

/** Per PGlite client: per name, whether PREPARE took it (a text whose types it cannot infer runs unnamed). */
const preparedIn = new WeakMap<object, Map<string, Promise<boolean>>>();

async function executePglite(client: { exec: PgliteExec }, name: string, run: Run): Promise<ExecuteResult> {
  const { session, built } = run;
  if (await preparedOnce(client, name, () => client.exec(`prepare ${name} as ${built.sql}`))) {
    const text = executeText(name, run);
    session.logger.logQuery(text, []);
    try {
      const results = await client.exec(text, AS_DRIZZLE);
      return results[results.length - 1] as unknown as ExecuteResult;
    } catch (err) {
      if (!notPrepared(err, client, name)) throw err;
    }
  }
  return session.prepareQuery(built, undefined, undefined, false).execute() as Promise<ExecuteResult>;
}

/**
 * The name is not prepared where the EXECUTE ran (SQLSTATE 26000): dropped by DEALLOCATE, or sent
 * to another server connection by a pooler (PgBouncer in transaction mode carries protocol-level
 * statements over, not SQL PREPAREs). This call and the next ones on this client run as they would
 * without the SQL PREPARE: preparing again could meet the same pooler every time.
 */
function notPrepared(err: unknown, client: object, name: string): boolean {
  if ((err as { code?: unknown }).code !== '26000') return false;
  preparedIn.get(client)?.set(name, Promise.resolve(false));
  return true;
}

/** Whether PREPARE took the text on this client (PGlite database or PostgreSQL connection); asked once. */
function preparedOnce(client: object, name: string, prepare: () => Promise<unknown>): Promise<boolean> {
  const prepared = preparedIn.get(client) ?? new Map<string, Promise<boolean>>();
  preparedIn.set(client, prepared);
  let ready = prepared.get(name);
  if (!ready) {
    ready = prepare().then(
      () => true,
      () => false,
    );
    prepared.set(name, ready);
  }
  return ready;
}

type PgClient = { query(config: { text: string; types?: object }): Promise<unknown>; release(err?: Error): void };
type Connect = () => Promise<PgClient>;

/** node-postgres's type parsers with drizzle's exceptions (the same list as AS_DRIZZLE). */
let pgTypes: Promise<object> | undefined;
const asDrizzlePg = () =>
  (pgTypes ??= import('pg').then(({ default: pg }) => ({
    getTypeParser: (oid: number, format?: 'text' | 'binary') => (AS_DRIZZLE.parsers[oid] ? identity : pg.types.getTypeParser(oid, format)),
  })));

/**
 * PostgreSQL with a plan mode of its own: node-postgres cannot send SET LOCAL and the statement in
 * one implicit transaction through the extended protocol, so the text is an SQL PREPARE on each
 * connection and a simple query runs both, as on PGlite: one round trip, as before.
 */
async function executeGenericPostgres(pool: { connect: Connect }, name: string, run: Run): Promise<ExecuteResult> {
  const { session, built } = run;
  const types = await asDrizzlePg();
  const client = await pool.connect();
  let failed: Error | undefined;
  try {
    if (await preparedOnce(client, name, () => client.query({ text: `prepare ${name} as ${built.sql}` }))) {
      const text = executeText(name, run);
      session.logger.logQuery(text, []);
      const results = (await client.query({ text, types })) as unknown[];
      return results[results.length - 1] as ExecuteResult;
    }
  } catch (err) {
    // A connection that failed (not the statement: that has a SQLSTATE) is not given out again.
    if (!(err as { code?: unknown }).code) failed = err as Error;
    if (!notPrepared(err, client, name)) throw err;
  } finally {
    client.release(failed);
  }
  // A text PREPARE refuses (a parameter's type unknown), or a name gone: planned as usual.
  return session.prepareQuery(built, undefined, `q${name.slice(1)}`, false).execute() as Promise<ExecuteResult>;
}

/** How many statement texts have a name in this process (tests, profiling). */
export const namedStatementCount = (): number => names.size;
