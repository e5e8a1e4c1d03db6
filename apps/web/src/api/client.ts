/** A refused or failed request, with the API's problem body when there is one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface RequestOptions {
  /** Query parameters; undefined and '' are dropped. */
  query?: Record<string, string | number | boolean | undefined>;
  /** The purpose of access, for personal-data reads (sent as X-Purpose, never in the URL). */
  purpose?: string;
  /** Read-your-writes / live updates: wait until the read models include this position. */
  minPosition?: string;
  signal?: AbortSignal;
}

/**
 * The only way the dashboard talks to the service: the query API under /api/v1, with the bearer
 * token in the Authorization header. Tokens never go into URLs (they would end up in logs).
 */
export class ApiClient {
  constructor(
    /** Read at every request, so a renewed token is used without rebuilding the client. */
    private readonly token: () => string,
    private readonly onUnauthorized: () => void,
  ) {}

  async get<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const res = await this.fetch(path, options, 'application/json');
    return (await res.json()) as T;
  }

  /** A text answer (e.g. `text/csv`), with its headers: the same token, purpose and read-your-writes rules. */
  async getText(path: string, options: RequestOptions & { accept: string }): Promise<{ text: string; headers: Headers }> {
    const res = await this.fetch(path, options, options.accept);
    return { text: await res.text(), headers: res.headers };
  }

  private async fetch(path: string, options: RequestOptions, accept: string): Promise<Response> {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(options.query ?? {})) {
      if (v !== undefined && v !== '') params.set(k, String(v));
    }
    const headers: Record<string, string> = { accept, authorization: `Bearer ${this.token()}` };
    if (options.purpose) headers['x-purpose'] = options.purpose;
    if (options.minPosition && options.minPosition !== '-1') headers['x-min-position'] = options.minPosition;
    const qs = params.toString();
    let res: Response;
    try {
      res = await fetch(`${path}${qs ? `?${qs}` : ''}`, { headers, signal: options.signal, cache: 'no-store' });
    } catch (e) {
      if ((e as Error).name === 'AbortError') throw e;
      throw new ApiError(0, 'The service cannot be reached. Check your connection and try again.');
    }
    if (res.ok) return res;
    let body: { message?: string; code?: string } = {};
    try {
      body = (await res.json()) as typeof body;
    } catch {
      // Not JSON: keep the status text.
    }
    if (res.status === 401) this.onUnauthorized();
    throw new ApiError(res.status, body.message ?? res.statusText ?? `HTTP ${res.status}`, body.code);
  }
}
