import { describe, expect, it } from '@jest/globals';
import { addMinutes } from '../shared/instant.js';
import { by, fileData, requestCommand as command } from '../testing/information-request.fixtures.js';
import { walk } from '../testing/random-walk.js';
import type { InformationRequestCommand } from './information-request.commands.js';
import { INFORMATION_REQUEST_EVENT_TYPES, REFUSAL_GROUNDS } from './information-request.events.js';
import { informationRequestDecider } from './information-request.decider.js';

const START = '2025-03-27T08:00:00.000Z';
const COUNTRIES = ['SE', 'DK', 'DK', 'SE', 'NO'];

/** A plausible command at each step; time moves on 0-3 hours a step (across the spring DST change), so deadlines come and go. */
function nextCommand(rnd: (n: number) => number, step: number): InformationRequestCommand {
  const now = addMinutes(START, step * 90 + rnd(90));
  const m = by(COUNTRIES[rnd(COUNTRIES.length)], now);
  const at = rnd(4) === 0 ? undefined : addMinutes(now, -rnd(120));
  switch (rnd(16)) {
    case 0: {
      const urgent = rnd(2) === 1;
      return command('FileInformationRequest', {
        ...fileData, urgent, ...(urgent ? { urgencyReason: 'imminent_risk_of_losing_relevance' } : {}),
        access: rnd(2) ? 'direct' : 'indirect', receivedAt: at, timeZone: rnd(2) ? 'Europe/Stockholm' : 'Europe/Copenhagen',
        requestedCountry: rnd(5) ? 'DK' : 'SE',
      }, m);
    }
    case 1: return command('AcknowledgeRequest', { acknowledgedAt: at }, m);
    case 2: case 3: return command('RequestClarification', { question: 'Which one?', requestedAt: at }, m);
    case 4: case 5: return command('ProvideClarification', { answer: 'That one', providedAt: at }, m);
    case 6: case 7: return command('NoteJudicialAuthorisationPending', { expectedDelayDays: 1 + rnd(10), reason: 'Court order', noticeSentAt: at }, m);
    case 8: case 9: return command('RecordJudicialAuthorisation', { obtainedAt: at }, m);
    case 10: case 11: return command('ProvideInformation', { summary: 'Part of it', providedAt: at, partial: rnd(3) > 0 }, m);
    case 12: case 13: {
      const grounds = [...new Set([REFUSAL_GROUNDS[rnd(8)], REFUSAL_GROUNDS[rnd(8)]])].map((ground) => ({ ground, reason: 'Because' }));
      return command('RefuseRequest', { grounds, refusedAt: at, partial: rnd(3) > 0 }, m);
    }
    case 14: return command('ForwardRequest', { authority: 'Local police', forwardedAt: at }, m);
    default:
      // Rare, so most walks go on past it and show the REQUEST_CLOSED rejections that follow.
      return rnd(6) ? command('AcknowledgeRequest', {}, m) : command('WithdrawRequest', { reason: 'done' }, m);
  }
}

describe('information request decider: whatever decide accepts folds cleanly', () => {
  it('over many seeded runs of mixed commands, reaching every event type', () => {
    const produced = new Set<string>();
    for (let seed = 1; seed <= 80; seed++) {
      for (const type of walk(informationRequestDecider, seed, 120, nextCommand)) produced.add(type);
    }
    expect([...produced].sort()).toEqual([...INFORMATION_REQUEST_EVENT_TYPES].sort());
  });
});
