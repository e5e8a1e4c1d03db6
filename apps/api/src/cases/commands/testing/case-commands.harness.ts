import { afterAll, beforeAll } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SqliteEventStore } from '@liaison/event-store';
import type { RecordedEvent } from '@liaison/event-store';
import { createApp } from '../../../app.factory.js';
import type { AppConfig } from '../../../config/app.config.js';
import type { Role } from '../../../auth/index.js';
import { mintDevToken, type DevCountry } from '../../../dev/dev-token.client.js';

// Test support for the case command specs: the real app (createApp) on a real port, a fresh
// SQLite store and DATA_DIR per suite, and dev-IdP tokens from that DATA_DIR.

// @fastify/static is mapped to a no-op for all in-process specs (jest.config.js; see
// test/support/fastify-static.jest-stub.ts for why).

export const BODY_LIMIT = 16 * 1024;

export interface Reply<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** Sent as is, e.g. malformed JSON or a form body. */
  raw?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface Harness {
  app: NestFastifyApplication;
  store: SqliteEventStore;
  dataDir: string;
  token(country: DevCountry, role?: Role, sub?: string): Promise<string>;
  call<T = Record<string, unknown>>(method: string, url: string, options?: CallOptions): Promise<Reply<T>>;
  events(caseId: string): Promise<RecordedEvent[]>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'liaison-cmd-'));
  const config: AppConfig = {
    port: 0, host: '127.0.0.1', dataDir, eventStore: 'sqlite', production: false, bodyLimit: BODY_LIMIT, logLevel: 'error',
  };
  const store = SqliteEventStore.open(path.join(dataDir, 'events.db'));
  // An empty auth environment: no TRUSTED_ISSUERS, so dev mode trusts the dev IdPs in dataDir.
  const { app } = await createApp(config, store, { authEnv: {} });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  if (address === null || typeof address === 'string') throw new Error('server did not bind a TCP port');
  const base = `http://127.0.0.1:${address.port}`;
  const tokens = new Map<string, Promise<string>>();

  return {
    app,
    store,
    dataDir,
    token(country, role = 'officer', sub = `${country.toLowerCase()}-${role}-1`) {
      const key = `${country} ${role} ${sub}`;
      if (!tokens.has(key)) tokens.set(key, mintDevToken({ country, role, sub, dataDir }));
      return tokens.get(key) as Promise<string>;
    },
    async call<T>(method: string, url: string, options: CallOptions = {}): Promise<Reply<T>> {
      const headers: Record<string, string> = { ...options.headers };
      if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
      let payload: string | undefined;
      if (options.raw !== undefined) payload = options.raw;
      else if (options.body !== undefined) payload = JSON.stringify(options.body);
      if (payload !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
      const res = await fetch(base + url, { method, headers, body: payload });
      const text = await res.text();
      return { status: res.status, headers: res.headers, body: parseJson(text) as T, text };
    },
    async events(caseId) {
      return store.readStream(`case-${caseId}`);
    },
    async close() {
      await app.close();
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return text.length > 0 ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** Instants safely in the past, in the order a case would record them. */
/** The OpenAPI document the app serves, fetched once per spec file from a harness started for it. */
export function useServedOpenApi<Doc>(): () => Doc {
  let h: Harness | undefined;
  let doc: Doc | undefined;
  beforeAll(async () => {
    h = await startHarness();
    doc = (await h.call<Doc>('GET', '/docs/openapi.json')).body;
  });
  afterAll(async () => h?.close());
  return () => doc as Doc;
}

export function pastInstant(daysAgo: number, hour = 9): string {
  const d = new Date(Date.now() - daysAgo * 24 * 3600 * 1000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString().replace('.000Z', 'Z');
}

export const evaluation = { source: 'B', information: 2 } as const;

export function openCaseBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { title: 'Fictional recruitment network', offenceCategory: 'conspiracy to murder', handlingCode: 'H0', ...overrides };
}

export function personBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { category: 'suspect', name: 'Testperson Exempelsson', birthYear: 2008, nationalities: [{ country: 'SE', evaluation }], ...overrides };
}

export function detentionBody(personId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    personId, holdingCountry: 'DK', facility: 'Exempelby arrest', detainedAt: pastInstant(10),
    legalBasis: 'Fictional custody order', nextCustodyReviewAt: pastInstant(-10), ...overrides,
  };
}
