import type { AuthEnv } from '../auth/issuers.config.js';

/**
 * Decided synchronously, before Nest builds the module graph, so that outside development the dev
 * routes are never registered at all (a plain 404, not a refusing handler). Mirrors loadAuthConfig:
 * development mode means no trusted issuers are configured and NODE_ENV is not production.
 */
export function isDevelopmentAuth(env: AuthEnv): boolean {
  if (env.NODE_ENV === 'production') return false;
  return !env.TRUSTED_ISSUERS?.trim() && !env.TRUSTED_ISSUERS_FILE?.trim();
}
