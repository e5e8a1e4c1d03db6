// Drives a decider through long seeded runs of commands to check what no single example can:
// whatever decide accepts folds cleanly, and fold agrees with evolve. Test-only; no clock, no
// Math.random (a seeded generator keeps every run reproducible).
import { expect } from '@jest/globals';
import { CommandRejected } from '../shared/domain-error.js';
import type { DeciderUnderTest } from './given-when-then.js';

/** A 31-bit LCG: `rnd(n)` is 0..n-1, taken from the high bits (the low bits of an LCG cycle quickly). */
export function seeded(seed: number): (n: number) => number {
  let x = seed;
  return (n) => {
    x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff;
    return Math.floor((x / 2 ** 31) * n);
  };
}

/**
 * Runs `steps` commands from `next` against the stream's state. Every rejection must be a
 * CommandRejected (anything else is a bug); every accepted event must be plain JSON and fold.
 * Returns the event types produced, so a spec can check the walk reached all of them.
 */
export function walk<Command, State, Event extends { type: string }>(
  decider: DeciderUnderTest<Command, State, Event>,
  seed: number,
  steps: number,
  next: (rnd: (n: number) => number, step: number) => Command,
): Set<string> {
  const rnd = seeded(seed);
  const history: Event[] = [];
  const produced = new Set<string>();
  let state = decider.initialState();
  for (let step = 0; step < steps; step++) {
    let events: Event[];
    try {
      events = decider.decide(next(rnd, step), state);
    } catch (error) {
      if (error instanceof CommandRejected) continue;
      throw error;
    }
    expect(JSON.parse(JSON.stringify(events))).toStrictEqual(events);
    state = events.reduce(decider.evolve, state);
    history.push(...events);
    for (const e of events) produced.add(e.type);
  }
  expect(decider.fold(decider.initialState(), history)).toEqual(state);
  return produced;
}
