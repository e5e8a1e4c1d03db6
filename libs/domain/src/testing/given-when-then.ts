// Given/when/then for the case decider. Test-only (imports Jest); not exported from index.
import { expect } from '@jest/globals';
import { caseDecider } from '../case/case.decider.js';
import type { CaseCommand } from '../case/case.commands.js';
import type { CaseEvent } from '../case/case.events.js';
import { CaseAccessDenied, CaseNotFound, DomainError } from '../shared/domain-error.js';

type RejectionClass = typeof DomainError | typeof CaseAccessDenied | typeof CaseNotFound;

export interface When {
  /** Exactly these events, and they survive a JSON round trip unchanged (plain JSON only). */
  then(expected: CaseEvent[]): void;
  /** The command is accepted and changes nothing. */
  thenNothing(): void;
  /** Rejected with this code; DomainError unless another class is named. */
  thenThrows(code: string, errorClass?: RejectionClass): void;
}

export function given(history: CaseEvent[] = []) {
  const state = history.reduce(caseDecider.evolve, caseDecider.initialState());
  // The one-pass fold that reads whole streams must agree with evolve on every history a spec tells.
  expect(caseDecider.fold(caseDecider.initialState(), history)).toEqual(state);
  return {
    when(command: CaseCommand): When {
      const run = () => caseDecider.decide(command, state);
      return {
        then(expected) {
          const events = run();
          expect(events).toStrictEqual(expected);
          expect(JSON.parse(JSON.stringify(events))).toStrictEqual(events);
          // The produced events must fold without error onto the state they were decided on.
          events.reduce(caseDecider.evolve, state);
        },
        thenNothing() {
          expect(run()).toStrictEqual([]);
        },
        thenThrows(code, errorClass = DomainError) {
          let thrown: unknown;
          try {
            run();
          } catch (error) {
            thrown = error;
          }
          expect(thrown).toBeInstanceOf(errorClass);
          expect((thrown as { code: string }).code).toBe(code);
        },
      };
    },
  };
}
