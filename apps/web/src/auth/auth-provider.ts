/**
 * Where tokens come from. The dashboard only needs `Session`; how it is obtained is the provider's
 * business, which leaves a clear seam for a real OIDC login (authorization code + PKCE against the
 * national IdP) as a third implementation of AuthProvider.
 *
 * Tokens are kept in memory and sessionStorage (gone when the tab closes), never in URLs.
 */

export type Role = 'officer' | 'analyst' | 'supervisor';

export interface Session {
  token: string;
  country: string;
  subject: string;
  name?: string;
  scopes: string[];
  /** Epoch milliseconds. */
  expiresAt: number;
  /** Which provider produced it, shown in the header. */
  via: 'dev' | 'pasted' | 'oidc';
}

export interface DevIdentity {
  country: string;
  role: Role;
  label: string;
}

export interface AuthProvider {
  readonly kind: Session['via'];
}

export class SessionError extends Error {
  override name = 'SessionError';
}

interface JwtClaims {
  sub?: string;
  country?: string;
  scope?: string;
  name?: string;
  exp?: number;
}

function base64UrlDecode(part: string): string {
  const b64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/**
 * Reads a JWT's claims WITHOUT verifying it: only to label the UI and hide navigation the token
 * cannot use. The API verifies every request; nothing here grants access.
 */
export function sessionFromToken(token: string, via: Session['via']): Session {
  const parts = token.trim().split('.');
  if (parts.length !== 3) throw new SessionError('That is not a JWT (expected three dot-separated parts).');
  let claims: JwtClaims;
  try {
    claims = JSON.parse(base64UrlDecode(parts[1] ?? '')) as JwtClaims;
  } catch {
    throw new SessionError('The token payload cannot be read.');
  }
  if (typeof claims.country !== 'string' || typeof claims.sub !== 'string') {
    throw new SessionError('The token has no country or subject claim.');
  }
  const expiresAt = typeof claims.exp === 'number' ? claims.exp * 1000 : Date.now() + 3600_000;
  if (expiresAt <= Date.now()) throw new SessionError('The token has expired.');
  return {
    token: token.trim(),
    country: claims.country,
    subject: claims.sub,
    name: claims.name,
    scopes: (claims.scope ?? '').split(' ').filter(Boolean),
    expiresAt,
    via,
  };
}

/** Development: "sign in as" a dev identity; the token comes from POST /dev/token (dev mode only). */
export class DevAuthProvider implements AuthProvider {
  readonly kind = 'dev' as const;
  static readonly IDENTITIES: readonly DevIdentity[] = [
    { country: 'SE', role: 'officer', label: 'Swedish officer' },
    { country: 'DK', role: 'officer', label: 'Danish officer' },
    { country: 'NO', role: 'officer', label: 'Norwegian officer' },
    { country: 'SE', role: 'supervisor', label: 'Swedish supervisor' },
    { country: 'DK', role: 'supervisor', label: 'Danish supervisor' },
    { country: 'SE', role: 'analyst', label: 'Swedish analyst' },
  ];

  async signIn(identity: Pick<DevIdentity, 'country' | 'role'>): Promise<Session> {
    const res = await fetch('/dev/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ country: identity.country, role: identity.role }),
      cache: 'no-store',
    });
    if (!res.ok) throw new SessionError(`The dev token endpoint answered ${res.status}.`);
    const body = (await res.json()) as { token: string };
    return sessionFromToken(body.token, 'dev');
  }
}

/** Production until OIDC is wired: the officer pastes a bearer token issued by their national IdP. */
export class PastedTokenAuthProvider implements AuthProvider {
  readonly kind = 'pasted' as const;

  signIn(token: string): Session {
    return sessionFromToken(token, 'pasted');
  }
}

const STORAGE_KEY = 'liaison.session';

export const sessionStore = {
  load(): Session | undefined {
    try {
      const raw = sessionStorage.getItem(STORAGE_KEY);
      if (!raw) return undefined;
      const s = JSON.parse(raw) as Session;
      return s.expiresAt > Date.now() ? s : undefined;
    } catch {
      return undefined;
    }
  },
  save(session: Session): void {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  },
  clear(): void {
    sessionStorage.removeItem(STORAGE_KEY);
    sessionStorage.removeItem('liaison.purposes');
  },
};

export const can = {
  readCases: (s: Session) => s.scopes.includes('cases:read'),
  readDashboards: (s: Session) => s.scopes.includes('dashboards:read') || s.scopes.includes('cases:read'),
  audit: (s: Session) => s.scopes.includes('audit:read'),
};

/** The role a session's scopes amount to, for labels (header, printed briefing). */
export function roleOf(s: Session): string {
  if (s.scopes.includes('audit:read')) return 'supervisor';
  if (s.scopes.includes('cases:write')) return 'officer';
  if (s.scopes.includes('cases:read')) return 'analyst';
  return 'dashboards only';
}
