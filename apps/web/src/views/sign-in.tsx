import { useState } from 'preact/hooks';
import { sessionFor } from '../auth/auth-provider';
import type { Session } from '../auth/auth-provider';
import type { SignInIssuer } from '../auth/oidc';
import type { ClientConfig } from '../app';
import { useTitle } from '../nav/page-focus';

export interface SignInProblem {
  kind: 'unreachable' | 'no-role' | 'cancelled' | 'failed';
  issuer?: SignInIssuer;
  message?: string;
  /** no-role: who signed in. */
  session?: Session;
}

export function SignIn({ config, problem, onToken, onIssuer, onSignOut, onDismiss }: {
  config: ClientConfig;
  problem?: SignInProblem;
  onToken: (s: Session) => void;
  onIssuer: (issuer: SignInIssuer) => Promise<void>;
  onSignOut: () => void;
  onDismiss: () => void;
}) {
  if (problem?.kind === 'no-role') return <NoRole problem={problem} onSignOut={onSignOut} />;
  if (problem?.kind === 'unreachable' && problem.issuer) return <Unreachable issuer={problem.issuer} message={problem.message} onRetry={onIssuer} onBack={onDismiss} />;
  return <Options config={config} problem={problem} onToken={onToken} onIssuer={onIssuer} />;
}

function Options({ config, problem, onToken, onIssuer }: {
  config: ClientConfig; problem?: SignInProblem; onToken: (s: Session) => void; onIssuer: (issuer: SignInIssuer) => Promise<void>;
}) {
  const [busy, setBusy] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [token, setToken] = useState('');
  useTitle('Sign in');
  const go = async (issuer: SignInIssuer) => {
    setBusy(issuer.id);
    await onIssuer(issuer);
    setBusy(undefined);
  };
  const withToken = async (e: Event) => {
    e.preventDefault();
    setError(undefined);
    try {
      onToken(await sessionFor(token, 'pasted'));
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const dev = config.issuers.some((i) => i.development);
  return (
    <main class="signin" id="main">
      <h1>Liaison</h1>
      <p class="lead">Cross-border case sharing for Nordic police liaison officers.</p>
      {problem ? <p class="state state-error" role="alert">{problem.kind === 'cancelled' ? 'The sign-in was cancelled.' : `The sign-in did not complete: ${problem.message ?? 'unknown error'}.`} Try again below.</p> : null}
      {config.issuers.length > 0 ? (
        <section class="panel" aria-labelledby="idp-heading">
          <h2 id="idp-heading">Sign in with your police identity provider</h2>
          {dev ? <p class="warning" role="note"><strong>Development mode.</strong> These identity providers run inside this service with self-signed keys. Never use them with real data.</p> : null}
          <ul class="identity-grid">
            {config.issuers.map((i) => (
              <li key={i.id}>
                <button type="button" class="identity-button" disabled={busy !== undefined} onClick={() => void go(i)}>
                  <span class="flag" aria-hidden="true">{i.country}</span>
                  <span>Sign in with {i.name}</span>
                  {busy === i.id ? <span class="muted"> redirecting…</span> : null}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <details class="panel advanced" open={config.issuers.length === 0}>
        <summary>Advanced: sign in with a pasted access token (for scripts and testing)</summary>
        <p class="hint">
          For scripts and testing only: officers sign in with their identity provider above. The token is kept only in this browser tab (session
          storage), sent in the Authorization header and never in a URL; it is not renewed.
        </p>
        <form onSubmit={(e) => void withToken(e)}>
          <label for="token">Access token (JWT)</label>
          <textarea id="token" rows={4} spellcheck={false} autoComplete="off" value={token} onInput={(e) => setToken((e.target as HTMLTextAreaElement).value)} />
          <div class="actions"><button type="submit" class="primary" disabled={token.trim() === ''}>Sign in</button></div>
        </form>
      </details>
      {error ? <p class="state state-error" role="alert">{error}</p> : null}
    </main>
  );
}

function NoRole({ problem, onSignOut }: { problem: SignInProblem; onSignOut: () => void }) {
  useTitle('No Liaison role');
  const who = problem.session?.name ?? problem.session?.subject ?? 'you';
  return (
    <main class="signin" id="main">
      <h1 tabIndex={-1}>Your account has no Liaison role</h1>
      <p class="state state-error" role="alert">
        {problem.issuer?.name ?? 'Your identity provider'} signed you in as {who}, but your account carries no role Liaison knows (officer, analyst or
        supervisor), so there is nothing you may open here.
      </p>
      <p>Ask your identity provider's administrator to give your account a Liaison role, then sign in again.</p>
      <div class="actions"><button type="button" class="primary" onClick={onSignOut}>Sign out</button></div>
    </main>
  );
}

function Unreachable({ issuer, message, onRetry, onBack }: { issuer: SignInIssuer; message?: string; onRetry: (i: SignInIssuer) => Promise<void>; onBack: () => void }) {
  useTitle('Sign-in unavailable');
  return (
    <main class="signin" id="main">
      <h1 tabIndex={-1}>{issuer.name} cannot be reached</h1>
      <p class="state state-error" role="alert">Liaison could not reach the sign-in service of {issuer.name}, so you cannot sign in with it right now.</p>
      <p class="hint">{message}</p>
      <p>Nothing was sent and you are not signed in. Try again in a moment; if it keeps failing, your identity provider may be down.</p>
      <div class="actions">
        <button type="button" class="primary" onClick={() => void onRetry(issuer)}>Try again</button>
        <button type="button" onClick={onBack}>Other sign-in options</button>
      </div>
    </main>
  );
}
