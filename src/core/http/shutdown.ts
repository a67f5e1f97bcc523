/**
 * Stopping without failing a request (docs/decisions/0025). On SIGTERM the server stops taking
 * new connections, but keeps the open ones: every request still arriving on them is answered in
 * full, with `Connection: close`, so the client opens its next connection elsewhere (another
 * instance behind the load balancer). Requests in flight finish. Only when no request has been
 * in flight for a short while are the connections that stayed idle closed, and then the app.
 *
 * (Node's http.Server.close() drops idle keep-alive connections at once; a request a client is
 * sending on one at that moment is reset. That is why the listening socket is closed on its own.)
 */
import net from 'node:net';
import type { FastifyInstance } from 'fastify';

type DrainState = { draining: boolean; inFlight: number; lastActivity: number };
const states = new WeakMap<FastifyInstance, DrainState>();

/** Counts requests in flight and answers with `Connection: close` while draining. Call in buildApp. */
export function registerDraining(app: FastifyInstance): void {
  const state: DrainState = { draining: false, inFlight: 0, lastActivity: Date.now() };
  states.set(app, state);
  app.addHook('onRequest', async (_req, reply) => {
    state.inFlight++;
    state.lastActivity = Date.now();
    if (state.draining) reply.header('connection', 'close');
  });
  const finished = () => {
    state.inFlight = Math.max(0, state.inFlight - 1);
    state.lastActivity = Date.now();
  };
  app.addHook('onResponse', (_req, _reply, next) => {
    finished();
    next();
  });
  app.addHook('onRequestAbort', (_req, next) => {
    finished();
    next();
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Drains and closes the app: stop accepting, finish what is in flight, close idle connections
 * after `quietMs` without a request, then `app.close()`. After `maxMs` the rest is cut off.
 */
export async function drainAndClose(app: FastifyInstance, opts: { quietMs?: number; maxMs?: number } = {}): Promise<void> {
  const quietMs = opts.quietMs ?? 500;
  const deadline = Date.now() + (opts.maxMs ?? 25_000);
  const state = states.get(app);
  const server = app.server;
  if (state && server.listening) {
    state.draining = true;
    state.lastActivity = Date.now();
    const allClosed = new Promise<void>((resolve) => net.Server.prototype.close.call(server, () => resolve()));
    while (Date.now() < deadline && (state.inFlight > 0 || Date.now() - state.lastActivity < quietMs)) await sleep(25);
    server.closeIdleConnections();
    // A connection still busy finishes its request (and closes: Connection: close), up to the deadline.
    const left = Math.max(0, deadline - Date.now());
    await Promise.race([allClosed, sleep(left)]);
    server.closeAllConnections();
  }
  await app.close();
}
