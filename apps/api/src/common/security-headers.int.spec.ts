import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startHarness, type Harness } from '../cases/commands/testing/case-commands.harness.js';

describe('security headers', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('API answers are never cached and carry a strict CSP; errors too', async () => {
    const token = await h.token('SE');
    const ok = await h.call('POST', '/api/v1/cases', { token, body: { title: 'Headers check (fictional)', offenceCategory: 'gang-violence', handlingCode: 'H0' } });
    expect(ok.status).toBe(201);
    for (const reply of [ok, await h.call('GET', '/api/v1/cases/not-a-uuid', { token })]) {
      expect(reply.headers.get('cache-control')).toBe('no-store');
      expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
      expect(reply.headers.get('x-frame-options')).toBe('DENY');
      expect(reply.headers.get('content-security-policy')).toContain("script-src 'self'");
    }
  });

  it('the API docs keep framing protection but not the script policy (Swagger UI is inline)', async () => {
    const docs = await h.call('GET', '/docs/openapi.json');
    expect(docs.headers.get('x-frame-options')).toBe('DENY');
    expect(docs.headers.get('content-security-policy')).toBeNull();
  });
});
