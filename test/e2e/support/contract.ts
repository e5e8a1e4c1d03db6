// The served OpenAPI document as a checker of real answers: for one request and its answer, is the
// status documented for that operation, is the media type one it names, and does the body match the
// response schema (ajv + ajv-formats)? Used by every e2e and reliability spec through the fetch hook
// (contract.setup.ts) and by the fuzzer directly, so code and contract cannot drift apart unnoticed.
import { createHash } from 'node:crypto';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule, { type FormatsPlugin } from 'ajv-formats';

// ajv-formats is CommonJS with `exports.default`: under Node's ESM interop the default import is the
// module object, under jest's transform the function itself.
const addFormats: FormatsPlugin = (addFormatsModule as unknown as { default?: FormatsPlugin }).default ?? (addFormatsModule as unknown as FormatsPlugin);

type Schema = Record<string, unknown>;
interface MediaType { schema?: Schema }
interface ResponseDoc { content?: Record<string, MediaType> }
export interface OperationDoc {
  operationId?: string;
  parameters?: { in: string; name: string; required?: boolean; schema?: Schema }[];
  requestBody?: { required?: boolean; content: Record<string, MediaType> };
  responses: Record<string, ResponseDoc>;
  security?: Record<string, unknown>[];
}
export interface OpenApiDoc {
  paths: Record<string, Record<string, OperationDoc>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface MatchedOperation {
  /** `GET /api/v1/cases/{caseId}`: method and path template, as the document names it. */
  key: string;
  method: string;
  template: string;
  op: OperationDoc;
}

const DOC_ID = 'liaison-openapi';
const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

export class Contract {
  private readonly ajv: Ajv;
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly routes: { method: string; template: string; regex: RegExp; statics: number; op: OperationDoc }[] = [];

  constructor(readonly doc: OpenApiDoc) {
    // OpenAPI 3.0 schemas are JSON Schema plus a few words (nullable is ajv's own option, example and
    // xml are annotations): not strict, every error reported.
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    addFormats(this.ajv);
    this.ajv.addSchema({ ...(doc as object), $id: DOC_ID } as Schema);
    for (const [template, ops] of Object.entries(doc.paths)) {
      const segments = template.split('/');
      const regex = new RegExp(`^${segments.map((s) => (/^\{.+\}$/.test(s) ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/')}$`);
      const statics = segments.filter((s) => !/^\{.+\}$/.test(s)).length;
      for (const [method, op] of Object.entries(ops)) this.routes.push({ method: method.toUpperCase(), template, regex, statics, op });
    }
    // Fastify (find-my-way) prefers a static segment to a parameter: /referrals/overdue is not /referrals/{referralId}.
    this.routes.sort((a, b) => b.statics - a.statics);
  }

  /** Every operation of the document, as `METHOD /template`. */
  operations(): string[] {
    return this.routes.map((r) => `${r.method} ${r.template}`).sort();
  }

  /** The documented operation a request reaches, or undefined (no such path, or not with this method). */
  match(method: string, pathname: string): MatchedOperation | undefined {
    const m = method.toUpperCase();
    const route = this.routes.find((r) => r.method === m && r.regex.test(pathname));
    return route && { key: `${route.method} ${route.template}`, method: route.method, template: route.template, op: route.op };
  }

  /** Whether any documented operation has this path (whatever the method). */
  knowsPath(pathname: string): boolean {
    return this.routes.some((r) => r.regex.test(pathname));
  }

  /**
   * What is wrong with this answer, or undefined when it keeps the contract. Paths outside the API
   * (the dashboard, /docs, /metrics) are not judged; an API path the document does not know may only
   * answer 404 (the router's "no such route").
   */
  check(method: string, url: string, status: number, contentType: string | null, body: string): string | undefined {
    const { pathname } = new URL(url, 'http://contract.invalid');
    const matched = this.match(method, pathname);
    if (!matched) {
      if (!/^\/(api|dev|health$|ready$)/.test(pathname)) return undefined;
      if (status === 404 || (status === 503 && isShuttingDown(body))) return undefined;
      return `${method} ${pathname} is not in the document, yet answered ${status}`;
    }
    const statusKey = String(status);
    const response = matched.op.responses[statusKey] ?? matched.op.responses[`${statusKey[0]}XX`] ?? matched.op.responses.default;
    if (!response) return `${matched.key}: status ${status} is not documented (documented: ${Object.keys(matched.op.responses).join(', ')}); body ${body.slice(0, 200)}`;
    if (body.length === 0) return undefined;
    const content = response.content ?? {};
    const mediaType = (contentType ?? '').split(';')[0].trim().toLowerCase();
    const documented = Object.keys(content);
    if (documented.length === 0) return `${matched.key} ${status}: answered a body (${mediaType || 'no content-type'}) the document does not describe`;
    const key = documented.find((t) => t.toLowerCase() === mediaType) ?? documented.find((t) => t === '*/*');
    if (!key) return `${matched.key} ${status}: content-type ${mediaType || '(none)'} is not documented (${documented.join(', ')})`;
    if (!/json/.test(key) || !content[key].schema) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch {
      return `${matched.key} ${status}: ${key} body is not JSON: ${body.slice(0, 120)}`;
    }
    const validate = this.validator(matched, statusKey in matched.op.responses ? statusKey : `${statusKey[0]}XX` in matched.op.responses ? `${statusKey[0]}XX` : 'default', key);
    if (validate(value)) return undefined;
    const errors = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
    return `${matched.key} ${status}: body does not match the documented schema: ${errors}; body ${body.slice(0, 200)}`;
  }

  private validator(matched: MatchedOperation, status: string, mediaType: string): ValidateFunction {
    const ref = `${DOC_ID}#/${pointer('paths', matched.template, matched.method.toLowerCase(), 'responses', status, 'content', mediaType, 'schema')}`;
    let v = this.validators.get(ref);
    if (!v) {
      v = this.ajv.compile({ $ref: ref });
      this.validators.set(ref, v);
    }
    return v;
  }
}

function isShuttingDown(body: string): boolean {
  return body.includes('"SHUTTING_DOWN"');
}

/** One Contract per distinct document (services restarted on new ports serve the same one). */
const byHash = new Map<string, Contract>();

export function contractOf(docText: string): Contract {
  const hash = createHash('sha256').update(docText).digest('hex');
  let contract = byHash.get(hash);
  if (!contract) {
    contract = new Contract(JSON.parse(docText) as OpenApiDoc);
    byHash.set(hash, contract);
  }
  return contract;
}

/** The contract a running service publishes at /docs/openapi.json. */
export async function loadContract(baseUrl: string, fetchImpl: typeof fetch = fetch): Promise<Contract> {
  const res = await fetchImpl(`${baseUrl}/docs/openapi.json`);
  if (res.status !== 200) throw new Error(`GET /docs/openapi.json answered ${res.status}`);
  return contractOf(await res.text());
}
