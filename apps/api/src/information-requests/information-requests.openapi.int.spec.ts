import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startHarness, type Harness } from '../cases/commands/testing/case-commands.harness.js';

// The published contract of the information-request routes (Directive 2023/977): tag, bearer auth, the
// If-Match / Idempotency-Key headers, and every status each route can answer, pointing at the one
// shared error schema.

type Operation = {
  tags?: string[]; security?: unknown[]; parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema?: { $ref?: string } }> };
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
};
let h: Harness;
let doc: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> } };

beforeAll(async () => {
  h = await startHarness();
  doc = (await h.call<typeof doc>('GET', '/docs/openapi.json')).body;
});
afterAll(async () => h?.close());

const COMMAND = ['400', '401', '403', '409', '412', '413', '415', '422'];
const BASE = '/api/v1/information-requests';

describe('OpenAPI: information requests', () => {
  it.each([
    [BASE, '201', false, 'FileInformationRequestRequestDto'],
    [`${BASE}/{requestId}/acknowledgement`, '200', true, 'AcknowledgeRequestRequestDto'],
    [`${BASE}/{requestId}/clarification-request`, '200', true, 'RequestClarificationRequestDto'],
    [`${BASE}/{requestId}/clarification`, '200', true, 'ProvideClarificationRequestDto'],
    [`${BASE}/{requestId}/judicial-authorisation-notice`, '200', true, 'NoteJudicialAuthorisationPendingRequestDto'],
    [`${BASE}/{requestId}/judicial-authorisation`, '200', true, 'RecordJudicialAuthorisationRequestDto'],
    [`${BASE}/{requestId}/information`, '200', true, 'ProvideInformationRequestDto'],
    [`${BASE}/{requestId}/refusal`, '200', true, 'RefuseRequestRequestDto'],
    [`${BASE}/{requestId}/withdrawal`, '200', true, 'WithdrawRequestRequestDto'],
    [`${BASE}/{requestId}/forwarding`, '200', true, 'ForwardRequestRequestDto'],
  ] as const)('POST %s documents %s, its body and every error status', (path, success, notFound, body) => {
    const op = doc.paths[path]?.post;
    expect(op).toBeDefined();
    expect(op.tags).toEqual(['information requests (commands)']);
    expect(op.security).toEqual(expect.arrayContaining([{ bearer: [] }]));
    expect(op.parameters?.map((p) => p.name)).toEqual(expect.arrayContaining(['If-Match', 'Idempotency-Key', ...(notFound ? ['requestId'] : [])]));
    expect(op.requestBody?.content['application/json']?.schema?.$ref).toBe(`#/components/schemas/${body}`);
    const expected = [success, ...COMMAND, ...(notFound ? ['404'] : [])];
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(expected));
    expect(op.responses[success].content?.['application/json']?.schema?.$ref).toBe('#/components/schemas/InformationRequestCommandResultDto');
    for (const status of expected.filter((s) => s.startsWith('4'))) {
      expect(op.responses[status].content?.['application/json']?.schema?.$ref).toBe('#/components/schemas/ProblemDto');
    }
  });

  const READ = ['200', '400', '401', '403', '503'];
  it.each([
    [BASE, false],
    [`${BASE}/{requestId}`, true],
    ['/api/v1/deadlines', false],
    ['/api/v1/statistics/information-exchange', false],
  ] as const)('GET %s documents every status it can answer', (path, notFound) => {
    const op = doc.paths[path]?.get;
    expect(op).toBeDefined();
    expect(op.security).toEqual(expect.arrayContaining([{ bearer: [] }]));
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining([...READ, ...(notFound ? ['404'] : [])]));
  });

  it('documents the statistics as JSON or CSV, by year', () => {
    const op = doc.paths['/api/v1/statistics/information-exchange'].get as Operation & { parameters: { name: string; required?: boolean }[] };
    expect(op.parameters.find((p) => p.name === 'year')).toMatchObject({ required: true });
    expect(op.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(['format', 'minPosition']));
    expect(Object.keys(op.responses['200'].content ?? {})).toEqual(expect.arrayContaining(['application/json', 'text/csv']));
  });

  it('documents the filing body with its required fields and the closed lists', () => {
    const schema = doc.components.schemas.FileInformationRequestRequestDto;
    expect(schema.required?.sort()).toEqual(['access', 'informationSought', 'language', 'purpose', 'requestedCountry', 'requestingAuthority', 'urgent']);
    expect(schema.properties?.urgencyReason).toMatchObject({ enum: expect.arrayContaining(['immediate_serious_threat_to_public_security']) });
    expect(doc.components.schemas.RefusalGroundDto.properties?.ground).toMatchObject({ enum: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] });
  });
});
