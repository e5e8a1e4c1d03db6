import type { JsonObject, JsonValue } from '../event-store.port.js';

/**
 * Which values of an event are personal data, and whose (ADR 19). A structural twin of the domain's
 * `PersonalField` (libs/domain/src/shared/personal-data.ts), so this library never imports the domain.
 *
 * `path`: field names separated by dots, `*` for every element of an array (`grounds.*.reason`).
 * `subject`: the data subject's id (`person:<personId>`), computed from the event's own data so every
 * process derives the same id without a lookup. A method, so a policy typed per event is assignable.
 */
export interface PersonalField {
  path: string;
  subject(data: JsonObject): string;
}

/** One entry per event type; an empty list means "reviewed: nothing personal". */
export type PersonalDataPolicy = Readonly<Record<string, readonly PersonalField[]>>;

/** A concrete location in an event's data: `title`, `grounds.0.reason`. */
export interface FoundValue {
  path: string;
  value: JsonValue;
}

const compiled = new Map<string, readonly string[]>();

/** Every value at `pattern` in `data` (absent optional fields yield nothing), with its concrete path. */
export function valuesAt(data: JsonObject, pattern: string): FoundValue[] {
  // The common case, a top-level field, without splitting or walking (this runs per field per command).
  if (!pattern.includes('.')) return Object.hasOwn(data, pattern) && data[pattern] !== undefined ? [{ path: pattern, value: data[pattern] }] : [];
  let segments = compiled.get(pattern);
  if (segments === undefined) compiled.set(pattern, (segments = pattern.split('.')));
  const found: FoundValue[] = [];
  walk(data, segments, 0, '', found);
  return found;
}

function walk(value: JsonValue | undefined, segments: readonly string[], depth: number, at: string, found: FoundValue[]): void {
  if (value === undefined) return;
  if (depth === segments.length) {
    found.push({ path: at, value });
    return;
  }
  const head = segments[depth];
  const join = (k: string | number) => (at === '' ? String(k) : `${at}.${k}`);
  if (head === '*') {
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, segments, depth + 1, join(i), found));
  } else if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, head)) {
    walk(value[head], segments, depth + 1, join(head), found);
  }
}

/** A copy of `data` with the values at the given concrete paths replaced; shared structure elsewhere. */
export function replacedAt(data: JsonObject, replacements: ReadonlyMap<string, JsonValue>): JsonObject {
  if (replacements.size === 0) return data;
  const root: JsonObject = { ...data };
  for (const [path, value] of replacements) {
    if (!path.includes('.')) {
      root[path] = value;
      continue;
    }
    const segments = path.split('.');
    let parent: JsonObject | JsonValue[] = root;
    for (let i = 0; i < segments.length - 1; i++) {
      const key = segments[i];
      const child: JsonValue = (parent as Record<string, JsonValue>)[key];
      // Copy each container on the way down once, so the caller's object is never mutated.
      const copy: JsonObject | JsonValue[] = Array.isArray(child) ? [...child] : { ...(child as JsonObject) };
      (parent as Record<string, JsonValue>)[key] = copy;
      parent = copy;
    }
    (parent as Record<string, JsonValue>)[segments[segments.length - 1]] = value;
  }
  return root;
}
