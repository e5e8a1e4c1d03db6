import type { DevCountry } from '../dev/dev-token.client.js';
import type { Role } from '../auth/scopes.js';

/** What the scenario needs from its caller: where the service is and how to get an officer's token. */
export interface SeedStoryClient {
  baseUrl: string;
  token(country: DevCountry, role: Role, sub: string): Promise<string>;
}

/** An officer the scenario acts as (always role `officer`: the only dev role with cases:write). */
export interface Officer {
  country: DevCountry;
  sub: string;
}

/** The body every case command answers with (see CaseCommandResultDto). */
export interface CommandResult {
  caseId: string;
  revision: number;
  position: string | null;
  events: string[];
}

/** A command the service refused; carries the HTTP status and the domain `code`, never the token. */
export class SeedStoryCommandError extends Error {
  override readonly name = 'SeedStoryCommandError';

  constructor(
    readonly step: string,
    readonly status: number,
    readonly code: string | undefined,
    detail: string,
  ) {
    super(`seed story step "${step}" failed: HTTP ${status}${code ? ` ${code}` : ''} ${detail}`.trim());
  }
}

/**
 * Thin fetch wrapper over the real command API: one POST per domain command (or per action-day file),
 * tokens cached per officer, and the highest global position seen so far, so callers can read with
 * `minPosition`.
 */
export class CommandApi {
  private readonly tokens = new Map<string, Promise<string>>();
  private last: bigint | undefined;
  private count = 0;

  /** `keyPrefix` keeps Idempotency-Keys of two scenario runs (different id seeds) apart. */
  constructor(
    private readonly client: SeedStoryClient,
    private readonly keyPrefix: string,
  ) {}

  /** Highest global position of any command sent so far (decimal string), or undefined. */
  get position(): string | undefined {
    return this.last?.toString();
  }

  /** Number of command requests sent (an action-day file counts once, however many rows it has). */
  get commands(): number {
    return this.count;
  }

  private token(officer: Officer): Promise<string> {
    const key = `${officer.country} ${officer.sub}`;
    let token = this.tokens.get(key);
    if (token === undefined) {
      token = this.client.token(officer.country, 'officer', officer.sub);
      this.tokens.set(key, token);
    }
    return token;
  }

  /**
   * POSTs `body` to `/api/v1/cases{path}` as `officer`. `step` names the action in errors and, with
   * the prefix, is the Idempotency-Key, so a retried step is recorded once.
   */
  post(officer: Officer, path: string, body: object, step: string): Promise<CommandResult> {
    return this.command<CommandResult>(officer, `/cases${path}`, body, step);
  }

  /**
   * POSTs to `/api/v1{path}`: a JSON body, or a CSV file when `body` is a string (the action-day
   * imports), under the same Idempotency-Key rule as `post`.
   */
  async command<T extends { position: string | null }>(officer: Officer, path: string, body: object | string, step: string): Promise<T> {
    const csv = typeof body === 'string';
    const text = await this.request(officer, 'POST', path, step, {
      'content-type': csv ? 'text/csv' : 'application/json',
      'idempotency-key': `${this.keyPrefix}:${step}`,
    }, csv ? body : JSON.stringify(body));
    const result = JSON.parse(text) as T;
    this.count += 1;
    if (result.position !== null && (this.last === undefined || BigInt(result.position) > this.last)) {
      this.last = BigInt(result.position);
    }
    return result;
  }

  /** GETs `/api/v1{path}` as `officer` (the scenario reads the platform catalogue's follow-up periods). */
  async query<T>(officer: Officer, path: string): Promise<T> {
    return JSON.parse(await this.request(officer, 'GET', path, `GET ${path}`, {})) as T;
  }

  private async request(officer: Officer, method: string, path: string, step: string, headers: Record<string, string>, body?: string): Promise<string> {
    const url = `${this.client.baseUrl.replace(/\/+$/, '')}/api/v1${path}`;
    const response = await fetch(url, { method, headers: { authorization: `Bearer ${await this.token(officer)}`, ...headers }, body });
    const text = await response.text();
    if (!response.ok) {
      let code: string | undefined;
      let message = text.slice(0, 300);
      try {
        const problem = JSON.parse(text) as { code?: string; message?: string };
        code = problem.code;
        message = problem.message ?? message;
      } catch {
        // not JSON: keep the raw text
      }
      throw new SeedStoryCommandError(step, response.status, code, message);
    }
    return text;
  }
}
