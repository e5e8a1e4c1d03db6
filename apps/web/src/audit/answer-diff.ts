/**
 * What changed between an answer as an officer received it ("then", reproduced from the log) and the
 * same question asked now: items are matched by their id (the first id field they carry), and an
 * item that is in both but differs names the fields that changed. The reproduced-access view marks
 * these in the very component that showed the answer.
 */
const ID_FIELDS = ['entryId', 'detentionId', 'extraditionId', 'handlerId', 'referralId', 'requestId', 'personId', 'refId', 'caseId'] as const;

type Item = Record<string, unknown>;

export function itemKey(item: unknown): string {
  const o = (item ?? {}) as Item;
  const kind = typeof o.kind === 'string' ? `${o.kind}:` : '';
  for (const f of ID_FIELDS) if (typeof o[f] === 'string') return `${kind}${o[f] as string}`;
  return JSON.stringify(item);
}

export interface ItemDiff {
  /** Keys of items shown then that are no longer in the answer now. */
  gone: Set<string>;
  /** Items in the answer now that were not in it then. */
  added: unknown[];
  /** Keys of items in both that differ, with the fields that changed. */
  changed: Map<string, string[]>;
}

export function diffItems(then: readonly unknown[], now: readonly unknown[]): ItemDiff {
  const nowByKey = new Map(now.map((i) => [itemKey(i), i]));
  const thenKeys = new Set(then.map(itemKey));
  const diff: ItemDiff = { gone: new Set(), added: now.filter((i) => !thenKeys.has(itemKey(i))), changed: new Map() };
  for (const item of then) {
    const key = itemKey(item);
    const current = nowByKey.get(key);
    if (current === undefined) diff.gone.add(key);
    else {
      const fields = changedFields(item, current);
      if (fields.length) diff.changed.set(key, fields);
    }
  }
  return diff;
}

/** Top-level fields whose values differ (compared as JSON). */
export function changedFields(a: unknown, b: unknown): string[] {
  const x = (a ?? {}) as Item;
  const y = (b ?? {}) as Item;
  return [...new Set([...Object.keys(x), ...Object.keys(y)])].filter((k) => JSON.stringify(x[k]) !== JSON.stringify(y[k])).sort();
}

export const itemsOf = (data: unknown): unknown[] | undefined => {
  const items = (data as { items?: unknown } | null | undefined)?.items;
  return Array.isArray(items) ? items : undefined;
};

/** A short note for a changed or vanished item, shown beside it. */
export function noteFor(diff: ItemDiff | undefined, key: string): string | undefined {
  if (!diff) return undefined;
  if (diff.gone.has(key)) return 'no longer in the answer now';
  const fields = diff.changed.get(key);
  return fields ? `changed since: ${fields.join(', ')}` : undefined;
}
