import { describe, expect, it } from '@jest/globals';
import type { JsonObject, PersonalDataPolicy } from '@liaison/event-store';
import { countPersonalFields, StatusTally } from './personal-field-count.js';

const subject = (d: JsonObject) => `request:${String(d.requestId)}`;
const policy: PersonalDataPolicy = {
  InformationRequested: [{ path: 'informationSought', subject }, { path: 'purpose', subject }],
  RequestRefused: [{ path: 'grounds.*.reason', subject }],
  RequestAcknowledged: [],
};
const envelope = { $enc: 'v1', s: 'request:r-1', iv: 'aaaa', ct: 'bbbb', tag: 'cccc' };

describe('countPersonalFields', () => {
  it('given plaintext, envelopes, per-element paths and absent optional fields, then each present value is counted once by how it is stored', () => {
    expect(countPersonalFields(policy, 'InformationRequested', { requestId: 'r-1', informationSought: 'who', purpose: envelope })).toEqual({ plain: 1, sealed: 1 });
    expect(countPersonalFields(policy, 'RequestRefused', { requestId: 'r-1', grounds: [{ ground: 'c', reason: 'x' }, { ground: 'f' }, { ground: 'g', reason: envelope }] })).toEqual({ plain: 1, sealed: 1 });
    expect(countPersonalFields(policy, 'InformationRequested', { requestId: 'r-1' })).toEqual({ plain: 0, sealed: 0 });
  });

  it('given a type reviewed as having nothing personal, or unknown to the policy, then nothing is counted', () => {
    expect(countPersonalFields(policy, 'RequestAcknowledged', { requestId: 'r-1', purpose: 'x' })).toEqual({ plain: 0, sealed: 0 });
    expect(countPersonalFields(policy, 'SomethingNew', { purpose: 'x' })).toEqual({ plain: 0, sealed: 0 });
  });
});

describe('StatusTally', () => {
  it('given a mix of events, then per type and in total it counts events, events with values in clear, and values', () => {
    const tally = new StatusTally(policy);
    tally.add('InformationRequested', { requestId: 'r-1', informationSought: 'who', purpose: 'why' });
    tally.add('InformationRequested', { requestId: 'r-2', informationSought: envelope, purpose: envelope });
    tally.add('RequestAcknowledged', { requestId: 'r-1' });
    tally.add('SomethingNew', { requestId: 'r-1' });
    expect(tally.byType()).toEqual([
      { type: 'InformationRequested', events: 2, eventsWithPlain: 1, plainFields: 2, sealedFields: 2, inPolicy: true },
      { type: 'RequestAcknowledged', events: 1, eventsWithPlain: 0, plainFields: 0, sealedFields: 0, inPolicy: true },
      { type: 'SomethingNew', events: 1, eventsWithPlain: 0, plainFields: 0, sealedFields: 0, inPolicy: false },
    ]);
    expect(tally.totals()).toEqual({ events: 4, eventsWithPlain: 1, plainFields: 2, sealedFields: 2, typesNotInPolicy: 1 });
  });
});
