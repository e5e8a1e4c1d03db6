// Timestamps stay ISO-8601 strings in commands and events. These helpers only *parse* them;
// the domain never reads the clock (the current instant is CommandMetadata.now).

// A full date-time with an explicit offset: a bare date or local time is ambiguous across
// the Nordic time zones and the countries suspects are held in.
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Milliseconds since the epoch, or undefined if not a well-formed, real calendar instant. */
export function parseInstant(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = INSTANT.exec(value);
  if (!match) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return undefined;
  // Date.parse rolls 2024-02-30 over to 1 March; reject dates that do not exist.
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCFullYear() !== year || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) {
    return undefined;
  }
  return ms;
}

/** Instant for `days` whole days after `iso`, as a UTC ISO string (input must be valid). */
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * DAY_MS).toISOString();
}

/** Instant for `minutes` after `iso`, as a UTC ISO string (input must be valid). */
export function addMinutes(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * 60_000).toISOString();
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** YYYY-MM-DD naming a day that exists (no 2025-02-29, no 2024-13-01). */
export function isCalendarDate(value: unknown): value is string {
  const match = typeof value === 'string' ? CALENDAR_DATE.exec(value) : null;
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  return calendar.getUTCFullYear() === year && calendar.getUTCMonth() === month - 1 && calendar.getUTCDate() === day;
}

/** Negative if a is before b, 0 if equal, positive if after (inputs must be valid). */
export const compareInstants = (a: string, b: string): number => Date.parse(a) - Date.parse(b);

export const utcYear = (iso: string): number => new Date(Date.parse(iso)).getUTCFullYear();
