import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';

/**
 * How long a draining node must have seen nothing (no connection, request or answer) before it closes
 * its connections (ADR 16): a client that just got an answer on a kept-alive connection has this long
 * to send its next request on it, which is then answered (503, Connection: close) instead of cut off.
 */
export const DRAIN_QUIET_MS = 500;
/** The longest a drain lasts, however busy: the process must be gone well within 10 s. */
export const DRAIN_MAX_MS = 5_000;

interface Drain {
  shuttingDown: boolean;
  /** Requests read whose answer has not started yet (an event stream counts once its headers are out). */
  pending: Set<FastifyReply>;
  /** The last connection accepted, request read or answer finished. */
  lastActivity: number;
}

const DRAINS = new WeakMap<object, Drain>();

/**
 * Graceful shutdown, the HTTP half (ADR 16). Node counts a keep-alive connection as idle until it has
 * parsed a request, so closing idle connections at SIGTERM (what `server.close()` does since Node 19,
 * and Fastify's default) resets every request already sent but not yet read: 0–18 of 20 per round
 * under load. Instead the node keeps listening and reading while it drains: requests that arrive get
 * the service's own 503 (`SHUTTING_DOWN`, Retry-After, `Connection: close`), every answer sent while
 * draining closes its connection, and the server is closed only once nothing is pending and nothing
 * has happened for DRAIN_QUIET_MS (at most DRAIN_MAX_MS). The app must be created with Fastify's
 * `return503OnClosing: false`, or Fastify answers first with a bare 503.
 */
export function refuseWhileShuttingDown(app: NestFastifyApplication): void {
  const drain: Drain = { shuttingDown: false, pending: new Set(), lastActivity: 0 };
  DRAINS.set(app, drain);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.server.on('connection', () => (drain.lastActivity = Date.now()));
  fastify.addHook('onRequest', (_request, reply, done) => {
    drain.lastActivity = Date.now();
    drain.pending.add(reply);
    reply.raw.once('close', () => {
      drain.pending.delete(reply);
      drain.lastActivity = Date.now();
    });
    if (!drain.shuttingDown) return done();
    void reply
      .code(503)
      .header('connection', 'close')
      .header('retry-after', '5')
      .send({ statusCode: 503, error: 'Service Unavailable', message: 'The service is shutting down; retry shortly.', code: 'SHUTTING_DOWN' });
  });
  // Answers to requests read before the signal still go out, on a connection that then closes.
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    if (drain.shuttingDown) void reply.header('connection', 'close');
    done(null, payload);
  });
}

/**
 * Starts refusing, then resolves once the node has answered every request it read and nothing has
 * happened for DRAIN_QUIET_MS (or after DRAIN_MAX_MS): the moment to close the server and the app.
 */
export async function drainRequests(app: NestFastifyApplication, now: () => number = Date.now): Promise<{ ms: number; pending: number }> {
  const drain = DRAINS.get(app);
  if (!drain) return { ms: 0, pending: 0 };
  drain.shuttingDown = true;
  const started = now();
  drain.lastActivity = Math.max(drain.lastActivity, started);
  for (;;) {
    // Hijacked replies (the event stream) have sent their headers: they end with the app, not here.
    for (const reply of drain.pending) if (reply.raw.headersSent) drain.pending.delete(reply);
    const t = now();
    if ((drain.pending.size === 0 && t - drain.lastActivity >= DRAIN_QUIET_MS) || t - started >= DRAIN_MAX_MS) {
      return { ms: t - started, pending: drain.pending.size };
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}
