import type { JsonValue } from '@liaison/event-store';

/**
 * Domain state uses keyed maps (ids come from users): Maps, or the domain's persistent maps, which
 * read as ReadonlyMaps and iterate in Map's order. JSON answers need plain objects.
 */
export function toPlain(value: unknown): JsonValue {
  if (isKeyed(value)) {
    const out: { [key: string]: JsonValue } = {};
    for (const [k, v] of value.entries()) out[String(k)] = toPlain(v);
    return out;
  }
  if (Array.isArray(value)) return value.map(toPlain);
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: JsonValue } = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (v !== undefined) out[k] = toPlain(v);
    return out;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
  return null;
}

function isKeyed(value: unknown): value is ReadonlyMap<unknown, unknown> {
  if (value instanceof Map) return true;
  const m = value as Partial<ReadonlyMap<unknown, unknown>> | null;
  return typeof m === 'object' && m !== null && typeof m.get === 'function' && typeof m.entries === 'function';
}
