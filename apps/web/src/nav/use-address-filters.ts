import { useEffect, useMemo, useState } from 'preact/hooks';

/**
 * A list view's filters as its address holds them (url-state.ts), and the draft its form edits until
 * applied. Back/forward or a followed link changes the address, and the form shows the filters in force.
 */
export function useAddressFilters<T>(search: string, parse: (search: string) => T): { filters: T; draft: T; setDraft: (draft: T) => void } {
  const filters = useMemo(() => parse(search), [search]);
  const [draft, setDraft] = useState<T>(filters);
  useEffect(() => setDraft(filters), [filters]);
  return { filters, draft, setDraft };
}
