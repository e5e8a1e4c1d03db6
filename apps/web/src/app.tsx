import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiClient } from './api/client';
import { can, sessionStore } from './auth/auth-provider';
import type { Session } from './auth/auth-provider';
import { createPurposeState, PurposeIndicator } from './components/purpose';
import { followLiveStream } from './live/sse';
import { linkHandler, match, usePath, type Navigate } from './router';
import { shareSession } from './auth/session-share';
import type { SessionShare } from './auth/session-share';
import { focusHeading } from './nav/page-focus';
import { returnTo } from './nav/url-state';
import { AppContext } from './state';
import type { AppState } from './state';
import { currentZone, setZone } from './format';
import { Identity } from './components/identity';
import { watchTableCells } from './components/table-cards';
import { SignIn } from './views/sign-in';
import { Overview } from './views/overview';
import { CasesList } from './views/cases-list';
import { CasePage } from './views/case-page';
import { AuditLog, AuditEntryView } from './views/audit';
import { AuditReplay } from './views/audit-replay';
import { Platforms } from './views/platforms';
import { ReferralsList } from './views/referrals-list';
import { ReferralPage } from './views/referral-page';
import { Forbidden, NotFound } from './views/not-found';
import { SearchView } from './views/search';
import { HeaderSearch } from './components/header-search';
import { PrintFrame, PrintMarkingContext, type PrintMarking } from './components/print-frame';

export interface ClientConfig {
  authMode: 'development' | 'configured';
  devSignIn: boolean;
}

/** How long a new tab waits for another tab to hand over its session before showing the sign-in. */
const HAND_OFF_MS = 300;

export function App() {
  const [path, navigate] = usePath();
  const [session, setSession] = useState<Session | undefined>(() => sessionStore.load());
  const [waitingForTabs, setWaitingForTabs] = useState(!session);
  // Signed in interactively or handed over by another tab: focus the page's heading once shown.
  const [focusOnShow, setFocusOnShow] = useState(false);
  const [config, setConfig] = useState<ClientConfig | undefined>();
  const [configError, setConfigError] = useState<string | undefined>();
  const sessionRef = useRef(session);
  sessionRef.current = session;
  const share = useRef<SessionShare | null>(null);

  const adopt = (s: Session) => {
    sessionStore.save(s);
    setFocusOnShow(true);
    setWaitingForTabs(false);
    setSession(s);
  };
  const forget = () => {
    sessionStore.clear();
    setSession(undefined);
  };

  useEffect(() => {
    fetch('/api/v1/client-config', { headers: { accept: 'application/json' } })
      .then((r) => (r.ok ? (r.json() as Promise<ClientConfig>) : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then(setConfig, (e: Error) => setConfigError(e.message));
    share.current = shareSession({ current: () => sessionRef.current, onOffer: adopt, onSignedOut: forget });
    if (!sessionRef.current) share.current.ask();
    const t = setTimeout(() => setWaitingForTabs(false), HAND_OFF_MS);
    return () => {
      clearTimeout(t);
      share.current?.close();
    };
  }, []);

  // The address asked for (a deep link) is kept while signed out, so sign-in returns to it.
  const signIn = (s: Session) => {
    adopt(s);
    share.current?.offer(s);
    navigate(returnTo(path));
  };
  const signOut = () => {
    forget();
    share.current?.signedOut();
    navigate('/sign-in');
  };
  // Expiry or a refused token: sign out but stay on this address, to come back to it.
  const expire = () => forget();

  if (!session) {
    if (configError) return <main class="signin"><p class="state state-error" role="alert">The service cannot be reached ({configError}). Reload to try again.</p></main>;
    if (!config || waitingForTabs) return <main class="signin"><p class="state" role="status">Loading…</p></main>;
    return <SignIn config={config} onSignedIn={signIn} />;
  }
  return <SignedIn session={session} path={path} navigate={navigate} onSignOut={signOut} onExpired={expire} focusFirst={focusOnShow} />;
}

/** What a printed view is called when it names nothing itself (see PrintMarking). */
const PRINT_SUBJECT: Record<string, string> = {
  overview: 'Overview', cases: 'Cases', case: 'Case', audit: 'Audit log', 'audit-entry': 'Reproduced access', 'audit-replay': 'Case replay',
  platforms: 'Platforms', referrals: 'Referrals', referral: 'Referral', search: 'Search', 'not-found': 'Page not found',
};

function SignedIn({ session, path, navigate, onSignOut, onExpired, focusFirst }: {
  session: Session; path: string; navigate: Navigate; onSignOut: () => void; onExpired: () => void; focusFirst: boolean;
}) {
  const [position, setPosition] = useState('-1');
  const [updates, setUpdates] = useState(0);
  const [liveState, setLiveState] = useState<AppState['liveState']>('connecting');
  const [purposeVersion, setPurposeVersion] = useState(0);
  // Formatting reads the zone from format.ts; this state re-renders every view when it changes.
  const [zone, setZoneState] = useState(currentZone());
  const changeZone = (z: string) => {
    setZone(z);
    setZoneState(z);
  };
  const purposes = useMemo(() => createPurposeState(() => setPurposeVersion((v) => v + 1)), []);
  const api = useMemo(() => new ApiClient(session, onExpired), [session]);
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
    const expiry = setTimeout(onExpired, Math.max(0, session.expiresAt - Date.now()));
    return () => {
      live.stop();
      clearTimeout(expiry);
    };
  }, [session]);

  const route = match(path);
  const [marking, setMarking] = useState<PrintMarking | undefined>();
  const [contributions, setContributions] = useState<Map<object, readonly string[]>>(new Map());
  const markingSlot = useMemo(() => ({
    set: setMarking,
    contribute: (id: object, codes: readonly string[] | undefined) => setContributions((old) => {
      const next = new Map(old);
      if (codes) next.set(id, codes);
      else next.delete(id);
      return next;
    }),
  }), []);
  const mainRef = useRef<HTMLElement>(null);
  useEffect(() => (mainRef.current ? watchTableCells(mainRef.current) : undefined), []);
  const pathname = path.split('?')[0];
  const shownOnce = useRef(false);
  useEffect(() => {
    // Not on a plain reload (focus starts at the document then), but after sign-in, every page change
    // and a stated purpose (its prompt, holding focus, gives way to the content).
    const first = !shownOnce.current;
    shownOnce.current = true;
    if (first && !focusFirst) return;
    return focusHeading();
  }, [pathname, purposeVersion]);
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
    case 'cases': view = can.readCases(session) ? <CasesList search={search} /> : <Forbidden />; break;
    case 'case': view = can.readCases(session) ? <CasePage caseId={route.caseId} /> : <Forbidden />; break;
    case 'audit': view = can.audit(session) ? <AuditLog search={search} /> : <Forbidden />; break;
    case 'audit-entry': view = can.audit(session) ? <AuditEntryView entryId={route.entryId} /> : <Forbidden />; break;
    case 'audit-replay': view = can.audit(session) ? <AuditReplay caseId={route.caseId} /> : <Forbidden />; break;
    case 'platforms': view = can.readDashboards(session) ? <Platforms search={search} /> : <Forbidden />; break;
    case 'referrals': view = can.readCases(session) ? <ReferralsList search={search} /> : <Forbidden />; break;
    case 'referral': view = can.readCases(session) ? <ReferralPage referralId={route.referralId} /> : <Forbidden />; break;
    case 'search': view = can.readCases(session) ? <SearchView search={search} /> : <Forbidden />; break;
    case 'sign-in': view = null; break;
    default: view = <NotFound />; break;
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
        {can.readCases(session) ? <HeaderSearch current={route.name === 'search' ? search : ''} navigate={navigate} /> : null}
        <Identity session={session} liveState={liveState} position={position} zone={zone} onZone={changeZone} onSignOut={onSignOut} />
      </header>
      <div class="purpose-bar"><PurposeIndicator purposes={purposes} caseId={caseId} /></div>
      <main id="main" tabIndex={-1} ref={mainRef}>
        <PrintMarkingContext.Provider value={markingSlot}>
          <PrintFrame marking={marking} contributed={[...contributions.values()].flat()} subject={PRINT_SUBJECT[route.name] ?? 'Liaison'}>{view}</PrintFrame>
        </PrintMarkingContext.Provider>
      </main>
    </AppContext.Provider>
  );
}
