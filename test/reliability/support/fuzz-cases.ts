// The fuzzer's requests, derived from the OpenAPI document alone: a valid request per operation (body
// from openapi-sampler, path ids from the seeded pool), then every field of it mutated, whole bodies,
// content types, path ids, headers, query parameters and tokens replaced, then random two-field
// mutations up to the requested total. A new endpoint in the document is fuzzed without touching this.
import openapiSampler from 'openapi-sampler';
import type { OpenApiDoc, OperationDoc } from '../../e2e/support/contract.js';
import type { FuzzRequest } from './fuzz-client.js';
import {
  BAD_IDS, CONTENT_TYPES, IDEMPOTENCY_KEYS, IF_MATCH, MARK, MIN_POSITIONS, PURPOSES, QUERY_VALUES, RAW_BODIES, WRONG_VALUES, type Random,
} from './fuzz-values.js';

type Json = Record<string, unknown>;
export interface FuzzOperation { key: string; method: string; template: string; op: OperationDoc }
export interface FuzzContext {
  doc: OpenApiDoc;
  /** Existing ids by path or body field name (caseId, personId …), from the seeding. */
  ids: Record<string, string[]>;
  /** A token that may call this operation (owner-country officer, supervisor for audit). */
  token(op: FuzzOperation): string;
  /** `Authorization` values to try instead (undefined: none at all). */
  tokenVariants: [string, string | undefined][];
  rng: Random;
}

export const PURPOSE = 'Fuzz run check of fictional data';
const CSV = 'locator,contentKind,basis,unit,sentAt\r\nhttps://tiktok.example/@fictional.user/video/7300000000000000099,recruitment_offer,tos_referral,NOA Cyber,2025-09-28T09:00:00+02:00\r\n';

export function operationsOf(doc: OpenApiDoc): FuzzOperation[] {
  return Object.entries(doc.paths).flatMap(([template, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ key: `${method.toUpperCase()} ${template}`, method: method.toUpperCase(), template, op })));
}

/**
 * A JSON body from the document's schema and examples, with the seeded ids where it names them: every
 * property (so every field gets mutated), or the required ones only (`minimal`; the examples of
 * optional fields need not fit together, e.g. a handling text is only for H3).
 */
export function sampleBody(ctx: FuzzContext, op: OperationDoc, minimal = false): Json | undefined {
  const schema = op.requestBody?.content['application/json']?.schema;
  if (!schema) return undefined;
  const body = openapiSampler.sample(schema as never, { skipReadOnly: true, skipNonRequired: minimal }, ctx.doc as never) as Json;
  for (const key of Object.keys(body)) if (ctx.ids[key]?.length) body[key] = ctx.rng.pick(ctx.ids[key]);
  return body;
}

function pathOf(ctx: FuzzContext, f: FuzzOperation, override: Record<string, string> = {}): string {
  const path = f.template.replace(/\{(\w+)\}/g, (_, name: string) => override[name] ?? encodeURIComponent(ctx.rng.pick(ctx.ids[name] ?? ['DK'])));
  const query = (f.op.parameters ?? []).filter((p) => p.in === 'query' && p.required)
    .map((p) => `${p.name}=${encodeURIComponent(p.name === 'case' ? ctx.rng.pick(ctx.ids.caseId) : String(openapiSampler.sample((p.schema ?? {}) as never)))}`);
  return query.length ? `${path}?${query.join('&')}` : path;
}

/** The operation called as it should be. */
export function validRequest(ctx: FuzzContext, f: FuzzOperation, minimal = false): FuzzRequest {
  const headers: Record<string, string> = { authorization: `Bearer ${ctx.token(f)}`, accept: 'application/json' };
  if (f.method === 'GET') headers['x-purpose'] = PURPOSE;
  const body = sampleBody(ctx, f.op, minimal);
  const csv = !body && f.op.requestBody?.content['text/csv'];
  if (body) headers['content-type'] = 'application/json';
  if (csv) headers['content-type'] = 'text/csv';
  return { kind: 'valid', method: f.method, path: pathOf(ctx, f), headers, body: body ? JSON.stringify(body) : csv ? CSV : undefined };
}

/** Every property path of a sampled body (nested objects and the first array item), to a depth of 3. */
function fieldPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (prefix.length >= 3 || value === null || typeof value !== 'object') return [];
  const entries: [string | number, unknown][] = Array.isArray(value) ? (value.length ? [[0, value[0]]] : []) : Object.entries(value);
  return entries.flatMap(([k, v]) => [[...prefix, k], ...fieldPaths(v, [...prefix, k])]);
}

function withField(body: Json, path: (string | number)[], value: unknown, remove = false): string {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let at = copy;
  for (const k of path.slice(0, -1)) {
    at = at[k] as Record<string | number, unknown>;
    if (at === null || typeof at !== 'object') return JSON.stringify(copy); // an earlier mutation replaced the parent
  }
  const last = path[path.length - 1];
  if (remove) delete at[last];
  else at[last] = value;
  return JSON.stringify(copy);
}

export function* fuzzRequests(ctx: FuzzContext, f: FuzzOperation): Generator<FuzzRequest> {
  const valid = validRequest(ctx, f);
  const vary = (kind: string, change: Partial<FuzzRequest>, headers: Record<string, string | undefined> = {}): FuzzRequest => {
    const h = { ...valid.headers, ...headers };
    for (const [k, v] of Object.entries(h)) if (v === undefined) delete h[k];
    return { ...valid, ...change, kind, headers: h as Record<string, string> };
  };
  yield valid;
  const body = valid.body && valid.headers['content-type'] === 'application/json' ? (JSON.parse(valid.body as string) as Json) : undefined;
  if (body) {
    for (const path of fieldPaths(body)) {
      for (const value of WRONG_VALUES) yield vary('body:wrong-value', { body: withField(body, path, value) });
      yield vary('body:missing-field', { body: withField(body, path, undefined, true) });
    }
    yield vary('body:extra-field', { body: JSON.stringify({ ...body, [`extra${MARK}`]: 1, isAdmin: true }) });
    yield vary('body:oversized', { body: JSON.stringify({ ...body, padding: 'x'.repeat(70_000) }) });
  }
  if (valid.body !== undefined) {
    for (const [name, raw] of RAW_BODIES) yield vary(`body:${name}`, { body: raw });
    for (const type of CONTENT_TYPES) yield vary('content-type:wrong', {}, { 'content-type': type });
    yield vary('content-type:none', {}, { 'content-type': undefined });
  }
  if (valid.headers['content-type'] === 'text/csv') {
    yield vary('body:malformed-csv', { body: 'locator,"unterminated\r\n"a,b' });
    yield vary('body:csv-header-only', { body: 'locator,contentKind,basis,unit,sentAt\r\n' });
    yield vary('body:oversized-bulk', { body: `${CSV}${'x'.repeat(9 * 1024 * 1024)}` });
  }
  for (const p of (f.op.parameters ?? []).filter((p) => p.in === 'path')) {
    for (const bad of BAD_IDS) yield vary('path:bad-id', { path: pathOf(ctx, f, { [p.name]: bad }) });
  }
  for (const p of (f.op.parameters ?? []).filter((p) => p.in === 'query')) {
    const sep = valid.path.includes('?') ? '&' : '?';
    for (const v of QUERY_VALUES) yield vary('query:bad-value', { path: `${valid.path}${sep}${p.name}=${v}` });
    yield vary('query:repeated', { path: `${valid.path}${sep}${p.name}=1&${p.name}=2` });
    yield vary('query:bracket', { path: `${valid.path}${sep}${p.name}[]=1&${p.name}[x]=2` });
  }
  yield vary('query:unknown', { path: `${valid.path}${valid.path.includes('?') ? '&' : '?'}unknown${MARK}=1&__proto__[x]=1` });
  if (f.method === 'GET') {
    for (const v of MIN_POSITIONS) yield vary('header:x-min-position', {}, { 'x-min-position': v });
    for (const v of PURPOSES) yield vary('header:x-purpose', {}, { 'x-purpose': v });
    yield vary('header:no-purpose', {}, { 'x-purpose': undefined });
  } else {
    for (const v of IF_MATCH) yield vary('header:if-match', {}, { 'if-match': v });
    for (const v of IDEMPOTENCY_KEYS) yield vary('header:idempotency-key', {}, { 'idempotency-key': v });
    yield vary('header:x-correlation-id', {}, { 'x-correlation-id': 'c'.repeat(5000) });
  }
  for (const [name, value] of ctx.tokenVariants) yield vary(`token:${name}`, {}, { authorization: value });
}

/** Random mutations of two fields at once, for the rest of the requested total. */
export function* randomRequests(ctx: FuzzContext, ops: FuzzOperation[]): Generator<FuzzRequest> {
  const withBodies = ops.filter((f) => f.op.requestBody?.content['application/json']);
  for (;;) {
    const f = ctx.rng.pick(withBodies);
    const valid = validRequest(ctx, f);
    const body = JSON.parse(valid.body as string) as Json;
    const paths = fieldPaths(body);
    const first = ctx.rng.pick(paths);
    const mutated = JSON.parse(withField(body, first, ctx.rng.pick(WRONG_VALUES))) as Json;
    yield { ...valid, kind: 'body:two-fields', body: withField(mutated, ctx.rng.pick(fieldPaths(mutated).length ? fieldPaths(mutated) : paths), ctx.rng.pick(WRONG_VALUES)) };
  }
}
