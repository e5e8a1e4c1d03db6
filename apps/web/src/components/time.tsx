import { formatDate, formatInstant, formatUtc, currentZone } from '../format';
import { relativeDeadline } from '../time/zone';

/** An instant in the viewer's zone, with UTC on hover and the machine-readable value. */
export function Time({ iso, dateOnly }: { iso: string | null | undefined; dateOnly?: boolean }) {
  if (!iso) return <>—</>;
  return <time dateTime={iso} title={formatUtc(iso)}>{dateOnly ? formatDate(iso) : formatInstant(iso)}</time>;
}

/** A deadline: the time, and how far off it is in calendar days of the viewer's zone. */
export function Deadline({ iso, dateOnly, done }: { iso: string | null | undefined; dateOnly?: boolean; done?: boolean }) {
  if (!iso) return <>—</>;
  const rel = relativeDeadline(Date.parse(iso), Date.now(), currentZone());
  const late = !done && Date.parse(iso) < Date.now();
  return (
    <span class="deadline">
      <Time iso={iso} dateOnly={dateOnly} />
      {done ? null : <>{' '}<span class={late ? 'relative overdue-text' : 'relative'} data-testid="relative-deadline">({rel})</span></>}
    </span>
  );
}

export const ZONES = ['Europe/Stockholm', 'Europe/Copenhagen', 'Europe/Oslo', 'Europe/Helsinki', 'Atlantic/Reykjavik', 'UTC'];

/** The header's zone picker: the browser's zone first, then the Nordic capitals and UTC. */
export function ZonePicker({ zone, browser, onChange }: { zone: string; browser: string; onChange: (z: string) => void }) {
  const options = [...new Set([browser, ...ZONES, zone])];
  return (
    <label class="zone-picker">
      <span>Time zone</span>
      <select value={zone} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
        {options.map((z) => <option key={z} value={z}>{z === browser ? `${z} (this device)` : z}</option>)}
      </select>
    </label>
  );
}
