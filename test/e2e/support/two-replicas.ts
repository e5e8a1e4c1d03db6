// Two built service processes (replicas A and B, `node dist/apps/api/src/main.js`) on one EventStoreDB:
// the in-process protocol emulator, or a real server when ESDB_CONNECTION_STRING is set. They share the
// data subjects' key store and trust the same issuer, as replicas behind one proxy do.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EsdbEventStore } from '@liaison/event-store/esdb';
import { StreamNotFound, type RecordedEvent } from '@liaison/event-store';
import { mintDevToken } from '../../../apps/api/src/dev/dev-token.client.js';
import { startEsdbEmulator, type EsdbEmulator } from '../../support/esdb-emulator/esdb-emulator.js';
import { personBody } from '../../../apps/api/src/cases/commands/testing/case-commands.harness.js';
import type { LivePositions } from './live-positions.js';
import { startLiaison, type LiaisonProcess } from './liaison-process.js';

export type Reply = { status: number; body: Record<string, unknown>; headers: Headers };

export interface TwoReplicas {
  a: LiaisonProcess;
  b: LiaisonProcess;
  ids: { a: string; b: string };
  /** Undefined on a real server. */
  emulator: EsdbEmulator | undefined;
  /** A client of its own on the same log, for looking under the service. */
  store: EsdbEventStore;
  token: string;
  call(to: LiaisonProcess, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  /** Every event of a stream (none if it does not exist). */
  all(streamId: string): Promise<RecordedEvent[]>;
  stop(): Promise<void>;
}

export async function startTwoReplicas(run: string, purpose: string): Promise<TwoReplicas> {
  const dirs = { a: mkdtempSync(join(tmpdir(), 'liaison-replica-a-')), b: mkdtempSync(join(tmpdir(), 'liaison-replica-b-')) };
  // Replicas share the data subjects' keys (ADR 19): what A encrypts, B must open. On one host that is
  // one keys.db file (SQLite locks it across processes); across hosts it is a KMS behind the same port.
  const sharedKeys = mkdtempSync(join(tmpdir(), 'liaison-replica-keys-'));
  const ids = { a: `e2e-a-${run}`, b: `e2e-b-${run}` };
  const emulator = process.env.ESDB_CONNECTION_STRING ? undefined : await startEsdbEmulator();
  const connection = process.env.ESDB_CONNECTION_STRING ?? emulator?.connectionString ?? '';
  const store = EsdbEventStore.fromConnectionString(connection);
  const env = { EVENT_STORE: 'esdb', ESDB_CONNECTION_STRING: connection, LOG_LEVEL: 'warn', KEY_STORE_FILE: join(sharedKeys, 'keys.db') };
  const a = await startLiaison(dirs.a, { ...env, REPLICA_ID: ids.a });
  const token = await mintDevToken({ country: 'SE', role: 'officer', sub: `${purpose}-${run}`, baseUrl: a.baseUrl });
  // B trusts A's development IdP, as replicas behind one proxy trust the same issuers.
  const issuer = `${a.baseUrl}/dev/idp/se`;
  const roles = { roles: { claims: ['roles'], values: { officer: 'officer', analyst: 'analyst', supervisor: 'supervisor' } } };
  const b = await startLiaison(dirs.b, {
    ...env, REPLICA_ID: ids.b,
    TRUSTED_ISSUERS: JSON.stringify([{ discoveryUrl: `${issuer}/.well-known/openid-configuration`, country: 'SE', algorithms: ['ES256'], claims: roles }]),
  });
  return {
    a, b, ids, emulator, store, token,
    async call(to, method, path, body, headers = {}) {
      const res = await fetch(`${to.baseUrl}${path}`, {
        method, body: body === undefined ? undefined : JSON.stringify(body),
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown>, headers: res.headers };
    },
    async all(streamId) {
      try {
        return await store.readStream(streamId, { maxCount: 100_000 });
      } catch (e) {
        if (e instanceof StreamNotFound) return [];
        throw e;
      }
    },
    async stop() {
      await Promise.all([a.stop(), b.stop()]);
      await Promise.race([store.close(), new Promise((r) => setTimeout(r, 3000))]);
      await emulator?.stop();
      for (const dir of [...Object.values(dirs), sharedKeys]) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** At most `width` requests in flight, like a proxy's connection pool. */
export async function pooled<T>(count: number, width: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(count);
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < count) {
      const i = next++;
      out[i] = await task(i);
    }
  }));
  return out;
}

/**
 * Registers one person per name on a case, each writer on replica A or B by turn, retrying what the
 * service says to retry (409 after its own re-decides, 503 with Retry-After) up to 30 times; every
 * status any attempt got is kept, so a spec can check that nothing else was ever answered.
 */
export async function registerAll(
  r: TwoReplicas, caseId: string, names: string[], body: (name: string) => unknown,
): Promise<(Reply & { statuses: number[]; retryAfter: (string | null)[] })[]> {
  return Promise.all(names.map(async (name, i) => {
    const statuses: number[] = [];
    const retryAfter: (string | null)[] = [];
    for (;;) {
      const reply = await r.call(i % 2 ? r.b : r.a, 'POST', `/api/v1/cases/${caseId}/persons`, body(name));
      statuses.push(reply.status);
      if (reply.status === 503) retryAfter.push(reply.headers.get('retry-after'));
      if ((reply.status !== 409 && reply.status !== 503) || statuses.length >= 30) return { ...reply, statuses, retryAfter };
    }
  }));
}

/**
 * Registers a person on replica A, then on B (named by `name`), and says for each whether the write
 * reached the other replica's live stream: [A's write on B, B's write on A].
 */
export async function announcedAcross(
  r: TwoReplicas, live: { a: LivePositions; b: LivePositions }, caseId: string, name: (replica: 'A' | 'B') => string,
): Promise<[boolean, boolean]> {
  const onA = await r.call(r.a, 'POST', `/api/v1/cases/${caseId}/persons`, personBody({ name: name('A') }));
  const reachedB = await live.b.reaches(BigInt(onA.body.position as string));
  const onB = await r.call(r.b, 'POST', `/api/v1/cases/${caseId}/persons`, personBody({ name: name('B') }));
  return [reachedB, await live.a.reaches(BigInt(onB.body.position as string))];
}
