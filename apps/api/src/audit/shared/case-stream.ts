import { NotFoundException } from '@nestjs/common';
import { caseStreamId } from '@liaison/domain';
import { StreamNotFound, type EventStore, type RecordedEvent } from '@liaison/event-store';

/**
 * A case's whole stream, for a supervisor of the owning country only. Anyone else gets the same 404
 * as for a case that does not exist, so audit endpoints do not leak case existence across borders.
 */
export async function ownedCaseStream(store: EventStore, caseId: string, country: string): Promise<{ events: RecordedEvent[]; ownerCountry: string }> {
  let events: RecordedEvent[];
  try {
    events = await store.readStream(caseStreamId(caseId));
  } catch (e) {
    if (e instanceof StreamNotFound) throw notFound();
    throw e;
  }
  const opened = events[0];
  const ownerCountry = opened?.type === 'CaseOpened' ? opened.data.ownerCountry : undefined;
  if (typeof ownerCountry !== 'string' || ownerCountry !== country) throw notFound();
  return { events, ownerCountry };
}

function notFound(): NotFoundException {
  return new NotFoundException({ message: 'Case not found', code: 'CASE_NOT_FOUND' });
}
