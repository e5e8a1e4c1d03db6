import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * One structured line per request: method, the route *pattern* (never the URL, whose ids and query
 * string — a purpose, a search term — can be personal data), status and duration. No headers, so
 * no token ever reaches the log.
 */
export function logRequests(app: NestFastifyApplication): void {
  const logger = new Logger('http');
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onResponse', (request, reply, done) => {
      logger.log({
        msg: 'request',
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
      });
      done();
    });
}
