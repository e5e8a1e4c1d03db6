import { describe, expect, it } from '@jest/globals';
import { addMinutes } from '../shared/instant.js';
import { walk } from '../testing/random-walk.js';
import { LOCATOR_SHA256, REAPPEARED_LOCATOR, by, referContentData, referralCommand as command } from '../testing/referral.fixtures.js';
import type { ReferralCommand } from './referral.commands.js';
import { REFERRAL_EVENT_TYPES } from './referral.events.js';
import { referralDecider } from './referral.decider.js';

const START = '2024-09-02T08:00:00.000Z';
const COUNTRIES = ['SE', 'DK', 'NO', 'FI'];

/** A plausible command at each step; time moves on 0-6 hours a step, so deadlines come and go. */
function nextCommand(rnd: (n: number) => number, step: number): ReferralCommand {
  const now = addMinutes(START, step * 180 + rnd(180));
  const m = by(COUNTRIES[rnd(COUNTRIES.length)], now);
  const at = addMinutes(now, -rnd(30));
  switch (rnd(12)) {
    case 0: case 1:
      return command('ReferContent', { ...referContentData, basis: rnd(2) ? 'tos_referral' : 'removal_order', referredAt: at }, m);
    case 2: case 3:
      return command('SendReferralToPlatform', { sentAt: at, followUpDays: 1 + rnd(2) }, m);
    case 4:
      return command('RecordPlatformAcknowledgement', { acknowledgedAt: at }, m);
    case 5: case 6: {
      const outcome = (['removed', 'geo_blocked', 'declined'] as const)[rnd(3)];
      return command('RecordPlatformOutcome', {
        outcome, at, ...(outcome === 'geo_blocked' ? { countries: ['SE'] } : {}), ...(outcome === 'declined' ? { reason: 'other' } : {}),
      }, m);
    }
    case 7: case 8:
      return command('RecordNoPlatformResponse', {}, m);
    case 9: case 10:
      return command('RecordContentReappeared', { locator: REAPPEARED_LOCATOR, locatorSha256: LOCATOR_SHA256, seenAt: at }, m);
    default:
      // Rare, so most walks go on past it and show nothing but the no-op withdrawal follows.
      return rnd(8) ? command('RecordNoPlatformResponse', {}, m) : command('WithdrawReferral', { reason: 'done' }, m);
  }
}

describe('referral decider: whatever decide accepts folds cleanly', () => {
  it('over many seeded runs of mixed commands, reaching every event type', () => {
    const produced = new Set<string>();
    for (let seed = 1; seed <= 60; seed++) {
      for (const type of walk(referralDecider, seed, 120, nextCommand)) produced.add(type);
    }
    expect([...produced].sort()).toEqual([...REFERRAL_EVENT_TYPES].sort());
  });
});
