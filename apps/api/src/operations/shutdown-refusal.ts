import type { NestFastifyApplication } from '@nestjs/platform-fastify';

const SHUTTING_DOWN = new WeakSet<object>();

/**
 * Requests arriving while the service shuts down (on keep-alive connections it has not closed yet) get
 * the service's own 503 shape, with a code and Retry-After, instead of Fastify's bare closing 503, and
 * `Connection: close` so the client moves to another node. The app must be created with Fastify's
 * `return503OnClosing: false`, or Fastify answers first.
 */
export function refuseWhileShuttingDown(app: NestFastifyApplication): void {
  app.getHttpAdapter().getInstance().addHook('onRequest', (_request, reply, done) => {
    if (!SHUTTING_DOWN.has(app)) return done();
    void reply
      .code(503)
      .header('connection', 'close')
      .header('retry-after', '5')
      .send({ statusCode: 503, error: 'Service Unavailable', message: 'The service is shutting down; retry shortly.', code: 'SHUTTING_DOWN' });
  });
}

export function markShuttingDown(app: NestFastifyApplication): void {
  SHUTTING_DOWN.add(app);
}
