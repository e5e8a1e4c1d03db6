import type { CountryCode } from '../shared/country-code.js';
import type { DataSubjectCategory } from '../shared/data-subject-category.js';
import type { Evaluation } from '../shared/evaluation.js';
import type { HandlingCode } from '../shared/handling-code.js';
import type { SharingLevel } from '../shared/sharing-level.js';
import type { CaseEvent, ExtraditionOutcome, HandlerRelation } from './case.events.js';
import type { ExtraditionRoute, ExtraditionStage } from './extradition-routes.js';
import { PersistentMap } from '../shared/persistent-map.js';
import { Detentions } from './detentions.js';
import { evolvePersonLifecycle, type RestrictionGround } from './person-lifecycle.js';

// Only what decisions need: names, titles, facilities and free text stay in the events and
// the read models. Collections are keyed maps because ids come from users ("__proto__" is a
// perfectly valid id to a plain object). They are persistent (PersistentMap, Detentions): evolve
// returns a new state that shares all but the changed path with the one it was given, which stays
// as it was, so one event costs O(log n) on a long case instead of a copy of every collection (ADR 26).

export interface PersonState {
  personId: string;
  category: DataSubjectCategory;
  nationalities: PersistentMap<CountryCode, Evaluation>;
  /** Set by PersonalDataErased: the person's key is gone, and no new fact about them is accepted. */
  erasedAt?: string;
  /** Whether a name / pseudonym is on record: rectification may not remove the last of the two. */
  hasName?: boolean;
  hasPseudonym?: boolean;
  /** Set while processing is restricted (LED Art. 16(3)). */
  restriction?: RestrictionGround;
  /** The next retention review set by the last RetentionReviewed (LED Art. 5). */
  keepUntil?: string;
}

export interface DetentionState {
  detentionId: string;
  personId: string;
  holdingCountry: CountryCode;
  detainedAt: string;
  nextCustodyReviewAt: string;
  open: boolean;
}

export interface HandlerState {
  handlerId: string;
  believedCountry: CountryCode;
  evaluation: Evaluation;
  /** personId → relations recorded for that person. */
  links: PersistentMap<string, readonly HandlerRelation[]>;
}

export interface ExtraditionState {
  extraditionId: string;
  personId: string;
  route: ExtraditionRoute;
  requestingCountry: CountryCode;
  requestedCountry: CountryCode;
  stages: readonly { stage: ExtraditionStage; reachedAt: string }[];
  consentedAt?: string;
  decision?: { outcome: ExtraditionOutcome; decidedAt: string };
  surrenderedAt?: string;
}

export interface OpenedCaseState {
  exists: true;
  caseId: string;
  ownerCountry: CountryCode;
  status: 'open' | 'closed';
  handlingCode: HandlingCode;
  sharing: PersistentMap<CountryCode, SharingLevel>;
  persons: PersistentMap<string, PersonState>;
  /** With the open detentions indexed by person. */
  detentions: Detentions;
  handlers: PersistentMap<string, HandlerState>;
  extraditions: PersistentMap<string, ExtraditionState>;
}

export type CaseState = { exists: false } | OpenedCaseState;

export const initialCaseState = (): CaseState => ({ exists: false });

/**
 * Folds many events: what reading a whole case stream does, evolve after evolve. Each step copies one
 * path of a trie, so the fold is O(n log n); ~4× slower per event than mutating Maps in place was, a
 * price paid on cache misses and replays only (ADR 26).
 */
export function foldCase(state: CaseState, events: readonly CaseEvent[]): CaseState {
  let s = state;
  for (const event of events) s = evolveCase(s, event);
  return s;
}

/**
 * Folds one event into the state. Events for a case that was never opened change nothing;
 * an unknown event type throws, because deciding on a history we cannot read is worse than
 * refusing to decide (e.g. an older instance reading a newer instance's events).
 */
export function evolveCase(state: CaseState, event: CaseEvent): CaseState {
  if (event.type === 'CaseOpened') {
    const { caseId, ownerCountry, handlingCode } = event.data;
    return {
      exists: true, caseId, ownerCountry, status: 'open', handlingCode,
      sharing: PersistentMap.empty(), persons: PersistentMap.empty(), detentions: Detentions.empty(),
      handlers: PersistentMap.empty(), extraditions: PersistentMap.empty(),
    };
  }
  if (!state.exists) return state;
  const s = state;
  switch (event.type) {
    case 'CaseSharedWith':
      return { ...s, sharing: s.sharing.set(event.data.partnerCountry, event.data.level) };
    case 'CaseSharingRevoked':
      return { ...s, sharing: s.sharing.delete(event.data.partnerCountry) };
    case 'CaseClosed':
      return { ...s, status: 'closed' };
    case 'CaseReopened':
      return { ...s, status: 'open' };
    case 'PersonRegistered': {
      const { personId, category, nationalities } = event.data;
      const byCountry = PersistentMap.of(nationalities.map((n) => [n.country, n.evaluation] as const));
      const identity = { hasName: event.data.name !== undefined, hasPseudonym: event.data.pseudonym !== undefined };
      return { ...s, persons: s.persons.set(personId, { personId, category, nationalities: byCountry, ...identity }) };
    }
    case 'NationalityRecorded': {
      const { personId, country, evaluation } = event.data;
      return { ...s, persons: s.persons.update(personId, (p) => ({ ...p, nationalities: p.nationalities.set(country, evaluation) })) };
    }
    case 'NationalityRetracted': {
      const { personId, country } = event.data;
      return { ...s, persons: s.persons.update(personId, (p) => ({ ...p, nationalities: p.nationalities.delete(country) })) };
    }
    case 'DetentionRecorded': {
      const { detentionId, personId, holdingCountry, detainedAt, nextCustodyReviewAt } = event.data;
      const detention: DetentionState = { detentionId, personId, holdingCountry, detainedAt, nextCustodyReviewAt, open: true };
      return { ...s, detentions: s.detentions.record(detention) };
    }
    case 'CustodyExtended': {
      const { detentionId, nextCustodyReviewAt } = event.data;
      return { ...s, detentions: s.detentions.update(detentionId, (d) => ({ ...d, nextCustodyReviewAt })) };
    }
    case 'DetentionEnded':
      return { ...s, detentions: s.detentions.update(event.data.detentionId, (d) => ({ ...d, open: false })) };
    case 'HandlerAbroadIdentified': {
      const { handlerId, believedCountry, evaluation } = event.data;
      return { ...s, handlers: s.handlers.set(handlerId, { handlerId, believedCountry, evaluation, links: PersistentMap.empty() }) };
    }
    case 'HandlerLinkedToPerson': {
      const { handlerId, personId, relation } = event.data;
      return {
        ...s,
        handlers: s.handlers.update(handlerId, (h) => ({
          ...h, links: h.links.set(personId, [...(h.links.get(personId) ?? []), relation]),
        })),
      };
    }
    case 'HandlerLocationUpdated': {
      const { handlerId, believedCountry, evaluation } = event.data;
      return { ...s, handlers: s.handlers.update(handlerId, (h) => ({ ...h, believedCountry, evaluation })) };
    }
    case 'ExtraditionRequested': {
      const { extraditionId, personId, route, requestingCountry, requestedCountry } = event.data;
      const extradition: ExtraditionState = { extraditionId, personId, route, requestingCountry, requestedCountry, stages: [] };
      return { ...s, extraditions: s.extraditions.set(extraditionId, extradition) };
    }
    case 'ExtraditionConsentRecorded':
      return {
        ...s,
        extraditions: s.extraditions.update(event.data.extraditionId, (x) => ({ ...x, consentedAt: event.data.consentedAt })),
      };
    case 'ExtraditionStageReached': {
      const { extraditionId, stage, reachedAt } = event.data;
      return { ...s, extraditions: s.extraditions.update(extraditionId, (x) => ({ ...x, stages: [...x.stages, { stage, reachedAt }] })) };
    }
    case 'ExtraditionDecided': {
      const { extraditionId, outcome, decidedAt } = event.data;
      return { ...s, extraditions: s.extraditions.update(extraditionId, (x) => ({ ...x, decision: { outcome, decidedAt } })) };
    }
    case 'PersonSurrendered': {
      const { extraditionId, surrenderedAt } = event.data;
      return { ...s, extraditions: s.extraditions.update(extraditionId, (x) => ({ ...x, surrenderedAt })) };
    }
    case 'PersonalDataErased':
      return { ...s, persons: s.persons.update(event.data.personId, (p) => ({ ...p, erasedAt: event.data.erasedAt })) };
    case 'ProcessingRestricted':
    case 'RestrictionLifted':
    case 'PersonalDataRectified':
    case 'RetentionReviewed':
      return { ...s, persons: s.persons.update(event.data.personId, (p) => evolvePersonLifecycle(p, event)) };
    default: {
      const unhandled: never = event;
      throw new Error(`Unhandled case event ${(unhandled as { type: string }).type}`);
    }
  }
}
