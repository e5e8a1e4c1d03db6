/**
 * The case ids an answer actually carries: a detail's `caseId`, items' `caseId`, and `caseIds`
 * lists (access-log entries). Derived from the answer, not the request, so a list records exactly
 * the cases it disclosed.
 */
export function caseIdsOf(data: unknown): string[] {
  const out = new Set<string>();
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
    const v = value as Record<string, unknown>;
    if (typeof v.caseId === 'string') out.add(v.caseId);
    if (Array.isArray(v.caseIds)) for (const id of v.caseIds) if (typeof id === 'string') out.add(id);
  };
  visit(data);
  const items = (data as { items?: unknown } | null | undefined)?.items;
  if (Array.isArray(items)) items.forEach(visit);
  return [...out];
}

export function resultCountOf(data: unknown): number {
  const items = (data as { items?: unknown } | null | undefined)?.items;
  if (Array.isArray(items)) return items.length;
  return data === undefined || data === null ? 0 : 1;
}
