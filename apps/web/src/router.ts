import { useEffect, useState } from 'preact/hooks';

export type Navigate = (to: string, options?: { replace?: boolean }) => void;

/**
 * History-API routing; the API serves index.html for unknown non-API paths, so deep links reload.
 * `land` may rewrite the address the page was opened at (the start page), replacing it in history.
 */
export function usePath(land?: (path: string) => string): [string, Navigate] {
  const [path, setPath] = useState(() => {
    const opened = location.pathname + location.search;
    const to = land ? land(opened) : opened;
    if (to !== opened) history.replaceState(null, '', to);
    return to;
  });
  useEffect(() => {
    const onPop = () => setPath(location.pathname + location.search);
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  const navigate: Navigate = (to, options = {}) => {
    if (to === location.pathname + location.search) {
      setPath(to);
      return;
    }
    if (options.replace) history.replaceState(null, '', to);
    else history.pushState(null, '', to);
    setPath(to);
    if (!options.replace) scrollTo(0, 0);
  };
  return [path, navigate];
}

export type Route =
  | { name: 'overview' }
  | { name: 'cases' }
  | { name: 'case'; caseId: string }
  | { name: 'audit' }
  | { name: 'audit-entry'; entryId: string }
  | { name: 'audit-replay'; caseId: string }
  | { name: 'platforms' }
  | { name: 'referrals' }
  | { name: 'referral'; referralId: string }
  | { name: 'requests' }
  | { name: 'request'; requestId: string }
  | { name: 'deadlines' }
  | { name: 'statistics' }
  | { name: 'retention' }
  | { name: 'search' }
  | { name: 'sign-in' }
  | { name: 'callback' }
  | { name: 'not-found' };

export function match(path: string): Route {
  const p = path.split('?')[0]?.replace(/\/+$/, '') || '/';
  if (p === '/') return { name: 'overview' };
  if (p === '/sign-in') return { name: 'sign-in' };
  if (p === '/auth/callback') return { name: 'callback' };
  if (p === '/cases') return { name: 'cases' };
  if (p === '/audit') return { name: 'audit' };
  if (p === '/platforms') return { name: 'platforms' };
  if (p === '/referrals') return { name: 'referrals' };
  if (p === '/requests') return { name: 'requests' };
  if (p === '/deadlines') return { name: 'deadlines' };
  if (p === '/statistics') return { name: 'statistics' };
  if (p === '/retention-reviews') return { name: 'retention' };
  if (p === '/search') return { name: 'search' };
  let m = /^\/cases\/([0-9a-f-]{36})$/i.exec(p);
  if (m) return { name: 'case', caseId: m[1] as string };
  m = /^\/referrals\/([0-9a-f-]{36})$/i.exec(p);
  if (m) return { name: 'referral', referralId: m[1] as string };
  m = /^\/requests\/([0-9a-f-]{36})$/i.exec(p);
  if (m) return { name: 'request', requestId: m[1] as string };
  m = /^\/audit\/access\/([A-Za-z0-9._:-]{1,128})$/.exec(p);
  if (m) return { name: 'audit-entry', entryId: m[1] as string };
  m = /^\/audit\/cases\/([0-9a-f-]{36})$/i.exec(p);
  if (m) return { name: 'audit-replay', caseId: m[1] as string };
  return { name: 'not-found' };
}

/** A real link (keyboard, middle-click, copy address) that navigates in-app on a plain click. */
export function linkHandler(navigate: Navigate) {
  return (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = (e.currentTarget as HTMLAnchorElement);
    e.preventDefault();
    navigate(a.getAttribute('href') ?? '/');
  };
}
