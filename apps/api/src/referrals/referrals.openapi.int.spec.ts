import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startHarness, type Harness } from '../cases/commands/testing/case-commands.harness.js';

// The published contract of the referral and action-day routes: tag, bearer auth, and every status
// each route can answer, pointing at the one shared error schema.

type Operation = { tags?: string[]; security?: unknown[]; requestBody?: { content: Record<string, unknown> }; responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }> };
let h: Harness;
let doc: { paths: Record<string, Record<string, Operation>> };

beforeAll(async () => {
  h = await startHarness();
  doc = (await h.call<typeof doc>('GET', '/docs/openapi.json')).body;
});
afterAll(async () => h?.close());

const COMMAND = ['400', '401', '403', '409', '412', '413', '415', '422'];
const READ = ['200', '400', '401', '403', '503'];

describe('OpenAPI: referrals, action days, platforms', () => {
  it.each([
    ['/api/v1/referrals', '201', false],
    ['/api/v1/referrals/{referralId}/sent', '200', true],
    ['/api/v1/referrals/{referralId}/acknowledgement', '200', true],
    ['/api/v1/referrals/{referralId}/outcome', '200', true],
    ['/api/v1/referrals/{referralId}/no-response', '200', true],
    ['/api/v1/referrals/{referralId}/reappearances', '200', true],
    ['/api/v1/referrals/{referralId}/withdrawal', '200', true],
    ['/api/v1/referrals/action-days', '201', false],
    ['/api/v1/referrals/action-days/{actionDayId}/list', '201', true],
    ['/api/v1/referrals/action-days/{actionDayId}/answers', '201', true],
  ] as const)('POST %s documents %s and every error status', (path, success, notFound) => {
    const op = doc.paths[path]?.post;
    expect(op).toBeDefined();
    expect(op.security).toEqual(expect.arrayContaining([{ bearer: [] }]));
    const expected = [success, ...COMMAND, ...(notFound ? ['404'] : [])];
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(expected));
    for (const status of expected.filter((s) => s.startsWith('4'))) {
      expect(op.responses[status].content?.['application/json']?.schema?.$ref).toBe('#/components/schemas/ProblemDto');
    }
  });

  it('documents the bulk routes as CSV and JSON Lines bodies', () => {
    for (const path of ['/api/v1/referrals/action-days/{actionDayId}/list', '/api/v1/referrals/action-days/{actionDayId}/answers']) {
      expect(Object.keys(doc.paths[path].post.requestBody?.content ?? {})).toEqual(expect.arrayContaining(['text/csv', 'application/x-ndjson']));
    }
  });

  it.each([
    ['/api/v1/referrals', false],
    ['/api/v1/referrals/overdue', false],
    ['/api/v1/referrals/{referralId}', true],
    ['/api/v1/referrals/action-days', false],
    ['/api/v1/referrals/action-days/{actionDayId}', true],
    ['/api/v1/platforms', false],
    ['/api/v1/platforms/responsiveness', false],
    ['/api/v1/audit/referrals/{referralId}', true],
    ['/api/v1/audit/referrals/{referralId}/verify', true],
  ] as const)('GET %s documents every status it can answer', (path, notFound) => {
    const op = doc.paths[path]?.get;
    expect(op).toBeDefined();
    expect(op.security).toEqual(expect.arrayContaining([{ bearer: [] }]));
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining([...READ, ...(notFound ? ['404'] : [])]));
  });
});
