import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiClient } from './api/client';
import { can, roleOf, sessionStore } from './auth/auth-provider';
import type { Session } from './auth/auth-provider';
import { createPurposeState, PurposeIndicator } from './components/purpose';
import { followLiveStream } from './live/sse';
import { linkHandler, match, usePath } from './router';
import { AppContext } from './state';
import type { AppState } from './state';
import { countryName } from './format';
import { SignIn } from './views/sign-in';
import { Overview } from './views/overview';
import { CasesList } from './views/cases-list';
import { CasePage } from './views/case-page';
import { AuditLog, AuditEntryView, AuditReplay } from './views/audit';
import { Platforms } from './views/platforms';
import { ReferralsList } from './views/referrals-list';
import { ReferralPage } from './views/referral-page';

export interface ClientConfig {
  authMode: 'development' | 'configured';
  devSignIn: boolean;
}

export function App() {
  const [path, navigate] = usePath();
  const [session, setSession] = useState<Session | undefined>(() => sessionStore.load());
  const [config, setConfig] = useState<ClientConfig | undefined>();
  const [configError, setConfigError] = useState<string | undefined>();

  useEffect(() => {
    fetch('/api/v1/client-config', { headers: { accept: 'application/json' } })
      .then((r) => (r.ok ? (r.json() as Promise<ClientConfig>) : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then(setConfig, (e: Error) => setConfigError(e.message));
  }, []);

  const signIn = (s: Session) => {
    sessionStore.save(s);
    setSession(s);
    navigate('/');
  };
  const signOut = () => {
    sessionStore.clear();
    setSession(undefined);
    navigate('/sign-in');
  };

  if (!session) {
    if (configError) return <main class="signin"><p class="state state-error" role="alert">The service cannot be reached ({configError}). Reload to try again.</p></main>;
    if (!config) return <main class="signin"><p class="state" role="status">Loading…</p></main>;
    return <SignIn config={config} onSignedIn={signIn} />;
  }
  return <SignedIn session={session} path={path} navigate={navigate} onSignOut={signOut} />;
}

function SignedIn({ session, path, navigate, onSignOut }: { session: Session; path: string; navigate: (to: string) => void; onSignOut: () => void }) {
  const [position, setPosition] = useState('-1');
  const [updates, setUpdates] = useState(0);
  const [liveState, setLiveState] = useState<AppState['liveState']>('connecting');
  const [purposeVersion, setPurposeVersion] = useState(0);
  const purposes = useMemo(() => createPurposeState(() => setPurposeVersion((v) => v + 1)), []);
  const api = useMemo(() => new ApiClient(session, onSignOut), [session]);
  const lastPosition = useRef<bigint>(-1n);
  const first = useRef(true);

  useEffect(() => {
    const live = followLiveStream({
      url: '/api/v1/stream',
      token: () => session.token,
      onState: setLiveState,
      onPosition: (p) => {
        const n = BigInt(p);
        // The first announcement is the baseline the initial reads already cover.
        if (first.current) {
          first.current = false;
          lastPosition.current = n;
          setPosition(p);
          return;
        }
        if (n <= lastPosition.current) return;
        lastPosition.current = n;
        setPosition(p);
        setUpdates((u) => u + 1);
      },
    });
    const expiry = setTimeout(onSignOut, Math.max(0, session.expiresAt - Date.now()));
    return () => {
      live.stop();
      clearTimeout(expiry);
    };
  }, [session]);

  const route = match(path);
  useEffect(() => {
    if (route.name === 'sign-in') navigate('/');
  }, [route.name]);

  const state: AppState = { session, api, position, updates, liveState, navigate, purposes, purposeVersion };
  const onLink = linkHandler(navigate);
  const nav: { href: string; label: string; active: boolean; show: boolean }[] = [
    { href: '/', label: 'Overview', active: route.name === 'overview', show: can.readDashboards(session) },
    { href: '/cases', label: 'Cases', active: route.name === 'cases' || route.name === 'case', show: can.readCases(session) },
    { href: '/platforms', label: 'Platforms', active: route.name === 'platforms' || route.name.startsWith('referral'), show: can.readDashboards(session) },
    { href: '/audit', label: 'Audit', active: route.name.startsWith('audit'), show: can.audit(session) },
  ];
  const caseId = route.name === 'case' ? route.caseId : undefined;
  const search = path.includes('?') ? path.slice(path.indexOf('?')) : '';

  let view: ComponentChildren;
  switch (route.name) {
    case 'overview': view = can.readDashboards(session) ? <Overview /> : <Forbidden />; break;
    case 'cases': view = can.readCases(session) ? <CasesList /> : <Forbidden />; break;
    case 'case': view = can.readCases(session) ? <CasePage caseId={route.caseId} /> : <Forbidden />; break;
    case 'audit': view = can.audit(session) ? <AuditLog /> : <Forbidden />; break;
    case 'audit-entry': view = can.audit(session) ? <AuditEntryView entryId={route.entryId} /> : <Forbidden />; break;
    case 'audit-replay': view = can.audit(session) ? <AuditReplay caseId={route.caseId} /> : <Forbidden />; break;
    case 'platforms': view = can.readDashboards(session) ? <Platforms search={search} /> : <Forbidden />; break;
    case 'referrals': view = can.readCases(session) ? <ReferralsList search={search} /> : <Forbidden />; break;
    case 'referral': view = can.readCases(session) ? <ReferralPage referralId={route.referralId} /> : <Forbidden />; break;
    case 'sign-in': view = null; break;
    default: view = <section class="panel"><h1>Page not found</h1><p><a href="/" onClick={onLink}>Back to the overview</a></p></section>;
  }

  return (
    <AppContext.Provider value={state}>
      <a class="skip-link" href="#main">Skip to content</a>
      <header class="topbar">
        <div class="brand"><a href="/" onClick={onLink}>Liaison</a><span class="muted"> Nordic case sharing</span></div>
        <nav aria-label="Main">
          <ul>
            {nav.filter((n) => n.show).map((n) => (
              <li key={n.href}><a href={n.href} onClick={onLink} aria-current={n.active ? 'page' : undefined}>{n.label}</a></li>
            ))}
          </ul>
        </nav>
        <div class="identity">
          <span class={`live live-${liveState}`} role="status" aria-live="polite" title={`Read models at position ${position}`}>
            <span class="dot" aria-hidden="true" />{liveState === 'live' ? 'Live' : liveState === 'connecting' ? 'Connecting…' : 'Offline, retrying'}
          </span>
          <span class="who" data-testid="identity">
            <strong>{countryName(session.country)}</strong> {roleOf(session)}
            {session.via === 'dev' ? <span class="badge dev">dev</span> : null}
          </span>
          <button type="button" onClick={onSignOut}>Sign out</button>
        </div>
      </header>
      <div class="purpose-bar"><PurposeIndicator purposes={purposes} caseId={caseId} /></div>
      <main id="main" tabIndex={-1}>{view}</main>
    </AppContext.Provider>
  );
}

function Forbidden() {
  return <section class="panel"><h1>Not available</h1><p class="state state-empty">Your identity does not have access to this page.</p></section>;
}
