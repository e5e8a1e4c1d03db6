import { describe, expect, it } from '@jest/globals';
import { useServedOpenApi } from '../../cases/commands/testing/case-commands.harness.js';

// The published contract of GET /api/v1/search: every status it can answer, the problem body of each
// error, its parameters and the shape of a hit.

type Operation = {
  tags?: string[]; security?: unknown[]; parameters?: { name: string; in: string; required?: boolean; schema?: { maxLength?: number } }[];
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string; properties?: Record<string, { $ref?: string }> } }> }>;
};
type Doc = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> } };
const served = useServedOpenApi<Doc>();

describe('OpenAPI: search', () => {
  it('documents every status, each error with the problem body', () => {
    const doc = served();
    const op = doc.paths['/api/v1/search']?.get;
    expect(op).toBeDefined();
    expect(op.tags).toEqual(['search']);
    expect(op.security).toEqual(expect.arrayContaining([{ bearer: [] }]));
    expect(Object.keys(op.responses).sort()).toEqual(['200', '400', '401', '403', '503']);
    for (const status of ['400', '401', '403', '503']) {
      expect(op.responses[status].content?.['application/json']?.schema?.$ref).toBe('#/components/schemas/ProblemDto');
    }
    expect(op.responses['200'].content?.['application/json']?.schema?.properties?.data?.$ref).toBe('#/components/schemas/SearchPageDto');
  });

  it('documents q as required and bounded, with limit, cursor, purpose and minPosition', () => {
    const doc = served();
    const op = doc.paths['/api/v1/search'].get;
    expect(op.parameters?.find((p) => p.name === 'q')).toMatchObject({ in: 'query', required: true, schema: { maxLength: 200 } });
    expect(op.parameters?.map((p) => p.name)).toEqual(expect.arrayContaining(['q', 'limit', 'cursor', 'purpose', 'minPosition']));
    expect(Object.keys(doc.components.schemas.SearchHitDto.properties ?? {}).sort()).toEqual(
      ['also', 'caseId', 'caseTitle', 'handlingCode', 'handlingText', 'kind', 'label', 'ownerCountry', 'person', 'refId']);
  });
});
