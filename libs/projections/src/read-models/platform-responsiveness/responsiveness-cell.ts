import { COUNTERS, type Contribution } from './platform-responsiveness.contribution.js';
import { bumpHistogram, decodeHistogram } from './removal-histogram.js';

export { decodeHistogram as cellData };

/**
 * One pr_cells row holds everything a viewer country counts for one (platform, month): a sub-cell
 * per (origin, basis), each with its counters (COUNTERS), its removal-time histogram ((hours,
 * removals) pairs) and its unanswered referrals by sent hour ((epoch hour, n) pairs). The labels go
 * in a TEXT column (JSON [[origin, basis], …], sorted), the numbers in one BLOB of int32:
 *   per sub-cell: counters…, ttrLength, ttr pairs…, pendingLength, pending pairs…
 * A query reads one row per (platform, month) instead of one counter row plus one histogram row per
 * (platform, month, origin, basis): ten times fewer rows and Buffers at national scale, where that
 * per-row cost in better-sqlite3 was most of the answer's time. Sub-cells whose `referred` reaches
 * zero are dropped (every contribution counts `referred`), so the bytes are a function of the state.
 */
export interface SubCell {
  origin: string;
  basis: string;
  counters: Int32Array;
  ttr: Int32Array;
  pending: Int32Array;
}

const N = COUNTERS.length;

/** Where one sub-cell's parts lie in a cell's int32 data: counters at `counters`, pairs in [start, end). */
export interface SubCellOffsets {
  counters: number;
  ttr: number;
  ttrEnd: number;
  pending: number;
  pendingEnd: number;
}

/** A cell's (origin, basis) labels, in the order of its data. */
export type CellLabels = readonly (readonly [origin: string, basis: string])[];

export function parseLabels(labels: string): CellLabels {
  return JSON.parse(labels) as CellLabels;
}

/**
 * Visits each sub-cell of a cell in place, without a copy or a view per sub-cell (a query walks
 * every sub-cell of its viewer). `at` is one object, overwritten for each sub-cell.
 */
export function forEachSubCell(labels: CellLabels, data: Int32Array, visit: (origin: string, basis: string, at: SubCellOffsets) => void): void {
  const at: SubCellOffsets = { counters: 0, ttr: 0, ttrEnd: 0, pending: 0, pendingEnd: 0 };
  let next = 0;
  for (const [origin, basis] of labels) {
    at.counters = next;
    at.ttr = next + N + 1;
    at.ttrEnd = at.ttr + data[at.ttr - 1];
    at.pending = at.ttrEnd + 1;
    at.pendingEnd = at.pending + data[at.ttrEnd];
    next = at.pendingEnd;
    visit(origin, basis, at);
  }
}

export function decodeCell(labels: string | undefined, blob: Uint8Array | undefined): SubCell[] {
  if (labels === undefined || blob === undefined) return [];
  const data = decodeHistogram(blob);
  const subs: SubCell[] = [];
  forEachSubCell(parseLabels(labels), data, (origin, basis, at) => subs.push({
    origin, basis, counters: data.subarray(at.counters, at.counters + N),
    ttr: data.subarray(at.ttr, at.ttrEnd), pending: data.subarray(at.pending, at.pendingEnd),
  }));
  return subs;
}

export function encodeCell(subs: readonly SubCell[]): { labels: string; data: Buffer } {
  const out = new Int32Array(subs.reduce((n, s) => n + N + 2 + s.ttr.length + s.pending.length, 0));
  let at = 0;
  for (const s of subs) {
    out.set(s.counters, at);
    at += N;
    for (const pairs of [s.ttr, s.pending]) {
      out[at++] = pairs.length;
      out.set(pairs, at);
      at += pairs.length;
    }
  }
  return { labels: JSON.stringify(subs.map((s) => [s.origin, s.basis])), data: Buffer.from(out.buffer, out.byteOffset, out.byteLength) };
}

/** The cell with `sign` × the contribution added in sub-cell (origin, basis); sorted, empty sub-cells dropped. */
export function addToCell(subs: readonly SubCell[], origin: string, basis: string, c: Contribution, sign: 1 | -1): SubCell[] {
  let i = subs.findIndex((s) => s.origin > origin || (s.origin === origin && s.basis >= basis));
  if (i < 0) i = subs.length;
  const found = subs[i]?.origin === origin && subs[i]?.basis === basis;
  const s: SubCell = found
    ? { ...subs[i], counters: subs[i].counters.slice() }
    : { origin, basis, counters: new Int32Array(N), ttr: new Int32Array(0), pending: new Int32Array(0) };
  for (let k = 0; k < N; k++) s.counters[k] += sign * c.counters[k];
  if (c.ttrHours !== null) s.ttr = bumpHistogram(s.ttr, c.ttrHours, sign);
  if (c.pendingHour !== null) s.pending = bumpHistogram(s.pending, c.pendingHour, sign);
  const keep = s.counters[0] !== 0 ? [s] : [];
  return [...subs.slice(0, i), ...keep, ...subs.slice(found ? i + 1 : i)];
}
