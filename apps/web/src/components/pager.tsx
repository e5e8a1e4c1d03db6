import { pageStack } from '../nav/url-state';

/**
 * Previous/Next over cursor pages kept in the address (url-state.ts pageStack): `page` is the stack
 * of cursors that led here, `onPage` navigates to another stack.
 */
export function StackPager({ page, nextCursor, shown, onPage }: { page: string; nextCursor?: string; shown: string; onPage: (page: string) => void }) {
  const cursors = pageStack.parse(page);
  return (
    <div class="pager no-print">
      <span class="muted small" role="status">{shown}</span>
      <button type="button" disabled={cursors.length === 0} onClick={() => onPage(pageStack.format(cursors.slice(0, -1)))}>Previous page</button>
      <button type="button" disabled={!nextCursor} onClick={() => nextCursor && onPage(pageStack.format([...cursors, nextCursor]))}>Next page</button>
    </div>
  );
}
