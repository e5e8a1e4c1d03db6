// A small HTTP client for the referral e2e: plain fetch against the real process, tokens from the
// dev IdP in the process's DATA_DIR, and read-your-writes by passing the highest position any write
// answered with (X-Min-Position), so no read has to poll.
import { mintDevToken, type DevCountry } from '../../../apps/api/src/dev/dev-token.client.js';
import type { Role } from '../../../apps/api/src/auth/scopes.js';

export interface Reply<T> { status: number; body: T; headers: Headers }
export interface CallOptions { token: string; body?: unknown; raw?: string; contentType?: string; headers?: Record<string, string> }
export type Problem = { code?: string; errors?: { row?: number; line?: number; field: string }[] };
export type Written = { position?: string | null; events?: string[] } & Problem;
export type Page<T> = { items: T[]; nextCursor?: string };
export type Answer<T> = { readAt: string; data: T };

export type Referral = { referralId: string; locator: string; caseId: string | null; status: string; round: number; coReferrers: string[]; [k: string]: unknown };
export type Figures = { rows: { platform: string; month: string }[]; platformTotals: unknown[]; byReferringCountry: unknown[] };
export type AccessEntry = { entryId: string; query: string; caseIds: string[]; referralIds?: string[]; resultCount: number };

export const PURPOSE = 'Referral follow-up, fictional e2e action day';

export class ReferralApi {
  /** Highest global position written by this run: every read waits for it. */
  position = -1n;

  constructor(readonly baseUrl: string, private readonly dataDir: string, private readonly run: string) {}

  token(country: DevCountry, role: Role = 'officer'): Promise<string> {
    return mintDevToken({ country, role, sub: this.subject(country, role), dataDir: this.dataDir });
  }

  /** Token subjects are per run, so access-log filters find this run's reads only. */
  subject(country: DevCountry, role: Role = 'officer'): string {
    return `e2e-${country.toLowerCase()}-${role}-${this.run}`;
  }

  async call<T>(method: string, path: string, o: CallOptions): Promise<Reply<T>> {
    const json = o.body !== undefined;
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${o.token}`,
        ...(json ? { 'content-type': 'application/json' } : o.raw !== undefined ? { 'content-type': o.contentType ?? 'text/csv' } : {}),
        ...o.headers,
      },
      body: json ? JSON.stringify(o.body) : o.raw,
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T, headers: res.headers };
  }

  /** A command; remembers its position for later reads. */
  async write<T extends Written = Written>(method: string, path: string, o: CallOptions): Promise<Reply<T>> {
    const reply = await this.call<T>(method, path, o);
    const p = reply.body?.position;
    if (typeof p === 'string' && BigInt(p) > this.position) this.position = BigInt(p);
    return reply;
  }

  upload(dayId: string, what: 'list' | 'answers', raw: string, token: string): Promise<Reply<BulkReply>> {
    return this.write<BulkReply>('POST', `/api/v1/referrals/action-days/${dayId}/${what}`, { token, raw, contentType: 'text/csv' });
  }

  /** A query after this run's writes; `purpose: null` sends none. */
  read<T>(path: string, token: string, purpose: string | null = PURPOSE): Promise<Reply<Answer<T> & Problem>> {
    const headers: Record<string, string> = { 'x-min-position': String(this.position < 0n ? 0n : this.position) };
    if (purpose !== null) headers['x-purpose'] = purpose;
    return this.call<Answer<T> & Problem>('GET', path, { token, headers });
  }

  /** Data of a query that must answer 200. */
  async data<T>(path: string, token: string): Promise<T> {
    const reply = await this.read<T>(path, token);
    if (reply.status !== 200) throw new Error(`GET ${path}: ${reply.status} ${JSON.stringify(reply.body)}`);
    return reply.body.data;
  }

  /** Every item of a paged list, following nextCursor; also returns the page sizes. */
  async allPages<T>(path: string, token: string): Promise<{ items: T[]; sizes: number[] }> {
    const items: T[] = [];
    const sizes: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.data<Page<T>>(`${path}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, token);
      items.push(...page.items);
      sizes.push(page.items.length);
      cursor = page.nextCursor;
    } while (cursor && sizes.length < 50);
    return { items, sizes };
  }
}

export type BulkReply = Written & { imported: boolean; recorded: Record<string, number>; unchangedRows: number; rows: number };
