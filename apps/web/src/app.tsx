import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiClient } from './api/client';
import { can, hasLiaisonAccess, sessionFor, sessionStore } from './auth/auth-provider';
import { completeSignIn, forgetUser, signOutAt, startSignIn } from './auth/oidc';
import { useRenewal } from './auth/renewal';
import type { SignInIssuer } from './auth/oidc';
import type { Session } from './auth/auth-provider';
import { createPurposeState, PurposeIndicator } from './components/purpose';
import { followLiveStream } from './live/sse';
import { linkHandler, match, usePath, type Navigate } from './router';
import { shareSession } from './auth/session-share';
import type { SessionShare } from './auth/session-share';
import { focusHeading } from './nav/page-focus';
import { returnTo } from './nav/url-state';
import { browserStore, landingPath, readStartPage } from './nav/start-page';
import { AppContext } from './state';
import type { AppState } from './state';
import { currentZone, setZone } from './format';
import { Identity } from './components/identity';
import { watchTableCells } from './components/table-cards';
import { SignIn } from './views/sign-in';
import type { SignInProblem } from './views/sign-in';
import { Overview } from './views/overview';
import { CasesList } from './views/cases-list';
import { CasePage } from './views/case-page';
import { AuditLog, AuditEntryView } from './views/audit';
import { AuditReplay } from './views/audit-replay';
import { Platforms } from './views/platforms';
import { ReferralsList } from './views/referrals-list';
import { ReferralPage } from './views/referral-page';
import { RequestsList } from './views/requests-list';
import { RequestPage } from './views/request-page';
import { DeadlinesBoardView } from './views/deadlines';
import { Statistics } from './views/statistics';
import { RetentionReviews } from './views/retention-reviews';
import { Forbidden, NotFound } from './views/not-found';
import { SearchView } from './views/search';
import { HeaderSearch } from './components/header-search';
import { PrintFrame, PrintMarkingContext, type PrintMarking } from './components/print-frame';

export interface ClientConfig {
  authMode: 'development' | 'configured';
  issuers: SignInIssuer[];
}

/** How long a new tab waits for another tab to hand over its session before showing the sign-in. */
const HAND_OFF_MS = 300;

/** Where a signed-in officer lands for an address: the chosen start page instead of a bare `/`. */
const landing = (path: string, s: Session | undefined) => (s ? landingPath(path, readStartPage(browserStore()), can.readCases(s)) : path);

export function App({ callbackUrl }: { callbackUrl?: string }) {
  const [session, setSession] = useState<Session | undefined>(() => (callbackUrl ? undefined : sessionStore.load()));
  const [path, navigate] = usePath((opened) => landing(opened, session));
  const [waitingForTabs, setWaitingForTabs] = useState(!session && !callbackUrl);
  const [completing, setCompleting] = useState(!!callbackUrl);
  const [problem, setProblem] = useState<SignInProblem | undefined>();
  // Signed in interactively or handed over by another tab: focus the page's heading once shown.
  const [focusOnShow, setFocusOnShow] = useState(false);
  const [config, setConfig] = useState<ClientConfig | undefined>();
  const [configError, setConfigError] = useState<string | undefined>();
  const sessionRef = useRef(session);
  sessionRef.current = session;
  const configRef = useRef(config);
  configRef.current = config;
  const share = useRef<SessionShare | null>(null);
  const issuerOf = (s: Session | undefined) => configRef.current?.issuers.find((i) => i.id === s?.issuerId);

  const adopt = (s: Session) => {
    sessionStore.save(s);
    setFocusOnShow(true);
    setWaitingForTabs(false);
    setProblem(undefined);
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
    share.current = shareSession({
      current: () => sessionRef.current,
      // Handed over by another tab: this tab was opened signed out, so its start page applies now.
      // A renewed session offered later changes the token only, never the page.
      onOffer: (s) => {
        const handedOver = !sessionRef.current;
        adopt(s);
        if (handedOver) navigate(landing(location.pathname + location.search, s), { replace: true });
      },
      onSignedOut: forget,
    });
    if (!sessionRef.current && !callbackUrl) share.current.ask();
    const t = setTimeout(() => setWaitingForTabs(false), HAND_OFF_MS);
    if (callbackUrl) void finishOidcSignIn(callbackUrl);
    return () => {
      clearTimeout(t);
      share.current?.close();
    };
  }, []);

  /** Back from the IdP: exchange the code, ask the API who this is, then go where the officer was going. */
  const finishOidcSignIn = async (url: string) => {
    try {
      const { user, issuer, returnTo: target } = await completeSignIn(url);
      const s = await sessionFor(user.access_token, 'oidc', { issuerId: issuer.id, dev: issuer.development });
      if (!hasLiaisonAccess(s)) {
        setProblem({ kind: 'no-role', issuer, session: s });
      } else {
        adopt(s);
        share.current?.offer(s);
      }
      // Replace the callback's history entry: Back never returns to it.
      navigate(landing(returnTo(target), s), { replace: true });
    } catch (e) {
      const cancelled = (e as { error?: string }).error === 'access_denied';
      setProblem({ kind: cancelled ? 'cancelled' : 'failed', message: (e as Error).message });
      navigate('/sign-in', { replace: true });
    } finally {
      setCompleting(false);
    }
  };

  useRenewal(session, () => issuerOf(sessionRef.current), (s) => {
    sessionStore.save(s);
    setSession(s);
    share.current?.offer(s);
  }, () => share.current?.ask());

  // The address asked for (a deep link) is kept while signed out, so sign-in returns to it.
  const signInWithToken = (s: Session) => {
    adopt(s);
    share.current?.offer(s);
    navigate(landing(returnTo(path), s));
  };
  const signInWith = (issuer: SignInIssuer) => startSignIn(issuer, returnTo(path)).catch((e: Error) => {
    setProblem({ kind: 'unreachable', issuer, message: e.message });
  });
  const signOut = () => {
    const issuer = issuerOf(sessionRef.current) ?? problem?.issuer;
    forget();
    setProblem(undefined);
    share.current?.signedOut();
    // RP-initiated logout: the IdP ends its session and sends the browser back to /sign-in.
    if (issuer) void signOutAt(issuer).catch(() => navigate('/sign-in'));
    navigate('/sign-in');
  };
  // Expiry or a refused token: sign out but stay on this address, to come back to it.
  const expire = () => {
    const issuer = issuerOf(sessionRef.current);
    if (issuer) void forgetUser(issuer);
    forget();
  };

  if (!session) {
    if (configError) return <main class="signin"><p class="state state-error" role="alert">The service cannot be reached ({configError}). Reload to try again.</p></main>;
    if (completing) return <main class="signin"><p class="state" role="status">Signing in…</p></main>;
    if (!config || waitingForTabs) return <main class="signin"><p class="state" role="status">Loading…</p></main>;
    return <SignIn config={config} problem={problem} onToken={signInWithToken} onIssuer={signInWith} onSignOut={signOut} onDismiss={() => setProblem(undefined)} />;
  }
  return <SignedIn session={session} path={path} navigate={navigate} onSignOut={signOut} onExpired={expire} focusFirst={focusOnShow} />;
}

/** What a printed view is called when it names nothing itself (see PrintMarking). */
const PRINT_SUBJECT: Record<string, string> = {
  overview: 'Overview', cases: 'Cases', case: 'Case', audit: 'Audit log', 'audit-entry': 'Reproduced access', 'audit-replay': 'Case replay',
  platforms: 'Platforms', referrals: 'Referrals', referral: 'Referral', search: 'Search', requests: 'Information requests',
  request: 'Information request', deadlines: 'Deadlines board', statistics: 'Information exchange statistics', retention: 'Retention reviews', 'not-found': 'Page not found',
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
  // The token is read per request, so a renewed session keeps the client, the views and the live stream.
  const tokenRef = useRef(session.token);
  tokenRef.current = session.token;
  const api = useMemo(() => new ApiClient(() => tokenRef.current, onExpired), [session.subject, session.issuer]);
  const lastPosition = useRef<bigint>(-1n);
  const first = useRef(true);

  useEffect(() => {
    const live = followLiveStream({
      url: '/api/v1/stream',
      token: () => tokenRef.current,
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
    return () => live.stop();
  }, [session.subject, session.issuer]);
  useEffect(() => {
    const expiry = setTimeout(onExpired, Math.max(0, session.expiresAt - Date.now()));
    return () => clearTimeout(expiry);
  }, [session.expiresAt]);

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
    if (route.name === 'sign-in' || route.name === 'callback') navigate('/', { replace: true });
  }, [route.name]);

  const state: AppState = { session, api, position, updates, liveState, navigate, purposes, purposeVersion };
  const onLink = linkHandler(navigate);
  const nav: { href: string; label: string; active: boolean; show: boolean }[] = [
    { href: '/', label: 'Overview', active: route.name === 'overview', show: can.readDashboards(session) },
    { href: '/cases', label: 'Cases', active: route.name === 'cases' || route.name === 'case', show: can.readCases(session) },
    { href: '/requests', label: 'Requests', active: route.name === 'requests' || route.name === 'request', show: can.readCases(session) },
    { href: '/deadlines', label: 'Deadlines', active: route.name === 'deadlines', show: can.readCases(session) },
    { href: '/platforms', label: 'Platforms', active: route.name === 'platforms' || route.name.startsWith('referral'), show: can.readDashboards(session) },
    { href: '/statistics', label: 'Statistics', active: route.name === 'statistics', show: can.readDashboards(session) },
    { href: '/retention-reviews', label: 'Retention', active: route.name === 'retention', show: can.readCases(session) },
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
    case 'requests': view = can.readCases(session) ? <RequestsList search={search} /> : <Forbidden />; break;
    case 'request': view = can.readCases(session) ? <RequestPage requestId={route.requestId} /> : <Forbidden />; break;
    case 'deadlines': view = can.readCases(session) ? <DeadlinesBoardView search={search} /> : <Forbidden />; break;
    case 'statistics': view = can.readDashboards(session) ? <Statistics search={search} /> : <Forbidden />; break;
    case 'retention': view = can.readCases(session) ? <RetentionReviews /> : <Forbidden />; break;
    case 'search': view = can.readCases(session) ? <SearchView search={search} /> : <Forbidden />; break;
    case 'sign-in': case 'callback': view = null; break;
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
