import { BadRequestException, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';

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

@Injectable()
export class BodyDepthInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const { body } = context.switchToHttp().getRequest<FastifyRequest>();
    if (exceedsDepth(body, MAX_BODY_DEPTH)) {
      throw new BadRequestException({
        message: 'Validation failed',
        error: 'Bad Request',
        errors: [{ field: 'body', messages: [`body must not nest deeper than ${MAX_BODY_DEPTH} levels`] }],
      });
    }
    return next.handle();
  }
}
