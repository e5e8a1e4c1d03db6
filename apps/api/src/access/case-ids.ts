/**
 * The case ids an answer actually carries: a detail's `caseId`, items' `caseId`, and `caseIds`
 * lists (access-log entries). Derived from the answer, not the request, so a list records exactly
 * the cases it disclosed.
 */
export function caseIdsOf(data: unknown): string[] {
  return idsOf(data, 'caseId', 'caseIds');
}

/**
 * The referral ids an answer carries, found the same way (`referralId`, `referralIds`). Referral
 * answers disclose referrals (locators are personal data) that often belong to no case at all, so
 * without these the record of such a read would name nothing it disclosed.
 */
export function referralIdsOf(data: unknown): string[] {
  return idsOf(data, 'referralId', 'referralIds');
}

/**
 * The information-request ids an answer carries (`requestId`, `requestIds`): register items, a
 * request's detail and the board's request deadlines disclose requests (Directive 2023/977) that
 * may be linked to no case, so the record names them too. Custody rows carry `requestId: null`.
 */
export function requestIdsOf(data: unknown): string[] {
  return idsOf(data, 'requestId', 'requestIds');
}

function idsOf(data: unknown, one: string, many: string): string[] {
  const out = new Set<string>();
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
    const v = value as Record<string, unknown>;
    if (typeof v[one] === 'string') out.add(v[one]);
    const list = v[many];
    if (Array.isArray(list)) for (const id of list) if (typeof id === 'string') out.add(id);
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
