import { describe, expect, it } from '@jest/globals';
import { AuthConfigError, AuthenticationError } from './auth.errors.js';
import { compileClaimsMapping } from './claims-mapping.js';

const reason = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof AuthenticationError ? e.reason : String(e);
  }
  return 'accepted';
};

describe('claims mapping', () => {
  it('without a mapping: ADR 4 dialect (sub, required country, Liaison scope names in scope)', () => {
    const m = compileClaimsMapping(undefined, 'test');
    expect(m.map({ sub: 's', country: 'SE', scope: 'cases:read openid' }, 'SE')).toEqual({ subject: 's', country: 'SE', roles: [], scopes: new Set(['cases:read', 'openid']) });
    expect(reason(() => m.map({ sub: 's', scope: 'cases:read' }, 'SE'))).toBe('missing-claim');
    expect(reason(() => m.map({ sub: 's', country: 'DK' }, 'SE'))).toBe('country-mismatch');
    // OAuth's scope is a string; an array there is malformed, not a list of grants.
    expect(reason(() => m.map({ sub: 's', country: 'SE', scope: ['cases:read'] }, 'SE'))).toBe('invalid-claim');
  });

  it('roles from nested claims and groups; unlisted values grant nothing; mapped scopes replace raw ones', () => {
    const m = compileClaimsMapping({
      country: 'issuer',
      roles: { claims: ['realm_access.roles', 'groups'], values: { 'liaison-officer': 'officer', '/sup': ['supervisor'] } },
      scopes: { claims: ['scp'], values: { 'Audit.Read': ['audit:read'] } },
    }, 'test');
    const mapped = m.map({ sub: 's', realm_access: { roles: ['liaison-officer', 'admin'] }, groups: ['/sup'], scp: 'Audit.Read cases:write' }, 'NO');
    expect(mapped.roles).toEqual(['officer', 'supervisor']);
    expect([...mapped.scopes].sort()).toEqual(['audit:read', 'cases:read', 'cases:share', 'cases:write', 'dashboards:read']);
    expect(m.map({ sub: 's', scp: ['cases:write'] }, 'NO').scopes.size).toBe(0);
    expect(reason(() => m.map({ sub: 's', country: 'SE' }, 'NO'))).toBe('country-mismatch');
    expect(reason(() => m.map({ sub: 's', groups: 'not-a-list-but-a-string' }, 'NO'))).toBe('accepted');
    expect(reason(() => m.map({ sub: 's', groups: [1] }, 'NO'))).toBe('invalid-claim');
  });

  it('refuses unknown roles, scopes and settings at start-up', () => {
    expect(() => compileClaimsMapping({ roles: { claims: ['roles'], values: { x: 'admin' as never } } }, 't')).toThrow(AuthConfigError);
    expect(() => compileClaimsMapping({ scopes: { claims: ['scp'], values: { x: 'all' } } }, 't')).toThrow(AuthConfigError);
    expect(() => compileClaimsMapping({ country: 'claim' as never }, 't')).toThrow(AuthConfigError);
    expect(() => compileClaimsMapping({ subject: '' }, 't')).toThrow(AuthConfigError);
  });
});
