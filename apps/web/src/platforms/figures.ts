import type { PlatformFigures, ReferralBasis, ResponsivenessFigures } from '../api/referral-types.js';

// Pure helpers of the Platforms view: labels, number formats, the period in the URL, the table model.
// Shared by the view, the CSV export and the browser spec (which formats the API's numbers the same way).

const LABELS: Record<string, string> = {
  tiktok: 'TikTok', telegram: 'Telegram', snapchat: 'Snapchat', instagram: 'Instagram', facebook: 'Facebook',
  youtube: 'YouTube', x: 'X', discord: 'Discord', signal: 'Signal', other: 'Other',
};
export const platformLabel = (p: string, name?: string | null): string => (p === 'other' && name ? name : LABELS[p] ?? p);

export const BASIS_LABELS: Record<'' | ReferralBasis, string> = {
  '': 'Removal orders and ToS referrals',
  removal_order: 'Removal orders (Reg. 2021/784)',
  tos_referral: 'Terms-of-service referrals',
};

/** A 0..1 share as a whole percentage; '—' when the API says there is nothing to divide by. */
export const formatShare = (x: number | null): string => (x === null ? '—' : `${Math.round(x * 100)}%`);
/** Whole hours as the API gives them. */
export const formatHours = (h: number | null): string => (h === null ? '—' : `${h} h`);

/** How long ago a deadline passed, coarse enough to read at a glance ("2 d 5 h", "40 min"). */
export function overdueBy(dueAt: string, now: number): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(dueAt)) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

// ---- The period and basis, kept in the query string so links, reloads and Back work.

export interface PlatformQuery {
  from: string;
  to: string;
  basis: '' | ReferralBasis;
}
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const month = (d: Date): string => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;

/** The last twelve months, the current one included (UTC, like the API's months). */
export function defaultPeriod(now: Date): { from: string; to: string } {
  return { from: month(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1))), to: month(now) };
}

/** Reads ?from=&to=&basis=, ignoring anything malformed (a hand-edited link must not break the view). */
export function parsePlatformQuery(search: string, now: Date): PlatformQuery {
  const p = new URLSearchParams(search);
  const d = defaultPeriod(now);
  let from = MONTH.test(p.get('from') ?? '') ? (p.get('from') as string) : d.from;
  let to = MONTH.test(p.get('to') ?? '') ? (p.get('to') as string) : d.to;
  if (from > to) [from, to] = [to, from];
  const b = p.get('basis');
  return { from, to, basis: b === 'removal_order' || b === 'tos_referral' ? b : '' };
}

export function platformQueryString(q: PlatformQuery): string {
  const p = new URLSearchParams({ from: q.from, to: q.to });
  if (q.basis) p.set('basis', q.basis);
  return p.toString();
}

const monthName = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
export const monthLabel = (m: string): string => monthName.format(new Date(`${m}-01T00:00:00Z`));
export const periodLabel = (q: { from: string; to: string }): string =>
  q.from === q.to ? monthLabel(q.from) : `${monthLabel(q.from)} – ${monthLabel(q.to)}`;

// ---- Non-responding platforms and the table (also the CSV).

/** Platforms leaving at least `threshold` of what was sent unanswered after 7 days, worst first. */
export function nonResponding(totals: PlatformFigures[], threshold = 0.5): PlatformFigures[] {
  return totals
    .filter((t) => t.unansweredAfter7dShare !== null && t.unansweredAfter7dShare >= threshold)
    .sort((a, b) => (b.unansweredAfter7dShare ?? 0) - (a.unansweredAfter7dShare ?? 0) || a.platform.localeCompare(b.platform));
}

type Kind = 'count' | 'share' | 'hours';
export interface Column {
  key: keyof ResponsivenessFigures;
  header: string;
  kind: Kind;
}
export const COLUMNS: readonly Column[] = [
  { key: 'referred', header: 'Referred', kind: 'count' },
  { key: 'sent', header: 'Sent', kind: 'count' },
  { key: 'removed', header: 'Removed', kind: 'count' },
  { key: 'removalRate', header: 'Removal rate', kind: 'share' },
  { key: 'medianHoursToRemoval', header: 'Median time to removal', kind: 'hours' },
  { key: 'p90HoursToRemoval', header: 'p90 time to removal', kind: 'hours' },
  { key: 'unansweredAfter24hShare', header: 'Unanswered after 24 h', kind: 'share' },
  { key: 'unansweredAfter7dShare', header: 'Unanswered after 7 days', kind: 'share' },
  { key: 'ordersSent', header: 'Removal orders sent', kind: 'count' },
  { key: 'ordersWithin1hShare', header: 'Orders removed within 1 h', kind: 'share' },
  { key: 'reuploadRate', header: 'Re-upload rate', kind: 'share' },
  { key: 'declined', header: 'Declined', kind: 'count' },
  { key: 'geoBlocked', header: 'Geo-blocked', kind: 'count' },
  { key: 'noResponse', header: 'No response recorded', kind: 'count' },
];

export function cellText(c: Column, f: ResponsivenessFigures): string {
  const v = f[c.key];
  return c.kind === 'share' ? formatShare(v) : c.kind === 'hours' ? formatHours(v) : String(v ?? 0);
}

/**
 * The CSV of the table: same rows and columns, but raw numbers for spreadsheets (shares as percent
 * with one decimal, hours as whole hours, empty where the table shows '—').
 */
export function tableCsvRows(totals: PlatformFigures[], operatorOf: (p: string) => string): (string | number | null)[][] {
  const header = ['Platform', 'Operator', ...COLUMNS.map((c) => (c.kind === 'share' ? `${c.header} (%)` : c.kind === 'hours' ? `${c.header} (hours)` : c.header))];
  return [header, ...totals.map((t) => [
    platformLabel(t.platform), operatorOf(t.platform),
    ...COLUMNS.map((c) => {
      const v = t[c.key];
      return c.kind === 'share' && v !== null ? Math.round(v * 1000) / 10 : v;
    }),
  ])];
}
