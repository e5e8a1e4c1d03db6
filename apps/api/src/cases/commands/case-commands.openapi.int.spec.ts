import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startHarness, type Harness } from './testing/case-commands.harness.js';

// The published contract: every command route, its tag, bearer auth, and each documented status
// pointing at the one shared error schema.

let h: Harness;

describe('OpenAPI document', () => {
  const routes: [string, string, string][] = [
    ['post', '/api/v1/cases', '201'],
    ['post', '/api/v1/cases/{caseId}/sharing', '200'],
    ['delete', '/api/v1/cases/{caseId}/sharing/{country}', '200'],
    ['post', '/api/v1/cases/{caseId}/close', '200'],
    ['post', '/api/v1/cases/{caseId}/reopen', '200'],
    ['post', '/api/v1/cases/{caseId}/persons', '201'],
    ['post', '/api/v1/cases/{caseId}/persons/{personId}/nationalities', '200'],
    ['post', '/api/v1/cases/{caseId}/persons/{personId}/nationalities/{country}/retract', '200'],
    ['post', '/api/v1/cases/{caseId}/detentions', '201'],
    ['post', '/api/v1/cases/{caseId}/detentions/{detentionId}/extensions', '200'],
    ['post', '/api/v1/cases/{caseId}/detentions/{detentionId}/end', '200'],
    ['post', '/api/v1/cases/{caseId}/handlers', '201'],
    ['post', '/api/v1/cases/{caseId}/handlers/{handlerId}/links', '200'],
    ['post', '/api/v1/cases/{caseId}/handlers/{handlerId}/location', '200'],
    ['post', '/api/v1/cases/{caseId}/extraditions', '201'],
    ['post', '/api/v1/cases/{caseId}/extraditions/{extraditionId}/consent', '200'],
    ['post', '/api/v1/cases/{caseId}/extraditions/{extraditionId}/stages', '200'],
    ['post', '/api/v1/cases/{caseId}/extraditions/{extraditionId}/decision', '200'],
    ['post', '/api/v1/cases/{caseId}/extraditions/{extraditionId}/surrender', '200'],
    ['post', '/api/v1/cases/{caseId}/persons/{personId}/erase', '200'],
    ['post', '/api/v1/cases/{caseId}/persons/{personId}/restriction', '200'],
    ['post', '/api/v1/cases/{caseId}/persons/{personId}/restriction/lift', '200'],
    ['post', '/api/v1/cases/{caseId}/persons/{personId}/rectification', '200'],
    ['post', '/api/v1/cases/{caseId}/persons/{personId}/retention-review', '200'],
  ];

  type Operation = { tags?: string[]; security?: unknown[]; responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }> };
  let doc: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };

  beforeAll(async () => {
    h = await startHarness();
    const res = await h.call<typeof doc>('GET', '/docs/openapi.json');
    expect(res.status).toBe(200);
    doc = res.body;
  });

  afterAll(async () => h?.close());

  it.each(routes)('documents %s %s with its tag, bearer auth and every status', (method, path, success) => {
    const op = doc.paths[path]?.[method];
    expect(op).toBeDefined();
    expect(op.tags).toContain('cases (commands)');
    expect(op.security).toEqual(expect.arrayContaining([{ bearer: [] }]));
    const statuses = Object.keys(op.responses);
    const expected = [success, '400', '401', '403', '409', '412', '413', '422', '503', ...(path === '/api/v1/cases' ? [] : ['404'])];
    expect(statuses).toEqual(expect.arrayContaining(expected));
    for (const status of expected.filter((s) => s !== success)) {
      expect(op.responses[status].content?.['application/json']?.schema?.$ref).toBe('#/components/schemas/ProblemDto');
    }
  });

  it('documents one command route per domain command and the shared schemas', () => {
    const commandOps = Object.values(doc.paths).flatMap((ops) => Object.values(ops)).filter((op) => op.tags?.includes('cases (commands)'));
    expect(commandOps).toHaveLength(routes.length);
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining([
      'ProblemDto', 'EvaluationDto', 'NationalityClaimDto', 'RecordDetentionRequestDto', 'PersonRegisteredResultDto',
    ]));
  });
});
