// A deterministic mix of information requests between the Nordic countries, interleaved with the
// case workload (workload.ts: cases, sharing, detentions, extraditions), so read models that merge
// requests with case deadlines get rows in every table. Every request step is plausible for the
// decider: acknowledgements, clarifications and judicial authorisations that pause and move the
// clock, full and partial answers (some late), refusals with listed grounds, withdrawals, forwarding.
import type { JsonObject } from '@liaison/event-store';
import { interleaveSteps, requestStreamOf, type EventLog, type WorkloadStep } from './event-fixtures.js';
import { generateWorkload, seededRandom } from './workload.js';
import { deadlineRule } from './information-request-fixtures.js';

export const REQUEST_COUNTRIES = ['SE', 'DK', 'NO', 'FI'] as const;
const HOUR = 3_600_000;
const START = Date.parse('2024-08-01T00:00:00.000Z');
const GROUNDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] as const;

type Step = WorkloadStep;

export interface RequestWorkloadOptions {
  requests: number;
  /** Cases of the case workload interleaved with the requests (0: requests only). */
  cases?: number;
  seed?: number;
  /** Receipt times are spread over this many days from 2024-08-01. */
  days?: number;
}

export function generateRequestWorkload(options: RequestWorkloadOptions): EventLog {
  const rnd = seededRandom(options.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const iso = (ms: number): string => new Date(ms).toISOString();
  const span = (options.days ?? 200) * 24 * HOUR;
  const cases = options.cases ?? 0;
  const queues: Step[][] = [];

  if (cases > 0) {
    const caseLog = generateWorkload({ cases, seed: (options.seed ?? 1) + 1000 });
    // Case events keep their order (one queue): their streams interleave as the case workload made them.
    queues.push(caseLog.events.map((e) => ({ stream: e.streamId, type: e.type, data: e.data, country: String(e.metadata.country) })));
  }

  for (let n = 0; n < options.requests; n++) {
    const requestId = `ir-${String(n).padStart(6, '0')}`;
    const stream = requestStreamOf(requestId);
    const from = pick(REQUEST_COUNTRIES);
    const to = pick(REQUEST_COUNTRIES.filter((c) => c !== from));
    const urgent = rnd() < 0.3;
    const access = rnd() < 0.5 ? 'direct' : 'indirect';
    const rule = deadlineRule(urgent, access);
    const received = START + Math.floor(rnd() * span);
    let deadline = received + (rule === '8h' ? 8 : rule === '3d' ? 72 : 168) * HOUR;
    let t = received;
    const step = (type: string, data: JsonObject, country = to): Step => ({ stream, type, country, data: { requestId, ...data } });
    const steps: Step[] = [step('InformationRequested', {
      requestingCountry: from, requestedCountry: to, requestingAuthority: `${from} SPOC`,
      ...(cases > 0 && rnd() < 0.4 ? { caseId: `c-${String(Math.floor(rnd() * cases)).padStart(5, '0')}` } : {}),
      informationSought: `Information ${n}`, purpose: 'Investigation', urgent,
      ...(urgent ? { urgencyReason: 'immediate_serious_threat_to_public_security' } : {}), access, language: 'en', channel: 'siena',
      receivedAt: iso(received), deadlineRule: rule, deadlineAt: iso(deadline), timeZone: 'Europe/Stockholm',
    }, from)];
    const wait = (max: number): number => (t += Math.floor(rnd() * max * HOUR) + 1000);
    if (rnd() < 0.8) steps.push(step('RequestAcknowledged', { acknowledgedAt: iso(wait(2)) }));
    if (rnd() < 0.1) steps.push(step('RequestForwardedTo', { authority: 'Regional police', forwardedAt: iso(wait(4)) }));
    if (rnd() < 0.15) {
      const asked = wait(12);
      steps.push(step('ClarificationRequested', { question: 'Which person?', requestedAt: iso(asked) }));
      if (rnd() < 0.3) { steps.push(step('RequestWithdrawn', { reason: 'no longer needed', withdrawnAt: iso(wait(24)) }, from)); queues.push(steps); continue; }
      if (rnd() < 0.2) { queues.push(steps); continue; } // still waiting for the clarification
      const given = wait(24);
      if (asked < deadline) deadline += given - asked;
      steps.push(step('ClarificationProvided', { answer: 'The one born 1990', providedAt: iso(given), deadlineAt: iso(deadline) }, from));
    }
    let authorisation = false;
    if (rnd() < 0.15) {
      const noticed = wait(6);
      authorisation = true;
      steps.push(step('JudicialAuthorisationPending', { noticeSentAt: iso(noticed), expectedDelayDays: 5, reason: 'Court order needed' }));
      if (rnd() < 0.2) { queues.push(steps); continue; } // still waiting for the court
      const decided = wait(200);
      if (noticed < deadline) deadline += decided - noticed;
      if (rnd() < 0.25) {
        steps.push(step('RequestRefused', { refusedAt: iso(decided), grounds: [{ ground: 'c', reason: 'Court refused' }], partial: false,
          deadlineAt: iso(deadline) }));
        queues.push(steps);
        continue;
      }
      steps.push(step('JudicialAuthorisationObtained', { obtainedAt: iso(decided), deadlineAt: iso(deadline) }));
    }
    const r = rnd();
    if (r < 0.6) {
      if (rnd() < 0.2) {
        const at = wait(40);
        steps.push(step('InformationProvided', { providedAt: iso(at), summary: 'Part of it', partial: true, late: at > deadline }));
      }
      const at = wait(authorisation ? 10 : 150);
      steps.push(step('InformationProvided', { providedAt: iso(at), summary: 'Address and phone', partial: false, late: at > deadline }));
    } else if (r < 0.75) {
      const grounds = GROUNDS.filter((g) => g !== 'c' && rnd() < 0.2);
      steps.push(step('RequestRefused', { refusedAt: iso(Math.min(wait(40), deadline)),
        grounds: (grounds.length ? grounds : [pick(GROUNDS)]).map((ground) => ({ ground, reason: 'Reasoned' })), partial: rnd() < 0.2 }));
    } else if (r < 0.8) {
      steps.push(step('RequestWithdrawn', { reason: 'Solved otherwise', withdrawnAt: iso(wait(24)) }, from));
    }
    queues.push(steps);
  }

  return interleaveSteps(queues, rnd);
}
