import { describe, expect, it } from '@jest/globals';
import { ActionDayNotFound, ReferralAccessDenied } from '../shared/domain-error.js';
import { walk } from '../testing/random-walk.js';
import {
  ACTION_DAY_ID, LIST_SHA256, actionDayCommand as command, actionDayPlanned, by, givenActionDay as given,
} from '../testing/referral.fixtures.js';
import { ACTION_DAY_COMMAND_TYPES, type ActionDayCommand, type ActionDayCommandType } from './action-day.commands.js';
import { ACTION_DAY_EVENT_TYPES, type ActionDayEvent } from './action-day.events.js';
import { actionDayDecider, actionDayStreamId } from './action-day.decider.js';

const { actionDayId: _, organiserCountry: __, ...planData } = actionDayPlanned.data;

/** One well-formed example of every command, as `country`; tsc fails when a command is added without one. */
function everyCommand(country: string): { [T in ActionDayCommandType]: Extract<ActionDayCommand, { type: T }> } {
  const m = by(country);
  return {
    PlanActionDay: command('PlanActionDay', planData, m),
    RecordActionDayList: command('RecordActionDayList', { fileSha256: LIST_SHA256, format: 'csv', rows: 3 }, m),
    RecordPlatformAnswers: command('RecordPlatformAnswers', { fileSha256: LIST_SHA256, format: 'csv', rows: 3 }, m),
  };
}
const fileCommands = (country: string) =>
  Object.values(everyCommand(country)).filter((c) => c.type !== 'PlanActionDay').map((c) => [c.type, c] as const);

describe('action-day decider', () => {
  it('lists every command type once, and routes each to its use case', () => {
    const examples = everyCommand('SE');
    expect(Object.keys(examples).sort()).toEqual([...ACTION_DAY_COMMAND_TYPES].sort());
    const routed: Record<ActionDayCommandType, ActionDayEvent['type']> = {
      PlanActionDay: 'ReferralActionDayPlanned', RecordActionDayList: 'ActionDayListSubmitted', RecordPlatformAnswers: 'PlatformAnswersImported',
    };
    const planned = actionDayDecider.evolve(actionDayDecider.initialState(), actionDayPlanned);
    for (const c of Object.values(examples)) {
      const state = c.type === 'PlanActionDay' ? actionDayDecider.initialState() : planned;
      expect(actionDayDecider.decide(c, state).map((e) => e.type)).toEqual([routed[c.type]]);
    }
  });

  it('throws a plain Error for an unknown command type', () => {
    const unknown = { ...everyCommand('SE').PlanActionDay, type: 'CancelActionDay' } as unknown as ActionDayCommand;
    expect(() => actionDayDecider.decide(unknown, actionDayDecider.initialState())).toThrow(/Unknown action-day command CancelActionDay/);
  });

  it.each(fileCommands('SE'))('%s on a day that was never planned is ACTION_DAY_NOT_FOUND', (_type, c) => {
    given([]).when(c).thenThrows('ACTION_DAY_NOT_FOUND', ActionDayNotFound);
  });

  it.each(fileCommands('FI'))('%s by a country outside the day is NOT_A_PARTICIPANT', (_type, c) => {
    given([actionDayPlanned]).when(c).thenThrows('NOT_A_PARTICIPANT', ReferralAccessDenied);
  });

  it('throws a plain Error (a bug, not a rejection) when metadata.now is not an instant', () => {
    const c = command('PlanActionDay', planData, { ...by('SE'), now: '' });
    expect(() => actionDayDecider.decide(c, actionDayDecider.initialState())).toThrow(/metadata.now/);
  });

  it('refuses to fold an event type it does not know', () => {
    const unknown = { type: 'ActionDayCancelled', data: {} } as unknown as ActionDayEvent;
    const planned = actionDayDecider.evolve(actionDayDecider.initialState(), actionDayPlanned);
    expect(() => actionDayDecider.evolve(planned, unknown)).toThrow(/ActionDayCancelled/);
  });

  it('folds whatever decide accepts, over seeded runs reaching every event type', () => {
    const countries = ['SE', 'DK', 'NO', 'FI'];
    const produced = new Set<string>();
    for (let seed = 1; seed <= 20; seed++) {
      const types = walk(actionDayDecider, seed, 40, (rnd) => {
        const m = by(countries[rnd(countries.length)]);
        const file = { fileSha256: String(rnd(4)).repeat(64), format: 'csv', rows: 1 + rnd(50) } as const;
        const type = ACTION_DAY_COMMAND_TYPES[rnd(3)];
        return type === 'PlanActionDay' ? command(type, planData, m) : command(type, file, m);
      });
      for (const t of types) produced.add(t);
    }
    expect([...produced].sort()).toEqual([...ACTION_DAY_EVENT_TYPES].sort());
  });

  it('lists every event type once and names streams action-day-<id>', () => {
    expect(new Set(ACTION_DAY_EVENT_TYPES).size).toBe(ACTION_DAY_EVENT_TYPES.length);
    expect(actionDayStreamId(ACTION_DAY_ID)).toBe(`action-day-${ACTION_DAY_ID}`);
  });
});
