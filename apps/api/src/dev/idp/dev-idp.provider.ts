import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JWK } from 'jose';
import type { KoaContextWithOIDC, Provider as OidcProvider } from 'oidc-provider';
import { ROLE_SCOPES, type Role } from '../../auth/scopes.js';
import { CLI_CLIENT_ID, DEV_GRANT } from './dev-idp.grant.js';
import { devAccounts, devIdpName, findDevAccount, type DevAccount, type DevCountry } from './dev-idp.accounts.js';
import { DEV_ALG } from './dev-idp.keys.js';
import { errorPage, logoutPage, signedOutPage } from './dev-idp.pages.js';
import { handleInteraction } from './dev-idp.interactions.js';
import { loadOidcProvider } from './oidc-provider.loader.js';
import { registerDevGrant } from './dev-idp.grant.js';

/** The dashboard: a public client, authorization code + PKCE (S256, required), refresh tokens. */
export const DASHBOARD_CLIENT_ID = 'liaison-dashboard';
/** Resource indicator (RFC 8707) of the Liaison API; its access tokens are JWTs with `aud` = JWT_AUDIENCE. */
export const LIAISON_RESOURCE = 'urn:liaison:api';
export const LIAISON_SCOPE = 'liaison';
export { CLI_CLIENT_ID, DEV_GRANT } from './dev-idp.grant.js';

export interface DevIdpOptions {
  issuer: string;
  country: DevCountry;
  /** Private signing keys; the first signs. */
  keys: JWK[];
  cookieSecret: string;
  audience: string;
  /** Access-token lifetime of dashboard sign-ins (seconds). */
  accessTokenTtlSec: number;
  /** Origins the dashboard may be opened at (redirect URIs, CORS, form-action). */
  dashboardOrigins: string[];
}

export interface DevIdp {
  readonly issuer: string;
  readonly provider: OidcProvider;
  /** Serves one request whose URL starts with the issuer's path. */
  handle(req: IncomingMessage, res: ServerResponse): void;
}

function scopesOf(roles: readonly Role[]): string {
  return [...new Set(roles.flatMap((r) => ROLE_SCOPES[r]))].join(' ');
}

function accountClaims(account: Pick<DevAccount, 'country' | 'roles' | 'name'>): Record<string, unknown> {
  return { country: account.country, roles: account.roles, name: account.name };
}

/**
 * One development IdP: oidc-provider (certified OpenID Provider) configured for one country, with
 * the identity-picker login page, the dashboard and CLI clients, JWT access tokens for the Liaison
 * API carrying `country` and `roles` like a national IdP would, and RP-initiated logout.
 */
export async function createDevIdp(opts: DevIdpOptions): Promise<DevIdp> {
  const { Provider, MemoryAdapter } = await loadOidcProvider();
  const mount = new URL(opts.issuer).pathname.replace(/\/+$/, '');
  const idpName = devIdpName(opts.country);
  const resourceInfo = {
    audience: opts.audience,
    scope: LIAISON_SCOPE,
    accessTokenFormat: 'jwt',
    accessTokenTTL: opts.accessTokenTtlSec,
    jwt: { sign: { alg: DEV_ALG } },
  };
  const headers = securityHeaders(opts.dashboardOrigins);

  const provider = new Provider(opts.issuer, {
    clients: [
      {
        client_id: DASHBOARD_CLIENT_ID,
        client_name: 'Liaison dashboard',
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: opts.dashboardOrigins.map((o) => `${o}/auth/callback`),
        post_logout_redirect_uris: opts.dashboardOrigins.map((o) => `${o}/sign-in`),
      },
      { client_id: CLI_CLIENT_ID, token_endpoint_auth_method: 'none', grant_types: [DEV_GRANT], response_types: [], redirect_uris: [] },
    ],
    adapter: MemoryAdapter,
    clientDefaults: { id_token_signed_response_alg: DEV_ALG },
    jwks: { keys: opts.keys },
    cookies: {
      keys: [opts.cookieSecret],
      names: { session: `_session_${opts.country}`, interaction: `_interaction_${opts.country}`, resume: `_resume_${opts.country}` },
    },
    claims: { openid: ['sub'], profile: ['name'], [LIAISON_SCOPE]: ['country', 'roles'] },
    scopes: ['openid', 'profile', 'offline_access', LIAISON_SCOPE],
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: false },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => LIAISON_RESOURCE,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx: unknown, indicator: string) => {
          if (indicator !== LIAISON_RESOURCE) throw new Error('unknown resource');
          return resourceInfo;
        },
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: KoaContextWithOIDC, form: string) => {
          applyHeaders(ctx, headers);
          ctx.type = 'html';
          ctx.body = logoutPage(idpName, form);
        },
        postLogoutSuccessSource: async (ctx: KoaContextWithOIDC) => {
          applyHeaders(ctx, headers);
          ctx.type = 'html';
          ctx.body = signedOutPage(idpName);
        },
      },
    },
    interactions: { url: async (_ctx: unknown, interaction: { uid: string }) => `${mount}/interaction/${interaction.uid}` },
    findAccount: async (_ctx: unknown, sub: string) => {
      const account = findDevAccount(opts.country, sub);
      if (account === undefined) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...accountClaims(account) }) };
    },
    // The dashboard is first-party: its consent is implied, so no consent page.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { Grant } = ctx.oidc.provider as unknown as { Grant: { find(id: string): Promise<{ accountId?: string } | undefined> } & OidcProvider['Grant'] };
      const clientId = ctx.oidc.client?.clientId as string;
      const accountId = ctx.oidc.session?.accountId;
      const existing = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session?.grantIdFor(clientId);
      // A grant belongs to one account: picking another identity at the same IdP starts a new one.
      const found = existing === undefined ? undefined : await Grant.find(existing);
      if (found && found.accountId === accountId) return found;
      const grant = new Grant({ clientId, accountId });
      grant.addOIDCScope(`openid profile offline_access ${LIAISON_SCOPE}`);
      grant.addResourceScope(LIAISON_RESOURCE, LIAISON_SCOPE);
      await grant.save();
      return grant;
    },
    extraTokenClaims: async (ctx: KoaContextWithOIDC, token: { accountId?: string }) => {
      const params = ctx.oidc.params ?? {};
      if (params.grant_type === DEV_GRANT) {
        const role = params.role as Role;
        return accountClaims({ country: opts.country, roles: [role], name: (params.name as string | undefined) ?? `${opts.country} ${role} (dev)` });
      }
      const account = token.accountId === undefined ? undefined : findDevAccount(opts.country, token.accountId);
      return account ? accountClaims(account) : undefined;
    },
    // The Liaison scope names of the roles go into `scope` too, so a development token also works
    // against an issuer configured with static keys and no claims mapping (ADR 4's dialect).
    formats: {
      customizers: {
        jwt: async (_ctx: unknown, _token: unknown, jwt: { payload: Record<string, unknown> }) => {
          const roles = Array.isArray(jwt.payload.roles) ? (jwt.payload.roles as Role[]) : [];
          jwt.payload.scope = [jwt.payload.scope, scopesOf(roles)].filter(Boolean).join(' ');
        },
      },
    },
    issueRefreshToken: async (_ctx: unknown, client: { grantTypeAllowed(t: string): boolean }) => client.grantTypeAllowed('refresh_token'),
    clientBasedCORS: (_ctx: unknown, origin: string) => opts.dashboardOrigins.includes(origin),
    pkce: { required: () => true },
    ttl: {
      AccessToken: (_ctx: unknown, token: { resourceServer?: { accessTokenTTL?: number } }) => token.resourceServer?.accessTokenTTL ?? opts.accessTokenTtlSec,
      AuthorizationCode: 60,
      IdToken: opts.accessTokenTtlSec,
      RefreshToken: 8 * 3600,
      Interaction: 15 * 60,
      Session: 8 * 3600,
      Grant: 8 * 3600,
    },
    renderError: async (ctx: KoaContextWithOIDC, out: Record<string, unknown>) => {
      applyHeaders(ctx, headers);
      ctx.type = 'html';
      ctx.body = errorPage(idpName, out);
    },
  });

  registerDevGrant(provider, () => new provider.ResourceServer(LIAISON_RESOURCE, resourceInfo), LIAISON_SCOPE);

  const callback = provider.callback();
  const roleScopes = (a: DevAccount) => scopesOf(a.roles);
  return {
    issuer: opts.issuer,
    provider,
    handle(req, res) {
      for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
      const url = req.url ?? '/';
      if (url.startsWith(`${mount}/interaction/`)) {
        void handleInteraction(provider, req, res, { mount, idpName, accounts: devAccounts(opts.country), roleScopes });
        return;
      }
      // Mounted below a path: oidc-provider reads the mount path from originalUrl (as under express/middie).
      (req as IncomingMessage & { originalUrl?: string }).originalUrl = url;
      req.url = url.slice(mount.length) || '/';
      callback(req, res);
    },
  };
}

function securityHeaders(dashboardOrigins: string[]): Record<string, string> {
  // Forms post to the IdP itself and the redirects after them go to the dashboard's callback. No
  // script of ours; oidc-provider adds the hash of its one auto-submitting form (switching accounts).
  const csp = ["default-src 'none'", "script-src 'self'", "style-src 'unsafe-inline'", `form-action 'self' ${dashboardOrigins.join(' ')}`, "frame-ancestors 'none'", "base-uri 'none'"].join('; ');
  return { 'content-security-policy': csp, 'x-frame-options': 'DENY', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'cache-control': 'no-store' };
}

function applyHeaders(ctx: KoaContextWithOIDC, headers: Record<string, string>): void {
  for (const [k, v] of Object.entries(headers)) ctx.set(k, v);
}

