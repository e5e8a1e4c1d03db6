import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ACCESS_ENTRY_OF } from './access-recorder.js';

/**
 * Tells the caller which access-log entry their answer was recorded under (X-Access-Entry). A Fastify
 * hook rather than a global Nest interceptor: an interceptor puts every route, commands included,
 * through an rxjs pipeline for a header only recorded answers carry.
 */
export function addAccessEntryHeader(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', (request, reply, payload, done) => {
      const id = ACCESS_ENTRY_OF.get(request);
      if (id) void reply.header('x-access-entry', id);
      done(null, payload);
    });
}
