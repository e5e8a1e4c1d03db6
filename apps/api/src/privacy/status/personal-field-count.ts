import { isEnvelope, valuesAt, type JsonObject, type PersonalDataPolicy } from '@liaison/event-store';

// How much of a store is sealed (ADR 19): per event, its policy's personal values counted as envelopes
// (sealed) or anything else (plaintext, i.e. written before encryption). Numbers only, never values:
// `privacy status` and the seal manifest print them.

export interface FieldCount {
  /** Personal values stored in clear. */
  plain: number;
  /** Personal values stored as envelopes. */
  sealed: number;
}

/** The personal values of one event, by how they are stored. Event types missing from the policy count nothing. */
export function countPersonalFields(policy: PersonalDataPolicy, type: string, data: JsonObject): FieldCount {
  const count: FieldCount = { plain: 0, sealed: 0 };
  for (const field of policy[type] ?? []) {
    for (const { value } of valuesAt(data, field.path)) {
      if (isEnvelope(value)) count.sealed++;
      else count.plain++;
    }
  }
  return count;
}

export interface TypeStatus {
  type: string;
  events: number;
  /** Events with at least one personal value in clear: what a seal would change. */
  eventsWithPlain: number;
  plainFields: number;
  sealedFields: number;
  /** False for a type the policy does not know (written by another version?): nothing of it would be sealed. */
  inPolicy: boolean;
}

/** Per event type, how many events and personal values are sealed or still plaintext. */
export class StatusTally {
  private readonly types = new Map<string, TypeStatus>();

  constructor(private readonly policy: PersonalDataPolicy) {}

  add(type: string, data: JsonObject): void {
    let t = this.types.get(type);
    if (!t) this.types.set(type, (t = { type, events: 0, eventsWithPlain: 0, plainFields: 0, sealedFields: 0, inPolicy: Object.hasOwn(this.policy, type) }));
    const count = countPersonalFields(this.policy, type, data);
    t.events++;
    if (count.plain > 0) t.eventsWithPlain++;
    t.plainFields += count.plain;
    t.sealedFields += count.sealed;
  }

  /** Every type seen, by name. */
  byType(): TypeStatus[] {
    return [...this.types.values()].sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  }

  totals(): { events: number; eventsWithPlain: number; plainFields: number; sealedFields: number; typesNotInPolicy: number } {
    const all = this.byType();
    const sum = (f: (t: TypeStatus) => number) => all.reduce((n, t) => n + f(t), 0);
    return {
      events: sum((t) => t.events),
      eventsWithPlain: sum((t) => t.eventsWithPlain),
      plainFields: sum((t) => t.plainFields),
      sealedFields: sum((t) => t.sealedFields),
      typesNotInPolicy: all.filter((t) => !t.inPolicy).length,
    };
  }
}
