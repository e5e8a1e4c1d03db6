// Concurrent writers for the kill and SIGTERM loops: each registers fictional people on a case until
// the service stops answering, and every acknowledged write is read back after a restart.
import { randomUUID } from 'node:crypto';
import { call, personBody, pollUntil } from './http-calls.js';

export interface Ack {
  personId: string;
  position: bigint;
}

/** How one writer's last request ended, when it was not an answer. */
export type Failure = 'refused' | 'reset';

/** ECONNREFUSED: the request never reached a listening server (nothing was in flight); anything else lost an answer. */
export function failureOf(error: unknown): Failure {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code === 'ECONNREFUSED' ? 'refused' : 'reset';
}

export interface Writing {
  acks: Ack[];
  /** Answers other than 201, by status and code (`503 SHUTTING_DOWN`). */
  answers: Record<string, number>;
  failures: Record<Failure, number>;
  /** What each reset said (undici's cause code or message), for the figures. */
  resets: string[];
}

/**
 * `writers` loops registering people on `cases`; a writer stops at its first answer that is not 201
 * (when `stopOnRefusal`) or at its first failed request. Resolves when all have stopped.
 */
export async function writeUntilGone(base: string, token: string, cases: string[], writers: number, tag: string, stopOnRefusal = false): Promise<Writing> {
  const w: Writing = { acks: [], answers: {}, failures: { refused: 0, reset: 0 }, resets: [] };
  const writer = async (n: number) => {
    for (;;) {
      const personId = randomUUID();
      let answer;
      try {
        answer = await call(base, 'POST', `/api/v1/cases/${cases[n % cases.length]}/persons`, token, { ...personBody(`${tag} ${n}`), personId });
      } catch (e) {
        const failure = failureOf(e);
        w.failures[failure]++;
        if (failure === 'reset') {
          const cause = (e as { cause?: { code?: string; message?: string } }).cause;
          w.resets.push(cause?.code ?? cause?.message ?? String(e));
        }
        return;
      }
      if (answer.status === 201) {
        w.acks.push({ personId, position: BigInt(answer.body.position as string) });
        continue;
      }
      const key = `${answer.status}${answer.body.code ? ` ${answer.body.code as string}` : ''}`;
      w.answers[key] = (w.answers[key] ?? 0) + 1;
      if (stopOnRefusal) return;
    }
  };
  await Promise.all(Array.from({ length: writers }, (_, n) => writer(n)));
  return w;
}

/** The acknowledged people missing from the cases once read models include the last acknowledged write. */
export async function lostAfterRestart(base: string, token: string, cases: string[], acks: Ack[]): Promise<Ack[]> {
  const last = acks.reduce((m, a) => (a.position > m ? a.position : m), 0n);
  const answers = await Promise.all(cases.map((c) => pollUntil(
    () => call(base, 'GET', `/api/v1/cases/${c}`, token, undefined, { 'x-purpose': 'Reliability loop check', 'x-min-position': String(last) }),
    (a) => a.status === 200, 20_000)));
  const read = answers.map((a) => a.text).join('\n');
  return acks.filter((a) => !read.includes(a.personId));
}
