import {
  ForbiddenException,
  Inject,
  Injectable,
  Logger,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthenticationError } from './auth.errors.js';
// Brings in the FastifyRequest.principal augmentation the guard writes to.
import './current-principal.decorator.js';
import { IS_PUBLIC_KEY } from './public.decorator.js';
import { ANY_SCOPE_KEY, REQUIRED_SCOPES_KEY } from './require-scopes.decorator.js';
import { TOKEN_VERIFIER } from './auth.tokens.js';
import { hasAllScopes, hasAnyScope } from './scopes.js';
import type { TokenVerifier } from './token-verifier.js';

const BEARER = /^Bearer +(\S+) *$/i;

/** RFC 6750 §3: a 401 names the scheme; a refused token says so (only an expired one says why, so clients renew). */
function challenge(reason?: AuthenticationError['reason']): string {
  let value = 'Bearer realm="liaison"';
  if (reason === 'expired') value += ', error="invalid_token", error_description="The access token expired"';
  else if (reason !== undefined) value += ', error="invalid_token"';
  return value;
}

/**
 * Authenticates every HTTP request unless the handler or controller is @Public(),
 * then enforces @RequireScopes / @RequireAnyScope. Fails closed: no token, no entry.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('Auth');

  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, targets) === true) return true;
    if (context.getType() !== 'http') return false;

    const request = context.switchToHttp().getRequest<FastifyRequest>();
    // Set on the reply itself, so the challenge goes out whichever exception filter writes the body.
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const route = `${request.method} ${request.routeOptions.url ?? ''}`;
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (match === null) {
      this.logger.warn(`authentication failed (missing-token) ${route}`);
      void reply.header('www-authenticate', challenge());
      throw new UnauthorizedException('Authentication required');
    }
    try {
      request.principal = await this.verifier.verify(match[1] as string);
    } catch (err) {
      if (!(err instanceof AuthenticationError)) throw err;
      // The reason is for operators; clients get nothing that helps probe the verifier.
      this.logger.warn(`authentication failed (${err.reason}) ${route}`);
      void reply.header('www-authenticate', challenge(err.reason));
      throw new UnauthorizedException('Authentication required');
    }

    const all = this.reflector.getAllAndMerge<string[]>(REQUIRED_SCOPES_KEY, targets) ?? [];
    const any = this.reflector.getAllAndOverride<string[] | undefined>(ANY_SCOPE_KEY, targets) ?? [];
    if (!hasAllScopes(request.principal.scopes, all) || !hasAnyScope(request.principal.scopes, any)) {
      this.logger.warn(`authorization denied (insufficient-scope) ${route}`);
      void reply.header('www-authenticate', `Bearer realm="liaison", error="insufficient_scope", scope="${[...all, ...any].join(' ')}"`);
      throw new ForbiddenException('Insufficient scope');
    }
    return true;
  }
}
