import type { Provider as OidcProvider } from 'oidc-provider';
import { isRole } from '../../auth/scopes.js';

/** `npm run token` and specs: a public client allowed only the development grant below. */
export const CLI_CLIENT_ID = 'liaison-cli';
/** A development-only grant: "a token for this subject with this role" (what the old minter did, now issued by the provider). */
export const DEV_GRANT = 'urn:liaison:params:oauth:grant-type:dev-identity';
const MAX_DEV_TTL_SEC = 30 * 86_400;

/**
 * Registers the development grant: the provider issues a JWT access token for the Liaison API to any
 * subject with the role asked for (its claims come from extraTokenClaims, like every other token).
 * Development only: the development IdPs exist only in development mode.
 */
export function registerDevGrant(provider: OidcProvider, resourceServer: () => unknown, scope: string): void {
  provider.registerGrantType(DEV_GRANT, async (ctx) => {
    const { subject, role, name, ttl } = (ctx.oidc.params ?? {}) as Record<string, string | undefined>;
    const { errors } = await import('oidc-provider');
    if (ctx.oidc.client?.clientId !== CLI_CLIENT_ID) throw new errors.InvalidGrant('only the CLI client may use this grant');
    if (typeof subject !== 'string' || !/^[\w.@:-]{1,128}$/.test(subject)) throw new errors.InvalidRequest('subject: 1-128 letters, digits or ._@:-');
    if (typeof role !== 'string' || !isRole(role)) throw new errors.InvalidRequest('role must be officer, analyst or supervisor');
    if (name !== undefined && (name.length === 0 || name.length > 200)) throw new errors.InvalidRequest('name: 1-200 characters');
    const seconds = ttl === undefined ? 8 * 3600 : Number(ttl);
    if (!Number.isInteger(seconds) || seconds < 1 || seconds > MAX_DEV_TTL_SEC) throw new errors.InvalidRequest(`ttl: 1-${MAX_DEV_TTL_SEC} seconds`);
    const token = new provider.AccessToken({
      accountId: subject,
      client: ctx.oidc.client,
      expiresIn: seconds,
      gty: DEV_GRANT,
      scope,
      resourceServer: resourceServer(),
    });
    const value = await token.save();
    ctx.body = { access_token: value, token_type: 'Bearer', expires_in: token.expiration, scope };
  }, ['subject', 'role', 'name', 'ttl']);
}
