import { useEffect, useState } from 'preact/hooks';
import { countdown } from '../time/countdown';

/** The current time, renewed every `intervalMs` while the component is shown (one timer per view, not per row). */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/**
 * A deadline's clock, live: "6 h 05 min 09 s left" / "overdue by 2 days 3 h". Overdue is said in
 * words and marked in red, never by colour alone. A `timer` role is not announced on every tick.
 */
export function Countdown({ iso, now }: { iso: string; now: number }) {
  const c = countdown(Date.parse(iso), now);
  return <span role="timer" class={c.overdue ? 'countdown overdue-text' : 'countdown'} data-testid="countdown" data-overdue={c.overdue ? 'true' : 'false'}>{c.text}</span>;
}
