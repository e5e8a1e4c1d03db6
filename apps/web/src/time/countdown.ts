/**
 * A running clock in elapsed time, for deadlines measured in hours (Directive 2023/977's 8 hours):
 * "6 h 05 min 09 s left", "2 days 3 h left", "overdue by 1 h 02 min 30 s". The calendar-day wording
 * ("in 3 days", "2 days overdue") stays with relativeDeadline in zone.ts; this adds the clock beside it.
 */
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const pad = (n: number) => String(n).padStart(2, '0');

/** An elapsed span, coarser as it grows: seconds under a day, hours from a day on. */
export function formatSpan(ms: number): string {
  const t = Math.max(0, Math.floor(ms / SECOND) * SECOND);
  if (t >= DAY) {
    const days = Math.floor(t / DAY);
    const hours = Math.floor((t % DAY) / HOUR);
    return `${days} ${days === 1 ? 'day' : 'days'} ${hours} h`;
  }
  const hours = Math.floor(t / HOUR);
  const minutes = Math.floor((t % HOUR) / MINUTE);
  const seconds = Math.floor((t % MINUTE) / SECOND);
  if (hours > 0) return `${hours} h ${pad(minutes)} min ${pad(seconds)} s`;
  return `${minutes} min ${pad(seconds)} s`;
}

export interface Countdown {
  overdue: boolean;
  /** "6 h 05 min 09 s left" or "overdue by 3 days 2 h". */
  text: string;
}

/** How far `deadline` is from `now` (both epoch ms). Overdue only once past it, as the API counts. */
export function countdown(deadline: number, now: number): Countdown {
  const left = deadline - now;
  if (left >= 0) return { overdue: false, text: `${formatSpan(left)} left` };
  return { overdue: true, text: `overdue by ${formatSpan(-left)}` };
}
