// Shared by the audit int and e2e specs: a Swedish-owned case shared with Denmark, with a person
// and a detention, plus a Swedish-only case; driven over real HTTP through whatever `call` is given.
import type { Role } from '../../auth/index.js';
import type { DevCountry } from '../../dev/dev-token.client.js';

export interface Reply<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}
export type Call = <T = Record<string, unknown>>(method: string, url: string, options?: { token?: string; body?: unknown; headers?: Record<string, string> }) => Promise<Reply<T>>;
export type TokenFor = (country: DevCountry, role: Role, sub: string) => Promise<string>;

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export function pastInstant(daysAgo: number): string {
  const d = new Date(Date.now() - daysAgo * 86_400_000);
  d.setUTCHours(9, 0, 0, 0);
  return d.toISOString();
}

export function httpCall(base: string): Call {
  return async <T>(method: string, url: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(base + url, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : undefined) as T, text };
  };
}

/** Retries until `check` returns a value (read models are eventually consistent). */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('condition not met in time');
    await sleep(50);
  }
}

export interface Scenario {
  sharedCaseId: string;
  swedishOnlyCaseId: string;
  detentionId: string;
  /** Global position of DetentionEnded. */
  endedPosition: string;
}

function ok<T>(res: Reply<T>, what: string): T {
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${res.text}`);
  return res.body;
}

export async function buildScenario(call: Call, se: string): Promise<Scenario> {
  const open = (title: string) => call('POST', '/api/v1/cases', { token: se, body: { title, offenceCategory: 'conspiracy to murder', handlingCode: 'H0' } });
  const sharedCaseId = ok(await open('Fictional Copenhagen shootings'), 'open').caseId as string;
  const swedishOnlyCaseId = ok(await open('Fictional Malmö explosions'), 'open').caseId as string;
  ok(await call('POST', `/api/v1/cases/${sharedCaseId}/sharing`, { token: se, body: { partnerCountry: 'DK', level: 'read' } }), 'share');
  const person = ok(await call('POST', `/api/v1/cases/${sharedCaseId}/persons`, {
    token: se, body: { category: 'suspect', name: 'Testperson Exempelsson', birthYear: 2008, nationalities: [{ country: 'SE', evaluation: { source: 'B', information: 2 } }] },
  }), 'person');
  const detention = ok(await call('POST', `/api/v1/cases/${sharedCaseId}/detentions`, {
    token: se, body: { personId: person.personId, holdingCountry: 'DK', facility: 'Exempelby arrest', detainedAt: pastInstant(10), legalBasis: 'Fictional custody order', nextCustodyReviewAt: pastInstant(-10) },
  }), 'detention');
  // recordedAt has millisecond resolution: keep "before DetentionEnded" a distinct instant.
  await sleep(20);
  const ended = ok(await call('POST', `/api/v1/cases/${sharedCaseId}/detentions/${detention.detentionId as string}/end`, {
    token: se, body: { outcome: 'released', endedAt: pastInstant(1) },
  }), 'end');
  return { sharedCaseId, swedishOnlyCaseId, detentionId: detention.detentionId as string, endedPosition: ended.position as string };
}
