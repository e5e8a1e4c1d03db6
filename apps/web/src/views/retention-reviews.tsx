import type { ReadAnswer, RetentionReview } from '../api/types';
import { usePrintMarking } from '../components/print-frame';
import { PurposePrompt } from '../components/purpose';
import { Empty, ErrorState, HandlingBadge, Loading, Panel } from '../components/states';
import { Deadline } from '../components/time';
import { countryName, formatInstant } from '../format';
import { useTitle } from '../nav/page-focus';
import { strictestHandling } from '../requests/labels';
import { linkHandler } from '../router';
import { useApp, useQuery } from '../state';

const WITHIN_DAYS = 30;

/**
 * Retention reviews (LED Art. 5) of the persons in cases the viewer's country owns: overdue ones
 * (processing restricted automatically until the review is recorded) and those due within 30 days.
 */
export function RetentionReviews() {
  const { api, purposes, navigate, session } = useApp();
  const purpose = purposes.get();
  const q = useQuery(purpose ? `retention-reviews-${purpose}` : null, (signal, minPosition) =>
    api.get<ReadAnswer<{ items: RetentionReview[] }>>('/api/v1/retention-reviews', { signal, minPosition, purpose, query: { withinDays: WITHIN_DAYS } }));
  const items = q.data?.data.items ?? [];
  const onLink = linkHandler(navigate);
  const handling = strictestHandling(items.map((r) => r.handlingCode));
  useTitle('Retention reviews');
  usePrintMarking({ kind: 'list', codes: handling ? [handling] : [], subject: 'Retention reviews' });

  const table = (status: RetentionReview['status'], title: string) => {
    const rows = items.filter((r) => r.status === status);
    return (
      <Panel title={`${title} (${rows.length})`} id={`retention-${status}`}>
        {rows.length === 0 ? <Empty>No {status === 'overdue' ? 'overdue reviews' : `reviews due in the next ${WITHIN_DAYS} days`}.</Empty> : (
          <div class="table-scroll">
            <table class="data-table" data-testid={`retention-${status}`}>
              <thead><tr><th scope="col">Review due</th><th scope="col">Person</th><th scope="col">Category</th><th scope="col">Last review</th><th scope="col">Case</th></tr></thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={`${r.caseId}-${r.personId}`} class={status === 'overdue' ? 'overdue' : undefined}>
                    <td><Deadline iso={r.reviewDueAt} /></td>
                    <td>
                      {r.name ?? (r.pseudonym ? `"${r.pseudonym}"` : r.personId.slice(0, 8))}
                      {r.restriction ? <div class="restriction-mark">Processing restricted ({r.restriction.ground.replace(/-/g, ' ')})</div> : null}
                    </td>
                    <td>{r.category}</td>
                    <td>{r.reviewedAt ? formatInstant(r.reviewedAt) : 'never'}</td>
                    <td><a href={`/cases/${r.caseId}`} onClick={onLink}>{r.caseTitle}</a> <HandlingBadge code={r.handlingCode} text={r.handlingText} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Panel>
    );
  };

  return (
    <div class="retention-reviews" data-testid="retention-reviews">
      <div class="view-header">
        <h1>Retention reviews <span class="muted small">persons in cases {countryName(session.country)} owns (LED Art. 5)</span></h1>
        <div class="view-actions no-print">
          <button type="button" onClick={() => print()} disabled={!q.data}>Print reviews</button>
        </div>
      </div>
      {!purpose ? <Panel title="State your purpose"><PurposePrompt set={purposes.set} /></Panel>
        : q.loading ? <Loading label="Loading retention reviews…" /> : q.error && !q.data ? <ErrorState error={q.error} /> : (
          <>
            {table('overdue', 'Overdue: processing restricted until reviewed')}
            {table('due', `Due in the next ${WITHIN_DAYS} days`)}
          </>
        )}
    </div>
  );
}
