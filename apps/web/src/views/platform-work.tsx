import type { ActionDayEntry, ActionDayProgress, ReferralEntry } from '../api/referral-types';
import type { ReadAnswer } from '../api/types';
import { can } from '../auth/auth-provider';
import { PurposePrompt } from '../components/purpose';
import { Empty, ErrorState, Loading, Panel } from '../components/states';
import { countryName, formatDate, formatInstant, humanize } from '../format';
import { overdueBy, platformLabel } from '../platforms/figures';
import { linkHandler } from '../router';
import { useApp, useQuery } from '../state';

// Daily work on the Platforms view: what is overdue now, and how the action days are going.

/** Long locators (URLs) shortened for a table cell; the referral page shows the whole one. */
export const shortLocator = (l: string): string => {
  const s = l.replace(/^https?:\/\/(www\.)?/, '');
  return s.length > 48 ? `${s.slice(0, 30)}…${s.slice(-15)}` : s;
};

export function OverdueReferrals() {
  const { api, purposes, navigate } = useApp();
  const purpose = purposes.get();
  const q = useQuery(purpose ? `overdue-${purpose}` : null, (signal, minPosition) =>
    api.get<ReadAnswer<{ items: ReferralEntry[] }>>('/api/v1/referrals/overdue', { signal, minPosition, purpose, query: { limit: 100 } }));
  const items = q.data?.data.items ?? [];
  // readAt is a read-model position, not a time: overdue is measured from this render.
  const now = Date.now();
  const onLink = linkHandler(navigate);
  return (
    <Panel title="Overdue referrals" id="overdue" actions={<span class="muted small">open now, any period</span>}>
      {!purpose ? <PurposePrompt set={purposes.set} /> : q.loading ? <Loading /> : q.error && !q.data ? <ErrorState error={q.error} /> : items.length === 0 ? (
        <Empty>No open referral is past its response deadline.</Empty>
      ) : (
        <>
          <p class="alert-overdue" role="note"><strong>{items.length} overdue</strong> past the platform's response deadline.</p>
          <div class="table-scroll scroll-box">
            <table class="data-table" data-testid="overdue-table">
              <thead><tr><th scope="col">Content</th><th scope="col">Platform</th><th scope="col">Basis</th><th scope="col" class="num">Overdue by</th></tr></thead>
              <tbody>
                {items.map((r) => (
                  <tr key={r.referralId} data-referral-id={r.referralId}>
                    <td><a href={`/referrals/${r.referralId}`} onClick={onLink}><code>{shortLocator(r.locator)}</code></a></td>
                    <td>{platformLabel(r.platform, r.platformName)}</td>
                    <td>{r.basis === 'removal_order' ? 'Removal order' : 'ToS referral'}</td>
                    <td class="num" title={`Due ${formatInstant(r.responseDueAt)}`}>{r.responseDueAt ? overdueBy(r.responseDueAt, now) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Panel>
  );
}

type Day = ActionDayEntry & { progress: ActionDayProgress | null };

export function ActionDays() {
  const { api, session, navigate } = useApp();
  const q = useQuery('action-days', async (signal, minPosition) => {
    const days = await api.get<ReadAnswer<{ items: ActionDayEntry[] }>>('/api/v1/referrals/action-days', { signal, minPosition });
    // A handful of days at most per unit and year: one small aggregate read each.
    return Promise.all(days.data.items.map(async (d): Promise<Day> => ({
      ...d,
      progress: (await api.get<ReadAnswer<ActionDayProgress | null>>(`/api/v1/referrals/action-days/${d.actionDayId}`, { signal, minPosition })).data,
    })));
  });
  const onLink = linkHandler(navigate);
  return (
    <Panel title="Action days" id="action-days">
      {q.loading ? <Loading /> : q.error && !q.data ? <ErrorState error={q.error} /> : (q.data ?? []).length === 0 ? (
        <Empty>No referral action day organised by or with {countryName(session.country)}.</Empty>
      ) : (
        <ul class="action-days">
          {(q.data ?? []).map((d) => (
            <li key={d.actionDayId} data-testid="action-day" data-action-day-id={d.actionDayId}>
              <h3>{d.title}</h3>
              <p class="muted small">{platformLabel(d.platform)} · {formatDate(d.date)} · {d.coordinatorName ?? humanize(d.coordinator)} · {d.participatingCountries.join(', ')}</p>
              {d.progress ? <DayProgress p={d.progress} /> : null}
              {can.readCases(session) ? <a href={`/referrals?actionDayId=${d.actionDayId}`} onClick={onLink}>Referrals of this day</a> : null}
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}

function DayProgress({ p }: { p: ActionDayProgress }) {
  const bar = (label: string, value: number) => (
    <div class="progress-row">
      <span>{label}</span>
      <progress max={Math.max(p.referred, 1)} value={value} aria-label={`${label}: ${value} of ${p.referred}`} />
      <span class="num" data-key={label.toLowerCase()}>{value} of {p.referred}</span>
    </div>
  );
  return (
    <div class="day-progress">
      <p><strong data-key="referred">{p.referred}</strong> referred</p>
      {bar('Sent', p.sent)}
      {bar('Answered', p.answered)}
      {bar('Removed', p.removed)}
      <p class="footnote">Also: {p.geoBlocked} geo-blocked, {p.declined} declined, {p.noResponse} without response on record, {p.reappeared} reappeared.</p>
    </div>
  );
}
