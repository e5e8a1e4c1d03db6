/** What pruning needs to know of a snapshot. */
export interface Prunable {
  model: string;
  position: bigint;
  bytes: number;
}

/**
 * Which snapshots to delete so the rest fit in `budget` bytes. A reproduction folds the log from the
 * nearest snapshot below its position, so what a snapshot is worth is the gap it closes: deleting it
 * merges the gaps on either side. Greedily, the snapshot whose deletion leaves the smallest merged
 * gap goes first, so the survivors stay evenly spread and the longest replay grows as little as
 * possible. The newest snapshot of each read model is never deleted (the next snapshot is folded on
 * from it); a budget smaller than those alone is exceeded by them.
 */
export function snapshotsToPrune<S extends Prunable>(snapshots: readonly S[], budget: number): S[] {
  let total = snapshots.reduce((sum, s) => sum + s.bytes, 0);
  if (total <= budget) return [];
  const byModel = new Map<string, S[]>();
  for (const s of snapshots) byModel.set(s.model, [...(byModel.get(s.model) ?? []), s]);
  for (const list of byModel.values()) list.sort((a, b) => (a.position < b.position ? -1 : 1));
  const pruned: S[] = [];
  while (total > budget) {
    let best: { list: S[]; index: number; gap: bigint } | undefined;
    for (const list of byModel.values()) {
      // The last one is the newest: kept.
      for (let i = 0; i < list.length - 1; i++) {
        const gap = list[i + 1].position - (i > 0 ? list[i - 1].position : -1n);
        if (!best || gap < best.gap) best = { list, index: i, gap };
      }
    }
    if (!best) break;
    const [gone] = best.list.splice(best.index, 1);
    pruned.push(gone);
    total -= gone.bytes;
  }
  return pruned;
}
