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

/** An instant `hoursAgo` hours before now, whole seconds, UTC. */
export function hoursAgo(hours: number): string {
  return new Date(Math.floor((Date.now() - hours * 3_600_000) / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
