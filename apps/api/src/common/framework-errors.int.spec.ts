import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startHarness, type Harness } from '../cases/commands/testing/case-commands.harness.js';

// What Fastify's router refuses before any route runs answers in the service's own shape (found by the fuzzer).

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h?.close());

describe('router-level refusals', () => {
  it('answers an over-long path segment with a field-level 400, not a bare 414 echoing the path', async () => {
    const id = `Fuzzperson${'a'.repeat(300)}`;
    const reply = await h.call('POST', `/api/v1/cases/${id}/close`, { token: await h.token('SE'), body: { reason: 'x' } });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ statusCode: 400, code: 'INVALID_PATH', errors: [{ field: 'path' }] });
    expect(reply.text).not.toContain('Fuzzperson');
  });

  it('answers a malformed percent-encoding the same way', async () => {
    const reply = await h.call('POST', '/api/v1/cases/%zz/close', { token: await h.token('SE'), body: { reason: 'x' } });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ code: 'INVALID_PATH' });
  });
});
