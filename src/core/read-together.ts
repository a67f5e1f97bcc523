/**
 * Several reads in one statement (issue 14, docs/decisions/0031): a page that needs ten small
 * lists pays ten round trips, and on PGlite ten turns of its one queue, each with its own parse,
 * plan and result handling: five counts cost 4-7 ms as five statements and 1.4 ms as one. Here
 * each select becomes a scalar subquery that returns its rows as JSON, and the one statement
 * returns them all; each row is decoded by drizzle's own column decoders, so a read gives what
 * awaiting the select would give (dates as `Date`, counts through `mapWith`).
 *
 * `batchedReads(db)` gives a `read(select)` that joins every read started before the next turn
 * of the event loop into one statement: the dashboard's parts and a page's slots call it as they
 * would await the select, and core runs what they asked for together (module-types: `Read`).
 */
import { Column, SQL, Table, getTableColumns, is, sql } from 'drizzle-orm';
import { executeNamed, rowsOf, type DbOrTx } from './db/index.ts';

/** A drizzle select that has not run yet (`db.select(...).from(...)...`, not awaited). */
export type Selectable<R = unknown> = PromiseLike<R[]> & { getSQL(): SQL; readonly _: { readonly selectedFields: unknown } };
/** The rows a select gives when awaited. */
export type RowsOf<Q> = Q extends PromiseLike<infer R> ? R : never;
/** Reads one select, possibly together with other reads in one statement. */
export type Read = <Q extends Selectable>(query: Q) => Promise<RowsOf<Q>>;

/** Awaits the select itself: for callers outside a page that batches. */
export const readAlone: Read = (query) => Promise.resolve(query) as never;

type Decoder = { mapFromDriverValue(value: unknown): unknown };
type Field = { path: string[]; decoder: Decoder | null };

/** The selected fields in the order drizzle writes them in the select list (its `orderSelectedFields`). */
function fieldsOf(selection: unknown, prefix: string[] = []): Field[] {
  const out: Field[] = [];
  for (const [name, field] of Object.entries(selection as Record<string, unknown>)) {
    const path = [...prefix, name];
    if (is(field, Column)) out.push({ path, decoder: field });
    else if (is(field, SQL)) out.push({ path, decoder: (field as unknown as { decoder: Decoder }).decoder });
    else if (is(field, SQL.Aliased)) out.push({ path, decoder: (field.sql as unknown as { decoder: Decoder }).decoder });
    // A whole table (`select({ meeting: meetings })`) or a nested object of fields.
    else if (is(field, Table)) out.push(...fieldsOf(getTableColumns(field), path));
    else if (field && typeof field === 'object') out.push(...fieldsOf(field, path));
    else throw new Error(`read-together: cannot decode the field ${path.join('.')}`);
  }
  return out;
}

/**
 * One select as a JSON scalar subquery: its columns renamed c0, c1, ... by position, so that two
 * columns with the same name (`id` of two tables) stay apart. The rows keep the select's order:
 * json_agg over an ordered subquery without joins or grouping aggregates in that order.
 */
function asJson(query: Selectable, fields: Field[]): SQL {
  const names = sql.raw(fields.map((_, i) => `c${i}`).join(', '));
  return sql`(select coalesce(json_agg(t), '[]'::json) from (${query.getSQL()}) as t(${names}))`;
}

function decode(rows: Record<string, unknown>[], fields: Field[]): Record<string, unknown>[] {
  // Worked out once per read, not per row and field: lists run to hundreds of rows (issue 14).
  const columns = fields.map(({ path, decoder }, i) => ({ key: `c${i}`, parents: path.slice(0, -1), name: path[path.length - 1]!, decoder }));
  return rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const { key, parents, name, decoder } of columns) {
      let node = out;
      for (const parent of parents) {
        node[parent] ??= {};
        node = node[parent] as Record<string, unknown>;
      }
      const raw = row[key] ?? null;
      node[name] = raw === null || !decoder ? raw : decoder.mapFromDriverValue(raw);
    }
    return out;
  });
}

/**
 * `generic`: plan the statement once for any values (named.ts). Left to its estimate PostgreSQL
 * planned some pages' reads anew on every request, planning costing more than running them (the
 * dashboard 9-16 ms on PGlite). Only for a page whose parts read a record's or a council's few
 * rows by key, measured: a generic plan cannot see how many rows one council has, and for the
 * signal list, one council among others with 100,000 signals, it scanned them all (20 ms
 * against 1-2.5 ms; decision 0031, session 11).
 */
export type Together = { generic?: boolean };

/** Runs every select in one statement; the answer has the same keys, each with the rows of its select. */
export async function readTogether<T extends Record<string, Selectable>>(db: DbOrTx, queries: T, options: Together = {}): Promise<{ [K in keyof T]: RowsOf<T[K]> }> {
  const keys = Object.keys(queries);
  if (keys.length === 0) return {} as never;
  const fields = keys.map((k) => fieldsOf(queries[k]!._.selectedFields));
  const list = sql.join(
    keys.map((k, i) => sql`${asJson(queries[k]!, fields[i]!)} as ${sql.raw(`r${i}`)}`),
    sql`, `,
  );
  // Named: PostgreSQL then parses and plans a page's combined statement once per connection, not
  // per request (1-3 ms of its CPU, more than running it; decision 0031, session 9). The texts are
  // few: one per page and set of parts.
  const res = await executeNamed(db, sql`select ${list}`, undefined, options);
  const row = rowsOf<Record<string, unknown>>(res)[0] ?? {};
  const out: Record<string, unknown> = {};
  keys.forEach((k, i) => {
    const raw = row[`r${i}`];
    // Both drivers parse a json column; a string would be a driver set up otherwise.
    const rows = (typeof raw === 'string' ? JSON.parse(raw) : (raw ?? [])) as Record<string, unknown>[];
    out[k] = decode(rows, fields[i]!);
  });
  return out as never;
}

/**
 * A `read` that collects the selects asked for until the next turn of the event loop and runs
 * them as one statement (a read asked for after that starts the next statement). Every read
 * fails when the statement fails.
 */
export function batchedReads(db: DbOrTx, options: Together = {}): Read {
  let pending: { query: Selectable; resolve: (rows: unknown) => void; reject: (err: unknown) => void }[] = [];
  const flush = async () => {
    const batch = pending;
    pending = [];
    if (batch.length === 1) {
      // One read alone: the select itself (no JSON round trip).
      const [only] = batch;
      return Promise.resolve(only!.query).then(only!.resolve, only!.reject);
    }
    try {
      const res = await readTogether(db, Object.fromEntries(batch.map((b, i) => [i, b.query])), options);
      batch.forEach((b, i) => {
        b.resolve(res[i]);
      });
    } catch (err) {
      for (const b of batch) b.reject(err);
    }
  };
  return ((query: Selectable) =>
    new Promise<unknown>((resolve, reject) => {
      if (pending.length === 0) setImmediate(flush);
      pending.push({ query, resolve, reject });
    })) as Read;
}
