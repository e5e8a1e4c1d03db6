/**
 * The dashboard's session: the access token the API accepts plus what the API says about its bearer
 * (GET /api/v1/me, after verification and the issuer's claims mapping). Sessions come from an
 * OpenID Connect sign-in (oidc.ts) or, for scripts and testing, a pasted token.
 *
 * Tokens are kept in memory and sessionStorage (gone when the tab closes), never in URLs or localStorage.
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
  /** How it was obtained. */
  via: 'oidc' | 'pasted';
  /** The sign-in option (client-config issuer id) an OIDC session came from. */
  issuerId?: string;
  issuer?: string;
  /** Signed in at a development IdP: the header says "dev". */
  dev?: boolean;
}

export class SessionError extends Error {
  override name = 'SessionError';
}

interface Me {
  subject: string;
  country: string;
  issuer: string;
  name?: string;
  scopes: string[];
  expiresAt: number;
}

/** Asks the API who a token belongs to; the API's verification is the only one that counts. */
export async function sessionFor(token: string, via: Session['via'], from?: { issuerId: string; dev: boolean }): Promise<Session> {
  let res: Response;
  try {
    res = await fetch('/api/v1/me', { headers: { accept: 'application/json', authorization: `Bearer ${token.trim()}` }, cache: 'no-store' });
  } catch {
    throw new SessionError('The service cannot be reached. Check your connection and try again.');
  }
  if (res.status === 401) throw new SessionError('The service did not accept this token: it has expired, or it is not from a trusted identity provider.');
  if (!res.ok) throw new SessionError(`The service answered ${res.status}.`);
  const me = (await res.json()) as Me;
  return {
    token: token.trim(),
    country: me.country,
    subject: me.subject,
    ...(me.name !== undefined ? { name: me.name } : {}),
    scopes: me.scopes,
    expiresAt: me.expiresAt,
    via,
    issuer: me.issuer,
    ...(from ? { issuerId: from.issuerId, dev: from.dev } : {}),
  };
}

const LIAISON_SCOPES = ['cases:read', 'cases:write', 'cases:share', 'dashboards:read', 'audit:read'];

/** Signed in, but the issuer's claims gave no Liaison role or scope: nothing in Liaison would open. */
export function hasLiaisonAccess(s: Session): boolean {
  return s.scopes.some((scope) => LIAISON_SCOPES.includes(scope));
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
