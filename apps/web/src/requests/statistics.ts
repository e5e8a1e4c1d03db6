/**
 * The Art. 18 statistics as the API's CSV gives them (GET /api/v1/statistics/information-exchange?
 * format=csv; the stable layout in the README, "Statistics CSV"). The view shows that layout as a
 * table, charts the year from the same rows and downloads the very text it read: one read, one access
 * record, and the screen, the chart and the file cannot disagree.
 */
export const STATISTICS_COLUMNS = ['year', 'reporting_country', 'figure', 'other_country', 'urgency', 'ground', 'count'] as const;

export interface StatisticsRow {
  year: string;
  reportingCountry: string;
  figure: string;
  /** '' on a total row. */
  otherCountry: string;
  urgency: string;
  /** The Art. 6(1) letter on refusal_ground rows, else ''. */
  ground: string;
  count: number;
}

export class StatisticsCsvError extends Error {
  override name = 'StatisticsCsvError';
}

/** Every cell is a year, a country code, a closed-list word or a count: no quoting to undo. */
export function parseStatisticsCsv(text: string): StatisticsRow[] {
  const lines = text.split(/\r?\n/).filter((l) => l !== '');
  const header = lines.shift();
  if (header !== STATISTICS_COLUMNS.join(',')) throw new StatisticsCsvError(`Unexpected statistics header: ${header ?? '(none)'}`);
  return lines.map((line, i) => {
    const cells = line.split(',');
    const count = Number(cells[6]);
    if (cells.length !== STATISTICS_COLUMNS.length || !Number.isInteger(count)) throw new StatisticsCsvError(`Statistics row ${i + 2} is malformed: ${line}`);
    const [year, reportingCountry, figure, otherCountry, urgency, ground] = cells as [string, string, string, string, string, string];
    return { year, reportingCountry, figure, otherCountry, urgency, ground, count };
  });
}

/** The row's cells in the CSV's column order (what the table shows and the spec compares). */
export const rowCells = (r: StatisticsRow): string[] => [r.year, r.reportingCountry, r.figure, r.otherCountry, r.urgency, r.ground, String(r.count)];

/** All rows, or only those of one other country (totals and refusal grounds cover every country). */
export const rowsFor = (rows: StatisticsRow[], country: string): StatisticsRow[] =>
  country ? rows.filter((r) => r.otherCountry === country) : rows;

export const countriesIn = (rows: StatisticsRow[]): string[] =>
  [...new Set(rows.map((r) => r.otherCountry).filter(Boolean))].sort();

export const FIGURES = ['submitted', 'received', 'answered', 'refused', 'deviation'] as const;
export type Figure = (typeof FIGURES)[number];

export const FIGURE_LABELS: Readonly<Record<string, string>> = {
  submitted: 'Submitted (Art. 18(2)(a))',
  received: 'Received (Art. 18(2)(b))',
  answered: 'Answered (Art. 18(2)(b))',
  refused: 'Refused (Art. 18(2)(c))',
  refusal_ground: 'Refusals by ground (Art. 18(2)(c))',
  deviation: 'Deviations for judicial authorisation (Art. 18(2)(d))',
};

export interface FigureSummary {
  figure: Figure;
  /** Only submitted, received and answered are split by urgency. */
  urgent: number | null;
  notUrgent: number | null;
  total: number;
}

/** One summary per figure for the totals (country '') or one other country; a figure without a row counts 0. */
export function figureSummaries(rows: StatisticsRow[], country: string): FigureSummary[] {
  const at = (figure: string, urgency: string) => rows.find((r) => r.figure === figure && r.otherCountry === country && r.urgency === urgency)?.count;
  return FIGURES.map((figure) => {
    const split = figure === 'submitted' || figure === 'received' || figure === 'answered';
    return {
      figure,
      urgent: split ? at(figure, 'urgent') ?? 0 : null,
      notUrgent: split ? at(figure, 'not_urgent') ?? 0 : null,
      total: at(figure, 'all') ?? 0,
    };
  });
}

/** Refusals per Art. 6(1) ground, in the CSV's order (a–h). */
export const groundCounts = (rows: StatisticsRow[]): { ground: string; count: number }[] =>
  rows.filter((r) => r.figure === 'refusal_ground').map((r) => ({ ground: r.ground, count: r.count }));

/** "Received (Art. 18(2)(b)): 4 (1 urgent, 3 not urgent)": the chart's figures as text (screen readers, print). */
export function summaryText(s: FigureSummary): string {
  const split = s.urgent !== null && s.notUrgent !== null ? ` (${s.urgent} urgent, ${s.notUrgent} not urgent)` : '';
  return `${FIGURE_LABELS[s.figure]}: ${s.total}${split}`;
}
