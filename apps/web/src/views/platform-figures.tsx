import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import type { ChartConfiguration } from 'chart.js';
import type { PlatformFigures, PlatformResponsiveness } from '../api/referral-types';
import type { ReadAnswer } from '../api/types';
import { ChartCanvas, PALETTE } from '../components/chart';
import { Empty, ErrorState, Loading, Panel } from '../components/states';
import { COLUMNS, cellText, formatHours, formatShare, nonResponding, platformLabel } from '../platforms/figures';
import type { QueryState } from '../state';

// The figures of the Platforms view. Every chart has its numbers in the table below it (screen
// readers, print and the browser spec read the table).

const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);
const percentAxis = { min: 0, max: 100, ticks: { callback: (v: number | string) => `${v}%` } };

function barConfig(totals: PlatformFigures[], datasets: { label: string; data: (number | null)[] }[], percent: boolean): ChartConfiguration {
  return {
    type: 'bar',
    data: {
      labels: totals.map((t) => platformLabel(t.platform)),
      datasets: datasets.map((d, i) => ({ ...d, backgroundColor: PALETTE[i === 0 ? 0 : i === 1 ? 1 : 3] })),
    },
    options: {
      indexAxis: 'y',
      plugins: { legend: { display: datasets.length > 1, position: 'bottom' } },
      scales: { x: percent ? percentAxis : { beginAtZero: true, title: { display: true, text: 'hours' } } },
    },
  };
}

const heightFor = (n: number) => Math.max(150, 34 * n + 70);

export function RemovalRateChart({ totals }: { totals: PlatformFigures[] }) {
  const config = useMemo(() => barConfig(totals, [{ label: 'Removal rate', data: totals.map((t) => pct(t.removalRate)) }], true), [totals]);
  return (
    <Panel title="Removal rate" id="removal-rate">
      <ChartCanvas config={config} height={heightFor(totals.length)} label={`Removal rate per platform: ${totals.map((t) => `${platformLabel(t.platform)} ${formatShare(t.removalRate)}`).join(', ')}`} />
      <p class="footnote">Removed ÷ sent to the platform.</p>
    </Panel>
  );
}

export function TimeToRemovalChart({ totals }: { totals: PlatformFigures[] }) {
  const removing = totals.filter((t) => t.medianHoursToRemoval !== null);
  const config = useMemo(() => barConfig(removing, [
    { label: 'Median', data: removing.map((t) => t.medianHoursToRemoval) },
    { label: '90th percentile', data: removing.map((t) => t.p90HoursToRemoval) },
  ], false), [totals]);
  return (
    <Panel title="Time to removal (hours)" id="time-to-removal">
      {removing.length === 0 ? <Empty>Nothing removed in this period.</Empty> : (
        <ChartCanvas config={config} height={heightFor(removing.length)} label={`Hours from sending to removal, median and 90th percentile: ${removing.map((t) => `${platformLabel(t.platform)} ${formatHours(t.medianHoursToRemoval)} and ${formatHours(t.p90HoursToRemoval)}`).join(', ')}`} />
      )}
      <p class="footnote">Half (median) and nine in ten (p90) of removals came within this many hours of sending.</p>
    </Panel>
  );
}

export function UnansweredChart({ totals }: { totals: PlatformFigures[] }) {
  const config = useMemo(() => barConfig(totals, [
    { label: 'After 24 h', data: totals.map((t) => pct(t.unansweredAfter24hShare)) },
    { label: 'After 7 days', data: totals.map((t) => pct(t.unansweredAfter7dShare)) },
  ], true), [totals]);
  return (
    <Panel title="Unanswered" id="unanswered">
      <ChartCanvas config={config} height={heightFor(totals.length)} label={`Share of sent referrals unanswered after 24 hours and after 7 days: ${totals.map((t) => `${platformLabel(t.platform)} ${formatShare(t.unansweredAfter24hShare)} and ${formatShare(t.unansweredAfter7dShare)}`).join(', ')}`} />
      <p class="footnote">No acknowledgement or outcome within 24 h / 7 days of sending.</p>
    </Panel>
  );
}

type Answer = QueryState<ReadAnswer<PlatformResponsiveness>>;

/** Removal orders (one hour, Reg. 2021/784) and ToS referrals (voluntary) are different duties: shown apart. */
export function OrdersAndReferrals({ orders, tos }: { orders: Answer; tos: Answer }) {
  const body = (a: Answer, render: (t: PlatformFigures[]) => ComponentChildren, none: string) =>
    a.loading ? <Loading /> : a.error && !a.data ? <ErrorState error={a.error} /> : (a.data?.data.platformTotals.length ?? 0) === 0 ? <Empty>{none}</Empty> : render(a.data!.data.platformTotals);
  return (
    <div class="grid">
      <Panel title="Removal orders: removed within 1 hour" id="orders">
        {body(orders, (t) => (
          <div class="table-scroll">
            <table class="data-table" data-testid="orders-table">
              <thead><tr><th scope="col">Platform</th><th scope="col" class="num">Orders sent</th><th scope="col" class="num">Removed within 1 h</th><th scope="col" class="num">Median time to removal</th></tr></thead>
              <tbody>{t.map((r) => (
                <tr key={r.platform}><th scope="row">{platformLabel(r.platform)}</th><td class="num">{r.ordersSent}</td><td class="num">{formatShare(r.ordersWithin1hShare)}</td><td class="num">{formatHours(r.medianHoursToRemoval)}</td></tr>
              ))}</tbody>
            </table>
          </div>
        ), 'No removal orders in this period.')}
      </Panel>
      <Panel title="Terms-of-service referrals" id="tos">
        {body(tos, (t) => (
          <div class="table-scroll">
            <table class="data-table" data-testid="tos-table">
              <thead><tr><th scope="col">Platform</th><th scope="col" class="num">Sent</th><th scope="col" class="num">Removal rate</th><th scope="col" class="num">Median time to removal</th><th scope="col" class="num">Unanswered after 7 days</th></tr></thead>
              <tbody>{t.map((r) => (
                <tr key={r.platform}><th scope="row">{platformLabel(r.platform)}</th><td class="num">{r.sent}</td><td class="num">{formatShare(r.removalRate)}</td><td class="num">{formatHours(r.medianHoursToRemoval)}</td><td class="num">{formatShare(r.unansweredAfter7dShare)}</td></tr>
              ))}</tbody>
            </table>
          </div>
        ), 'No terms-of-service referrals in this period.')}
      </Panel>
    </div>
  );
}

export function ResponsivenessTable({ totals, operatorOf }: { totals: PlatformFigures[]; operatorOf: (p: string) => string }) {
  const silent = new Set(nonResponding(totals).map((t) => t.platform));
  return (
    <Panel title="Responsiveness by platform" id="responsiveness">
      <div class="table-scroll" role="region" aria-labelledby="responsiveness-heading" tabIndex={0}>
        <table class="data-table responsiveness-table" data-testid="responsiveness-table">
          <thead>
            <tr><th scope="col">Platform</th><th scope="col">Operator</th>{COLUMNS.map((c) => <th key={c.key} scope="col" class="num">{c.header}</th>)}</tr>
          </thead>
          <tbody>
            {totals.map((t) => (
              <tr key={t.platform} data-platform={t.platform} class={silent.has(t.platform) ? 'silent' : undefined}>
                <th scope="row">{platformLabel(t.platform)}</th>
                <td>{operatorOf(t.platform)}</td>
                {COLUMNS.map((c) => <td key={c.key} class="num" data-key={c.key}>{cellText(c, t)}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="footnote">Re-upload rate: removed content that reappeared ÷ removed. Time to removal in whole hours from sending; “—”: nothing to divide by.</p>
    </Panel>
  );
}
