/**
 * On phones data tables are shown as cards (styles.css, max-width 640px): each cell then needs its
 * column's name, which CSS takes from `data-label`. Rather than have every view repeat its headers,
 * this copies each table's header texts onto its cells whenever the content of <main> changes.
 * The markup stays a real table, so screen readers keep rows and column headers.
 */
export function labelTableCells(root: ParentNode): void {
  for (const table of root.querySelectorAll<HTMLTableElement>('table.data-table')) {
    const headers = [...table.querySelectorAll('thead th')].map((th) => (th.textContent ?? '').trim());
    for (const row of table.querySelectorAll('tbody tr')) {
      [...row.children].forEach((cell, i) => {
        const label = headers[i] ?? '';
        if (label && cell.getAttribute('data-label') !== label) cell.setAttribute('data-label', label);
      });
    }
  }
}

/** Keeps labels current as views render; returns a stop function. */
export function watchTableCells(root: HTMLElement): () => void {
  let pending = 0;
  const observer = new MutationObserver(() => {
    if (pending) return;
    pending = requestAnimationFrame(() => {
      pending = 0;
      labelTableCells(root);
    });
  });
  observer.observe(root, { childList: true, subtree: true });
  labelTableCells(root);
  return () => {
    observer.disconnect();
    cancelAnimationFrame(pending);
  };
}
