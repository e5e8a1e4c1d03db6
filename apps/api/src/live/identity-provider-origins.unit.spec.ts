import { describe, expect, it } from '@jest/globals';
import { TokenVerifier } from '../auth/token-verifier.js';
import type { TrustedIssuer } from '../auth/auth.types.js';
import { identityProviderOrigins } from './client-config.http.controller.js';

const dashboardIssuer = (host: string, country: string): TrustedIssuer => ({
  issuer: `https://${host}/realms/police`, country, algorithms: ['ES256'], discoveryUrl: `https://${host}/realms/police/.well-known/openid-configuration`,
  dashboard: { clientId: 'liaison-dashboard', scope: 'openid' },
});

describe('identityProviderOrigins (every answer’s CSP connect-src)', () => {
  it('is worked out once per list of issuers, and again when an issuer is added', () => {
    const verifier = new TokenVerifier([dashboardIssuer('idp.se.example', 'SE')], { audience: 'liaison' });
    const first = identityProviderOrigins(verifier);
    expect(first).toEqual(['https://idp.se.example']);
    expect(identityProviderOrigins(verifier)).toBe(first);
    // As the development IdPs are trusted once the service listens.
    verifier.trust(dashboardIssuer('idp.dk.example', 'DK'));
    expect(identityProviderOrigins(verifier)).toEqual(['https://idp.se.example', 'https://idp.dk.example']);
  });
});
