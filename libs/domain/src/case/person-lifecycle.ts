import type { PersonLifecycleEvent } from './case.events.js';
import type { PersonState } from './case.state.js';

// The person's personal-data lifecycle under LED Art. 5 (time limits and periodic review) and
// Art. 16 (rectification, restriction). Erasure is not here: it destroys the subject's key (ADR 19).

/**
 * Art. 16(3): (a) the subject contests the accuracy and it cannot be ascertained; (b) the data must be
 * kept as evidence. 'retention-review-overdue' is Liaison's own: Art. 5 asks for a periodic review, and
 * a record whose review is overdue is kept only under restriction until someone reviews it.
 */
export const RESTRICTION_GROUNDS = ['accuracy-contested', 'kept-as-evidence', 'retention-review-overdue'] as const;
export type RestrictionGround = (typeof RESTRICTION_GROUNDS)[number];

/** The personal fields of a registered person that RectifyPerson may correct. */
export const RECTIFIABLE_FIELDS = ['name', 'pseudonym', 'birthYear', 'aliases'] as const;
export type RectifiableField = (typeof RECTIFIABLE_FIELDS)[number];
/** null removes a name, pseudonym or birth year; aliases are replaced by the whole new list. */
export type RectifiedValue = string | number | string[] | null;

/** How a lifecycle event changes the person the decider keeps (only what later decisions need). */
export function evolvePersonLifecycle(person: PersonState, event: PersonLifecycleEvent): PersonState {
  switch (event.type) {
    case 'ProcessingRestricted':
      return { ...person, restriction: event.data.ground };
    case 'RestrictionLifted': {
      const { restriction: _, ...rest } = person;
      return rest;
    }
    case 'RetentionReviewed':
      return { ...person, keepUntil: event.data.keepUntil };
    case 'PersonalDataRectified': {
      const { field, value } = event.data;
      if (field === 'name') return { ...person, hasName: value !== null };
      if (field === 'pseudonym') return { ...person, hasPseudonym: value !== null };
      return person;
    }
    default: {
      const unhandled: never = event;
      throw new Error(`Unhandled lifecycle event ${(unhandled as { type: string }).type}`);
    }
  }
}
