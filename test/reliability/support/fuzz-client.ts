// The fuzzer's HTTP client: node:http on a keep-alive agent, so requests go out exactly as built
// (malformed JSON, odd content types, raw headers) and `concurrency` of them are in flight at once.
import { Agent, request } from 'node:http';

export interface FuzzRequest {
  /** What was mutated, for the figures (`body:wrong-type`, `token:expired` …). */
  kind: string;
  method: string;
  /** Path and query, as sent. */
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

export interface FuzzAnswer {
  status: number;
  contentType: string | null;
  body: string;
}

/** Bodies above the service's JSON limit (BODY_LIMIT_BYTES, 64 KiB). */
const OVERSIZED = 64 * 1024;

export function fuzzClient(baseUrl: string, concurrency: number) {
  const { hostname, port } = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });

  const send = (r: FuzzRequest): Promise<FuzzAnswer> => new Promise((resolve, reject) => {
    let settled = false;
    const answer = (a: FuzzAnswer) => {
      settled = true;
      resolve(a);
    };
    const headers: Record<string, string | number> = { ...r.headers };
    const length = r.body === undefined ? 0 : Buffer.byteLength(r.body);
    if (r.body !== undefined) headers['content-length'] = length;
    // An oversized body is refused on its Content-Length before it is read, and the server may close
    // the connection while it is still being written: send the headers first, the body only if no answer comes.
    const oversized = length > OVERSIZED;
    const req = request({ host: hostname, port, method: r.method, path: r.path, headers, agent: oversized ? false : agent }, (res) => {
      const contentType = res.headers['content-type'] ?? null;
      // An event stream never ends: its status and media type are the answer.
      if (contentType?.startsWith('text/event-stream') || oversized) {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        const done = () => {
          answer({ status: res.statusCode ?? 0, contentType, body: oversized ? Buffer.concat(chunks).toString('utf8') : '' });
          req.destroy();
        };
        if (oversized) res.on('end', done);
        else done();
        return;
      }
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => answer({ status: res.statusCode ?? 0, contentType, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (e) => settled || reject(e));
    });
    req.on('error', (e) => settled || reject(e));
    if (!oversized) {
      req.end(r.body);
      return;
    }
    req.flushHeaders();
    setTimeout(() => settled || req.end(r.body), 500);
  });

  /** Runs every request with `concurrency` in flight; `onAnswer` sees each request with its answer. */
  const run = async (requests: Iterable<FuzzRequest>, onAnswer: (r: FuzzRequest, a: FuzzAnswer) => void): Promise<void> => {
    const queue = requests[Symbol.iterator]();
    const worker = async () => {
      for (let next = queue.next(); !next.done; next = queue.next()) onAnswer(next.value, await send(next.value));
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  };

  return { send, run, close: () => agent.destroy() };
}
