import autocannon from 'autocannon';
import { cpuPerCommand, threadCpu, type CpuPerCommand } from './thread-cpu.js';

export interface LoadResult {
  requestsPerSec: number;
  ok: number;
  non2xx: number;
  errors: number;
  p50: number;
  p99: number;
}

/**
 * Drives POSTs whose path and body come from `next(i)`, so every request is a distinct valid command
 * (a fresh person per detention) and is spread over many cases.
 */
export async function load(options: {
  url: string;
  connections: number;
  durationSec: number;
  headers: (i: number) => Record<string, string>;
  next: (i: number) => { path: string; body: string };
}): Promise<LoadResult> {
  let i = 0;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSec,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const n = i++;
          const { path, body } = options.next(n);
          return { ...req, path, body, headers: { ...options.headers(n), 'content-type': 'application/json' } };
        },
      },
    ],
  });
  const ok = result['2xx'];
  return {
    requestsPerSec: ok / options.durationSec,
    ok,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

export interface Measured {
  load: LoadResult;
  /** undefined where /proc cannot be read */
  cpu: CpuPerCommand | undefined;
  /** µs of this process (autocannon) per command */
  loadGenerator: number;
}

/** Runs a load and splits the server's CPU over its commands, per thread role. */
export async function measured(pid: number, run: () => Promise<LoadResult>): Promise<Measured> {
  const before = threadCpu(pid);
  const self = process.cpuUsage();
  const result = await run();
  const after = threadCpu(pid);
  const used = process.cpuUsage(self);
  return { load: result, cpu: cpuPerCommand(pid, before, after, result.ok), loadGenerator: result.ok > 0 ? (used.user + used.system) / result.ok : Number.NaN };
}

