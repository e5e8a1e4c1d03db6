import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Deepest legitimate body: nationalities[i].evaluation.source is four levels. */
export const MAX_BODY_DEPTH = 8;

/**
 * Rejects absurdly nested JSON before the validation pipe sees it: class-transformer and the
 * pipe's prototype stripping recurse once per level, so a few kilobytes of `[[[[…` overflow
 * the stack and would surface as a 500. Interceptors run before pipes, so this is the first
 * place in a route's chain that can still answer 400. Iterative, so it cannot overflow itself.
 */
export function exceedsDepth(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= max) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * Registered as a Fastify preHandler rather than a Nest interceptor: it runs on every request with a
 * body, and a plain hook avoids an rxjs pipeline per request. Same 400 shape as the ProblemFilter.
 */
export function rejectDeepBodies(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('preHandler', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
      if (request.body === undefined || !exceedsDepth(request.body, MAX_BODY_DEPTH)) return done();
      void reply.code(400).header('content-type', 'application/json; charset=utf-8').send({
        statusCode: 400,
        error: 'Bad Request',
        message: 'Validation failed',
        errors: [{ field: 'body', messages: [`body must not nest deeper than ${MAX_BODY_DEPTH} levels`] }],
      });
    });
}
