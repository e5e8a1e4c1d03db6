const regionNames = (() => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' });
  } catch {
    return undefined;
  }
})();

export function countryName(code: string | null | undefined): string {
  if (!code) return 'Unknown';
  try {
    return regionNames?.of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * Times show in the viewer's zone: the browser's, or one picked in the header (kept for the tab's
 * session). UTC stays one hover away (see components/time.tsx).
 */
const ZONE_KEY = 'liaison.timeZone';
export const browserZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
let zone = (() => {
  try {
    return sessionStorage.getItem(ZONE_KEY) ?? browserZone();
  } catch {
    return 'UTC';
  }
})();

export const currentZone = (): string => zone;
export function setZone(next: string): void {
  zone = next;
  try {
    sessionStorage.setItem(ZONE_KEY, next);
  } catch {
    // Private mode without storage: the choice lasts until reload.
  }
}

const formats = new Map<string, Intl.DateTimeFormat>();
function fmt(kind: 'dateTime' | 'date' | 'zoneName', timeZone: string): Intl.DateTimeFormat {
  const key = `${kind}|${timeZone}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', kind === 'dateTime' ? { dateStyle: 'medium', timeStyle: 'short', timeZone }
      : kind === 'date' ? { dateStyle: 'medium', timeZone } : { timeZone, timeZoneName: 'short' });
    formats.set(key, f);
  }
  return f;
}

const parse = (iso: string | null | undefined): Date | undefined => {
  if (!iso) return undefined;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? undefined : d;
};

/** "28 Oct 2026, 14:05 CET" in the viewer's zone. */
export function formatInstant(iso: string | null | undefined, timeZone = zone): string {
  const d = parse(iso);
  if (!d) return iso ?? '—';
  const name = fmt('zoneName', timeZone).formatToParts(d).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  return `${fmt('dateTime', timeZone).format(d)} ${name}`;
}

export const formatUtc = (iso: string | null | undefined): string => formatInstant(iso, 'UTC');

export function formatDate(iso: string | null | undefined, timeZone = zone): string {
  const d = parse(iso);
  return d ? fmt('date', timeZone).format(d) : (iso ?? '—');
}

export function personLabel(p: { name: string | null; pseudonym: string | null; personId: string; erased?: unknown }): string {
  // The id's first characters are all that is left to tell erased persons apart (ADR 19).
  if (p.erased) return `Erased person ${p.personId.slice(0, 8)}`;
  if (p.name && p.pseudonym) return `${p.name} ("${p.pseudonym}")`;
  return p.name ?? (p.pseudonym ? `"${p.pseudonym}"` : p.personId.slice(0, 8));
}

export const humanize = (s: string): string => s.replace(/[-_]/g, ' ');
