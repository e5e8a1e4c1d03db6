import { useEffect } from 'preact/hooks';

/** Each view names itself in the tab and in the screen reader's page announcement. */
export function useTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Liaison` : 'Liaison';
  }, [title]);
}

/**
 * After a page change (or sign-in) move focus to the new page's h1, so screen-reader users hear
 * where they are and keyboard users start from the content. Views may render their h1 only once
 * data has arrived, so this waits for it (up to `timeout`), then falls back to <main>. It does not
 * take focus from a control the user has moved to meanwhile (inside <main>).
 */
export function focusHeading(timeout = 4000): () => void {
  const started = Date.now();
  const main = document.getElementById('main');
  const focusable = () => {
    const active = document.activeElement;
    return !active || active === document.body || !main?.contains(active) || active === main;
  };
  const timer = setInterval(() => {
    const h1 = document.querySelector<HTMLElement>('#main h1');
    const target = h1 ?? (Date.now() - started > timeout ? main : null);
    if (!target) return;
    clearInterval(timer);
    if (!focusable()) return;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  }, 50);
  return () => clearInterval(timer);
}
