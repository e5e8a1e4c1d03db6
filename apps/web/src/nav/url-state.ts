/**
 * A view's filters, sort and page live in the query string (as the Platforms view does), so Back,
 * reload and a shared link show the same list. Values equal to their default are left out to keep
 * addresses short; unknown parameters are ignored.
 */
export function readParams<T extends Record<string, string>>(search: string, defaults: T): T {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const out: Record<string, string> = { ...defaults };
  for (const key of Object.keys(defaults)) {
    const v = params.get(key);
    if (v !== null) out[key] = v;
  }
  return out as T;
}

export function withParams<T extends Record<string, string>>(pathname: string, values: T, defaults: T): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== '' && v !== defaults[k]) params.set(k, v);
  const qs = params.toString();
  return qs ? `${pathname}?${qs}` : pathname;
}

/**
 * Cursor paging kept in the address: the stack of cursors that led to this page, so "Previous page"
 * works on a shared link too. Cursors are base64url (never `~`).
 */
export const pageStack = {
  parse: (page: string): string[] => (page ? page.split('~').filter(Boolean) : []),
  format: (stack: string[]): string => stack.join('~'),
};

/** Where to go after signing in: the requested address, unless that was the sign-in page itself. */
export function returnTo(path: string): string {
  const pathname = path.split('?')[0] ?? '/';
  return pathname === '/sign-in' || !pathname.startsWith('/') || pathname.startsWith('//') ? '/' : path;
}
