import type { CommandApi } from './command-api.client.js';
import { OFFICERS } from './seed-story.cast.js';

/**
 * The information-request half of the seed story (Directive (EU) 2023/977): the Swedish and Danish
 * SPOCs asking each other about the wave case. Four requests, each showing one thing the register,
 * the deadlines board and the Art. 18 statistics must get right: an urgent request answered within
 * its 8 hours, a refusal on a listed Art. 6(1) ground, a request waiting for a judicial
 * authorisation (with the Art. 5(2) notice of expected delay, after a clarification round), and
 * one left unanswered past its deadline. Every instant is whole minutes before `now`.
 */

export type DemoRequestKey = 'urgentAnswered' | 'refused' | 'awaitingAuthorisation' | 'overdue';

export interface DemoRequest {
  requestId: string;
  requestingCountry: 'SE' | 'DK';
  requestedCountry: 'SE' | 'DK';
  urgent: boolean;
  /** When the requested SPOC received it (its UTC year is the statistics year). */
  receivedAt: string;
  /** The register's status once the story is recorded. */
  status: 'answered' | 'refused' | 'authorisation_pending' | 'acknowledged';
}

export type InformationRequestStory = Record<DemoRequestKey, DemoRequest>;

const HOUR = 3_600_000;

/** `hours` before now, whole minutes, ISO. */
export function hoursBefore(now: Date, hours: number): string {
  const t = new Date(now.getTime() - hours * HOUR);
  t.setUTCSeconds(0, 0);
  return t.toISOString();
}

const AUTHORITY = { SE: 'NOA SPOC Stockholm (fictional)', DK: 'NKC SPOC København (fictional)' } as const;

type Step = { path: string; body: Record<string, unknown>; by: 'se' | 'dk'; label: string };
type Plan = { key: DemoRequestKey; by: 'se' | 'dk'; file: Record<string, unknown>; status: DemoRequest['status']; steps: (hoursAgo: (h: number) => string) => Step[] };

const PLANS: Plan[] = [
  {
    // Art. 4(4)(b) urgency, directly accessible: 8 hours (Art. 5(1)(a)); answered after 5.
    key: 'urgentAnswered', by: 'se', status: 'answered',
    file: { requestedCountry: 'DK', urgent: true, urgencyReason: 'imminent_threat_to_life_or_physical_integrity', access: 'direct', receivedHours: 6 * 24,
      informationSought: 'Current address registered for the fictional phone number used by the "menu" contact' },
    steps: (ago) => [
      { by: 'dk', path: 'acknowledgement', body: { acknowledgedAt: ago(6 * 24 - 0.25) }, label: 'ack' },
      { by: 'dk', path: 'information', body: { providedAt: ago(6 * 24 - 5), summary: 'Registered address given (fictional)' }, label: 'answer' },
    ],
  },
  {
    // Not urgent, indirectly accessible: 7 days; refused within them on Art. 6(1)(a) (not available).
    key: 'refused', by: 'se', status: 'refused',
    file: { requestedCountry: 'DK', urgent: false, access: 'indirect', receivedHours: 9 * 24,
      informationSought: 'Banking records of the fictional account that paid two of the teenagers' },
    steps: (ago) => [
      { by: 'dk', path: 'refusal', body: { refusedAt: ago(8 * 24), grounds: [{ ground: 'a', reason: 'No such account is held by any Danish authority (fictional)' }] }, label: 'refuse' },
    ],
  },
  {
    // DK asks SE; SE asks what is meant (Art. 6(3): the clock stops), then notes that its national law
    // needs a court's authorisation (Art. 5(2)(a): expected delay and reason), still pending.
    key: 'awaitingAuthorisation', by: 'dk', status: 'authorisation_pending',
    file: { requestedCountry: 'SE', urgent: false, access: 'direct', receivedHours: 4 * 24,
      informationSought: 'Subscriber data behind the fictional Telegram recruiter account' },
    steps: (ago) => [
      { by: 'se', path: 'clarification-request', body: { question: 'Which of the two fictional accounts is meant?', requestedAt: ago(4 * 24 - 2) }, label: 'clarification-asked' },
      { by: 'dk', path: 'clarification', body: { answer: 'The one created in the spring (fictional)', providedAt: ago(4 * 24 - 6) }, label: 'clarified' },
      { by: 'se', path: 'judicial-authorisation-notice', body: { noticeSentAt: ago(3 * 24), expectedDelayDays: 14, reason: 'Subscriber data needs a court order under national law (fictional)' }, label: 'notice' },
    ],
  },
  {
    // Acknowledged, never answered: its 7 days ended days ago, so it is overdue on DK's board.
    key: 'overdue', by: 'se', status: 'acknowledged',
    file: { requestedCountry: 'DK', urgent: false, access: 'direct', receivedHours: 12 * 24,
      informationSought: 'Travel records of a fictional courier between Malmö and Copenhagen' },
    steps: (ago) => [{ by: 'dk', path: 'acknowledgement', body: { acknowledgedAt: ago(12 * 24 - 1) }, label: 'ack' }],
  },
];

/**
 * Files the four requests, concurrently (independent streams), each one's steps in order. Idempotency
 * keys name every step, and a request's id derives from its filing key, so a re-run records nothing.
 */
export async function recordInformationRequests(api: CommandApi, now: Date, caseId: string): Promise<InformationRequestStory> {
  const ago = (h: number) => hoursBefore(now, h);
  const pairs = await Promise.all(PLANS.map(async (plan): Promise<[DemoRequestKey, DemoRequest]> => {
    const { receivedHours, ...file } = plan.file;
    const receivedAt = ago(receivedHours as number);
    const requester = plan.by === 'se' ? 'SE' : 'DK';
    const { requestId } = await api.command<{ requestId: string; position: string | null }>(OFFICERS[plan.by], '/information-requests', {
      ...file, caseId, receivedAt, requestingAuthority: AUTHORITY[requester], language: 'en',
      purpose: 'Operation Nordlys (fictional): identify who hires the teenagers',
    }, `request:${plan.key}:file`);
    for (const step of plan.steps(ago)) {
      await api.command(OFFICERS[step.by], `/information-requests/${requestId}/${step.path}`, step.body, `request:${plan.key}:${step.label}`);
    }
    return [plan.key, {
      requestId, requestingCountry: requester, requestedCountry: requester === 'SE' ? 'DK' : 'SE',
      urgent: plan.file.urgent === true, receivedAt, status: plan.status,
    }];
  }));
  return Object.fromEntries(pairs) as InformationRequestStory;
}
