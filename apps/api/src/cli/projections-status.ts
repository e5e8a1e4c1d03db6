// What `npm run projections -- status` shows beside the files' checkpoints: what the running service
// says about each read model (GET /ready, the same facts readiness is computed from), so an operator
// sees a stalled or restarting projection thread in the same table.

/** The part of /ready's body the status table uses (health/readiness.ts, ReadinessReport). */
export interface ReadyBody {
  status: string;
  reasons: { code: string; message: string }[];
  details?: { projections?: { stalled?: Record<string, string>; failed?: string[]; restarting?: string[]; rebuilding?: string[] } };
}

/** The service's /ready, or undefined when nothing answers there within `timeoutMs`. */
export async function fetchReadiness(baseUrl: string, timeoutMs = 2000): Promise<ReadyBody | undefined> {
  try {
    const res = await fetch(`${baseUrl}/ready`, { signal: AbortSignal.timeout(timeoutMs) });
    return (await res.json()) as ReadyBody;
  } catch {
    return undefined;
  }
}

/** Where the running service listens: LIAISON_URL, else this host on PORT (default 3000), as `npm start` does. */
export function serviceUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.LIAISON_URL ?? `http://127.0.0.1:${env.PORT ?? '3000'}`;
}

/** One read model's state in the running service, in words. */
export function runtimeOf(name: string, ready: ReadyBody | undefined): string {
  if (!ready) return 'service not reachable';
  const p = ready.details?.projections ?? {};
  if (p.restarting?.includes(name)) return 'restarting (thread stopped)';
  if (p.failed?.includes(name)) return 'failed (see the service log)';
  if (p.stalled?.[name]) return `stalled, retrying (${p.stalled[name]})`;
  if (p.rebuilding?.includes(name)) return 'rebuilding from the log';
  return 'running';
}

/** The lines under the table: the service's readiness and its reasons. */
export function readinessLines(url: string, ready: ReadyBody | undefined): string[] {
  if (!ready) return [`service at ${url}: not reachable (set LIAISON_URL or PORT); the table shows the files only`];
  return [`service at ${url}: ${ready.status === 'ok' ? 'ready' : 'NOT READY'}`, ...ready.reasons.map((r) => `  ${r.code}: ${r.message}`)];
}
