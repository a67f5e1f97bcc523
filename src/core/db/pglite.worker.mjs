// The thread that owns the embedded database (core/db/pglite-thread.ts). Plain JavaScript that
// imports only PGlite: no TypeScript loader to register, so it starts the same way from dist/,
// through tsx and in the tests. Every message is one call; each answer carries the call's id.
// PGlite's own locks order the calls: a statement outside a transaction waits while one is open.
import { parentPort } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

/** @type {PGlite | undefined} */
let pg;
/** Open transactions by the id of their `begin` call. */
const transactions = new Map();
const ROLLBACK = Symbol('rollback');
const identity = (value) => value;

/** Functions cannot be posted: the main thread sends the type ids whose text stays as it is (drizzle's parsers). */
function queryOptions(wire) {
  if (!wire) return undefined;
  return { rowMode: wire.rowMode, ...(wire.raw ? { parsers: Object.fromEntries(wire.raw.map((oid) => [oid, identity])) } : {}) };
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

/** A transaction stays open across calls: PGlite's callback waits until the main thread ends it. */
function begin(id) {
  let ended;
  pg.transaction(
    (tx) =>
      new Promise((resolve, reject) => {
        transactions.set(id, {
          tx,
          end: (commit, endId) => {
            ended = endId;
            if (commit) resolve();
            else reject(ROLLBACK);
          },
        });
        reply(id, id);
      }),
  )
    .then(
      () => reply(ended, null),
      (err) => {
        // BEGIN itself failed: the begin call gets the error; else the commit or rollback call.
        if (ended === undefined) fail(id, err);
        else if (err === ROLLBACK) reply(ended, null);
        else fail(ended, err);
      },
    )
    .finally(() => transactions.delete(id));
}

function target(tx) {
  if (tx === undefined) return pg;
  const open = transactions.get(tx);
  if (!open) throw new Error('Transaction is closed');
  return open.tx;
}

async function handle(m) {
  try {
    switch (m.op) {
      case 'open':
        pg = await PGlite.create({ dataDir: m.dataDir, ...(m.load ? { loadDataDir: new Blob([m.load]) } : {}) });
        return reply(m.id, null);
      case 'query':
        return reply(m.id, await target(m.tx).query(m.sql, m.params, queryOptions(m.options)));
      case 'exec':
        return reply(m.id, await target(m.tx).exec(m.sql, queryOptions(m.options)));
      case 'begin':
        return begin(m.id);
      case 'end': {
        const open = transactions.get(m.tx);
        if (!open) throw new Error('Transaction is closed');
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
