import { describe, expect, it } from '@jest/globals';
import {
  DEADLINE_7D, DEADLINE_8H, authorisationObtained, authorisationPending, clarificationProvided, clarificationRequested, informationProvided,
  informationRequested, requestRefused, requestWithdrawn, urgentDirectRequested,
} from '../testing/information-request.fixtures.js';
import type { InformationRequestEvent } from './information-request.events.js';
import {
  deadlineInForce, foldInformationRequest, initialInformationRequestState, isOverdue, type ExistingInformationRequestState,
} from './information-request.state.js';

const fold = (...events: InformationRequestEvent[]) => foldInformationRequest(initialInformationRequestState(), events);
const existing = (...events: InformationRequestEvent[]) => fold(...events) as ExistingInformationRequestState;

describe('information request state: the clock', () => {
  it('runs from receipt: overdue only after the deadline, never once closed', () => {
    expect(isOverdue(fold(urgentDirectRequested), DEADLINE_8H)).toBe(false);
    expect(isOverdue(fold(urgentDirectRequested), '2025-05-12T16:00:00.001Z')).toBe(true);
    expect(isOverdue(fold(urgentDirectRequested, informationProvided('2025-05-12T17:00:00.000Z', false, true)), '2025-05-13T00:00:00Z')).toBe(false);
    expect(isOverdue(fold(urgentDirectRequested, informationProvided('2025-05-12T15:00:00.000Z', true)), '2025-05-13T00:00:00Z')).toBe(true);
    expect(isOverdue(fold(urgentDirectRequested, requestWithdrawn('2025-05-12T15:00:00.000Z')), '2025-05-13T00:00:00Z')).toBe(false);
    expect(isOverdue(fold(), '2025-05-13T00:00:00Z')).toBe(false);
  });

  it('stands still while a clarification is pending (Art. 6(3)), unless the deadline had passed before it was asked', () => {
    const waiting = existing(urgentDirectRequested, clarificationRequested());
    expect(waiting.clockStoppedAt).toBe('2025-05-12T10:00:00.000Z');
    expect(deadlineInForce(waiting, '2025-05-14T10:00:00.000Z')).toBe('2025-05-14T16:00:00.000Z');
    expect(isOverdue(waiting, '2025-06-01T00:00:00Z')).toBe(false);
    expect(isOverdue(fold(urgentDirectRequested, clarificationRequested('2025-05-12T17:00:00.000Z')), '2025-05-12T18:00:00Z')).toBe(true);
  });

  it('is never overdue while a judicial authorisation is pending (Art. 5(2)), and runs again from the moved deadline', () => {
    expect(isOverdue(fold(urgentDirectRequested, authorisationPending()), '2025-06-01T00:00:00Z')).toBe(false);
    const obtained = fold(urgentDirectRequested, authorisationPending(), authorisationObtained('2025-05-13T06:00:00.000Z', '2025-05-13T10:00:00.000Z'));
    expect(isOverdue(obtained, '2025-05-13T10:00:00.000Z')).toBe(false);
    expect(isOverdue(obtained, '2025-05-13T10:00:01.000Z')).toBe(true);
  });

  it('keeps the clock stopped until the last of two overlapping pauses ends', () => {
    const afterClarification = existing(
      informationRequested(), clarificationRequested(), authorisationPending(), clarificationProvided('2025-05-13T07:00:00.000Z', '2025-05-20T05:00:00.000Z'),
    );
    expect(afterClarification.clockStoppedAt).toBe('2025-05-13T07:00:00.000Z');
    expect(afterClarification.clarificationRequestedAt).toBeUndefined();
    const afterBoth = existing(
      informationRequested(), clarificationRequested(), authorisationPending(), clarificationProvided('2025-05-13T07:00:00.000Z', '2025-05-20T05:00:00.000Z'),
      authorisationObtained('2025-05-14T07:00:00.000Z', '2025-05-21T05:00:00.000Z'),
    );
    expect(afterBoth.clockStoppedAt).toBeUndefined();
    expect(afterBoth.clockRestartedAt).toBe('2025-05-14T07:00:00.000Z');
    expect(deadlineInForce(afterBoth, '2025-06-01T00:00:00Z')).toBe('2025-05-21T05:00:00.000Z');
  });

  it('ends a pending authorisation on a refusal with ground (c), and closes only on a full refusal', () => {
    const partial = existing(informationRequested(), authorisationPending(), requestRefused(['c'], true, '2025-05-13T07:00:00.000Z', '2025-05-20T03:00:00.000Z'));
    expect(partial.authorisationPendingSince).toBeUndefined();
    expect(partial.closedBy).toBeUndefined();
    expect(partial.deadlineAt).toBe('2025-05-20T03:00:00.000Z');
    expect(existing(informationRequested(), requestRefused()).closedBy).toBe('refused');
    expect(existing(informationRequested(), requestRefused(['f'], true)).deadlineAt).toBe(DEADLINE_7D);
  });
});
