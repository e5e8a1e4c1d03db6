// Small HTTP helpers for the referrals bench: JSON requests with a bearer token, timed.
export interface Answer<T> {
  status: number;
  body: T;
  ms: number;
}

export async function request<T>(url: string, token: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer<T>> {
  const t0 = performance.now();
  const res = await fetch(url, { method: init.method ?? 'GET', body: init.body, headers: { ...init.headers, authorization: `Bearer ${token}` } });
  const text = await res.text();
  const ms = performance.now() - t0;
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text for the error message
  }
  return { status: res.status, body: body as T, ms };
}

/** Throws with the answer when the status is not the one expected. */
export function expectStatus<T>(what: string, a: Answer<T>, status: number): Answer<T> {
  if (a.status !== status) throw new Error(`${what}: expected ${status}, got ${a.status}: ${JSON.stringify(a.body).slice(0, 500)}`);
  return a;
}
