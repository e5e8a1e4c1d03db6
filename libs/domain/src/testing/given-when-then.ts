// Given/when/then for any decider. Test-only (imports Jest); not exported from index.
import { expect } from '@jest/globals';
import { caseDecider } from '../case/case.decider.js';
import { DomainError, type CommandRejected } from '../shared/domain-error.js';

/** Any rejection class: DomainError, a *NotFound or an *AccessDenied. */
type RejectionClass = abstract new (...args: never[]) => CommandRejected;

/** The shape every aggregate's decider has (structurally the event store's Decider). */
export interface DeciderUnderTest<Command, State, Event> {
  initialState: () => State;
  evolve: (state: State, event: Event) => State;
  fold: (state: State, events: readonly Event[]) => State;
  decide: (command: Command, state: State) => Event[];
}

export interface When<Event> {
  /** Exactly these events, and they survive a JSON round trip unchanged (plain JSON only). */
  then(expected: Event[]): void;
  /** The command is accepted and changes nothing. */
  thenNothing(): void;
  /** Rejected with this code; DomainError unless another class is named. */
  thenThrows(code: string, errorClass?: RejectionClass): void;
}

/** `givenFor(decider)` is the `given` of one aggregate: `given(history).when(command).then(events)`. */
export function givenFor<Command, State, Event>(decider: DeciderUnderTest<Command, State, Event>) {
  return function given(history: Event[] = []) {
    const state = history.reduce(decider.evolve, decider.initialState());
    // The one-pass fold that reads whole streams must agree with evolve on every history a spec tells.
    expect(decider.fold(decider.initialState(), history)).toEqual(state);
    return {
      when(command: Command): When<Event> {
        const run = () => decider.decide(command, state);
        return {
          then(expected) {
            const events = run();
            expect(events).toStrictEqual(expected);
            expect(JSON.parse(JSON.stringify(events))).toStrictEqual(events);
            // The produced events must fold without error onto the state they were decided on.
            events.reduce(decider.evolve, state);
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
  };
}

/** The case decider's `given`, as the case specs have always used it. */
export const given = givenFor(caseDecider);
