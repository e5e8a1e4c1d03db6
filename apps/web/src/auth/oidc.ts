import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';

/**
 * OpenID Connect sign-in through oidc-client-ts: authorization code + PKCE (S256) as a public
 * client, against the issuers the API offers (GET /api/v1/client-config). Its state (PKCE verifier)
 * and the signed-in user (tokens, refresh token) live in this tab's sessionStorage only.
 */
export interface SignInIssuer {
  id: string;
  name: string;
  country: string;
  authority: string;
  clientId: string;
  scope: string;
  prompt?: string;
  extraQueryParams?: Record<string, string>;
  development: boolean;
  metadata?: { issuer: string; authorization_endpoint: string; token_endpoint: string; jwks_uri: string; end_session_endpoint?: string; revocation_endpoint?: string };
}

export const CALLBACK_PATH = '/auth/callback';
const PENDING = 'liaison.oidc.pending';

function storage(): WebStorageStateStore {
  return new WebStorageStateStore({ store: sessionStorage, prefix: 'liaison.oidc.' });
}

function manager(issuer: SignInIssuer): UserManager {
  return new UserManager({
    authority: issuer.authority,
    client_id: issuer.clientId,
    redirect_uri: `${location.origin}${CALLBACK_PATH}`,
    post_logout_redirect_uri: `${location.origin}/sign-in`,
    response_type: 'code',
    scope: issuer.scope,
    // The API already fetched and checked the IdP's discovery document; without it the browser fetches it.
    ...(issuer.metadata ? { metadata: issuer.metadata } : {}),
    extraQueryParams: issuer.extraQueryParams ?? {},
    userStore: storage(),
    stateStore: storage(),
    // Renewal is scheduled by the dashboard (refresh token only: no hidden iframes, no third-party cookies).
    automaticSilentRenew: false,
    monitorSession: false,
    loadUserInfo: false,
  });
}

export class IdpUnreachable extends Error {
  override name = 'IdpUnreachable';
}

/** Leaves for the IdP's sign-in page; comes back to CALLBACK_PATH, then to `returnTo`. */
export async function startSignIn(issuer: SignInIssuer, returnTo: string): Promise<void> {
  sessionStorage.setItem(PENDING, JSON.stringify(issuer));
  try {
    await manager(issuer).signinRedirect({ state: { returnTo }, ...(issuer.prompt ? { prompt: issuer.prompt } : {}) });
  } catch (e) {
    sessionStorage.removeItem(PENDING);
    throw new IdpUnreachable(`${issuer.name} cannot be reached (${(e as Error).message}).`);
  }
}

export interface Completed {
  user: User;
  issuer: SignInIssuer;
  returnTo: string;
}

/** Exchanges the code from the callback URL (captured, then removed from the address, by main.tsx). */
export async function completeSignIn(callbackUrl: string): Promise<Completed> {
  const raw = sessionStorage.getItem(PENDING);
  sessionStorage.removeItem(PENDING);
  if (!raw) throw new Error('This sign-in was not started in this tab, or it was already completed.');
  const issuer = JSON.parse(raw) as SignInIssuer;
  const user = await manager(issuer).signinRedirectCallback(callbackUrl);
  const state = user.state as { returnTo?: string } | undefined;
  return { user, issuer, returnTo: state?.returnTo ?? '/' };
}

/** A fresh access token from this tab's refresh token; null when this tab holds none (a session handed over by another tab). */
export async function renew(issuer: SignInIssuer): Promise<User | null> {
  const m = manager(issuer);
  const user = await m.getUser();
  if (!user?.refresh_token) return null;
  return m.signinSilent();
}

/** RP-initiated logout when the IdP offers it (ends the IdP session too); else the tab just forgets. */
export async function signOutAt(issuer: SignInIssuer): Promise<void> {
  const m = manager(issuer);
  const user = await m.getUser();
  await m.removeUser();
  const endSession = issuer.metadata ? issuer.metadata.end_session_endpoint : (await m.metadataService.getMetadata().catch(() => undefined))?.end_session_endpoint;
  if (!endSession) return;
  await m.signoutRedirect({ ...(user?.id_token ? { id_token_hint: user.id_token } : {}) });
}

/** Drops this tab's OIDC user (tokens, refresh token) without asking the IdP. */
export async function forgetUser(issuer: SignInIssuer): Promise<void> {
  await manager(issuer).removeUser();
}
