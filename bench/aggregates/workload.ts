// A national-scale log for the dashboard's aggregates: `detentions` detentions, `handlers` handlers
// and `extraditions` extraditions over cases whose access is arranged so that one viewer (SE) sees
// ~90% of the cases and another (FI) ~10%. Some persons are restricted (and some lifted), some erased,
// some shares revoked, so the aggregates' access and restriction rules do real work. Seeded.
import type { JsonObject } from '@liaison/event-store';
import { interleaveSteps, type EventLog, type WorkloadStep } from '../../libs/projections/src/testing/event-fixtures.js';
import { seededRandom } from '../../libs/projections/src/testing/workload.js';

export interface AggregateWorkloadOptions {
  detentions: number;
  handlers: number;
  extraditions: number;
  seed?: number;
}

/** The instant the time-dependent aggregates (overdue extraditions, the deadlines board) are asked for. */
export const NOW = '2025-03-01T12:00:00.000Z';
export const WIDE_VIEWER = 'SE';
export const NARROW_VIEWER = 'FI';

const DAY = 86_400_000;
const OWNERS: readonly [string, number][] = [['SE', 0.7], ['DK', 0.1], ['NO', 0.1], ['FI', 0.05], ['DE', 0.05]];
const NATIONALITIES = ['SE', 'DK', 'NO', 'FI', 'IQ', 'SO', 'TR', 'AF', 'SY', 'ER', 'RS', 'AL'];
const HOLDING = ['SE', 'DK', 'NO', 'FI', 'ES', 'TR', 'DE', 'NL', 'TH', 'AE'];
const HANDLER_COUNTRIES = ['TR', 'IQ', 'ES', 'AE', 'CY', 'TH', 'GE', 'MA', 'CO', 'BR', 'RS', 'AL', 'DE', 'NL', 'GB'];
const ROUTES = ['nordic-arrest-warrant', 'european-arrest-warrant', 'third-country'] as const;
const STAGES = ['arrested', 'request-received', 'hearing-held', 'decision-final'] as const;
const PERSONS_PER_CASE = 20;
const DETENTIONS_PER_CASE = 25;

export function generateAggregateWorkload(options: AggregateWorkloadOptions): EventLog {
  const rnd = seededRandom(options.seed ?? 16);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const iso = (ms: number): string => new Date(ms).toISOString();
  const now = Date.parse(NOW);
  const cases = Math.max(1, Math.ceil(options.detentions / DETENTIONS_PER_CASE));
  const queues: WorkloadStep[][] = [];
  for (let n = 0; n < cases; n++) {
    const caseId = `ag-${n}`;
    const stream = `case-${caseId}`;
    let u = rnd();
    const owner = OWNERS.find(([, p]) => (u -= p) < 0)?.[0] ?? 'SE';
    const q: WorkloadStep[] = [];
    const push = (type: string, data: JsonObject): void => void q.push({ stream, type, data: { caseId, ...data }, country: owner });
    push('CaseOpened', { ownerCountry: owner, title: `Aggregate case ${n}`, offenceCategory: 'homicide', handlingCode: 'H1', openedBy: 'o' });
    // SE sees 0.7 + 0.3 × 2/3 = 90% of the cases, FI 0.05 + 0.95 × 0.053 ≈ 10%.
    const partners = [['SE', 2 / 3], ['FI', 0.053], ['DK', 0.3], ['NO', 0.3]] as const;
    for (const [p, chance] of partners) if (p !== owner && rnd() < chance) push('CaseSharedWith', { partnerCountry: p, level: 'read' });
    if (owner !== 'DK' && rnd() < 0.05) {
      push('CaseSharedWith', { partnerCountry: 'DK', level: 'read' });
      push('CaseSharingRevoked', { partnerCountry: 'DK' });
    }
    const persons = Array.from({ length: PERSONS_PER_CASE }, (_, i) => `p-${i}`);
    for (const personId of persons) {
      const nats = NATIONALITIES.filter(() => rnd() < 0.12).slice(0, 2);
      push('PersonRegistered', { personId, category: 'suspect', pseudonym: `P ${n}.${personId}`,
        nationalities: nats.map((country) => ({ country, evaluation: { source: 'B', information: 2 } })) });
    }
    const detentions = Math.round(options.detentions / cases);
    for (let k = 0; k < detentions; k++) {
      const detentionId = `d-${k}`;
      const personId = pick(persons);
      const detainedAt = now - Math.floor(rnd() * 400) * DAY;
      push('DetentionRecorded', { detentionId, personId, holdingCountry: pick(HOLDING), facility: 'Facility', detainedAt: iso(detainedAt),
        legalBasis: 'basis', nextCustodyReviewAt: iso(detainedAt + Math.floor(rnd() * 60) * DAY) });
      if (rnd() < 0.3) push('DetentionEnded', { detentionId, outcome: 'released', endedAt: iso(detainedAt + 20 * DAY) });
    }
    for (let h = 0; h < Math.round(options.handlers / cases); h++) {
      const handlerId = `h-${h}`;
      push('HandlerAbroadIdentified', { handlerId, alias: `Alias ${n}.${h}`, believedCountry: pick(HANDLER_COUNTRIES), platforms: ['telegram'],
        evaluation: { source: 'B', information: 2 } });
      if (rnd() < 0.3) push('HandlerLocationUpdated', { handlerId, believedCountry: pick(HANDLER_COUNTRIES), evaluation: { source: 'A', information: 1 } });
    }
    for (let x = 0; x < Math.round(options.extraditions / cases); x++) {
      const extraditionId = `x-${x}`;
      const sentAt = now - Math.floor(rnd() * 120) * DAY;
      push('ExtraditionRequested', { extraditionId, personId: pick(persons), requestingCountry: owner, requestedCountry: pick(HOLDING), route: pick(ROUTES),
        sentAt: iso(sentAt) });
      if (rnd() < 0.8) {
        push('ExtraditionStageReached', { extraditionId, stage: pick(STAGES), reachedAt: iso(sentAt + DAY),
          deadlineAt: iso(sentAt + Math.floor(rnd() * 150) * DAY), deadlineFor: 'decision' });
      }
      if (rnd() < 0.15) push('ExtraditionDecided', { extraditionId, outcome: 'refused', grounds: 'g', decidedAt: iso(sentAt + 2 * DAY) });
    }
    for (const personId of persons) {
      if (rnd() < 0.03) push('ProcessingRestricted', { personId, ground: 'kept-as-evidence', reason: 'evidence' });
      if (rnd() < 0.01) push('RestrictionLifted', { personId, reason: 'trial over' });
      if (rnd() < 0.005) push('PersonalDataErased', { personId, subject: `${caseId}/${personId}`, legalBasis: 'unlawful-processing', reason: 'r', erasedAt: NOW });
    }
    queues.push(q);
  }
  return interleaveSteps(queues, rnd);
}
