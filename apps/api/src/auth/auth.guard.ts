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
import type { FastifyRequest } from 'fastify';
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
function unauthorized(reason?: AuthenticationError['reason']): UnauthorizedException {
  let challenge = 'Bearer realm="liaison"';
  if (reason === 'expired') challenge += ', error="invalid_token", error_description="The access token expired"';
  else if (reason !== undefined) challenge += ', error="invalid_token"';
  return new UnauthorizedException({ message: 'Authentication required', headers: { 'www-authenticate': challenge } });
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
    const route = `${request.method} ${request.routeOptions.url ?? ''}`;
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (match === null) {
      this.logger.warn(`authentication failed (missing-token) ${route}`);
      throw unauthorized();
    }
    try {
      request.principal = await this.verifier.verify(match[1] as string);
    } catch (err) {
      if (!(err instanceof AuthenticationError)) throw err;
      // The reason is for operators; clients get nothing that helps probe the verifier.
      this.logger.warn(`authentication failed (${err.reason}) ${route}`);
      throw unauthorized(err.reason);
    }

    const all = this.reflector.getAllAndMerge<string[]>(REQUIRED_SCOPES_KEY, targets) ?? [];
    const any = this.reflector.getAllAndOverride<string[] | undefined>(ANY_SCOPE_KEY, targets) ?? [];
    if (!hasAllScopes(request.principal.scopes, all) || !hasAnyScope(request.principal.scopes, any)) {
      this.logger.warn(`authorization denied (insufficient-scope) ${route}`);
      throw new ForbiddenException({
        message: 'Insufficient scope',
        headers: { 'www-authenticate': `Bearer realm="liaison", error="insufficient_scope", scope="${[...all, ...any].join(' ')}"` },
      });
    }
    return true;
  }
}
