// A deterministic, domain-plausible mix of all 19 event types over many cases, interleaved across
// streams the way concurrent officers would produce them. Seeded, so every run builds the same log.
import type { CaseEvent } from '@liaison/domain';
import { EventLog, T0, type CaseEventOf } from './event-fixtures.js';

export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Step = { [T in CaseEvent['type']]: { type: T; data: CaseEventOf<T>['data']; country: string } }[CaseEvent['type']];

const NATIONALITIES = ['SE', 'DK', 'NO', 'IQ', 'SO', 'TR', 'AF', 'SY'];
const PARTNERS = ['SE', 'DK', 'NO', 'FI'];
const HANDLER_COUNTRIES = ['TR', 'IQ', 'ES', 'AE', 'CY', 'TH'];
const DAY = 86_400_000;

function caseSteps(n: number, rnd: () => number): Step[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const caseId = `c-${String(n).padStart(5, '0')}`;
  const owner = rnd() < 0.6 ? 'SE' : 'DK';
  let clock = Date.parse(T0) + Math.floor(rnd() * 60) * DAY;
  const at = (days = rnd() * 5): string => new Date((clock += Math.ceil(days * DAY))).toISOString();
  const ev = { source: pick(['A', 'B', 'C', 'X'] as const), information: pick([1, 2, 3, 4] as const) };
  const steps: Step[] = [];
  const push = (s: Step): void => void steps.push(s);
  const code = pick(['H0', 'H1', 'H2', 'H3'] as const);
  push({ type: 'CaseOpened', country: owner, data: {
    caseId, ownerCountry: owner, title: `Case ${n} ${pick(['shooting', 'explosion', 'stabbing', 'arson'])}`,
    offenceCategory: pick(['attempted-homicide', 'homicide', 'explosives']), handlingCode: code,
    ...(code === 'H3' ? { handlingText: `Only for liaison ${n}` } : {}), openedBy: `officer-${owner.toLowerCase()}`,
  } });
  const partners = PARTNERS.filter((p) => p !== owner && rnd() < 0.4);
  for (const p of partners) push({ type: 'CaseSharedWith', country: owner, data: { caseId, partnerCountry: p, level: rnd() < 0.5 ? 'read' : 'contribute' } });
  const persons = 1 + Math.floor(rnd() * 3);
  for (let i = 0; i < persons; i++) {
    const personId = `p-${i}`;
    const nats = NATIONALITIES.filter(() => rnd() < 0.25).slice(0, 2);
    push({ type: 'PersonRegistered', country: owner, data: {
      caseId, personId, category: pick(['suspect', 'victim', 'witness', 'contact'] as const),
      ...(rnd() < 0.5 ? { name: `Name ${n}.${i}` } : { pseudonym: `Suspect ${n}${String.fromCharCode(65 + i)}` }),
      // Without a random draw, so every other value of the workload stays as it was.
      ...(i === 1 ? { aliases: [`handle_${n}`] } : {}),
      ...(rnd() < 0.7 ? { birthYear: 2000 + Math.floor(rnd() * 10) } : {}),
      nationalities: nats.map((country) => ({ country, evaluation: ev })),
    } });
    if (rnd() < 0.3) push({ type: 'NationalityRecorded', country: owner, data: { caseId, personId, country: pick(NATIONALITIES), evaluation: ev } });
    if (nats.length && rnd() < 0.2) push({ type: 'NationalityRetracted', country: owner, data: { caseId, personId, country: nats[0], reason: 'wrong' } });
    for (let k = 0; k < 2 && rnd() < 0.5; k++) {
      const detentionId = `d-${i}-${k}`;
      push({ type: 'DetentionRecorded', country: owner, data: {
        caseId, detentionId, personId, holdingCountry: pick(['SE', 'DK', 'ES', 'TR']), facility: pick(['Vestre Fængsel', 'Kronoberg', 'Soto del Real']),
        detainedAt: at(), legalBasis: 'basis', nextCustodyReviewAt: new Date(clock + 14 * DAY).toISOString(),
      } });
      if (rnd() < 0.4) push({ type: 'CustodyExtended', country: owner, data: { caseId, detentionId, nextCustodyReviewAt: new Date(clock + 30 * DAY).toISOString() } });
      if (rnd() < 0.6) push({ type: 'DetentionEnded', country: owner, data: { caseId, detentionId, outcome: pick(['released', 'transferred', 'surrendered'] as const), endedAt: at(10) } });
      else break;
    }
  }
  for (let h = 0; rnd() < 0.5 && h < 2; h++) {
    const handlerId = `h-${h}`;
    push({ type: 'HandlerAbroadIdentified', country: owner, data: {
      caseId, handlerId, alias: `Alias ${n}.${h}`, believedCountry: pick(HANDLER_COUNTRIES),
      platforms: ['telegram', 'tiktok', 'snapchat', 'signal'].filter(() => rnd() < 0.5) as ('telegram' | 'tiktok')[], evaluation: ev,
    } });
    for (let i = 0; i < persons; i++) {
      if (rnd() < 0.5) push({ type: 'HandlerLinkedToPerson', country: owner, data: { caseId, handlerId, personId: `p-${i}`, relation: pick(['recruited', 'instructed', 'paid'] as const) } });
    }
    if (rnd() < 0.4) push({ type: 'HandlerLocationUpdated', country: owner, data: { caseId, handlerId, believedCountry: pick(HANDLER_COUNTRIES), evaluation: ev } });
  }
  if (rnd() < 0.5) {
    const extraditionId = 'x-0';
    const requested = owner === 'SE' ? pick(['DK', 'ES', 'TR']) : pick(['SE', 'ES', 'TR']);
    const route = requested === 'TR' ? 'third-country' : requested === 'ES' ? 'european-arrest-warrant' : 'nordic-arrest-warrant';
    push({ type: 'ExtraditionRequested', country: owner, data: { caseId, extraditionId, personId: 'p-0', requestingCountry: owner, requestedCountry: requested, route, sentAt: at() } });
    if (rnd() < 0.7) {
      const reachedAt = at();
      const stage = route === 'third-country' ? 'request-received' : 'arrested';
      push({ type: 'ExtraditionStageReached', country: owner, data: { caseId, extraditionId, stage, reachedAt,
        ...(route !== 'third-country' ? { deadlineAt: new Date(clock + 30 * DAY).toISOString(), deadlineFor: 'decision' as const } : {}) } });
      if (rnd() < 0.3) push({ type: 'ExtraditionConsentRecorded', country: owner, data: { caseId, extraditionId, consentedAt: at(1), decisionDeadlineAt: new Date(clock + 3 * DAY).toISOString() } });
      if (rnd() < 0.6) {
        const outcome = rnd() < 0.8 ? 'granted' : 'refused';
        push({ type: 'ExtraditionDecided', country: owner, data: { caseId, extraditionId, outcome, grounds: 'grounds', decidedAt: at() } });
        if (outcome === 'granted' && rnd() < 0.7) {
          push({ type: 'ExtraditionStageReached', country: owner, data: { caseId, extraditionId, stage: 'decision-final', reachedAt: at(1), deadlineAt: new Date(clock + 10 * DAY).toISOString(), deadlineFor: 'hand-over' } });
          if (rnd() < 0.5) push({ type: 'PersonSurrendered', country: owner, data: { caseId, extraditionId, personId: 'p-0', surrenderedAt: at(2) } });
        }
      }
    }
  }
  if (partners.length && rnd() < 0.3) push({ type: 'CaseSharingRevoked', country: owner, data: { caseId, partnerCountry: partners[0] } });
  if (rnd() < 0.3) {
    push({ type: 'CaseClosed', country: owner, data: { caseId, reason: 'concluded' } });
    if (rnd() < 0.3) push({ type: 'CaseReopened', country: owner, data: { caseId, reason: 'new evidence' } });
  }
  return steps;
}

/** `cases` cases' events, interleaved across streams at random (seeded) but in order within each case. */
export function generateWorkload(options: { cases: number; seed?: number; firstPosition?: bigint }): EventLog {
  const rnd = seededRandom(options.seed ?? 1);
  const queues = Array.from({ length: options.cases }, (_, n) => caseSteps(n, rnd));
  const log = new EventLog(options.firstPosition ?? 0n);
  const active = queues.map((_, i) => i);
  const next = queues.map(() => 0);
  while (active.length) {
    const slot = Math.floor(rnd() * Math.min(active.length, 8));
    const q = active[slot];
    const step = queues[q][next[q]++];
    log.add(step.type, step.data as never, step.country);
    if (next[q] === queues[q].length) active.splice(slot, 1);
  }
  personLifecycle(log, options.cases);
  return log;
}

/**
 * Restrictions, rectifications and retention reviews of some cases' first person, after every other
 * event and without a random draw, so the workload before them stays exactly as it was.
 */
function personLifecycle(log: EventLog, cases: number): void {
  for (let n = 0; n < cases; n++) {
    const ids = { caseId: `c-${String(n).padStart(5, '0')}`, personId: 'p-0' };
    const owner = log.events.find((e) => e.type === 'CaseOpened' && e.data.caseId === ids.caseId)?.data.ownerCountry as string;
    if (n % 5 === 1) log.add('PersonalDataRectified', { ...ids, field: 'name', value: `Corrected ${n}`, reason: 'checked' }, owner);
    if (n % 7 === 3) log.add('ProcessingRestricted', { ...ids, ground: 'kept-as-evidence', reason: 'evidence' }, owner);
    if (n % 14 === 10) log.add('RestrictionLifted', { ...ids, reason: 'trial over' }, owner);
    if (n % 11 === 4) log.add('RetentionReviewed', { ...ids, keepUntil: '2027-01-01T00:00:00.000Z', reason: 'still needed' }, owner);
  }
}
