import { useMemo, useRef, useState } from 'preact/hooks';

/** A form's draft and the address (or other key) it was started from. */
export interface HeldDraft<T> { key: string; draft: T }

/**
 * The draft to hold for this render: the one being edited while the key is the one it was started
 * from, else a fresh draft of the filters in force. Decided in render rather than reset in an effect,
 * so that after back/forward the form never shows the previous address's draft beside the new
 * address's results, not even for a frame. A draft is dropped as soon as the key changes, so coming
 * back to an earlier address (Back after applying) shows that address's filters, not its old draft.
 */
export function heldFor<T>(held: HeldDraft<T>, key: string, filters: T): HeldDraft<T> {
  return held.key === key ? held : { key, draft: filters };
}

/** A form's draft of `filters`, started afresh whenever `key` (the address that holds them) changes. */
export function useDraft<T>(filters: T, key: string): [T, (draft: T) => void] {
  const held = useRef<HeldDraft<T>>({ key, draft: filters });
  const [, redraw] = useState(0);
  held.current = heldFor(held.current, key, filters);
  const setDraft = (draft: T) => {
    held.current = { key: held.current.key, draft };
    redraw((n) => n + 1);
  };
  return [held.current.draft, setDraft];
}

/**
 * A list view's filters as its address holds them (url-state.ts), and the draft its form edits until
 * applied. Back/forward or a followed link changes the address, and the form shows the filters in force.
 */
export function useAddressFilters<T>(search: string, parse: (search: string) => T): { filters: T; draft: T; setDraft: (draft: T) => void } {
  const filters = useMemo(() => parse(search), [search]);
  const [draft, setDraft] = useDraft(filters, search);
  return { filters, draft, setDraft };
}
