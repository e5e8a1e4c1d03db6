import { useEffect, useMemo, useState } from 'preact/hooks';
import { useDraft } from '../nav/use-address-filters';
import type { PlatformCatalogue, PlatformResponsiveness, ReferralBasis } from '../api/referral-types';
import type { ReadAnswer } from '../api/types';
import { can, roleOf } from '../auth/auth-provider';
import { Empty, ErrorState, Loading } from '../components/states';
import { countryName, formatInstant } from '../format';
import { downloadCsv, toCsv } from '../platforms/csv';
import {
  BASIS_LABELS, formatShare, nonResponding, parsePlatformQuery, periodLabel, platformLabel, platformQueryString, tableCsvRows,
} from '../platforms/figures';
import type { PlatformQuery } from '../platforms/figures';
import { useTitle } from '../nav/page-focus';
import { linkHandler } from '../router';
import { useApp, useQuery } from '../state';
import { OrdersAndReferrals, RemovalRateChart, ResponsivenessTable, TimeToRemovalChart, UnansweredChart } from './platform-figures';
import { ActionDays, OverdueReferrals } from './platform-work';

type Answer = ReadAnswer<PlatformResponsiveness>;

/**
 * How platforms answer the referrals the viewer's country may see: for daily follow-up (overdue
 * referrals, action days) and, printed, as a one-page briefing of aggregates only.
 */
export function Platforms({ search }: { search: string }) {
  const { api, session, navigate } = useApp();
  const q = useMemo(() => parsePlatformQuery(search, new Date()), [search]);
  const read = (basis: '' | ReferralBasis) => (signal: AbortSignal, minPosition: string) =>
    api.get<Answer>('/api/v1/platforms/responsiveness', { signal, minPosition, query: { from: q.from, to: q.to, basis } });
  const main = useQuery(`resp-${platformQueryString(q)}`, read(q.basis));
  // The one-hour rule applies to removal orders only: orders and ToS referrals are also shown apart.
  const orders = useQuery(`resp-orders-${q.from}-${q.to}`, read('removal_order'));
  const tos = useQuery(`resp-tos-${q.from}-${q.to}`, read('tos_referral'));
  const catalogue = useQuery('platform-catalogue', (signal) => api.get<PlatformCatalogue>('/api/v1/platforms', { signal }));
  const operatorOf = (p: string) => catalogue.data?.items.find((i) => i.platform === p)?.operator ?? platformLabel(p);
  const totals = main.data?.data.platformTotals ?? [];
  const onLink = linkHandler(navigate);
  useTitle('Platforms');

  const exportCsv = () => {
    const name = `platform-responsiveness_${q.from}_${q.to}${q.basis ? `_${q.basis}` : ''}.csv`;
    downloadCsv(name, toCsv(tableCsvRows(totals, operatorOf)));
  };

  return (
    <div class="platforms">
      <div class="view-header">
        <h1>Platforms <span class="muted small">how platforms answer referrals seen by {countryName(session.country)}</span></h1>
        <div class="view-actions no-print">
          {can.readCases(session) ? <a href="/referrals" onClick={onLink}>Referral ledger</a> : null}
          <button type="button" onClick={exportCsv} disabled={totals.length === 0}>Download CSV</button>
          <button type="button" class="primary" onClick={() => print()} disabled={!main.data}>Print briefing</button>
        </div>
      </div>
      <PeriodForm q={q} onApply={(next) => navigate(`/platforms?${platformQueryString(next)}`)} />
      <p class="briefing-scope" data-testid="briefing-scope">
        <strong>{periodLabel(q)}</strong> · {BASIS_LABELS[q.basis]} · referrals by month referred (UTC)
      </p>
      {main.loading ? <Loading label="Loading platform figures…" /> : main.error && !main.data ? <ErrorState error={main.error} /> : totals.length === 0 ? (
        <Empty>No referrals in this period that {countryName(session.country)} may see.</Empty>
      ) : (
        <>
          <NonRespondingNotice answer={main.data as Answer} />
          <div class="grid platform-charts">
            <RemovalRateChart totals={totals} />
            <TimeToRemovalChart totals={totals} />
            <UnansweredChart totals={totals} />
          </div>
          <OrdersAndReferrals orders={orders} tos={tos} />
          <ResponsivenessTable totals={totals} operatorOf={operatorOf} />
        </>
      )}
      <div class="grid no-print">
        {can.readCases(session) ? <OverdueReferrals /> : null}
        <ActionDays />
      </div>
      <PrintedBy />
    </div>
  );
}

function NonRespondingNotice({ answer }: { answer: Answer }) {
  const silent = nonResponding(answer.data.platformTotals);
  if (silent.length === 0) return null;
  return (
    <div class="notice-silent" role="note" aria-labelledby="silent-title" data-testid="nonresponding-notice">
      <h2 id="silent-title">Not responding: {silent.map((s) => platformLabel(s.platform)).join(', ')}</h2>
      <ul>
        {silent.map((s) => (
          <li key={s.platform}>
            <strong>{platformLabel(s.platform)}</strong> left {formatShare(s.unansweredAfter7dShare)} of {s.sent} sent referrals unanswered after 7 days
            {s.noResponse > 0 ? ` (${s.noResponse} past the deadline on record)` : ''}.
          </li>
        ))}
      </ul>
      <p class="footnote">Platforms with at least half of the referrals sent more than 7 days ago still unanswered.</p>
    </div>
  );
}

function PeriodForm({ q, onApply }: { q: PlatformQuery; onApply: (q: PlatformQuery) => void }) {
  // Back/forward or a followed link changes the query: show what is in force.
  const [draft, setDraft] = useDraft(q, `${q.from}|${q.to}|${q.basis}`);
  const submit = (e: Event) => {
    e.preventDefault();
    const [from, to] = draft.from <= draft.to ? [draft.from, draft.to] : [draft.to, draft.from];
    onApply({ ...draft, from, to });
  };
  const month = (key: 'from' | 'to') => (e: Event) => {
    const v = (e.target as HTMLInputElement).value;
    if (/^\d{4}-\d{2}$/.test(v)) setDraft({ ...draft, [key]: v });
  };
  return (
    <form class="filters no-print" onSubmit={submit} aria-label="Period and basis">
      <div class="field">
        <label for="p-from">From month</label>
        <input id="p-from" type="month" required value={draft.from} onChange={month('from')} />
      </div>
      <div class="field">
        <label for="p-to">To month</label>
        <input id="p-to" type="month" required value={draft.to} onChange={month('to')} />
      </div>
      <div class="field">
        <label for="p-basis">Basis</label>
        <select id="p-basis" value={draft.basis} onChange={(e) => setDraft({ ...draft, basis: (e.target as HTMLSelectElement).value as PlatformQuery['basis'] })}>
          {(Object.keys(BASIS_LABELS) as PlatformQuery['basis'][]).map((b) => <option key={b} value={b}>{b ? BASIS_LABELS[b] : 'All referrals'}</option>)}
        </select>
      </div>
      <button type="submit" class="primary">Show</button>
    </form>
  );
}

/** Printed only: who printed the briefing and when, and that it holds aggregates only. */
function PrintedBy() {
  const { session } = useApp();
  const [at, setAt] = useState(() => new Date().toISOString());
  useEffect(() => {
    const stamp = () => setAt(new Date().toISOString());
    addEventListener('beforeprint', stamp);
    return () => removeEventListener('beforeprint', stamp);
  }, []);
  return (
    <p class="print-only printed-by" data-testid="printed-by">
      Printed by {countryName(session.country)} ({roleOf(session)}) on {formatInstant(at)}. <strong>Aggregates only — no personal data.</strong>
    </p>
  );
}
