/**
 * A labelled select of a filter form, options as [value, label]: "Any" (value '') first unless
 * `anyLabel` is null. Used by the Requests, Deadlines and Statistics filters.
 */
export function SelectField({ id, label, value, options, onChange, anyLabel = 'Any' }: {
  id: string; label: string; value: string; options: readonly (readonly [string, string])[]; onChange: (value: string) => void; anyLabel?: string | null;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
        {anyLabel === null ? null : <option value="">{anyLabel}</option>}
        {options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
      </select>
    </div>
  );
}
