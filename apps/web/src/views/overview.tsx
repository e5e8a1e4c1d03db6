import { useMemo } from 'preact/hooks';
import type { ChartConfiguration } from 'chart.js';
import type { DetentionBucket, DetentionCount, ExtraditionCount, HandlerCount, ReadAnswer } from '../api/types';
import { can } from '../auth/auth-provider';
import { ChartCanvas, PALETTE } from '../components/chart';
import { Empty, ErrorState, Loading, Panel } from '../components/states';
import { countryName, currentZone, humanize } from '../format';
import { isoWeeksEndingAt, weekRequests } from '../time/zone';
import { useTitle } from '../nav/page-focus';
import { ReviewsDue } from './reviews-due';
import { useApp, useQuery } from '../state';


export function Overview() {
  const { session } = useApp();
  useTitle('Overview');
  return (
    <div class="overview">
      <h1>Overview <span class="muted small">cases owned by or shared with {countryName(session.country)}</span></h1>
      <div class="grid">
        <DetentionsByNationality />
        <DetentionsOverTime />
        <HandlersByCountry />
        <ExtraditionsByStage />
        {can.readCases(session) ? <ReviewsDue /> : null}
      </div>
    </div>
  );
}

function DetentionsByNationality() {
  const { api, session } = useApp();
  const q = useQuery('detention-counts', (signal, minPosition) =>
    api.get<ReadAnswer<{ items: DetentionCount[] }>>('/api/v1/detentions/counts', { signal, minPosition }));
  const items = q.data?.data.items ?? [];
  const config = useMemo<ChartConfiguration>(() => {
    const nationalities = [...new Set(items.map((i) => i.nationality ?? '??'))];
    const holding = [...new Set(items.map((i) => i.holdingCountry))];
    return {
      type: 'bar',
      data: {
        labels: nationalities.map((n) => (n === '??' ? 'Unknown' : countryName(n))),
        datasets: holding.map((h, i) => ({
          label: `Held in ${countryName(h)}`,
          backgroundColor: PALETTE[i % PALETTE.length],
          data: nationalities.map((n) => items.find((it) => (it.nationality ?? '??') === n && it.holdingCountry === h)?.count ?? 0),
        })),
      },
      options: { scales: { x: { stacked: true, title: { display: true, text: 'Nationality' } }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
    };
  }, [q.data]);
  return (
    <Panel title="Detained now, by nationality and holding country" id="detentions-now">
      {q.loading ? <Loading /> : q.error && !q.data ? <ErrorState error={q.error} /> : items.length === 0 ? (
        <Empty>No one is detained in cases owned by or shared with {countryName(session.country)}.</Empty>
      ) : (
        <div class="chart-with-legend">
          <ChartCanvas config={config} label="Bar chart of open detentions by nationality, stacked by holding country" />
          <ul class="data-list" aria-label="Open detentions, nationality → holding country" data-testid="detention-counts">
            {items.map((i) => (
              <li key={`${i.nationality}-${i.holdingCountry}`} title={`${countryName(i.nationality)} nationals held in ${countryName(i.holdingCountry)}`}>
                <span>{i.nationality ?? '??'} → {i.holdingCountry}:</span> <strong>{i.count}</strong>
              </li>
            ))}
          </ul>
          <p class="footnote">A dual national counts under each nationality.</p>
        </div>
      )}
    </Panel>
  );
}

/** Detentions per ISO week in the viewer's zone, the current week last (counted so far). */
function DetentionsOverTime() {
  const { api } = useApp();
  const zone = currentZone();
  const weeks = useMemo(() => isoWeeksEndingAt(Date.now(), 12, zone), [zone]);
  const q = useQuery(`over-time-${weeks[0]?.start}-${zone}`, async (signal, minPosition) => {
    const runs = await Promise.all(weekRequests(weeks).map(async (run) => {
      const range = { from: new Date(run.from).toISOString(), to: new Date(run.to).toISOString(), bucket: 'week' };
      const answer = await api.get<ReadAnswer<{ items: DetentionBucket[] }>>('/api/v1/detentions/over-time', { signal, minPosition, query: range });
      return run.weeks.map((w, i) => ({ week: w, open: answer.data.items[i]?.open ?? 0, started: answer.data.items[i]?.started ?? 0 }));
    }));
    return runs.flat();
  });
  const items = q.data ?? [];
  const config = useMemo<ChartConfiguration>(() => ({
    type: 'bar',
    data: {
      labels: items.map((b) => b.week.label),
      datasets: [
        { type: 'line', label: 'Detained at week start', data: items.map((b) => b.open), borderColor: PALETTE[0], backgroundColor: PALETTE[0], tension: 0.2 },
        { type: 'bar', label: 'New detentions in week', data: items.map((b) => b.started), backgroundColor: PALETTE[1] },
      ],
    },
    options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  }), [q.data]);
  const any = items.some((b) => b.open > 0 || b.started > 0);
  const last = items[items.length - 1];
  return (
    <Panel title="Detentions over the last 12 weeks" id="detentions-over-time">
      {q.loading ? <Loading /> : q.error && !q.data ? <ErrorState error={q.error} /> : !any ? (
        <Empty>No detentions in this period.</Empty>
      ) : (
        <>
          <ChartCanvas config={config} label="Detentions per ISO week: detained at week start (line) and new detentions (bars)" />
          <details class="data-table-toggle">
            <summary>Show the numbers</summary>
            <table>
              <caption class="sr-only">Detentions per week</caption>
              <thead><tr><th scope="col">Week (Monday)</th><th scope="col">Detained at start</th><th scope="col">New</th></tr></thead>
              <tbody>{items.map((b) => <tr key={b.week.start}><td>{b.week.label}</td><td>{b.open}</td><td>{b.started}</td></tr>)}</tbody>
            </table>
          </details>
          {last ? (
            <p class="footnote" data-testid="this-week">
              This week, {last.week.label}: {last.started} new so far, {last.open} detained at its start. Weeks run Monday to Sunday in {zone}.
            </p>
          ) : null}
        </>
      )}
    </Panel>
  );
}

function HandlersByCountry() {
  const { api, session } = useApp();
  const q = useQuery('handler-counts', (signal, minPosition) =>
    api.get<ReadAnswer<{ items: HandlerCount[] }>>('/api/v1/handlers/counts', { signal, minPosition }));
  const items = q.data?.data.items ?? [];
  const config = useMemo<ChartConfiguration>(() => ({
    type: 'bar',
    data: {
      labels: items.map((i) => countryName(i.believedCountry)),
      datasets: [{ label: 'Handlers', data: items.map((i) => i.count), backgroundColor: PALETTE[3] }],
    },
    options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } },
  }), [q.data]);
  return (
    <Panel title="Handlers abroad, by believed country" id="handlers-abroad">
      {q.loading ? <Loading /> : q.error && !q.data ? <ErrorState error={q.error} /> : items.length === 0 ? (
        <Empty>No handlers abroad identified in cases shared with {countryName(session.country)}.</Empty>
      ) : (
        <div class="chart-with-legend">
          <ChartCanvas config={config} label="Bar chart of handlers abroad by believed country" height={Math.max(140, 40 * items.length + 40)} />
          <ul class="data-list" aria-label="Handlers by believed country" data-testid="handler-counts">
            {items.map((i) => <li key={i.believedCountry}><span>{countryName(i.believedCountry)} ({i.believedCountry}):</span> <strong>{i.count}</strong></li>)}
          </ul>
        </div>
      )}
    </Panel>
  );
}

function ExtraditionsByStage() {
  const { api, session } = useApp();
  const q = useQuery('extradition-counts', (signal, minPosition) =>
    api.get<ReadAnswer<{ items: ExtraditionCount[] }>>('/api/v1/extraditions/counts', { signal, minPosition }));
  const items = q.data?.data.items ?? [];
  const overdue = items.reduce((n, i) => n + i.overdue, 0);
  return (
    <Panel title="Open extraditions, by route and stage" id="extraditions">
      {q.loading ? <Loading /> : q.error && !q.data ? <ErrorState error={q.error} /> : items.length === 0 ? (
        <Empty>No open extradition requests in cases shared with {countryName(session.country)}.</Empty>
      ) : (
        <>
          {overdue > 0 ? <p class="alert-overdue" role="note"><strong>{overdue} overdue</strong> past a statutory deadline.</p> : null}
          <table class="data-table">
            <thead><tr><th scope="col">Route</th><th scope="col">Stage</th><th scope="col" class="num">Open</th><th scope="col" class="num">Overdue</th></tr></thead>
            <tbody>
              {items.map((i) => (
                <tr key={`${i.route}-${i.stage}`} class={i.overdue > 0 ? 'overdue' : undefined}>
                  <td>{humanize(i.route)}</td>
                  <td>{humanize(i.stage)}</td>
                  <td class="num">{i.count}</td>
                  <td class="num">{i.overdue > 0 ? <span class="badge overdue-badge">{i.overdue} overdue</span> : '0'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Panel>
  );
}
