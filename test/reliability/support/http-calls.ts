/** One answer as the reliability specs judge it: status, parsed body, raw text and Retry-After. */
export interface Answer {
  status: number;
  body: Record<string, unknown>;
  text: string;
  retryAfter: string | null;
}

export async function call(base: string, method: string, url: string, token?: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(base + url, {
    method,
    headers: {
      ...headers,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    // Not JSON: the spec sees the text.
  }
  return { status: res.status, body: parsed, text, retryAfter: res.headers.get('retry-after') };
}

/** A fictional person with a long name, so each command takes some room on the disk. */
export function personBody(tag: string): Record<string, unknown> {
  return { category: 'witness', name: `Testperson ${tag} ${'Exempelsson '.repeat(14)}`.slice(0, 200), birthYear: 1990, nationalities: [] };
}

/** Repeats `attempt` every 50 ms until `done` says so; throws with the last answer after `timeoutMs`. */
export async function pollUntil(attempt: () => Promise<Answer>, done: (a: Answer) => boolean, timeoutMs: number): Promise<Answer> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const a = await attempt();
    if (done(a)) return a;
    if (Date.now() > deadline) throw new Error(`gave up after ${timeoutMs} ms; last answer ${a.status} ${a.text.slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
