import { useMemo } from 'preact/hooks';
import { useDraft } from '../nav/use-address-filters';
import type { ChartConfiguration } from 'chart.js';
import { ChartCanvas, PALETTE } from '../components/chart';
import { SelectField } from '../components/fields';
import { usePrintMarking } from '../components/print-frame';
import { Empty, ErrorState, Loading, Panel } from '../components/states';
import { countryName } from '../format';
import { useTitle } from '../nav/page-focus';
import { withParams } from '../nav/url-state';
import { downloadCsv } from '../platforms/csv';
import { groundLabel } from '../requests/labels';
import { parseStatisticsFilters, statisticsDefaults, statisticsYears } from '../requests/query';
import type { StatisticsFilters } from '../requests/query';
import {
  countriesIn, FIGURE_LABELS, figureSummaries, groundCounts, parseStatisticsCsv, rowCells, rowsFor, STATISTICS_COLUMNS, summaryText,
} from '../requests/statistics';
import type { FigureSummary, StatisticsRow } from '../requests/statistics';
import { useApp, useQuery } from '../state';

const NORDIC = ['DK', 'FI', 'IS', 'NO', 'SE'];
const COLUMN_HEADERS: Record<(typeof STATISTICS_COLUMNS)[number], string> = {
  year: 'Year', reporting_country: 'Reporting country', figure: 'Figure', other_country: 'Other country', urgency: 'Urgency', ground: 'Ground', count: 'Count',
};

/**
 * Art. 18 statistics of the viewer's country (Directive (EU) 2023/977): the year's figures in the
 * README's stable CSV layout, a chart of the year, and that CSV to download. Read once, as the API's
 * CSV; year and other country live in the address (`/statistics?year=2025&country=DK`).
 */
export function Statistics({ search }: { search: string }) {
  const { api, session, navigate } = useApp();
  const today = useMemo(() => new Date(), []);
  const filters = useMemo(() => parseStatisticsFilters(search, today), [search, today]);
  const defaults = statisticsDefaults(today);
  const q = useQuery(`statistics-${filters.year}`, async (signal, minPosition) => {
    const { text, headers } = await api.getText('/api/v1/statistics/information-exchange', {
      signal, minPosition, accept: 'text/csv', query: { year: filters.year, format: 'csv' },
    });
    const file = /filename="([^"]+)"/.exec(headers.get('content-disposition') ?? '')?.[1] ?? `information-exchange-${session.country}-${filters.year}.csv`;
    return { text, file, rows: parseStatisticsCsv(text) };
  });
  useTitle(`Statistics ${filters.year}`);
  const rows = q.data?.rows ?? [];
  const shown = rowsFor(rows, filters.country);
  const countries = [...new Set([...NORDIC.filter((c) => c !== session.country), ...countriesIn(rows), ...(filters.country ? [filters.country] : [])])].sort();
  const summaries = figureSummaries(rows, filters.country);
  const scope = filters.country ? `requests exchanged with ${countryName(filters.country)}` : 'all countries';

  usePrintMarking({ kind: 'figures', subject: `Information exchange statistics ${filters.year}` });
  return (
    <div class="statistics">
      <>
        <div class="view-header">
          <h1>Statistics <span class="muted small">information exchange reported by {countryName(session.country)} (Directive (EU) 2023/977, Art. 18)</span></h1>
          <div class="view-actions no-print">
            <button type="button" disabled={!q.data} onClick={() => q.data && downloadCsv(q.data.file, q.data.text)}>Download CSV</button>
            <button type="button" class="primary" disabled={!q.data} onClick={() => print()}>Print statistics</button>
          </div>
        </div>
        <YearForm filters={filters} years={statisticsYears(today)} countries={countries} onApply={(next) => navigate(withParams('/statistics', next, defaults))} />
        <p class="briefing-scope" data-testid="statistics-scope">
          <strong>{filters.year}</strong> · {scope} · each request counted in the UTC year the requested side received it
        </p>
        {q.loading ? <Loading label="Loading statistics…" /> : q.error && !q.data ? <ErrorState error={q.error} /> : (
          <>
            <div class="grid statistics-grid">
              <YearChart year={filters.year} summaries={summaries} scope={scope} />
              {filters.country ? null : <GroundsPanel rows={rows} />}
            </div>
            <StatisticsTable rows={shown} country={filters.country} />
          </>
        )}
      </>
    </div>
  );
}

function YearForm({ filters, years, countries, onApply }: {
  filters: StatisticsFilters; years: string[]; countries: string[]; onApply: (f: StatisticsFilters) => void;
}) {
  // Back/forward or a followed link changes the address: show what is in force.
  const [draft, setDraft] = useDraft(filters, `${filters.year}|${filters.country}`);
  return (
    <form class="filters no-print" aria-label="Year and country" onSubmit={(e) => { e.preventDefault(); onApply(draft); }}>
      <SelectField id="st-year" label="Year" value={draft.year} anyLabel={null} onChange={(year) => setDraft({ ...draft, year })} options={years.map((y) => [y, y] as const)} />
      <SelectField id="st-country" label="Other country" value={draft.country} anyLabel="All countries" onChange={(country) => setDraft({ ...draft, country })}
        options={countries.map((c) => [c, countryName(c)] as const)} />
      <button type="submit" class="primary">Show</button>
    </form>
  );
}

/** The year's figures: urgent and not urgent stacked where the directive splits them. */
function YearChart({ year, summaries, scope }: { year: string; summaries: FigureSummary[]; scope: string }) {
  const config = useMemo<ChartConfiguration>(() => ({
    type: 'bar',
    data: {
      labels: summaries.map((s) => FIGURE_LABELS[s.figure]?.replace(/ \(Art\..*\)$/, '') ?? s.figure),
      datasets: [
        { label: 'Urgent', data: summaries.map((s) => s.urgent), backgroundColor: PALETTE[3] },
        { label: 'Not urgent', data: summaries.map((s) => s.notUrgent), backgroundColor: PALETTE[0] },
        { label: 'Requests (no urgency split)', data: summaries.map((s) => (s.urgent === null ? s.total : null)), backgroundColor: PALETTE[1] },
      ],
    },
    options: {
      plugins: { legend: { position: 'bottom' } },
      scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
    },
  }), [summaries]);
  return (
    <Panel title={`Requests in ${year}`} id="statistics-chart">
      <ChartCanvas config={config} label={`Bar chart of the ${year} figures, ${scope}: ${summaries.map(summaryText).join('; ')}`} />
      <ul class="figure-list" aria-label={`Figures ${year}`} data-testid="figure-list">
        {summaries.map((s) => <li key={s.figure} data-figure={s.figure}>{summaryText(s)}</li>)}
      </ul>
    </Panel>
  );
}

function GroundsPanel({ rows }: { rows: StatisticsRow[] }) {
  const grounds = groundCounts(rows);
  const total = grounds.reduce((n, g) => n + g.count, 0);
  return (
    <Panel title="Refusals by ground" id="statistics-grounds">
      {total === 0 ? <Empty>No refusals this year.</Empty> : (
        <ul class="figure-list">
          {grounds.filter((g) => g.count > 0).map((g) => <li key={g.ground}><strong>{g.count}</strong> on {groundLabel(g.ground)}</li>)}
        </ul>
      )}
      <p class="footnote">A refusal on two grounds counts under each (README, "Statistics CSV").</p>
    </Panel>
  );
}

function StatisticsTable({ rows, country }: { rows: StatisticsRow[]; country: string }) {
  return (
    <Panel title="Figures in the CSV layout" id="statistics-table">
      {rows.length === 0 ? <Empty>No figures for {countryName(country)} this year.</Empty> : (
        <div class="table-scroll">
          <table class="data-table statistics-table" data-testid="statistics-table">
            <thead><tr>{STATISTICS_COLUMNS.map((c) => <th key={c} scope="col" class={c === 'count' ? 'num' : undefined}><span title={c}>{COLUMN_HEADERS[c]}</span></th>)}</tr></thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i} class={r.otherCountry === '' ? 'total-row' : undefined}>
                  {rowCells(r).map((v, j) => (
                    <td key={j} data-value={v} class={j === 6 ? 'num' : undefined}>{v === '' ? <span class="muted">{j === 3 ? 'all' : ''}</span> : v}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="footnote">
        Columns as in the CSV (README, "Statistics CSV"): figure submitted, received, answered, refused, refusal_ground (Art. 6(1) letter), deviation (Art. 5(2));
        other country empty on a total row; urgency urgent / not_urgent / all.{country ? ' Totals and refusal grounds cover every country: choose "All countries" to see them.' : ''}
      </p>
    </Panel>
  );
}
