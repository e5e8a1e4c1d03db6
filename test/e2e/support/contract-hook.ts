// Every answer a spec receives through fetch, checked against the contract its service publishes:
// installed for test/e2e and test/reliability by contract.setup.ts (jest setupFilesAfterEnv). The
// first request to a new origin fetches that origin's /docs/openapi.json (once; services restarted on
// new ports share the compiled contract). A drift fails the request (the spec fails where it happened)
// and, in case a spec swallowed that error, the suite's afterAll.
import { contractOf, type Contract } from './contract.js';

export interface ContractHook {
  /** 'throw' (default): a drifting answer rejects the fetch; 'collect': only recorded (the fuzzer counts them itself). */
  mode: 'throw' | 'collect';
  /** Answers checked so far, and the documented operations they reached. */
  checked: number;
  reached: Set<string>;
  violations: string[];
}

export const contractHook: ContractHook = { mode: 'throw', checked: 0, reached: new Set(), violations: [] };

const NULL_BODY = new Set([101, 204, 205, 304]);

export function installContractCheck(): void {
  const original = globalThis.fetch;
  const contracts = new Map<string, Promise<Contract | undefined>>();

  const contractFor = (origin: string): Promise<Contract | undefined> => {
    let pending = contracts.get(origin);
    if (!pending) {
      pending = original(`${origin}/docs/openapi.json`).then(
        async (res) => (res.status === 200 ? contractOf(await res.text()) : undefined),
        () => undefined,
      );
      contracts.set(origin, pending);
      // Not a Liaison service yet (starting, stopping, killed): ask again next time.
      void pending.then((c) => c ?? contracts.delete(origin));
    }
    return pending;
  };

  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const res = await original(input, init);
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    if (url.pathname === '/docs/openapi.json' || !/^https?:$/.test(url.protocol)) return res;
    // The development OpenID Providers (oidc-provider, ADR 18) answer by the OpenID Connect standard,
    // not by the API's document; they exist only in development mode.
    if (url.pathname.startsWith('/dev/idp/')) return res;
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const contract = await contractFor(url.origin);
    if (!contract) return res;
    const type = res.headers.get('content-type');
    // An event stream never ends: judged by its status and media type, its body left to the spec.
    const streaming = type?.startsWith('text/event-stream') ?? false;
    const body = streaming ? new ArrayBuffer(0) : await res.arrayBuffer();
    const problem = contract.check(method, url.href, res.status, streaming ? null : type, Buffer.from(body).toString('utf8'));
    contractHook.checked++;
    const matched = contract.match(method, url.pathname);
    if (matched) contractHook.reached.add(matched.key);
    if (problem) {
      contractHook.violations.push(problem);
      if (contractHook.mode === 'throw') throw new Error(`answer drifts from /docs/openapi.json: ${problem}`);
    }
    if (streaming) return res;
    const copy = new Response(NULL_BODY.has(res.status) ? null : body, { status: res.status, statusText: res.statusText, headers: res.headers });
    Object.defineProperty(copy, 'url', { value: res.url });
    return copy;
  };
}
