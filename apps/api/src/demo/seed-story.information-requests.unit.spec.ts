import { describe, expect, it } from '@jest/globals';
import type { CommandApi } from './command-api.client.js';
import { hoursBefore, recordInformationRequests } from './seed-story.information-requests.js';

// The request half of the story, against a fake command API: what is sent, in which order, when.

type Sent = { country: string; path: string; body: Record<string, unknown>; step: string };

async function record(now: Date): Promise<{ sent: Sent[]; story: Awaited<ReturnType<typeof recordInformationRequests>> }> {
  const sent: Sent[] = [];
  const api = {
    command: async (officer: { country: string }, path: string, body: Record<string, unknown>, step: string) => {
      sent.push({ country: officer.country, path, body, step });
      return { requestId: `req-${step.split(':')[1]}`, position: String(sent.length), events: [] };
    },
  } as unknown as CommandApi;
  return { sent, story: await recordInformationRequests(api, now, 'case-main') };
}

const NOW = new Date('2026-03-29T01:30:42.123Z'); // the night Europe moves to summer time

describe('seed story information requests', () => {
  it('sends every step once under a valid, distinct Idempotency-Key, the same on a re-run', async () => {
    const { sent } = await record(NOW);
    const steps = sent.map((s) => s.step);
    expect(new Set(steps).size).toBe(steps.length);
    for (const step of steps) expect(step).toMatch(/^[A-Za-z0-9._:-]{1,100}$/);
    expect((await record(NOW)).sent).toEqual(sent);
  });

  it('dates every fact in the past, in whole minutes, each step after the receipt', async () => {
    const { sent, story } = await record(NOW);
    const instants = sent.flatMap((s) => Object.entries(s.body).filter(([k]) => k.endsWith('At')).map(([, v]) => String(v)));
    expect(instants.length).toBeGreaterThan(8);
    for (const at of instants) {
      expect(Date.parse(at)).toBeLessThan(NOW.getTime());
      expect(at).toMatch(/:00\.000Z$/);
    }
    for (const r of Object.values(story)) {
      const steps = sent.filter((s) => s.path.startsWith(`/information-requests/${r.requestId}/`));
      for (const s of steps) for (const [k, v] of Object.entries(s.body)) if (k.endsWith('At')) expect(Date.parse(String(v))).toBeGreaterThan(Date.parse(r.receivedAt));
    }
    expect(hoursBefore(NOW, 1)).toBe('2026-03-29T00:30:00.000Z');
  });

  it('tells the four cases: urgent answered within 8 h, refused on a listed ground within 7 days, authorisation noted after a clarification, one past 7 days', async () => {
    const { sent, story } = await record(NOW);
    const steps = (key: string) => sent.filter((s) => s.step.startsWith(`request:${key}:`)).map((s) => s.path.split('/').pop());
    expect(steps('urgentAnswered')).toEqual(['information-requests', 'acknowledgement', 'information']);
    expect(steps('refused')).toEqual(['information-requests', 'refusal']);
    expect(steps('awaitingAuthorisation')).toEqual(['information-requests', 'clarification-request', 'clarification', 'judicial-authorisation-notice']);
    expect(steps('overdue')).toEqual(['information-requests', 'acknowledgement']);
    const answer = sent.find((s) => s.step === 'request:urgentAnswered:answer')!;
    expect(Date.parse(String(answer.body.providedAt)) - Date.parse(story.urgentAnswered.receivedAt)).toBeLessThan(8 * 3_600_000);
    const refusal = sent.find((s) => s.step === 'request:refused:refuse')!;
    expect(refusal.body.grounds).toEqual([{ ground: 'a', reason: expect.stringContaining('fictional') }]);
    expect(Date.parse(String(refusal.body.refusedAt)) - Date.parse(story.refused.receivedAt)).toBeLessThan(6 * 86_400_000);
    expect(NOW.getTime() - Date.parse(story.overdue.receivedAt)).toBeGreaterThan(9 * 86_400_000);
    expect([story.awaitingAuthorisation.requestingCountry, sent.find((s) => s.step.endsWith(':notice'))?.country]).toEqual(['DK', 'SE']);
    expect(sent.filter((s) => s.path === '/information-requests').every((s) => s.body.caseId === 'case-main')).toBe(true);
  });
});
