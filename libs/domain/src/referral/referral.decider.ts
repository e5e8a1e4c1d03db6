import { parseInstant } from '../shared/instant.js';
import type { ReferralCommand } from './referral.commands.js';
import type { ReferralEvent } from './referral.events.js';
import { evolveReferral, foldReferral, initialReferralState, type ReferralState } from './referral.state.js';
import { decideRecordContentReappeared } from './commands/record-content-reappeared/record-content-reappeared.decide.js';
import { decideRecordNoPlatformResponse } from './commands/record-no-platform-response/record-no-platform-response.decide.js';
import { decideRecordPlatformAcknowledgement } from './commands/record-platform-acknowledgement/record-platform-acknowledgement.decide.js';
import { decideRecordPlatformOutcome } from './commands/record-platform-outcome/record-platform-outcome.decide.js';
import { decideReferContent } from './commands/refer-content/refer-content.decide.js';
import { decideSendReferralToPlatform } from './commands/send-referral-to-platform/send-referral-to-platform.decide.js';
import { decideWithdrawReferral } from './commands/withdraw-referral/withdraw-referral.decide.js';

/**
 * Pure: the same command and state always give the same events. Throws ReferralNotFound (404),
 * ReferralAccessDenied (403) or DomainError (422); returns [] when the command changes nothing.
 */
export function decideReferral(command: ReferralCommand, state: ReferralState): ReferralEvent[] {
  // Metadata is built by our own application layer, so a bad clock value is a bug (500),
  // not the officer's error: plain Error on purpose.
  if (parseInstant(command.metadata?.now) === undefined) {
    throw new Error(`Command metadata.now must be an ISO-8601 instant, got ${String(command.metadata?.now)}`);
  }
  switch (command.type) {
    case 'ReferContent': return decideReferContent(command, state);
    case 'SendReferralToPlatform': return decideSendReferralToPlatform(command, state);
    case 'RecordPlatformAcknowledgement': return decideRecordPlatformAcknowledgement(command, state);
    case 'RecordPlatformOutcome': return decideRecordPlatformOutcome(command, state);
    case 'RecordNoPlatformResponse': return decideRecordNoPlatformResponse(command, state);
    case 'RecordContentReappeared': return decideRecordContentReappeared(command, state);
    case 'WithdrawReferral': return decideWithdrawReferral(command, state);
    default: {
      const unhandled: never = command;
      throw new Error(`Unknown referral command ${(unhandled as { type: string }).type}`);
    }
  }
}

/** Satisfies @liaison/event-store's structural Decider. */
export const referralDecider = {
  initialState: initialReferralState,
  evolve: evolveReferral,
  fold: foldReferral,
  decide: decideReferral,
};

/** referralId is referralIdFor(locatorSha256) (locator.ts), so the same content always lands here. */
export const referralStreamId = (referralId: string): string => `referral-${referralId}`;
