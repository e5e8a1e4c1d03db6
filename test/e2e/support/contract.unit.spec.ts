import { describe, expect, it } from '@jest/globals';
import { Contract, type OpenApiDoc } from './contract.js';

// The checker the e2e specs and the fuzzer rely on must itself catch drift: each kind once.

const problem = { $ref: '#/components/schemas/Problem' };
const doc: OpenApiDoc = {
  components: {
    schemas: {
      Problem: { type: 'object', required: ['statusCode', 'message'], properties: { statusCode: { type: 'number' }, message: { type: 'string' }, code: { type: 'string' } } },
    },
  },
  paths: {
    '/api/v1/things/{thingId}': {
      get: {
        responses: {
          200: { content: { 'application/json': { schema: { type: 'object', required: ['readAt'], properties: { readAt: { type: 'string', pattern: '^\\d+$' }, at: { type: 'string', format: 'date-time', nullable: true } } } } } },
          404: { content: { 'application/json': { schema: problem } } },
        },
      },
    },
    '/api/v1/things/special': { get: { responses: { 200: { content: { 'text/csv': { schema: { type: 'string' } } } } } } },
    '/ready': { get: { responses: { 200: { description: 'no body documented' } as never } } },
  },
};
const c = new Contract(doc);
const json = 'application/json; charset=utf-8';

describe('Contract (the OpenAPI checker of the e2e specs)', () => {
  it('accepts an answer that keeps the contract, with nullable and formats', () => {
    expect(c.check('GET', '/api/v1/things/1', 200, json, '{"readAt":"12","at":null}')).toBeUndefined();
    expect(c.check('GET', '/api/v1/things/1', 200, json, '{"readAt":"12","at":"2026-01-02T03:04:05Z"}')).toBeUndefined();
    expect(c.check('GET', '/api/v1/things/1', 404, json, '{"statusCode":404,"message":"no"}')).toBeUndefined();
  });

  it('prefers a static segment to a parameter, as the router does', () => {
    expect(c.match('GET', '/api/v1/things/special')?.key).toBe('GET /api/v1/things/special');
    expect(c.check('GET', '/api/v1/things/special', 200, 'text/csv', 'a,b\r\n')).toBeUndefined();
  });

  it('names an undocumented status', () => {
    expect(c.check('GET', '/api/v1/things/1', 500, json, '{"statusCode":500,"message":"x"}')).toMatch(/status 500 is not documented/);
  });

  it('names a body that does not match the schema', () => {
    expect(c.check('GET', '/api/v1/things/1', 200, json, '{"readAt":12}')).toMatch(/does not match.*readAt must be string/);
    expect(c.check('GET', '/api/v1/things/1', 200, json, '{"readAt":"1","at":"yesterday"}')).toMatch(/must match format "date-time"/);
    expect(c.check('GET', '/api/v1/things/1', 404, json, '{"statusCode":"404"}')).toMatch(/does not match/);
    expect(c.check('GET', '/api/v1/things/1', 200, json, 'not json')).toMatch(/not JSON/);
  });

  it('names an undocumented media type, and a body where none is documented', () => {
    expect(c.check('GET', '/api/v1/things/1', 200, 'text/html', '<p>')).toMatch(/content-type text\/html is not documented/);
    expect(c.check('GET', '/ready', 200, json, '{}')).toMatch(/does not describe/);
  });

  it('lets an unknown API path answer only 404, and leaves the dashboard alone', () => {
    expect(c.check('GET', '/api/v1/nothing', 404, json, '{"statusCode":404,"message":"no"}')).toBeUndefined();
    expect(c.check('GET', '/api/v1/nothing', 200, json, '{}')).toMatch(/not in the document/);
    expect(c.check('POST', '/api/v1/things/1', 200, json, '{}')).toMatch(/not in the document/);
    expect(c.check('GET', '/cases/123', 200, 'text/html', '<html>')).toBeUndefined();
  });
});
