/**
 * drizzle's PostgreSQL `sqlToQuery` (a built query's text and values) without its class tests
 * (issue 14, decision 0033 point 15). drizzle asks of every piece of a query, in turn, whether it
 * is text, a name, a nested query, a table, a column and so on, with `is()`, which walks the
 * piece's class chain for every question that it answers no: a third of building a workspace
 * page's read, 0.8 ms of the dashboard's main thread per request. Here the answer is looked up
 * once per class (by prototype) and the pieces are written in drizzle's order and manner.
 *
 * What this does not know (a value written inline, an enum, a column for an index, a driver value
 * that is itself SQL) it leaves to drizzle: `toQuery` returns undefined. With `check` (the tests)
 * every query is built both ways and a difference throws, so that a drizzle upgrade that writes
 * differently shows in the first test that builds such a query.
 */
import { isDeepStrictEqual } from 'node:util';
import { Column, Name, Param, Placeholder, SQL, StringChunk, Subquery, Table, View, ViewBaseConfig, is } from 'drizzle-orm';
import type { Built } from './named.ts';

type Kind = 'text' | 'name' | 'sql' | 'table' | 'column' | 'view' | 'param' | 'placeholder' | 'aliased' | 'subquery' | 'other';

/** drizzle's own tests, in its order, once per prototype: the answer depends on the class chain only. */
const kinds = new Map<object | null, Kind>();
function kindOf(chunk: object): Kind {
  const proto = Object.getPrototypeOf(chunk) as object | null;
  let kind = kinds.get(proto);
  if (kind === undefined) {
    if (is(chunk, StringChunk)) kind = 'text';
    else if (is(chunk, Name)) kind = 'name';
    else if (is(chunk, SQL)) kind = 'sql';
    else if (is(chunk, Table)) kind = 'table';
    else if (is(chunk, Column)) kind = 'column';
    else if (is(chunk, View)) kind = 'view';
    else if (is(chunk, Param)) kind = 'param';
    else if (is(chunk, Placeholder)) kind = 'placeholder';
    else if (is(chunk, SQL.Aliased)) kind = 'aliased';
    else if (is(chunk, Subquery)) kind = 'subquery';
    else kind = 'other';
    kinds.set(proto, kind);
  }
  return kind;
}

/** PgDialect's `escapeName`. */
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Something only drizzle writes right: the caller asks drizzle instead. */
class Unknown extends Error {}
const UNKNOWN = new Unknown();

type Casing = { getColumnCasing(column: Column): string };
type Writer = { sql: string; params: unknown[]; casing: Casing };

// drizzle's table symbols (table.js; not in its public types).
const TableName = Symbol.for('drizzle:Name');
const TableSchema = Symbol.for('drizzle:Schema');
const IsAlias = Symbol.for('drizzle:IsAlias');

function tableName(table: Record<symbol, unknown>): string {
  const schema = table[TableSchema] as string | undefined;
  const name = table[TableName] as string;
  return schema === undefined || table[IsAlias] ? quote(name) : `${quote(schema)}.${quote(name)}`;
}

function write(w: Writer, chunks: readonly unknown[]): void {
  for (const chunk of chunks) {
    if (chunk === undefined) continue;
    if (chunk === null || typeof chunk !== 'object') {
      // A function may be an enum (drizzle's isPgEnum) or have getSQL: left to drizzle.
      if (typeof chunk === 'function') throw UNKNOWN;
      w.params.push(chunk);
      w.sql += `$${w.params.length}`;
      continue;
    }
    if (Array.isArray(chunk)) {
      w.sql += '(';
      chunk.forEach((item, i) => {
        if (i > 0) w.sql += ', ';
        write(w, [item]);
      });
      w.sql += ')';
      continue;
    }
    const c = chunk as Record<string | symbol, unknown>;
    switch (kindOf(chunk)) {
      case 'text':
        w.sql += (c.value as string[]).join('');
        break;
      case 'name':
        w.sql += quote(c.value as string);
        break;
      case 'sql':
        if (c.shouldInlineParams) throw UNKNOWN;
        write(w, c.queryChunks as unknown[]);
        break;
      case 'table':
        w.sql += tableName(c);
        break;
      case 'column': {
        const table = c.table as Record<symbol, unknown>;
        w.sql += `${tableName(table)}.${quote(w.casing.getColumnCasing(chunk as Column))}`;
        break;
      }
      case 'view': {
        const config = c[ViewBaseConfig] as { schema?: string; name: string; isAlias: boolean };
        w.sql += config.schema === undefined || config.isAlias ? quote(config.name) : `${quote(config.schema)}.${quote(config.name)}`;
        break;
      }
      case 'param': {
        const value = c.value;
        if (value !== null && typeof value === 'object' && kindOf(value) === 'placeholder') w.params.push(chunk);
        else {
          const mapped = value === null ? null : (c.encoder as { mapToDriverValue(v: unknown): unknown }).mapToDriverValue(value);
          if (mapped !== null && typeof mapped === 'object' && kindOf(mapped) === 'sql') throw UNKNOWN;
          w.params.push(mapped);
        }
        w.sql += `$${w.params.length}`;
        break;
      }
      case 'placeholder':
        w.params.push(chunk);
        w.sql += `$${w.params.length}`;
        break;
      case 'subquery': {
        const sub = c._ as { isWith?: boolean; alias: string; sql: SQL };
        if (sub.isWith) w.sql += quote(sub.alias);
        else {
          w.sql += '(';
          write(w, [sub.sql]);
          w.sql += `) ${quote(sub.alias)}`;
        }
        break;
      }
      default:
        if (c.fieldAlias !== undefined && kindOf(chunk) === 'aliased') {
          w.sql += quote(c.fieldAlias as string);
          break;
        }
        if (typeof c.getSQL === 'function') {
          const omit = (c.shouldOmitSQLParens as (() => boolean) | undefined)?.call(c);
          const inner = (c.getSQL as () => unknown).call(c);
          if (omit) write(w, [inner]);
          else {
            w.sql += '(';
            write(w, [inner]);
            w.sql += ')';
          }
          break;
        }
        // Any other value (a date, a plain object, a buffer) is a parameter, as drizzle makes it.
        w.params.push(chunk);
        w.sql += `$${w.params.length}`;
    }
  }
}

/** The query's text and values as drizzle's PgDialect writes them, or undefined where only drizzle knows how. */
export function toQuery(query: SQL, casing: Casing): Built | undefined {
  const w: Writer = { sql: '', params: [], casing };
  try {
    write(w, [query]);
  } catch (err) {
    if (err === UNKNOWN) return undefined;
    throw err;
  }
  return { sql: w.sql, params: w.params };
}

type Dialect = { casing: Casing; sqlToQuery(query: SQL, invokeSource?: string): Built };

/**
 * Makes this drizzle database's dialect build with `toQuery`. Transactions share the dialect.
 * `check`: build with drizzle too and throw when the two differ (the test suite).
 */
export function buildQueriesFast(db: object, check: boolean): void {
  const dialect = (db as { dialect: Dialect }).dialect;
  const drizzles = dialect.sqlToQuery.bind(dialect);
  dialect.sqlToQuery = (query, invokeSource) => {
    const built = invokeSource === undefined ? toQuery(query, dialect.casing) : undefined;
    if (!built) return drizzles(query, invokeSource);
    if (check) {
      const theirs = drizzles(query);
      if (built.sql !== theirs.sql || !isDeepStrictEqual(built.params, theirs.params)) {
        throw new Error(`toQuery differs from drizzle:\n${built.sql}\n${theirs.sql}\n${JSON.stringify(built.params)}\n${JSON.stringify(theirs.params)}`);
      }
    }
    return built;
  };
}
