import { useState } from 'preact/hooks';
import { DevAuthProvider, PastedTokenAuthProvider } from '../auth/auth-provider';
import type { Session } from '../auth/auth-provider';
import type { ClientConfig } from '../app';
import { useTitle } from '../nav/page-focus';

const dev = new DevAuthProvider();
const pasted = new PastedTokenAuthProvider();

export function SignIn({ config, onSignedIn }: { config: ClientConfig; onSignedIn: (s: Session) => void }) {
  const [busy, setBusy] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [token, setToken] = useState('');
  useTitle('Sign in');

  const asDev = async (country: string, role: 'officer' | 'analyst' | 'supervisor', label: string) => {
    setBusy(label);
    setError(undefined);
    try {
      onSignedIn(await dev.signIn({ country, role }));
    } catch (e) {
      setError((e as Error).message);
      setBusy(undefined);
    }
  };

  const withToken = (e: Event) => {
    e.preventDefault();
    setError(undefined);
    try {
      onSignedIn(pasted.signIn(token));
    } catch (err) {
      setError((err as Error).message);
    }
  };

  return (
    <main class="signin" id="main">
      <h1>Liaison</h1>
      <p class="lead">Cross-border case sharing for Nordic police liaison officers.</p>
      {config.devSignIn ? (
        <section class="panel" aria-labelledby="dev-heading">
          <h2 id="dev-heading">Sign in as a development identity</h2>
          <p class="warning" role="note"><strong>Development mode.</strong> Tokens come from local, self-signed identity providers. Never use this with real data.</p>
          <ul class="identity-grid">
            {DevAuthProvider.IDENTITIES.map((i) => (
              <li key={i.label}>
                <button type="button" class="identity-button" disabled={busy !== undefined} onClick={() => void asDev(i.country, i.role, i.label)}>
                  <span class="flag" aria-hidden="true">{i.country}</span>
                  <span>{i.label}</span>
                  {busy === i.label ? <span class="muted"> signing in…</span> : null}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section class="panel" aria-labelledby="token-heading">
        <h2 id="token-heading">{config.devSignIn ? 'Or paste a bearer token' : 'Sign in with a bearer token'}</h2>
        <p class="hint">
          Paste an access token issued by your national identity provider. It is kept only in this browser tab (session storage) and sent in the
          Authorization header, never in a URL. {/* OIDC seam: an OidcAuthProvider (authorization code + PKCE) replaces this form. */}
        </p>
        <form onSubmit={withToken}>
          <label for="token">Access token (JWT)</label>
          <textarea id="token" rows={4} spellcheck={false} autoComplete="off" value={token} onInput={(e) => setToken((e.target as HTMLTextAreaElement).value)} />
          <div class="actions"><button type="submit" class="primary" disabled={token.trim() === ''}>Sign in</button></div>
        </form>
      </section>
      {error ? <p class="state state-error" role="alert">{error}</p> : null}
    </main>
  );
}
