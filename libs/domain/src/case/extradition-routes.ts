import { isEuMemberState, isNordic, type CountryCode } from '../shared/country-code.js';
import { addDays } from '../shared/instant.js';

export const EXTRADITION_ROUTES = ['nordic-arrest-warrant', 'european-arrest-warrant', 'third-country'] as const;
export type ExtraditionRoute = (typeof EXTRADITION_ROUTES)[number];

/**
 * Milestones in the *requested* (executing) state. The decision itself is not a stage: it is
 * ExtraditionDecided, and 'decision-final' (no further appeal) is the one stage after it.
 */
export const EXTRADITION_STAGES = [
  'arrested', // NAW / EAW: arrest on the warrant
  'provisionally-arrested', // third country: held while the formal request is awaited
  'request-received', // third country: formal request received (SE: by the Ministry of Justice)
  'prosecutor-general-opinion', // SE third country: Riksåklagaren's opinion delivered
  'supreme-court-review', // SE third country: Högsta domstolen's review; not needed on consent
  'decision-final',
] as const;
export type ExtraditionStage = (typeof EXTRADITION_STAGES)[number];

/** What a computed deadline is for. */
export type ExtraditionDeadlineFor = 'decision' | 'hand-over' | 'formal-request';

export type StageRequirement = 'required' | 'optional' | 'required-unless-consent';

export interface StageRule {
  stage: ExtraditionStage;
  phase: 'before-decision' | 'after-decision';
  requirement: StageRequirement;
  /** Statutory deadline that starts when this stage is reached. */
  deadline?: { days: number; for: ExtraditionDeadlineFor };
}

export interface RoutePlan {
  stages: readonly StageRule[];
  /** Days after the person's consent within which the decision must be taken. */
  consentDecisionDays?: number;
}

const rule = (
  stage: ExtraditionStage,
  requirement: StageRequirement,
  deadline?: StageRule['deadline'],
): StageRule => ({ stage, phase: stage === 'decision-final' ? 'after-decision' : 'before-decision', requirement, deadline });

// Deadlines from /work/shared/domain-reference.md ("Surrender and extradition"):
//  NAW executing DK: decision 30 days after arrest / 3 after consent (udleveringsloven §37),
//    hand-over 5 days after the final decision (§38); SE: 14 / 3, hand-over 5.
//  EAW: DK 60 / 10, SE 30 / 10, hand-over 10. Other member states get the Framework Decision
//    2002/584/JHA defaults (Art. 17: 60 / 10; Art. 23: 10), which DK follows too.
//  Third country: SE goes Ministry of Justice → Prosecutor-General's opinion → Supreme Court
//    (skipped on consent) → Government decision. DK: provisional measures lapse 30 days
//    after arrest if no request has arrived (§53); hand-over 30 days.
// Where the reference gives no figure (NAW in NO/FI/IS, most third countries) no deadline is
// computed rather than guessed. Days are added to the instant as 24-hour periods; the result
// is an indicator for officers, not a legal computation of time limits.
function warrantPlan(decisionDays?: number, consentDays?: number, handOverDays?: number): RoutePlan {
  return {
    stages: [
      rule('arrested', 'required', decisionDays ? { days: decisionDays, for: 'decision' } : undefined),
      rule('decision-final', 'optional', handOverDays ? { days: handOverDays, for: 'hand-over' } : undefined),
    ],
    consentDecisionDays: consentDays,
  };
}

export function routePlan(route: ExtraditionRoute, requestedCountry: CountryCode): RoutePlan {
  switch (route) {
    case 'nordic-arrest-warrant':
      if (requestedCountry === 'DK') return warrantPlan(30, 3, 5);
      if (requestedCountry === 'SE') return warrantPlan(14, 3, 5);
      return warrantPlan();
    case 'european-arrest-warrant':
      if (requestedCountry === 'SE') return warrantPlan(30, 10, 10);
      return warrantPlan(60, 10, 10);
    case 'third-country':
      if (requestedCountry === 'SE') {
        return {
          stages: [
            rule('provisionally-arrested', 'optional'),
            rule('request-received', 'required'),
            rule('prosecutor-general-opinion', 'required'),
            rule('supreme-court-review', 'required-unless-consent'),
            rule('decision-final', 'optional'),
          ],
        };
      }
      if (requestedCountry === 'DK') {
        return {
          stages: [
            rule('provisionally-arrested', 'optional', { days: 30, for: 'formal-request' }),
            rule('request-received', 'required'),
            rule('decision-final', 'optional', { days: 30, for: 'hand-over' }),
          ],
        };
      }
      return {
        stages: [
          rule('provisionally-arrested', 'optional'),
          rule('request-received', 'optional'),
          rule('decision-final', 'optional'),
        ],
      };
    default: {
      const unknown: never = route;
      throw new Error(`Unknown extradition route ${String(unknown)}`);
    }
  }
}

/**
 * Why a route cannot be used between two states, or undefined if it can. Between Nordic
 * states the Nordic warrant replaces the EAW; the EAW needs two member states; anything else
 * is a third-country extradition.
 */
export function routeInapplicability(
  route: ExtraditionRoute,
  requesting: CountryCode,
  requested: CountryCode,
): string | undefined {
  const bothNordic = isNordic(requesting) && isNordic(requested);
  const bothEu = isEuMemberState(requesting) && isEuMemberState(requested);
  if (route === 'nordic-arrest-warrant') return bothNordic ? undefined : 'the Nordic arrest warrant needs two Nordic states';
  if (bothNordic) return 'between Nordic states the Nordic arrest warrant applies';
  if (route === 'european-arrest-warrant') return bothEu ? undefined : 'the European arrest warrant needs two EU member states';
  return bothEu ? 'between EU member states the European arrest warrant applies' : undefined;
}

export type StageCheck =
  | { ok: true; rule: StageRule }
  | { ok: false; code: 'EXTRADITION_STAGE_NOT_IN_ROUTE' | 'EXTRADITION_STAGE_OUT_OF_ORDER'; reason: string };

const isNeeded = (r: StageRule, consented: boolean): boolean =>
  r.requirement === 'required' || (r.requirement === 'required-unless-consent' && !consented);

/** Stages move forward only, never repeat, and never jump over a stage still needed. */
export function checkNextStage(
  plan: RoutePlan,
  reached: readonly ExtraditionStage[],
  stage: ExtraditionStage,
  consented: boolean,
): StageCheck {
  const index = plan.stages.findIndex((r) => r.stage === stage);
  if (index < 0) return { ok: false, code: 'EXTRADITION_STAGE_NOT_IN_ROUTE', reason: `${stage} is not a stage of this route` };
  if (reached.includes(stage)) return { ok: false, code: 'EXTRADITION_STAGE_OUT_OF_ORDER', reason: `${stage} was already reached` };
  const last = Math.max(-1, ...reached.map((s) => plan.stages.findIndex((r) => r.stage === s)));
  if (index < last) {
    return { ok: false, code: 'EXTRADITION_STAGE_OUT_OF_ORDER', reason: `${stage} comes before ${plan.stages[last].stage}` };
  }
  const skipped = plan.stages.slice(last + 1, index).find((r) => isNeeded(r, consented));
  if (skipped) return { ok: false, code: 'EXTRADITION_STAGE_OUT_OF_ORDER', reason: `${skipped.stage} must come first` };
  return { ok: true, rule: plan.stages[index] };
}

/** The first stage still needed before a decision may be taken, if any. */
export function missingBeforeDecision(
  plan: RoutePlan,
  reached: readonly ExtraditionStage[],
  consented: boolean,
): ExtraditionStage | undefined {
  return plan.stages.find((r) => r.phase === 'before-decision' && isNeeded(r, consented) && !reached.includes(r.stage))
    ?.stage;
}

export function deadlineAfter(
  reachedAt: string,
  deadline: StageRule['deadline'],
): { deadlineAt: string; deadlineFor: ExtraditionDeadlineFor } | undefined {
  return deadline ? { deadlineAt: addDays(reachedAt, deadline.days), deadlineFor: deadline.for } : undefined;
}
