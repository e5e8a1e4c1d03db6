import { useEffect, useState } from 'preact/hooks';
import { useAddressFilters } from '../nav/use-address-filters';
import type { ActionDayEntry, ReferralEntry } from '../api/referral-types';
import { REFERRAL_STATUSES } from '../api/referral-types';
import type { Page, ReadAnswer } from '../api/types';
import { PurposePrompt } from '../components/purpose';
import { Empty, ErrorState, Loading, Panel } from '../components/states';
import { Time, Deadline } from '../components/time';
import { countryName, formatDate, humanize } from '../format';
import { platformLabel } from '../platforms/figures';
import { useTitle } from '../nav/page-focus';
import { linkHandler } from '../router';
import { useApp, useQuery } from '../state';
import { shortLocator } from './platform-work';

const PLATFORMS = ['tiktok', 'telegram', 'snapchat', 'instagram', 'facebook', 'youtube', 'x', 'discord', 'signal', 'other'];
type Filters = { platform: string; status: string; actionDayId: string };

/** Filters live in the query string, so "Referrals of this day" links and Back work. */
function filtersFrom(search: string): Filters {
  const p = new URLSearchParams(search);
  return { platform: p.get('platform') ?? '', status: p.get('status') ?? '', actionDayId: p.get('actionDayId') ?? '' };
}

export function ReferralsList({ search }: { search: string }) {
  const { api, purposes, navigate, session } = useApp();
  const { filters, draft, setDraft } = useAddressFilters(search, filtersFrom);
  const purpose = purposes.get();
  const key = purpose ? JSON.stringify({ filters, purpose }) : null;
  const query = (cursor?: string) => ({ ...filters, limit: 25, cursor });
  const first = useQuery(key, (signal, minPosition) =>
    api.get<ReadAnswer<Page<ReferralEntry>>>('/api/v1/referrals', { signal, minPosition, purpose, query: query() }));
  // Pages after the first, fetched on "More"; a new filter starts over.
  const [more, setMore] = useState<{ items: ReferralEntry[]; nextCursor?: string; loading: boolean; error?: Error }>({ items: [], loading: false });
  useEffect(() => setMore({ items: [], loading: false }), [key]);
  const days = useQuery('action-days-list', (signal) => api.get<ReadAnswer<{ items: ActionDayEntry[] }>>('/api/v1/referrals/action-days', { signal }));
  const onLink = linkHandler(navigate);
  useTitle('Referrals');

  const items = [...(first.data?.data.items ?? []), ...more.items];
  const next = more.items.length ? more.nextCursor : first.data?.data.nextCursor;
  const loadMore = () => {
    if (!next) return;
    setMore((m) => ({ ...m, loading: true, error: undefined }));
    api.get<ReadAnswer<Page<ReferralEntry>>>('/api/v1/referrals', { purpose, query: query(next) }).then(
      (a) => setMore((m) => ({ items: [...m.items, ...a.data.items], nextCursor: a.data.nextCursor, loading: false })),
      (error: Error) => setMore((m) => ({ ...m, loading: false, error })),
    );
  };
  const apply = (e: Event) => {
    e.preventDefault();
    const p = new URLSearchParams(Object.entries(draft).filter(([, v]) => v));
    const qs = p.toString();
    navigate(`/referrals${qs ? `?${qs}` : ''}`);
  };
  const select = (k: keyof Filters) => (e: Event) => setDraft({ ...draft, [k]: (e.target as HTMLSelectElement).value });

  return (
    <div>
      <p class="no-print"><a href="/platforms" onClick={onLink}>← Platforms</a></p>
      <h1>Referrals <span class="muted small">made or joined by {countryName(session.country)}, or linked to cases shared with it</span></h1>
      {!purpose ? <Panel title="State your purpose"><PurposePrompt set={purposes.set} /></Panel> : (
        <Panel title="Referral ledger" id="referral-list">
          <form class="filters" onSubmit={apply} role="search" aria-label="Filter referrals">
            <div class="field">
              <label for="r-platform">Platform</label>
              <select id="r-platform" value={draft.platform} onChange={select('platform')}>
                <option value="">Any</option>
                {PLATFORMS.map((p) => <option key={p} value={p}>{platformLabel(p)}</option>)}
              </select>
            </div>
            <div class="field">
              <label for="r-status">Status</label>
              <select id="r-status" value={draft.status} onChange={select('status')}>
                <option value="">Any</option>
                {REFERRAL_STATUSES.map((s) => <option key={s} value={s}>{humanize(s)}</option>)}
              </select>
            </div>
            <div class="field">
              <label for="r-day">Action day</label>
              <select id="r-day" value={draft.actionDayId} onChange={select('actionDayId')}>
                <option value="">Any</option>
                {(days.data?.data.items ?? []).map((d) => <option key={d.actionDayId} value={d.actionDayId}>{d.title} ({formatDate(d.date)})</option>)}
              </select>
            </div>
            <button type="submit" class="primary">Apply filters</button>
          </form>
          {first.loading ? <Loading /> : first.error && !first.data ? <ErrorState error={first.error} /> : items.length === 0 ? (
            <Empty>No referrals match.</Empty>
          ) : (
            <>
              <div class="table-scroll">
                <table class="data-table" data-testid="referrals-table">
                  <thead><tr><th scope="col">Content</th><th scope="col">Platform</th><th scope="col">Basis</th><th scope="col">Status</th><th scope="col">Referred</th><th scope="col">Response due</th></tr></thead>
                  <tbody>
                    {items.map((r) => (
                      <tr key={r.referralId} data-referral-id={r.referralId}>
                        <td><a href={`/referrals/${r.referralId}`} onClick={onLink}><code>{shortLocator(r.locator)}</code></a></td>
                        <td>{platformLabel(r.platform, r.platformName)}</td>
                        <td>{r.basis === 'removal_order' ? 'Removal order' : 'ToS referral'}</td>
                        <td><span class={`status status-${r.status}`}>{humanize(r.status)}</span></td>
                        <td><Time iso={r.referredAt} /> <span class="muted">{r.originCountry}</span></td>
                        <td><Deadline iso={r.responseDueAt} done={!['referred', 'sent', 'acknowledged', 'no_response'].includes(r.status)} /></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <div class="pager">
                <span class="muted small" role="status">{items.length} shown</span>
                {more.error ? <ErrorState error={more.error} onRetry={loadMore} /> : null}
                {next ? <button type="button" onClick={loadMore} disabled={more.loading}>{more.loading ? 'Loading…' : 'More'}</button> : null}
              </div>
            </>
          )}
        </Panel>
      )}
    </div>
  );
}
