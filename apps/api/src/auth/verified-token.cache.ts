import { hash } from 'node:crypto';
import type { Principal } from './auth.types.js';

export interface CachedVerification {
  principal: Principal;
  /** Epoch ms; 0 when the token had no `nbf`. */
  notBefore: number;
  /** Clock reading when the signature was verified. */
  verifiedAt: number;
}

/**
 * Bounded LRU of verified tokens. Keys are SHA-256 digests so raw bearer
 * credentials never sit in a long-lived structure (heap dumps, debuggers).
 * Time-based checks stay with the caller, which owns the clock.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, CachedVerification>();

  constructor(private readonly maxEntries: number) {}

  static keyFor(token: string): string {
    return hash('sha256', token, 'base64url');
  }

  get(key: string): CachedVerification | undefined {
    const hit = this.entries.get(key);
    if (hit === undefined) return undefined;
    // Map preserves insertion order; re-inserting marks the entry most recently used.
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit;
  }

  set(key: string, value: CachedVerification): void {
    if (this.maxEntries <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done === true) break;
      this.entries.delete(oldest.value);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
