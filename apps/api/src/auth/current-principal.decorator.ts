import { createParamDecorator, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Principal } from './auth.types.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by AuthGuard once the bearer token has been verified. */
    principal?: Principal;
  }
}

/** Handler parameter decorator: the verified caller (`request.principal`). */
export const CurrentPrincipal = createParamDecorator((_data: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<FastifyRequest>().principal;
  // Only reachable on a @Public() route, where asking for a principal is a programming error.
  if (principal === undefined) throw new UnauthorizedException('Authentication required');
  return principal;
});
