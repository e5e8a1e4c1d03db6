// The responsiveness queries a platforms dashboard asks: every viewer country, with and without filters.
import { REFERRAL_COUNTRIES } from '../../libs/projections/src/testing/referral-workload.js';

export interface ResponsivenessAsk {
  country: string;
  filter: { from?: string; to?: string; platform?: string; basis?: string };
}

/** Whole period, one platform, one duty, a year, the recent months, and combinations. */
export const RESPONSIVENESS_FILTERS: readonly ResponsivenessAsk['filter'][] = [
  {}, { platform: 'tiktok' }, { basis: 'removal_order' }, { from: '2025-01', to: '2025-12' },
  { platform: 'telegram', basis: 'tos_referral' }, { from: '2026-06' }, { platform: 'instagram', from: '2024-01', to: '2024-06' },
];

/** The i-th ask: viewers vary fastest, so consecutive asks never repeat a viewer's exact answer. */
export function responsivenessAsk(i: number): ResponsivenessAsk {
  const n = REFERRAL_COUNTRIES.length;
  return { country: REFERRAL_COUNTRIES[i % n], filter: RESPONSIVENESS_FILTERS[Math.floor(i / n) % RESPONSIVENESS_FILTERS.length] };
}

/** `?from=…&platform=…` (empty for no filter), in a fixed order. */
export function queryString(filter: ResponsivenessAsk['filter']): string {
  const q = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => e[1] !== undefined).sort(([a], [b]) => a.localeCompare(b)));
  const s = q.toString();
  return s ? `?${s}` : '';
}
