import type { Harness } from '../../cases/commands/testing/case-commands.harness.js';

// Request bodies for the information-request specs. Everything in them is fictional.

export function fileBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    requestedCountry: 'DK', requestingAuthority: 'NOA SPOC Stockholm (fictional)', informationSought: 'Subscriber data for a fictional number',
    purpose: 'Identify the handler of a fictional recruitment network', urgent: false, access: 'direct', language: 'en', ...overrides,
  };
}

export const URGENT = { urgent: true, urgencyReason: 'imminent_threat_to_life_or_physical_integrity' } as const;

export interface Filed {
  requestId: string;
  revision: number;
  position: string | null;
  events: string[];
  code?: string;
  errors?: { field: string; messages: string[] }[];
}

/** Files a request as the officer of `token` and returns its id (expects 201). */
export async function fileRequest(h: Harness, token: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await h.call<Filed>('POST', '/api/v1/information-requests', { token, body: fileBody(overrides) });
  if (res.status !== 201) throw new Error(`filing answered ${res.status}: ${res.text}`);
  return res.body.requestId;
}

/**
 * An instant `hours` before `from` (default: now), whole seconds, UTC. A test that compares spans
 * between several instants passes one `from`: read from the clock at each call, two instants a second
 * apart on a loaded machine would be a second off their intended span.
 */
export function hoursAgo(hours: number, from = Date.now()): string {
  return new Date(Math.floor((from - hours * 3_600_000) / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
