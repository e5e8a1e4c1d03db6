/**
 * Information requests for the Requests, Deadlines and Statistics browser spec, recorded through the
 * real command API on top of the seed story: the information-request e2e's 2024 story (five SE↔DK
 * requests whose Art. 18 figures were computed by hand, test/e2e/support/information-request-story.ts)
 * and one urgent request received an hour ago, so a clock is running (8 hours, Art. 5(1)(a)).
 */
import { REQUESTS, STEPS, type StoryRequest } from '../e2e/support/information-request-story.js';

type Post = (country: 'SE' | 'DK', path: string, body: object) => Promise<{ position?: string | null; requestId?: string }>;

export interface RequestSeed {
  ids: Record<StoryRequest, string>;
  /** SE asks DK, urgent and directly accessible, received an hour before the seed ran: about 7 hours left. */
  running: string;
  runningDeadline: string;
  position: string;
}

const HOUR = 3_600_000;
const BASE = '/api/v1/information-requests';

export async function seedRequests(post: Post, now: number, caseId: string): Promise<RequestSeed> {
  const ids = {} as Record<StoryRequest, string>;
  let position = '-1';
  const note = (r: { position?: string | null }) => {
    if (r.position && BigInt(r.position) > BigInt(position)) position = r.position;
  };
  for (const [name, { by, body }] of Object.entries(REQUESTS) as [StoryRequest, (typeof REQUESTS)[StoryRequest]][]) {
    const filed = await post(by === 'se' ? 'SE' : 'DK', BASE, name === 'answered' ? { ...body, caseId } : body);
    ids[name] = filed.requestId as string;
    note(filed);
  }
  for (const [id, action, who, body] of STEPS) note(await post(who === 'se' ? 'SE' : 'DK', `${BASE}/${ids[id]}/${action}`, body));

  const receivedAt = new Date(Math.floor((now - HOUR) / 60_000) * 60_000);
  const running = await post('SE', BASE, {
    requestedCountry: 'DK', requestingAuthority: 'NOA SPOC Stockholm (fictional)', caseId,
    informationSought: 'Where the fictional courier\'s phone was last seen (running clock)', purpose: 'Find the fictional courier before the hand-over',
    urgent: true, urgencyReason: 'imminent_threat_to_life_or_physical_integrity', access: 'direct', language: 'en', receivedAt: receivedAt.toISOString(),
  });
  note(running);
  note(await post('DK', `${BASE}/${running.requestId}/acknowledgement`, { acknowledgedAt: new Date(receivedAt.getTime() + 5 * 60_000).toISOString() }));
  return { ids, running: running.requestId as string, runningDeadline: new Date(receivedAt.getTime() + 8 * HOUR).toISOString(), position };
}
