// Follows GET /api/v1/stream (server-sent events, read with fetch as the dashboard does) and tells
// when the service announces a position at or past a given one: the dashboard's cue to refetch.

export interface LivePositions {
  /** Resolves true once a position >= `position` was announced, false after `timeoutMs`. */
  reaches(position: bigint, timeoutMs?: number): Promise<boolean>;
  close(): void;
}

export async function followLivePositions(baseUrl: string, token: string): Promise<LivePositions> {
  const abort = new AbortController();
  const res = await fetch(`${baseUrl}/api/v1/stream`, { headers: { authorization: `Bearer ${token}` }, signal: abort.signal });
  if (res.status !== 200 || !res.body) throw new Error(`live stream answered ${res.status}`);
  let highest = -1n;
  const waiters = new Set<() => void>();
  void (async () => {
    const decoder = new TextDecoder();
    let buffered = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffered += decoder.decode(chunk, { stream: true });
        for (const m of buffered.matchAll(/data: \{"position":"(\d+)"\}/g)) if (BigInt(m[1]) > highest) highest = BigInt(m[1]);
        buffered = buffered.slice(buffered.lastIndexOf('\n\n') + 1);
        for (const w of [...waiters]) w();
      }
    } catch {
      // aborted on close
    }
  })();
  return {
    reaches: (position, timeoutMs = 5_000) => new Promise<boolean>((resolve) => {
      const check = () => {
        if (highest < position) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => { waiters.delete(check); resolve(false); }, timeoutMs);
      waiters.add(check);
      check();
    }),
    close: () => abort.abort(),
  };
}
