import { createContext } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import type { ApiClient } from './api/client';
import type { Session } from './auth/auth-provider';

export interface AppState {
  session: Session;
  api: ApiClient;
  /** Latest read-model position announced by the live stream ('-1' before any event). */
  position: string;
  /** Counts live updates (read models advanced past a new case event); views refetch on change. */
  updates: number;
  /** Bumped when a purpose is chosen or changed. */
  purposeVersion: number;
  liveState: 'connecting' | 'live' | 'offline';
  navigate: (to: string) => void;
  purposes: PurposeState;
}

export interface PurposeState {
  /** Purpose for this case, else the session's default; undefined when none was chosen. */
  get: (caseId?: string) => string | undefined;
  set: (purpose: string, caseId?: string) => void;
  clear: (caseId?: string) => void;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const s = useContext(AppContext);
  if (!s) throw new Error('useApp outside AppContext');
  return s;
}

export interface QueryState<T> {
  data?: T;
  error?: Error;
  /** True only while there is nothing to show yet. */
  loading: boolean;
  /** A refetch (live update) is in flight while older data stays on screen. */
  refreshing: boolean;
}

/**
 * Fetches when `key` changes and again whenever the read models advance (live stream), keeping the
 * previous data on screen meanwhile. `key === null` means "do not fetch" (e.g. no purpose yet).
 */
export function useQuery<T>(key: string | null, fetcher: (signal: AbortSignal, minPosition: string) => Promise<T>): QueryState<T> {
  const { position, updates } = useApp();
  const [state, setState] = useState<QueryState<T>>({ loading: key !== null, refreshing: false });
  const lastKey = useRef<string | null>(null);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;

  useEffect(() => {
    if (key === null) {
      lastKey.current = null;
      setState({ loading: false, refreshing: false });
      return;
    }
    const sameKey = lastKey.current === key;
    lastKey.current = key;
    const controller = new AbortController();
    // Live updates arrive in bursts while commands stream in: settle briefly before refetching.
    const delay = sameKey ? 150 : 0;
    setState((s) => (sameKey ? { ...s, refreshing: true } : { loading: true, refreshing: false }));
    const timer = setTimeout(() => {
      fetcherRef.current(controller.signal, position).then(
        (data) => { if (!controller.signal.aborted) setState({ data, loading: false, refreshing: false }); },
        (error: Error) => {
          if (controller.signal.aborted || error.name === 'AbortError') return;
          setState((s) => ({ ...s, error, loading: false, refreshing: false }));
        },
      );
    }, delay);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key, updates]);

  return state;
}
