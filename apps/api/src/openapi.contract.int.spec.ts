import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startHarness, type Harness } from './cases/commands/testing/case-commands.harness.js';

// The whole published contract, operation by operation: what every route must document whatever room
// it lives in. A new route that forgets a status, its security or its summary fails here; the e2e specs
// then check the answers themselves against the document (test/e2e/support/contract.ts), and
// `npm run lint:openapi` lints it with @redocly/cli.

type Schema = { $ref?: string; oneOf?: Schema[] };
type Response = { headers?: Record<string, unknown>; content?: Record<string, { schema?: Schema }> };
type Operation = {
  summary?: string;
  security?: Record<string, unknown>[];
  parameters?: { in: string; name: string }[];
  requestBody?: unknown;
  responses: Record<string, Response>;
};
type Doc = { servers?: { url: string }[]; paths: Record<string, Record<string, Operation>> };

let h: Harness;
let doc: Doc;
const operations: [string, Operation][] = [];

beforeAll(async () => {
  h = await startHarness();
  doc = (await h.call<Doc>('GET', '/docs/openapi.json')).body;
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) operations.push([`${method.toUpperCase()} ${path}`, op]);
  }
});
afterAll(async () => h?.close());

const PROBLEM = '#/components/schemas/ProblemDto';
const isBearer = (op: Operation) => (op.security ?? []).some((r) => 'bearer' in r);
const isPublic = (op: Operation) => JSON.stringify(op.security) === '[{}]';
/** Whether a schema is, or may be, the one error body (ProblemDto). */
const allowsProblem = (s: Schema | undefined): boolean => s?.$ref === PROBLEM || (s?.oneOf ?? []).some(allowsProblem);

/** What an operation must document, derived from what it is. */
function required(name: string, op: Operation): string[] {
  const statuses = ['503']; // every route: SHUTTING_DOWN while the node stops, and storage faults
  if (isBearer(op)) statuses.push('400', '401', '403'); // headers and parameters, the token, its scope
  if (op.requestBody) statuses.push('400', '413', '415');
  if ((op.parameters ?? []).some((p) => p.in === 'path')) statuses.push('404');
  if (name.startsWith('POST /api/') || name.startsWith('DELETE /api/')) statuses.push('409', '412', '422'); // the command path
  return [...new Set(statuses)].sort();
}

describe('OpenAPI contract: every operation', () => {
  it('covers the whole API (commands, reads, probes)', () => {
    expect(operations.length).toBeGreaterThanOrEqual(70);
    expect(doc.servers?.length).toBeGreaterThan(0);
  });

  it('has a summary and states its security: bearer, or public as [{}]', () => {
    const lacking = operations.filter(([, op]) => !op.summary?.trim() || !(isBearer(op) || isPublic(op))).map(([name]) => name);
    expect(lacking).toEqual([]);
  });

  it('documents every status it can answer', () => {
    const missing = operations.flatMap(([name, op]) => required(name, op).filter((s) => !op.responses[s]).map((s) => `${name} ${s}`));
    expect(missing).toEqual([]);
    const noSuccess = operations.filter(([, op]) => !Object.keys(op.responses).some((s) => s.startsWith('2'))).map(([name]) => name);
    expect(noSuccess).toEqual([]);
  });

  it('describes every error answer with the problem body, and every 503 with Retry-After', () => {
    const wrong = operations.flatMap(([name, op]) => Object.entries(op.responses)
      .filter(([status, r]) => Number(status) >= 400 && !allowsProblem(r.content?.['application/json']?.schema))
      .map(([status]) => `${name} ${status}`));
    expect(wrong).toEqual([]);
    const noRetryAfter = operations.filter(([, op]) => !op.responses['503']?.headers?.['Retry-After']).map(([name]) => name);
    expect(noRetryAfter).toEqual([]);
  });

  it('uses no keyword OpenAPI does not know (`optional` once leaked from the field decorators)', () => {
    expect(JSON.stringify(doc)).not.toContain('"optional"');
  });
});
