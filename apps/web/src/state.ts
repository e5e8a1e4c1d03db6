import { createContext } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import type { ApiClient } from './api/client';
import type { Session } from './auth/auth-provider';
import type { Navigate } from './router';
import { RefreshThrottle } from './live/refresh-throttle';

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
  navigate: Navigate;
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

/** While updates stream in, a view refetches at most this often (and once more after the last). */
export const MIN_REFRESH_MS = 1000;

/**
 * Fetches when `key` changes and again as the read models advance (live stream), keeping the previous
 * data on screen meanwhile; RefreshThrottle paces the refetches. `key === null` means "do not fetch"
 * (e.g. no purpose yet).
 */
export function useQuery<T>(key: string | null, fetcher: (signal: AbortSignal, minPosition: string) => Promise<T>): QueryState<T> {
  const { position, updates } = useApp();
  const [state, setState] = useState<QueryState<T>>({ loading: key !== null, refreshing: false });
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;
  // A refetch asks for the newest announced position, not the one current when it was scheduled.
  const positionRef = useRef(position);
  positionRef.current = position;
  const live = useRef<{ updates: number; refresh: RefreshThrottle } | null>(null);

  useEffect(() => {
    live.current = null;
    if (key === null) {
      setState({ loading: false, refreshing: false });
      return;
    }
    const controller = new AbortController();
    setState({ loading: true, refreshing: false });
    const refresh = new RefreshThrottle(() => fetcherRef.current(controller.signal, positionRef.current).then(
      (data) => { if (!controller.signal.aborted) setState({ data, loading: false, refreshing: false }); },
      (error: Error) => {
        if (controller.signal.aborted || error.name === 'AbortError') return;
        setState((s) => ({ ...s, error, loading: false, refreshing: false }));
      },
    ), MIN_REFRESH_MS);
    live.current = { updates, refresh };
    refresh.start();
    return () => {
      refresh.stop();
      controller.abort();
    };
  }, [key]);

  useEffect(() => {
    const current = live.current;
    if (!current || current.updates === updates) return;
    current.updates = updates;
    setState((s) => ({ ...s, refreshing: true }));
    current.refresh.update();
  }, [updates]);

  return state;
}
