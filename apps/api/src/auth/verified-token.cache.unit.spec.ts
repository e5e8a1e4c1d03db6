import { describe, expect, it } from '@jest/globals';
import type { Principal } from './auth.types.js';
import { VerifiedTokenCache } from './verified-token.cache.js';

const entry = (subject: string) => ({
  principal: { subject, country: 'SE', issuer: 'i', scopes: new Set<string>(), expiresAt: 0 } satisfies Principal,
  notBefore: 0,
  verifiedAt: 0,
});

describe('VerifiedTokenCache', () => {
  it('evicts the least recently used entry beyond its bound', () => {
    const cache = new VerifiedTokenCache(2);
    cache.set('a', entry('a'));
    cache.set('b', entry('b'));
    cache.get('a');
    cache.set('c', entry('c'));
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.principal.subject).toBe('a');
    expect(cache.get('c')?.principal.subject).toBe('c');
  });

  it('keys by digest, not by the raw token', () => {
    const key = VerifiedTokenCache.keyFor('header.payload.signature');
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(key).not.toContain('payload');
  });
});
