import { describe, expect, it } from '@jest/globals';
import { ReferralAccessDenied, ReferralNotFound } from '../shared/domain-error.js';
import {
  REAPPEARED_LOCATOR, REAPPEARED_SHA256, REFERRAL_ID, by, contentReferred, contentRemoved, givenReferral as given,
  orderReferred, orderSent, referContentData, referralCommand as command, referralWithdrawn, sentToPlatform,
} from '../testing/referral.fixtures.js';
import { REFERRAL_COMMAND_TYPES, type ReferralCommand, type ReferralCommandType } from './referral.commands.js';
import { REFERRAL_EVENT_TYPES, type ReferralEvent } from './referral.events.js';
import { referralDecider, referralStreamId } from './referral.decider.js';

/** One well-formed example of every command, as `country`. A mapped type, so tsc fails when a command is added without one. */
function everyCommand(country: string): { [T in ReferralCommandType]: Extract<ReferralCommand, { type: T }> } {
  const m = by(country);
  return {
    ReferContent: command('ReferContent', referContentData, m),
    SendReferralToPlatform: command('SendReferralToPlatform', {}, m),
    RecordPlatformAcknowledgement: command('RecordPlatformAcknowledgement', { acknowledgedAt: '2024-09-02T09:00:00Z' }, m),
    RecordPlatformOutcome: command('RecordPlatformOutcome', { outcome: 'removed', at: '2024-09-02T09:00:00Z' }, m),
    RecordNoPlatformResponse: command('RecordNoPlatformResponse', {}, m),
    RecordContentReappeared: command('RecordContentReappeared', { locator: REAPPEARED_LOCATOR, locatorSha256: REAPPEARED_SHA256, seenAt: '2024-09-02T09:00:00Z' }, m),
    WithdrawReferral: command('WithdrawReferral', { reason: 'x' }, m),
  };
}
const followUps = (country: string) =>
  Object.values(everyCommand(country)).filter((c) => c.type !== 'ReferContent').map((c) => [c.type, c] as const);

describe('referral decider: routing, existence, access and withdrawal across every command', () => {
  it('lists every command type once, and routes each to its use case', () => {
    const examples = everyCommand('SE');
    expect(Object.keys(examples).sort()).toEqual([...REFERRAL_COMMAND_TYPES].sort());
    expect(new Set(REFERRAL_COMMAND_TYPES).size).toBe(REFERRAL_COMMAND_TYPES.length);
    const sent = [contentReferred(), sentToPlatform()];
    const routed: { [T in ReferralCommandType]: [ReferralEvent[], ReferralEvent['type']] } = {
      ReferContent: [[], 'ContentReferred'],
      SendReferralToPlatform: [[contentReferred()], 'ReferralSentToPlatform'],
      RecordPlatformAcknowledgement: [sent, 'PlatformAcknowledged'],
      RecordPlatformOutcome: [sent, 'ContentRemoved'],
      RecordNoPlatformResponse: [[orderReferred, orderSent], 'NoPlatformResponse'],
      RecordContentReappeared: [[...sent, contentRemoved()], 'ContentReappeared'],
      WithdrawReferral: [[contentReferred()], 'ReferralWithdrawn'],
    };
    for (const c of Object.values(examples)) {
      const [history, eventType] = routed[c.type];
      const state = referralDecider.fold(referralDecider.initialState(), history);
      expect(referralDecider.decide(c, state).map((e) => e.type)).toEqual([eventType]);
    }
    const unknown = { ...examples.WithdrawReferral, type: 'ForgetReferral' } as unknown as ReferralCommand;
    expect(() => referralDecider.decide(unknown, referralDecider.initialState())).toThrow(/Unknown referral command ForgetReferral/);
  });

  it.each(followUps('SE'))('%s on a referral that does not exist is REFERRAL_NOT_FOUND', (_, c) => {
    given([]).when(c).thenThrows('REFERRAL_NOT_FOUND', ReferralNotFound);
  });

  it.each(followUps('NO'))('%s by a country that referred nothing is NOT_A_REFERRER, even when withdrawn', (_, c) => {
    given([contentReferred(), referralWithdrawn]).when(c).thenThrows('NOT_A_REFERRER', ReferralAccessDenied);
  });

  it.each(followUps('SE').filter(([type]) => type !== 'WithdrawReferral'))('%s on a withdrawn referral is REFERRAL_WITHDRAWN', (_, c) => {
    given([contentReferred(), referralWithdrawn]).when(c).thenThrows('REFERRAL_WITHDRAWN');
  });

  it.each(followUps('SE'))('%s naming another referral in its body is INVALID_ID', (_, c) => {
    given([contentReferred()]).when({ ...c, data: { ...c.data, referralId: 'another' } } as ReferralCommand).thenThrows('INVALID_ID');
  });

  it('throws a plain Error (a bug, not a rejection) when metadata.now is not an instant', () => {
    const c = command('WithdrawReferral', { reason: 'x' }, { ...by('SE'), now: 'yesterday' });
    expect(() => referralDecider.decide(c, referralDecider.evolve(referralDecider.initialState(), contentReferred()))).toThrow(/metadata.now/);
  });

  it('refuses to fold an event type it does not know, and ignores events before the referral', () => {
    const unknown = { type: 'ReferralRenamed', data: {} } as unknown as ReferralEvent;
    expect(() => referralDecider.evolve(referralDecider.evolve(referralDecider.initialState(), contentReferred()), unknown)).toThrow(/ReferralRenamed/);
    expect(referralDecider.evolve(referralDecider.initialState(), referralWithdrawn)).toEqual({ exists: false });
  });

  it('lists every event type once and names streams referral-<id>', () => {
    expect(new Set(REFERRAL_EVENT_TYPES).size).toBe(REFERRAL_EVENT_TYPES.length);
    expect(referralStreamId(REFERRAL_ID)).toBe(`referral-${REFERRAL_ID}`);
  });
});
