/**
 * The officer's start page: the overview (default) or the deadlines board. A preference of this
 * browser, so it is kept in localStorage under one key holding only the page's name — never a token,
 * a purpose or anything read from the API. It applies where the dashboard is opened at `/` (a load,
 * or signing in there); the Overview link still shows the overview.
 */
export const START_PAGE_KEY = 'liaison.startPage';
export type StartPage = 'overview' | 'deadlines';

interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function readStartPage(store: KeyValueStore | undefined): StartPage {
  try {
    return store?.getItem(START_PAGE_KEY) === 'deadlines' ? 'deadlines' : 'overview';
  } catch {
    return 'overview';
  }
}

/** The default is stored as no key at all. */
export function saveStartPage(store: KeyValueStore | undefined, page: StartPage): void {
  try {
    if (page === 'deadlines') store?.setItem(START_PAGE_KEY, 'deadlines');
    else store?.removeItem(START_PAGE_KEY);
  } catch {
    // Storage refused (private mode, quota): the choice lasts for this page only.
  }
}

/** Where a signed-in officer lands for `path`: the deadlines board instead of a bare `/`, if chosen and readable. */
export function landingPath(path: string, page: StartPage, canReadDeadlines: boolean): string {
  return path === '/' && page === 'deadlines' && canReadDeadlines ? '/deadlines' : path;
}

/** The browser's localStorage, or undefined where there is none (tests, locked-down browsers). */
export function browserStore(): KeyValueStore | undefined {
  try {
    return (globalThis as { localStorage?: KeyValueStore }).localStorage;
  } catch {
    return undefined;
  }
}
