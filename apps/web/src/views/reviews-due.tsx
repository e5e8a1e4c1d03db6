import { useMemo } from 'preact/hooks';
import type { DetentionEntry, ReadAnswer } from '../api/types';
import { PurposePrompt } from '../components/purpose';
import { Empty, ErrorState, HandlingBadge, Loading, Panel } from '../components/states';
import { Deadline } from '../components/time';
import { countryName, currentZone } from '../format';
import { linkHandler } from '../router';
import { usePrintCodes } from '../components/print-frame';
import { useApp, useQuery } from '../state';
import { calendarDay, startOfCalendarDay } from '../time/zone';

/** The overview's custody reviews due within 7 days (a personal-data read: needs a purpose). */
export function ReviewsDue() {
  const { api, purposes, navigate } = useApp();
  const purpose = purposes.get();
  // Up to the end of the 7th day from today, in the viewer's zone.
  const zone = currentZone();
  const before = useMemo(() => new Date(startOfCalendarDay(calendarDay(Date.now(), zone) + 8, zone)).toISOString(), [zone]);
  const q = useQuery(purpose ? `reviews-due-${before}-${purpose}` : null, (signal, minPosition) =>
    api.get<ReadAnswer<{ items: DetentionEntry[] }>>('/api/v1/detentions/custody-reviews-due', { signal, minPosition, purpose, query: { before } }));
  const items = q.data?.data.items ?? [];
  // Printed, the overview is marked by the strictest code of the cases these reviews belong to.
  usePrintCodes(items.map((d) => d.handlingCode));
  const onLink = linkHandler(navigate);
  return (
    <Panel title="Custody reviews due in the next 7 days" id="reviews-due">
      {!purpose ? (
        <PurposePrompt set={purposes.set} />
      ) : q.loading ? <Loading /> : q.error && !q.data ? <ErrorState error={q.error} /> : items.length === 0 ? (
        <Empty>No custody reviews due in the next 7 days.</Empty>
      ) : (
        <table class="data-table">
          <thead><tr><th scope="col">Review</th><th scope="col">Person</th><th scope="col">Held in</th><th scope="col">Case</th></tr></thead>
          <tbody>
            {items.map((d) => (
              <tr key={d.detentionId}>
                <td><Deadline iso={d.nextCustodyReviewAt} /></td>
                <td>{d.name ?? (d.pseudonym ? `"${d.pseudonym}"` : d.personId.slice(0, 8))} <span class="muted">{d.nationalities.join(', ')}</span></td>
                <td>{countryName(d.holdingCountry)} <span class="muted">{d.facility}</span></td>
                <td><a href={`/cases/${d.caseId}`} onClick={onLink}>Open case<span class="sr-only"> of {d.name ?? d.pseudonym ?? 'this person'}</span></a> <HandlingBadge code={d.handlingCode} text={d.handlingText} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}
