// The thread that owns the embedded database (core/db/pglite-thread.ts). Plain JavaScript that
// imports only PGlite (and text-types.mjs): no TypeScript loader to register, so it starts the same way from dist/,
// through tsx and in the tests. Every message is one call; each answer carries the call's id.
// PGlite's own locks order the calls: a statement outside a transaction waits while one is open.
import { parentPort } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { TEXT_TYPES } from './text-types.mjs';
import { sqlLiteral } from './literal.mjs';
import { runChain } from './chain.mjs';

/** @type {PGlite | undefined} */
let pg;
/** Open transactions by the id of their `begin` call. */
const transactions = new Map();
const ROLLBACK = Symbol('rollback');
const identity = (value) => value;

/** PGlite's own parsers for TEXT_TYPES, for a call that does not ask for their text. */
let ownParsers = {};
/** Per set of type ids the main thread sends (it sends few): the options, made once. */
const optionsFor = new Map();

/**
 * Every drizzle call asks for TEXT_TYPES as text. PGlite copies its whole parser table (318
 * types) for a call that passes parsers, 0.1 ms of this thread per statement, so the table itself
 * reads them as text and a drizzle call passes none; a call that asks for other ones gets exactly
 * what it asked for.
 */
function useTextParsers() {
  ownParsers = Object.fromEntries(TEXT_TYPES.map((oid) => [oid, pg.parsers[oid] ?? identity]));
  pg.parsers = { ...pg.parsers, ...Object.fromEntries(TEXT_TYPES.map((oid) => [oid, identity])) };
}

/** Functions cannot be posted: the main thread sends the type ids whose text stays as it is (drizzle's parsers). */
function queryOptions(wire) {
  const raw = wire?.raw ?? [];
  const key = `${wire?.rowMode ?? ''}:${raw.join(',')}`;
  let options = optionsFor.get(key);
  if (!options) {
    const own = TEXT_TYPES.filter((oid) => !raw.includes(oid));
    const parsers = { ...Object.fromEntries(raw.map((oid) => [oid, identity])), ...Object.fromEntries(own.map((oid) => [oid, ownParsers[oid]])) };
    // A call asking for exactly TEXT_TYPES passes no parsers: the table already reads them so.
    const same = raw.length === TEXT_TYPES.length && own.length === 0;
    options = { ...(wire?.rowMode ? { rowMode: wire.rowMode } : {}), ...(same ? {} : { parsers }) };
    optionsFor.set(key, options);
  }
  return options;
}

/**
 * Statements that come as `query` (drizzle's, with their values apart) are prepared once per text
 * and run by EXECUTE with the values as literals, so PGlite parses and analyses a text once, not at
 * every call, and plans it once when PostgreSQL finds a generic plan as good (plan_cache_mode
 * auto, after five runs). PGlite ignores the protocol's statement names, hence the SQL PREPARE.
 * The PREPARE runs apart, behind any open transaction (PGlite's lock orders it), so one that fails
 * (a text that is no SELECT, INSERT, UPDATE or DELETE, a parameter whose type PostgreSQL cannot
 * infer) fails alone: that text runs as it came. The least recently run texts beyond
 * MAX_STATEMENTS are deallocated, so texts that embed values cannot grow the backend's memory
 * without end. Decision 0033 (session 13, point 11).
 * @type {Map<string, { name: string, ready: boolean | undefined }>}
 */
const statements = new Map();
const MAX_STATEMENTS = 400;
let statementNumber = 0;

/** The prepared name for this text, or undefined (not ready yet, refused, or given up). */
function preparedName(sql) {
  const known = statements.get(sql);
  if (known) {
    // Map order is recency: the least recently run text goes first.
    statements.delete(sql);
    statements.set(sql, known);
    return known.ready ? known.name : undefined;
  }
  if (statements.size >= MAX_STATEMENTS) {
    forget(statements.keys().next().value);
  }
  const entry = { name: `w_${++statementNumber}`, ready: undefined };
  statements.set(sql, entry);
  pg.exec(`prepare ${entry.name} as ${sql}`).then(
    () => {
      entry.ready = true;
    },
    () => {
      entry.ready = false;
    },
  );
  return undefined;
}

/** A `query` call: EXECUTE of its prepared text where it has one and every value has a literal. */
async function query(db, m) {
  const options = queryOptions(m.options);
  const params = m.params ?? [];
  // A call with a value that has no literal runs as it came, and its text is not prepared for it.
  const literals = params.map(sqlLiteral);
  const name = literals.includes(undefined) ? undefined : preparedName(m.sql);
  if (!name) return db.query(m.sql, params, options);
  try {
    const results = await db.exec(literals.length ? `execute ${name}(${literals.join(', ')})` : `execute ${name}`, options);
    return results[results.length - 1];
  } catch (err) {
    // Gone (26000), or a table's columns changed under a `select *` (0A000): prepared anew next
    // time. Outside a transaction this call runs as it came; in one the error aborted it already.
    if (err?.code !== '26000' && err?.code !== '0A000') throw err;
    forget(m.sql);
    if (m.tx !== undefined) throw err;
    return db.query(m.sql, params, options);
  }
}

function forget(sql) {
  const entry = statements.get(sql);
  if (!entry) return;
  statements.delete(sql);
  void pg.exec(`deallocate ${entry.name}`).catch(() => undefined);
}

/** An error as plain data: its message, name, stack and every field PostgreSQL gave (code, detail, constraint, ...). */
function wireError(err) {
  const fields = {};
  if (err && typeof err === 'object') {
    for (const [key, value] of Object.entries(err)) {
      if (value === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof value)) fields[key] = value;
    }
    if (Array.isArray(err.params)) fields.params = err.params;
  }
  return { message: String(err?.message ?? err), name: err?.name, stack: err?.stack, fields };
}

const reply = (id, value, transfer) => parentPort.postMessage({ id, value }, transfer ?? []);
const fail = (id, err) => {
  try {
    parentPort.postMessage({ id, error: wireError(err) });
  } catch {
    parentPort.postMessage({ id, error: { message: String(err?.message ?? err), fields: {} } });
  }
};

/**
 * A transaction stays open across calls: PGlite's callback waits until the main thread ends it.
 * The main thread sends its statements without waiting for BEGIN's answer (one turn less, while
 * the transaction holds PGlite's lock): they wait here until the transaction is open, and fail
 * with BEGIN's error when it could not open.
 */
function begin(id) {
  let ended;
  let endValue = null;
  let opened;
  const entry = { ready: new Promise((resolve, reject) => (opened = { resolve, reject })), end: undefined };
  entry.ready.catch(() => undefined);
  transactions.set(id, entry);
  pg.transaction(
    (tx) =>
      new Promise((resolve, reject) => {
        entry.end = (commit, endId, value = null) => {
          ended = endId;
          endValue = value;
          if (commit) resolve();
          else reject(ROLLBACK);
        };
        opened.resolve(tx);
        reply(id, id);
      }),
  )
    .then(
      () => reply(ended, endValue),
      (err) => {
        // BEGIN itself failed: the begin call gets the error; else the commit or rollback call.
        if (ended === undefined) {
          opened.reject(err);
          fail(id, err);
        } else if (err === ROLLBACK) reply(ended, null);
        else fail(ended, err);
      },
    )
    .finally(() => transactions.delete(id));
}

/** PGlite, or the open transaction `tx` (once BEGIN has run). */
async function target(tx) {
  if (tx === undefined) return pg;
  const open = transactions.get(tx);
  if (!open) throw new Error('Transaction is closed');
  return open.ready;
}

async function handle(m) {
  try {
    switch (m.op) {
      case 'open':
        pg = await PGlite.create({ dataDir: m.dataDir, ...(m.load ? { loadDataDir: new Blob([m.load]) } : {}) });
        useTextParsers();
        return reply(m.id, null);
      case 'query':
        return reply(m.id, await query(await target(m.tx), m));
      case 'chain': {
        const db = await target(m.tx);
        const rows = await runChain(m.steps, m.fill, async (sql, params) => (await query(db, { sql, params, options: m.options, tx: m.tx })).rows);
        // Every step ran and the caller has nothing after them: commit now, without a turn of the main thread.
        if (!m.commit || rows.length < m.steps.length) return reply(m.id, { rows, committed: false });
        return transactions.get(m.tx).end(true, m.id, { rows, committed: true });
      }
      case 'exec':
        return reply(m.id, await (await target(m.tx)).exec(m.sql, queryOptions(m.options)));
      case 'begin':
        return begin(m.id);
      case 'end': {
        const open = transactions.get(m.tx);
        if (!open) throw new Error('Transaction is closed');
        await open.ready;
        return open.end(m.commit, m.id);
      }
      case 'dump': {
        const buffer = await (await pg.dumpDataDir(m.compression)).arrayBuffer();
        return reply(m.id, buffer, [buffer]);
      }
      case 'close':
        await pg?.close();
        return reply(m.id, null);
      default:
        throw new Error(`unknown call ${m.op}`);
    }
  } catch (err) {
    fail(m.id, err);
  }
}

parentPort.on('message', (m) => void handle(m));
