/**
 * Sorted (key, count) pairs without zero counts, as int32 (little-endian, as every platform Node runs
 * on): a sub-cell's removal-time histogram ((whole hours, removals)) and its unanswered referrals by
 * sent hour (responsiveness-cell.ts). The canonical form keeps the table a function of the state
 * (rebuild and incremental build stay byte-equal). decodeHistogram also gives a whole cell's int32 view.
 */
export type HistogramPairs = Int32Array;

export function decodeHistogram(blob: Uint8Array | undefined | null): HistogramPairs {
  if (!blob || blob.byteLength === 0) return new Int32Array(0);
  // A view where the bytes are aligned for one (no copy: a query decodes every group of its viewer);
  // a copy otherwise, since a Buffer's offset into its pool need not be a multiple of 4.
  if (blob.byteOffset % 4 === 0) return new Int32Array(blob.buffer, blob.byteOffset, blob.byteLength / 4);
  return new Int32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));
}

export function encodeHistogram(pairs: HistogramPairs): Buffer {
  return Buffer.from(pairs.buffer, pairs.byteOffset, pairs.byteLength);
}

/** The pairs with `delta` added at `hours`; an hour whose count reaches zero is dropped. */
export function bumpHistogram(pairs: HistogramPairs, hours: number, delta: number): HistogramPairs {
  let i = 0;
  while (i < pairs.length && pairs[i] < hours) i += 2;
  if (i < pairs.length && pairs[i] === hours) {
    const n = pairs[i + 1] + delta;
    if (n !== 0) {
      const out = pairs.slice();
      out[i + 1] = n;
      return out;
    }
    const out = new Int32Array(pairs.length - 2);
    out.set(pairs.subarray(0, i));
    out.set(pairs.subarray(i + 2), i);
    return out;
  }
  if (delta === 0) return pairs;
  const out = new Int32Array(pairs.length + 2);
  out.set(pairs.subarray(0, i));
  out[i] = hours;
  out[i + 1] = delta;
  out.set(pairs.subarray(i), i + 2);
  return out;
}
