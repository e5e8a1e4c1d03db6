import { useEffect } from 'preact/hooks';
import { sessionFor } from './auth-provider';
import type { Session } from './auth-provider';
import { renew } from './oidc';
import type { SignInIssuer } from './oidc';

/** Renew this long before expiry: a minute, or a third of a short lifetime (development TTLs). */
export function renewDelay(s: Session, now = Date.now()): number {
  const left = s.expiresAt - now;
  return Math.max(0, left - Math.min(60_000, left / 3));
}

/**
 * Before an OIDC session's access token expires, the tab that signed in renews it with its refresh
 * token (oidc-client-ts signinSilent) and hands the result on; a tab without one (its session came
 * from another tab) asks the other tabs instead. Failing both, expiry shows the sign-in at the same
 * address, so signing in again returns to the same view.
 */
export function useRenewal(
  session: Session | undefined,
  issuer: () => SignInIssuer | undefined,
  onRenewed: (s: Session) => void,
  askOtherTabs: () => void,
): void {
  useEffect(() => {
    if (!session || session.via !== 'oidc') return;
    const timer = setTimeout(() => {
      const from = issuer();
      if (!from) return;
      renew(from).then(async (user) => {
        if (!user) {
          askOtherTabs();
          return;
        }
        onRenewed(await sessionFor(user.access_token, 'oidc', { issuerId: from.id, dev: from.development }));
      }).catch(askOtherTabs);
    }, renewDelay(session));
    return () => clearTimeout(timer);
  }, [session?.expiresAt, issuer() !== undefined]);
}
