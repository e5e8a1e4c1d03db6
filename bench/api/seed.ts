import { randomUUID } from 'node:crypto';
import { caseDecider, caseStreamId } from '@liaison/domain';
import type { CaseCommand, CommandMetadata } from '@liaison/domain';
import { SqliteEventStore } from '@liaison/event-store';

export interface SeededCase {
  caseId: string;
  personIds: string[];
}

/**
 * Seeds cases with registered persons straight into the store file before the service starts, using
 * the real decider so every event is one the API could have produced. Each benchmark request then
 * records a detention for a fresh person, a command the domain accepts exactly once per person.
 */
export async function seedCases(file: string, cases: number, personsPerCase: number, at: Date): Promise<SeededCase[]> {
  const store = SqliteEventStore.open(file);
  const meta: CommandMetadata = { actor: { id: 'bench-se-1', country: 'SE' }, now: at.toISOString(), correlationId: randomUUID(), causationId: randomUUID() };
  const metadata = { actor: 'bench-se-1', country: 'SE', correlationId: meta.correlationId, causationId: meta.causationId, occurredAt: meta.now };
  const seeded: SeededCase[] = [];
  try {
    for (let c = 0; c < cases; c++) {
      const caseId = randomUUID();
      const commands: CaseCommand[] = [
        { type: 'OpenCase', data: { caseId, title: `Bench case ${c} (fictional)`, offenceCategory: 'gang-violence', handlingCode: 'H0' }, metadata: meta },
      ];
      const personIds: string[] = [];
      for (let p = 0; p < personsPerCase; p++) {
        const personId = randomUUID();
        personIds.push(personId);
        commands.push({ type: 'RegisterPerson', data: { caseId, personId, category: 'suspect', pseudonym: `Bench person ${c}-${p}`, birthYear: 2008, nationalities: [{ country: 'SE', evaluation: { source: 'B', information: 2 } }] }, metadata: meta });
      }
      let state = caseDecider.initialState();
      const events = [];
      for (const command of commands) {
        for (const e of caseDecider.decide(command, state)) {
          state = caseDecider.evolve(state, e);
          events.push({ id: randomUUID(), type: e.type, data: e.data, metadata });
        }
      }
      await store.append(caseStreamId(caseId), events, { expectedRevision: 'no_stream' });
      seeded.push({ caseId, personIds });
    }
  } finally {
    await store.close();
  }
  return seeded;
}

/** A detention-sized command body (the same bytes go to the reference server). */
export function detentionBody(personId: string, at: Date): Record<string, string> {
  const detainedAt = new Date(at.getTime() - 3_600_000).toISOString();
  return {
    personId,
    holdingCountry: 'DK',
    facility: 'Vestre Fængsel, Copenhagen (fictional entry)',
    detainedAt,
    legalBasis: 'Retsplejeloven § 762, stk. 1, nr. 1 (varetægtsfængsling)',
    nextCustodyReviewAt: new Date(at.getTime() + 14 * 86_400_000).toISOString(),
  };
}

/**
 * The n-th detention of a load: round robin over the cases, each taking its next person, so no
 * command repeats (a person detained twice is a 422, which would skew the latencies).
 */
export function nthDetention(cases: readonly SeededCase[], personsPerCase: number, n: number, at: Date): { caseId: string; path: string; body: Record<string, string> } {
  const c = cases[n % cases.length];
  return { caseId: c.caseId, path: `/api/v1/cases/${c.caseId}/detentions`, body: detentionBody(c.personIds[Math.floor(n / cases.length) % personsPerCase], at) };
}

/** The round-robin detention load as autocannon requests: each call takes the next detention. */
export function detentionLoad(cases: readonly SeededCase[], personsPerCase: number, at: Date): () => { path: string; body: string } {
  let n = 0;
  return () => {
    const d = nthDetention(cases, personsPerCase, n++, at);
    return { path: d.path, body: JSON.stringify(d.body) };
  };
}
